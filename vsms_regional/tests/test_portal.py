"""«Мой кабинет»: the member portal, over real HTTP requests."""

import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.http import Request
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import VsmsCommon

PHONE_RAW = "8 (4812) 55-66-77"
PHONE_FORMATTED = "+7 481 255-66-77"


class PortalCommon:
    assertRaisesText = VsmsCommon.assertRaisesText

    """Two portal members (A and B) with offices, consents, an event
    registration and a contest application each; an internal user outside
    ВСМС."""

    @classmethod
    def setup_portal_data(cls):
        env = cls.env
        ru = env.ref("base.lang_ru")
        ru.active = True
        website = env["website"].get_current_website()
        website.write({"language_ids": [(4, ru.id)], "default_lang_id": ru.id})
        env.company.vsms_privacy_user_id = False
        cls.vyazma = env.ref("vsms_regional.vsms_municipality_vyazem")
        cls.safonovo = env.ref("vsms_regional.vsms_municipality_safonov")
        Partner = env["res.partner"]
        cls.partner_a = Partner.create(
            {
                "vsms_last_name": "Смирнов",
                "vsms_first_name": "Алексей",
                "vsms_patronymic": "Викторович",
                "email": "smirnov@vyazma.example.ru",
                "phone": "+7 481 311-11-11",
                "vsms_municipality_id": cls.vyazma.id,
                "vsms_member_state": "member",
                "lang": "ru_RU",
            }
        )
        cls.partner_b = Partner.create(
            {
                "vsms_last_name": "Кузнецова",
                "vsms_first_name": "Ольга",
                "vsms_patronymic": "Николаевна",
                "email": "kuznetsova@safonovo.example.ru",
                "phone": "+7 481 422-22-22",
                "vsms_municipality_id": cls.safonovo.id,
                "vsms_member_state": "member",
                "lang": "ru_RU",
            }
        )
        portal = "base.group_portal"
        cls.user_a = new_test_user(
            env,
            login="vsms_portal_a",
            groups=portal,
            partner_id=cls.partner_a.id,
            name=cls.partner_a.name,
            email=cls.partner_a.email,
            lang="ru_RU",
        )
        cls.user_b = new_test_user(
            env,
            login="vsms_portal_b",
            groups=portal,
            partner_id=cls.partner_b.id,
            name=cls.partner_b.name,
            email=cls.partner_b.email,
            lang="ru_RU",
        )
        cls.user_outsider = new_test_user(
            env,
            login="vsms_portal_outsider",
            name="Орлов Пётр Ильич",
            groups="base.group_user",
            lang="ru_RU",
        )
        Position = env["vsms.position"]
        Position.create(
            {
                "partner_id": cls.partner_a.id,
                "role_id": env.ref("vsms_regional.vsms_position_role_head").id,
                "organization": "Администрация Вяземского района",
                "date_start": "2024-09-20",
            }
        )
        Position.create(
            {
                "partner_id": cls.partner_b.id,
                "role_id": env.ref("vsms_regional.vsms_position_role_deputy").id,
                "organization": "Сафоновский районный Совет депутатов",
                "date_start": "2024-09-20",
            }
        )
        Consent = env["vsms.consent"]
        cls.consent_a = Consent.create(
            {
                "partner_id": cls.partner_a.id,
                "kind": "processing",
                "date_given": "2024-01-15",
            }
        )
        cls.consent_b = Consent.create(
            {
                "partner_id": cls.partner_b.id,
                "kind": "processing",
                "date_given": "2024-01-15",
            }
        )
        cls.consent_b_mailing = Consent.create(
            {
                "partner_id": cls.partner_b.id,
                "kind": "mailing",
                "date_given": "2024-01-15",
            }
        )
        now = fields.Datetime.now()
        cls.event_a = env["event.event"].create(
            {
                "name": "Семинар для глав поселений",
                "date_begin": now + timedelta(days=10),
                "date_end": now + timedelta(days=10, hours=3),
            }
        )
        cls.event_b = env["event.event"].create(
            {
                "name": "Форум депутатов",
                "date_begin": now + timedelta(days=20),
                "date_end": now + timedelta(days=20, hours=3),
            }
        )
        Registration = env["event.registration"]
        cls.registration_a = Registration.create(
            {"event_id": cls.event_a.id, "partner_id": cls.partner_a.id}
        )
        cls.registration_b = Registration.create(
            {"event_id": cls.event_b.id, "partner_id": cls.partner_b.id}
        )
        Contest = env["vsms.contest"]
        cls.contest_a = Contest.create(
            {
                "name": "Лучшая муниципальная практика",
                "kind": "contest",
                "nomination_ids": [(0, 0, {"name": "Благоустройство"})],
            }
        )
        cls.contest_b = Contest.create(
            {
                "name": "Лучший председатель ТОС",
                "kind": "contest",
                "nomination_ids": [(0, 0, {"name": "Сельские ТОС"})],
            }
        )
        (cls.contest_a | cls.contest_b).action_open()
        Application = env["vsms.contest.application"]
        cls.application_a = Application.create(
            {
                "contest_id": cls.contest_a.id,
                "nomination_id": cls.contest_a.nomination_ids.id,
                "partner_id": cls.partner_a.id,
            }
        )
        cls.application_b = Application.create(
            {
                "contest_id": cls.contest_b.id,
                "nomination_id": cls.contest_b.nomination_ids.id,
                "partner_id": cls.partner_b.id,
            }
        )

    @staticmethod
    def portal_note(partner):
        """The last note of ``partner`` about what the person did in the portal."""
        partner.invalidate_recordset()
        return partner.message_ids.filtered(
            lambda message: "«Мой кабинет»" in (message.body or "")
        )[:1]

    def snapshot(self, partner):
        partner.invalidate_recordset()
        return (
            partner.name,
            partner.vsms_last_name,
            partner.vsms_first_name,
            partner.vsms_patronymic,
            partner.phone,
            partner.email,
            partner.vsms_municipality_id,
        )


