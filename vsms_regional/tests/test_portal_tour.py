"""«Мой кабинет» in Chromium: a member corrects their phone, sees their
registration and gives the mailing consent."""

from odoo.tests import HttpCase, tagged

from .test_portal import PHONE_FORMATTED, PortalCommon


@tagged("post_install", "-at_install")
class TestPortalTour(PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal_data()

    def test_portal_tour(self):
        self.start_tour("/my", "vsms_portal_tour", login=self.user_a.login)
        self.env.invalidate_all()
        self.assertEqual(self.partner_a.phone, PHONE_FORMATTED)
        consent = self.env["vsms.consent"].search(
            [("partner_id", "=", self.partner_a.id), ("kind", "=", "mailing")]
        )
        self.assertEqual(len(consent), 1)
        self.assertEqual(consent.source, "website")
        self.assertEqual(consent.state, "active")
