"""Public event registration over HTTP: what is asked, stored and refused."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlparse

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestEventRegistrationHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").email = "admin@vsms.example.ru"
        start = datetime.now() + timedelta(days=10)
        cls.event = cls.env["event.event"].create(
            {
                "name": "День местного самоуправления",
                "date_begin": start,
                "date_end": start + timedelta(hours=3),
                "seats_limited": True,
                "seats_max": 3,
                "vsms_waitlist_enabled": True,
                "vsms_consent_required": True,
                "website_published": True,
            }
        )
        cls.questions = {q.question_type: q.id for q in cls.event.question_ids}
        cls.text = cls.env["vsms.consent.text"]._vsms_current("processing")
        cls.Registration = cls.env["event.registration"]
        cls.Partner = cls.env["res.partner"]
        cls.Consent = cls.env["vsms.consent"]

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def attendee(self, index, name, email, category="", organization=""):
        return {
            f"{index}-name-{self.questions['name']}": name,
            f"{index}-email-{self.questions['email']}": email,
            f"{index}-vsms_category": category,
            f"{index}-vsms_organization": organization,
        }

    def post(self, *attendees, consent=True, **extra):
        data = {"csrf_token": http.Request.csrf_token(self)}
        for attendee in attendees:
            data.update(attendee)
        if consent:
            data.update(vsms_consent="1", consent_text_id=str(self.text.id))
        data.update(extra)
        response = self.url_open(
            f"/event/{self.event.id}/registration/confirm",
            data=data,
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        location = response.headers["Location"]
        return location, parse_qs(urlparse(location).query)

    def registrations(self):
        return self.Registration.search([("event_id", "=", self.event.id)])

    def test_happy_path_stores_category_organisation_and_consent(self):
        self.assertTrue(self.text, "no consent text in force")
        location, _query = self.post(
            self.attendee(
                1,
                "Соколова Анна Игоревна",
                "sokolova@example.ru",
                "teacher",
                "МБОУ «СШ № 1»",
            ),
            self.attendee(
                2, "Орлов Пётр Ильич", "orlov@example.ru", "head", "Администрация"
            ),
        )
        self.assertIn("/registration/success", location)
        regs = self.registrations().sorted("id")
        self.assertEqual(len(regs), 2)
        self.assertEqual(regs.mapped("state"), ["open", "open"])
        self.assertEqual(regs.mapped("vsms_category"), ["teacher", "head"])
        self.assertEqual(regs[0].vsms_organization, "МБОУ «СШ № 1»")
        self.assertEqual(regs[0].partner_id.email, "sokolova@example.ru")
        self.assertEqual(regs[0].partner_id.name, "Соколова Анна Игоревна")
        consents = self.Consent.search([("partner_id", "in", regs.partner_id.ids)])
        self.assertEqual(len(consents), 2)
        self.assertEqual(set(consents.mapped("source")), {"website"})
        self.assertEqual(consents.text_id, self.text)
        self.assertTrue(all(consents.mapped("given_at")))
        self.assertEqual(set(consents.mapped("kind")), {"processing"})
        self.assertFalse(consents.guardian_partner_id)
        # the success page: registered, nobody waiting
        page = self.url_open(location)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_wereg_confirmed", page.text)
        self.assertNotIn("o_vsms_waitlisted", page.text)

    def test_missing_consent_saves_nothing(self):
        partners = self.Partner.search_count([])
        location, query = self.post(
            self.attendee(1, "Соколова Анна", "sokolova@example.ru"), consent=False
        )
        self.assertEqual(query["registration_error_code"], ["vsms_consent"])
        self.assertFalse(self.registrations())
        self.assertEqual(self.Partner.search_count([]), partners)
        page = self.url_open(location)
        self.assertIn("152-ФЗ", page.text)

    def test_same_email_twice_gets_a_message_not_a_registration(self):
        self.post(self.attendee(1, "Соколова Анна", "sokolova@example.ru"))
        location, query = self.post(
            self.attendee(1, "Анна Соколова", "Sokolova@Example.ru ")
        )
        self.assertEqual(query["registration_error_code"], ["vsms_duplicate"])
        self.assertEqual(len(self.registrations()), 1)
        self.assertIn("sokolova@example.ru", self.url_open(location).text)
        # twice in one form
        _location, query = self.post(
            self.attendee(1, "Орлов Пётр", "orlov@example.ru"),
            self.attendee(2, "Орлов Пётр", "orlov@example.ru"),
        )
        self.assertEqual(query["registration_error_code"], ["vsms_duplicate"])
        self.assertEqual(len(self.registrations()), 1)

    def test_existing_contact_is_matched_not_duplicated(self):
        known = self.Partner.create(
            {"name": "Соколова Анна Игоревна", "email": "sokolova@example.ru"}
        )
        self.post(self.attendee(1, "Соколова Анна Игоревна", "SOKOLOVA@example.ru"))
        self.assertEqual(self.registrations().partner_id, known)
        self.assertEqual(
            self.Partner.search_count(
                [("email_normalized", "=", "sokolova@example.ru")]
            ),
            1,
        )

    def test_teacher_registers_pupils_and_consents_for_them(self):
        location, _query = self.post(
            self.attendee(1, "Иванов Миша", "school1@example.ru", "pupil", "СШ № 1"),
            self.attendee(2, "Петрова Маша", "school1@example.ru", "pupil", "СШ № 1"),
            vsms_minor="1",
            vsms_guardian_name="Сидорова  Елена Петровна",
            vsms_guardian_relation="other",
            vsms_guardian_email="sidorova@example.ru",
        )
        self.assertIn("/registration/success", location)
        regs = self.registrations()
        self.assertEqual(len(regs), 2)
        self.assertEqual(len(regs.partner_id), 2)
        self.assertEqual(
            sorted(regs.partner_id.mapped("name")), ["Иванов Миша", "Петрова Маша"]
        )
        consents = self.Consent.search([("partner_id", "in", regs.partner_id.ids)])
        self.assertEqual(len(consents), 2)
        guardian = consents.guardian_partner_id
        self.assertEqual(len(guardian), 1)
        self.assertEqual(guardian.name, "Сидорова Елена Петровна")
        self.assertEqual(guardian.email, "sidorova@example.ru")
        self.assertEqual(set(consents.mapped("guardian_relation")), {"other"})

    def test_minor_without_guardian_is_refused(self):
        _location, query = self.post(
            self.attendee(1, "Иванов Миша", "school1@example.ru", "pupil"),
            vsms_minor="1",
        )
        self.assertEqual(query["registration_error_code"], ["vsms_guardian"])
        self.assertFalse(self.registrations())

    def test_full_event_puts_the_rest_on_the_waitlist(self):
        attendees = [
            self.attendee(n, f"Участник {n}", f"p{n}@example.ru") for n in range(1, 6)
        ]
        location, _query = self.post(*attendees)
        regs = self.registrations().sorted("id")
        self.assertEqual(regs.mapped("vsms_waitlisted"), [False] * 3 + [True] * 2)
        page = self.url_open(location)
        self.assertIn("o_vsms_waitlisted", page.text)
        self.assertIn("Участник 5", page.text)
        # the event page offers the waitlist
        self.event.invalidate_recordset()
        page = self.url_open(f"/event/{self.event.id}/register")
        self.assertIn("o_vsms_join_waitlist", page.text)
        page = self.url_open(f"/event/{self.event.id}/waitlist?quantity=2")
        self.assertEqual(page.status_code, 200)
        self.assertIn("2-vsms_category", page.text)
        self.assertIn(self.text.body[:40], page.text)
        # a seat frees: the first waiting gets it
        regs[0].sudo().action_cancel()
        self.assertEqual(regs[3].state, "open")
        self.assertTrue(regs[4].vsms_waitlisted)

    def test_full_event_without_waitlist_says_so(self):
        self.event.vsms_waitlist_enabled = False
        attendees = [
            self.attendee(n, f"Участник {n}", f"p{n}@example.ru") for n in range(1, 5)
        ]
        _location, query = self.post(*attendees)
        self.assertEqual(query["registration_error_code"], ["insufficient_seats"])
        self.assertFalse(self.registrations())
        # nothing saved: no contact, no consent
        self.assertFalse(self.Partner.search([("email", "=", "p1@example.ru")]))

    def test_public_only_registers(self):
        self.post(self.attendee(1, "Соколова Анна", "sokolova@example.ru"))
        reg = self.registrations()
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.Registration.with_user(public).browse(reg.id).read(["name"])
        with self.assertRaises(AccessError):
            self.Consent.with_user(public).search([])
        # another browser cannot see the success page of this registration
        self.authenticate(None, None)
        page = self.url_open(
            f"/event/{self.event.id}/registration/success?registration_ids={reg.id}"
        )
        self.assertNotIn("Соколова Анна", page.text)