@tagged("post_install", "-at_install")
class TestMemberPortal(PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal_data()

    def login(self, user):
        self.authenticate(user.login, user.login)

    def post(self, url, data, csrf=True):
        # never empty: requests sends a GET for empty data
        data = dict(data, sent="1")
        if csrf:
            data["csrf_token"] = Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def assertInPage(self, text, page, msg=None):
        self.assertTrue(text in page, msg or f"{text!r} not on the page")

    def assertNotInPage(self, text, page, msg=None):
        self.assertFalse(text in page, msg or f"{text!r} on the page")

    def get(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    # ------------------------------------------------------------------
    # Pages: the owner sees their data, and only theirs, in Russian
    # ------------------------------------------------------------------
    def test_home_cards_and_counters(self):
        self.login(self.user_a)
        page = self.get("/my")
        self.assertInPage('href="/my/vsms"', page)
        self.assertInPage("Мои данные ВСМС", page)
        self.assertInPage('href="/mailing/my"', page)
        self.assertInPage('href="/my/vsms/consents"', page)
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["vsms_registration_count", "vsms_application_count"]},
        )
        self.assertEqual(
            counters, {"vsms_registration_count": 1, "vsms_application_count": 1}
        )

    def test_my_data_page(self):
        self.login(self.user_a)
        page = self.get("/my/vsms")
        for text in (
            "Смирнов Алексей Викторович",
            "+7 481 311-11-11",
            "smirnov@vyazma.example.ru",
            "Администрация Вяземского района",
            "Член ВСМС",
            self.partner_a.vsms_member_number,
            "Мои данные",
        ):
            self.assertInPage(text, page)
        self.assertInPage(f'value="{self.vyazma.id}" selected', page)
        for text in ("Кузнецова", "Сафоновский районный Совет депутатов"):
            self.assertNotInPage(text, page)

    def test_registrations_page(self):
        self.login(self.user_a)
        page = self.get("/my/vsms/registrations")
        self.assertInPage("Семинар для глав поселений", page)
        self.assertNotInPage("Форум депутатов", page)
        self.assertInPage("Мероприятие", page)

    def test_registrations_page_shows_the_waitlist(self):
        """A waitlist place is shown as such; an unconfirmed draft is not."""
        now = fields.Datetime.now()
        full = self.env["event.event"].create(
            {
                "name": "Урок местного самоуправления",
                "date_begin": now + timedelta(days=5),
                "date_end": now + timedelta(days=5, hours=2),
                "seats_limited": True,
                "seats_max": 1,
                "vsms_waitlist_enabled": True,
            }
        )
        Registration = self.env["event.registration"]
        Registration.create({"event_id": full.id, "partner_id": self.partner_b.id})
        waiting = Registration.create(
            {"event_id": full.id, "partner_id": self.partner_a.id}
        )
        self.assertTrue(waiting.vsms_waitlisted)
        self.login(self.user_a)
        page = self.get("/my/vsms/registrations")
        self.assertInPage("Урок местного самоуправления", page)
        self.assertInPage("В листе ожидания", page)
        # an unconfirmed draft (not a waitlist place) is not shown
        draft = self.env["event.event"].create(
            {
                "name": "Круглый стол старост",
                "date_begin": now + timedelta(days=6),
                "date_end": now + timedelta(days=6, hours=2),
            }
        )
        Registration.create(
            {"event_id": draft.id, "partner_id": self.partner_a.id, "state": "draft"}
        )
        page = self.get("/my/vsms/registrations")
        self.assertNotInPage("Круглый стол старост", page)

    def test_applications_page(self):
        self.login(self.user_a)
        page = self.get("/my/vsms/applications")
        self.assertInPage("Лучшая муниципальная практика", page)
        self.assertInPage("Благоустройство", page)
        self.assertNotInPage("Лучший председатель ТОС", page)

    def test_consents_page(self):
        self.login(self.user_a)
        page = self.get("/my/vsms/consents")
        self.assertInPage("Обработка персональных данных", page)
        self.assertInPage(f"/my/vsms/consents/{self.consent_a.id}/withdraw", page)
        self.assertNotInPage(f"/my/vsms/consents/{self.consent_b.id}/", page)
        self.assertInPage('href="/my/vsms/personal_data"', page)
        self.assertInPage('href="/mailing/my"', page)

    # ------------------------------------------------------------------
    # Editing one's data
    # ------------------------------------------------------------------
    def form(self, **values):
        return {
            "name": "Смирнов Алексей Викторович",
            "phone": "+7 481 311-11-11",
            "email": "smirnov@vyazma.example.ru",
            "municipality_id": str(self.vyazma.id),
        } | values

    def test_edit_data(self):
        self.login(self.user_a)
        response = self.post(
            "/my/vsms",
            self.form(
                name="  Смирнов   Алексей Петрович ",
                phone=PHONE_RAW,
                email="a.smirnov@safonovo.example.ru",
                municipality_id=str(self.safonovo.id),
            ),
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/vsms?saved=1"))
        self.assertEqual(
            self.snapshot(self.partner_a),
            (
                "Смирнов Алексей Петрович",
                "Смирнов",
                "Алексей",
                "Петрович",
                PHONE_FORMATTED,
                "a.smirnov@safonovo.example.ru",
                self.safonovo,
            ),
        )
        note = self.portal_note(self.partner_a)
        self.assertIn("«Мой кабинет»", note.body)
        self.assertIn("Петрович", note.body)
        self.assertIn("Сафоновский", note.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertInPage("Ваши данные сохранены", self.get("/my/vsms?saved=1"))

    def test_edit_duplicate_noted_for_staff(self):
        """An e-mail of another contact is saved, and staff are told."""
        self.login(self.user_a)
        response = self.post(
            "/my/vsms", self.form(email="kuznetsova@safonovo.example.ru")
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn(
            "Кузнецова Ольга Николаевна", self.portal_note(self.partner_a).body
        )

    def assert_refused(self, form, message):
        before = self.snapshot(self.partner_a)
        messages = len(self.partner_a.message_ids)
        response = self.post("/my/vsms", form)
        self.assertEqual(response.status_code, 200)
        self.assertInPage(message, response.text)
        self.assertInPage("Ничего не сохранено", response.text)
        self.assertEqual(self.snapshot(self.partner_a), before)
        self.partner_a.invalidate_recordset()
        self.assertEqual(len(self.partner_a.message_ids), messages)
        return response

    def test_edit_bad_phone(self):
        self.login(self.user_a)
        response = self.assert_refused(
            self.form(phone="12-ab", municipality_id=str(self.safonovo.id)),
            "«12-ab» — неверный номер телефона",
        )
        # what the person typed is kept in the form
        self.assertInPage('value="12-ab"', response.text)

    def test_edit_bad_name(self):
        self.login(self.user_a)
        self.assert_refused(
            self.form(name="Smirnov", phone=PHONE_RAW),
            "«Smirnov» — не полное имя",
        )

    def test_edit_bad_email_and_municipality(self):
        self.login(self.user_a)
        self.assert_refused(
            self.form(email="smirnov@vyazma"),
            "«smirnov@vyazma» — неверный адрес электронной почты",
        )
        self.assert_refused(
            self.form(municipality_id="999999"),
            "Неизвестное муниципальное образование «999999»",
        )

    def test_post_needs_csrf(self):
        self.login(self.user_a)
        before = self.snapshot(self.partner_a)
        response = self.post("/my/vsms", self.form(phone=PHONE_RAW), csrf=False)
        self.assertEqual(response.status_code, 400)
        response = self.post(
            f"/my/vsms/consents/{self.consent_a.id}/withdraw", {}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.snapshot(self.partner_a), before)
        self.assertEqual(self.consent_a.state, "active")

    # ------------------------------------------------------------------
    # Consents
    # ------------------------------------------------------------------
    def test_withdraw_consent(self):
        self.login(self.user_a)
        response = self.post(f"/my/vsms/consents/{self.consent_a.id}/withdraw", {})
        self.assertEqual(response.status_code, 303)
        self.consent_a.invalidate_recordset()
        self.assertEqual(self.consent_a.state, "withdrawn")
        self.assertEqual(self.consent_a.date_withdrawn, fields.Date.today())
        # the same to-do as a staff withdrawal, for staff (not the person)
        activity = self.consent_a.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("vsms_regional.mail_activity_type_vsms_personal_data"),
        )
        self.assertEqual(
            activity.date_deadline, fields.Date.today() + timedelta(days=30)
        )
        self.assertEqual(activity.user_id, self.env.ref("base.user_admin"))
        self.assertInPage(
            "Согласие отозвано", self.get("/my/vsms/consents?withdrawn=1")
        )
        # twice: told, nothing changes
        response = self.post(f"/my/vsms/consents/{self.consent_a.id}/withdraw", {})
        self.assertEqual(response.status_code, 200)
        self.assertInPage("уже отозвано", response.text)
        self.assertEqual(len(self.consent_a.activity_ids), 1)

    def test_withdraw_goes_to_privacy_officer(self):
        officer = new_test_user(
            self.env, login="vsms_privacy", groups="vsms_regional.group_vsms_user"
        )
        self.env.company.vsms_privacy_user_id = officer
        self.login(self.user_a)
        self.post(f"/my/vsms/consents/{self.consent_a.id}/withdraw", {})
        self.assertEqual(self.consent_a.activity_ids.user_id, officer)

    def test_give_mailing_consent(self):
        text = self.env["vsms.consent.text"]._vsms_current("mailing")
        self.assertTrue(text)
        self.login(self.user_a)
        page = self.get("/my/vsms/consents")
        self.assertInPage(text.body.splitlines()[0], page)
        self.assertInPage(f'name="consent_text_id" value="{text.id}"', page)
        Consent = self.env["vsms.consent"]
        mine = [("partner_id", "=", self.partner_a.id), ("kind", "=", "mailing")]
        # the box not ticked: nothing recorded
        response = self.post(
            "/my/vsms/consents/give",
            {"kind": "mailing", "consent_text_id": str(text.id)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertInPage("Отметьте", response.text)
        self.assertFalse(Consent.search(mine))
        # a text that is not the one in force: nothing recorded
        response = self.post(
            "/my/vsms/consents/give",
            {"kind": "mailing", "consent_text_id": "999999", "agree": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertInPage("изменился", response.text)
        self.assertFalse(Consent.search(mine))
        # processing is not given here
        response = self.post(
            "/my/vsms/consents/give",
            {"kind": "processing", "consent_text_id": str(text.id), "agree": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            Consent.search_count([("partner_id", "=", self.partner_a.id)]), 1
        )
        response = self.post(
            "/my/vsms/consents/give",
            {"kind": "mailing", "consent_text_id": str(text.id), "agree": "1"},
        )
        self.assertEqual(response.status_code, 303)
        consent = Consent.search(mine)
        self.assertEqual(len(consent), 1)
        self.assertEqual(consent.source, "website")
        self.assertEqual(consent.text_id, text)
        self.assertEqual(consent.state, "active")
        self.assertTrue(consent.given_at)
        self.partner_a.invalidate_recordset()
        self.assertTrue(self.partner_a.vsms_mailing_allowed)
        # given: no second offer, no second consent
        self.assertNotInPage(
            "o_vsms_portal_give_mailing", self.get("/my/vsms/consents")
        )
        response = self.post(
            "/my/vsms/consents/give",
            {"kind": "mailing", "consent_text_id": str(text.id), "agree": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(Consent.search(mine)), 1)

    # ------------------------------------------------------------------
    # Download of everything held about me
    # ------------------------------------------------------------------
    def test_download_my_data(self):
        self.login(self.user_a)
        response = self.url_open("/my/vsms/personal_data")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = response.json()
        self.assertEqual(data["Физическое лицо"]["Отчество"], "Викторович")
        self.assertEqual(
            data["Физическое лицо"]["Членский номер"], self.partner_a.vsms_member_number
        )
        text = json.dumps(data, ensure_ascii=False)
        self.assertIn("Администрация Вяземского района", text)
        self.assertIn("Семинар для глав поселений", text)
        for other in ("Кузнецова", "Форум депутатов", "Сафоновский районный"):
            self.assertNotIn(other, text)
        self.assertTrue(self.portal_note(self.partner_a))

    # ------------------------------------------------------------------
    # Access: another's ids, public users, internal users outside ВСМС
    # ------------------------------------------------------------------
    def test_other_persons_ids(self):
        """A's session with B's ids, in every URL that takes one: 404, and
        nothing of B's changes."""
        self.login(self.user_a)
        for consent_id in (self.consent_b.id, self.consent_b_mailing.id, 999999):
            response = self.post(f"/my/vsms/consents/{consent_id}/withdraw", {})
            self.assertEqual(response.status_code, 404, consent_id)
        self.assertEqual(self.consent_b.state, "active")
        self.assertEqual(self.consent_b_mailing.state, "active")
        self.assertFalse(self.consent_b.activity_ids)
        # the pages take no id: whatever is added, they show A's records only
        for url in (
            f"/my/vsms?partner_id={self.partner_b.id}",
            f"/my/vsms/registrations?partner_id={self.partner_b.id}",
            f"/my/vsms/applications?id={self.application_b.id}",
            f"/my/vsms/consents?partner_id={self.partner_b.id}",
            f"/my/vsms/personal_data?partner_id={self.partner_b.id}",
        ):
            page = self.get(url)
            self.assertNotInPage("Кузнецова", page, url)
            self.assertNotInPage("Форум депутатов", page, url)
            self.assertNotInPage("Лучший председатель ТОС", page, url)
        # B's data cannot be written through A's form either
        before_b = self.snapshot(self.partner_b)
        self.post(
            "/my/vsms",
            self.form(partner_id=str(self.partner_b.id), id=str(self.partner_b.id)),
        )
        self.assertEqual(self.snapshot(self.partner_b), before_b)

    def test_public_user_sent_to_login(self):
        self.authenticate(None, None)
        for url in (
            "/my/vsms",
            "/my/vsms/registrations",
            "/my/vsms/applications",
            "/my/vsms/consents",
            "/my/vsms/personal_data",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertIn("/web/login", response.headers["Location"], url)
        before = self.snapshot(self.partner_a)
        response = self.post(
            "/my/vsms", self.form(phone=PHONE_RAW, name="Смирнов Пётр Петрович")
        )
        self.assertIn(response.status_code, (303, 400))
        response = self.post(f"/my/vsms/consents/{self.consent_a.id}/withdraw", {})
        self.assertIn(response.status_code, (303, 400))
        self.assertEqual(self.snapshot(self.partner_a), before)
        self.assertEqual(self.consent_a.state, "active")

    def test_internal_outsider(self):
        """An internal user outside ВСМС has a cabinet of their own, and
        nothing of anyone else's."""
        self.login(self.user_outsider)
        page = self.get("/my/vsms")
        self.assertInPage("Орлов Пётр Ильич", page)
        self.assertNotInPage("Смирнов", page)
        for url in (
            "/my/vsms/registrations",
            "/my/vsms/applications",
            "/my/vsms/consents",
        ):
            page = self.get(url)
            self.assertNotInPage("Семинар для глав поселений", page)
            self.assertNotInPage("Лучшая муниципальная практика", page)
            self.assertNotInPage("/withdraw", page)
        response = self.post(f"/my/vsms/consents/{self.consent_a.id}/withdraw", {})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.consent_a.state, "active")
        response = self.post(
            "/my/vsms",
            {
                "name": "Орлов Пётр Ильич",
                "phone": PHONE_RAW,
                "email": "orlov@example.ru",
                "municipality_id": "",
            },
        )
        self.assertEqual(response.status_code, 303)
        self.user_outsider.partner_id.invalidate_recordset()
        self.assertEqual(self.user_outsider.partner_id.phone, PHONE_FORMATTED)
        data = self.url_open("/my/vsms/personal_data").json()
        self.assertIn("Орлов Пётр Ильич", json.dumps(data, ensure_ascii=False))


class TestPortalModel(PortalCommon, TransactionCase):
    """The portal methods of res.partner hold whoever calls them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_portal_data()
        cls.staff = new_test_user(
            cls.env, login="vsms_portal_staff", groups="vsms_regional.group_vsms_user"
        )

    def test_only_the_person(self):
        form = {
            "name": "Смирнов Алексей Викторович",
            "email": "x@example.ru",
            "phone": "",
            "municipality_id": "",
        }
        before = self.snapshot(self.partner_a)
        for user in (self.user_b, self.staff, self.user_outsider):
            partner = self.partner_a.with_user(user)
            with self.assertRaisesText(AccessError, "own data"):
                partner._vsms_portal_update(form)
            with self.assertRaises(AccessError):
                partner._vsms_portal_withdraw_consent(self.consent_a.id)
            with self.assertRaises(AccessError):
                partner._vsms_portal_give_consent("mailing", 0)
            with self.assertRaises(AccessError):
                partner._vsms_portal_consents()
        self.assertEqual(self.snapshot(self.partner_a), before)
        self.assertEqual(self.consent_a.state, "active")

    def test_withdrawal_by_staff_keeps_its_todo_owner(self):
        self.consent_a.with_user(self.staff).action_withdraw()
        self.assertEqual(self.consent_a.activity_ids.user_id, self.staff)

    def test_outsider_uses_own_cabinet(self):
        """Core-model contract: an internal user without ВСМС groups updates
        their own contact through the portal methods."""
        partner = self.user_outsider.partner_id.with_user(self.user_outsider)
        changed = partner._vsms_portal_update(
            {
                "name": "Орлов Пётр Ильич",
                "email": "orlov@example.ru",
                "phone": PHONE_RAW,
                "municipality_id": str(self.vyazma.id),
            }
        )
        self.assertEqual(set(changed), {"email", "phone", "vsms_municipality_id"})
        self.assertEqual(partner.sudo().vsms_municipality_id, self.vyazma)
        self.assertFalse(partner._vsms_portal_consents())
        # the form of their own contact still opens for them
        partner.read(["name", "phone", "email", "vsms_municipality_id"])

    def test_bad_values_name_themselves(self):
        partner = self.partner_a.with_user(self.user_a)
        archived = self.env["vsms.municipality"].create(
            {"name": "Упразднённое поселение", "active": False}
        )
        cases = [
            ({"municipality_id": str(archived.id)}, f"«{archived.id}»"),
            ({"name": "Иванов"}, "«Иванов»"),
            ({"phone": "+7 12"}, "«+7 12»"),
            ({"email": "no-at-sign"}, "«no-at-sign»"),
            ({"municipality_id": "abc"}, "«abc»"),
        ]
        for values, text in cases:
            form = {
                "name": "Смирнов Алексей Викторович",
                "email": "smirnov@vyazma.example.ru",
                "phone": "",
                "municipality_id": "",
            } | values
            with self.assertRaises(ValidationError) as caught:
                partner._vsms_portal_values(form)
            self.assertIn(text, str(caught.exception))

    def test_staff_grant_access_from_contact(self):
        """The «ВСМС» tab's button opens Odoo's portal wizard; ВСМС staff
        give the person an account with it."""
        person = self.env["res.partner"].create(
            {
                "name": "Белова Мария Андреевна",
                "email": "belova@example.ru",
                "vsms_municipality_id": self.vyazma.id,
            }
        )
        arch = (
            self.env["res.partner"]
            .with_user(self.staff)
            .get_view(self.env.ref("base.view_partner_form").id)["arch"]
        )
        action = self.env.ref("portal.partner_wizard_action")
        self.assertIn(f'name="{action.id}"', arch)
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.staff)
            .with_context(active_ids=person.ids, active_model="res.partner")
            .create({})
        )
        wizard.user_ids.action_grant_access()
        self.assertTrue(person.user_ids._is_portal())
