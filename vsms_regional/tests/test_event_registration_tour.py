"""A teacher registers two pupils on the website, in the browser."""

from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestEventRegistrationTour(HttpCase):
    def test_event_registration_tour(self):
        start = datetime.now() + timedelta(days=10)
        event = self.env["event.event"].create(
            {
                "name": "Олимпиада по основам местного самоуправления",
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "seats_limited": True,
                "seats_max": 10,
                "vsms_consent_required": True,
                "website_published": True,
            }
        )
        self.start_tour(f"/event/{event.id}/register", "vsms_event_registration_tour")

        regs = self.env["event.registration"].search([("event_id", "=", event.id)])
        self.assertEqual(
            sorted(regs.mapped("name")), ["Кузнецов Илья", "Морозова Вера"]
        )
        self.assertEqual(set(regs.mapped("vsms_category")), {"pupil"})
        self.assertEqual(set(regs.mapped("vsms_organization")), {"МБОУ «СШ № 7»"})
        self.assertEqual(set(regs.mapped("state")), {"open"})
        consents = self.env["vsms.consent"].search(
            [("partner_id", "in", regs.partner_id.ids)]
        )
        self.assertEqual(len(consents), 2)
        self.assertEqual(consents.guardian_partner_id.name, "Лебедева Ольга Петровна")
        self.assertEqual(set(consents.mapped("source")), {"website"})
