"""Mailings staff send in two minutes: the branch's ready-made letters, the
mailings prepared from an event or from monitoring notes, who a segment
leaves out, and the figures on the plan item.

Mailings are sent for real through the mail gateway mock: what left is what
the gateway built."""

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import format_date

from odoo.addons.mail.tests.common import MockEmail

from .common import VsmsContactCommon

TEMPLATES = (
    "mailing_vsms_template_election",
    "mailing_vsms_template_event",
    "mailing_vsms_template_contest",
    "mailing_vsms_template_digest",
    "mailing_vsms_template_information",
)
SIGNATURE = "Смоленское региональное отделение ВСМС"


class OutreachMailingCommon(VsmsContactCommon, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mailing = cls.env["mailing.mailing"]
        # the head consented to mailings, the deputy withdrew her consent,
        # Orlov never gave one
        cls.give_consent(cls.head)
        cls.give_consent(cls.deputy).action_withdraw()
        cls.silent = cls.make_person(
            "Орлов", "Пётр", "Ильич", email="orlov@vyazma.example.ru", vsms_in_base=True
        )
        cls.marketer = new_test_user(
            cls.env,
            login="vsms_marketer",
            name="Маркетолог вне ВСМС",
            email="marketer@example.com",
            groups="base.group_user,mass_mailing.group_mass_mailing_user,"
            "event.group_event_user",
        )
        cls.user_staff.email = "petrova@vsms67.example.ru"
        cls.occurrence_april = cls.item_olympiad.occurrence_ids
        cls.venue = cls.Partner.create(
            {"name": "Дом культуры", "street": "ул. Ленина, 1", "city": "Вязьма"}
        )
        cls.event = cls.env["event.event"].create(
            {
                "name": "Олимпиада по основам местного самоуправления",
                "date_begin": "2030-04-10 07:00:00",
                "date_end": "2030-04-10 12:00:00",
                "date_tz": "Europe/Moscow",
                "address_id": cls.venue.id,
                "vsms_occurrence_id": cls.occurrence_april.id,
            }
        )

    def _form(self, action, user):
        """The mailing form that ``action`` opens, as ``user``."""
        self.assertEqual(action["res_model"], "mailing.mailing")
        return Form(self.Mailing.with_user(user).with_context(**action["context"]))

    def _send(self, mailing, user):
        """Send ``mailing`` as ``user``; the e-mails built, by address."""
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.with_user(user).action_send_mail()
        return {
            email.split("<")[-1].strip(">").lower(): mail
            for mail in self._mails
            for email in mail["email_to"]
        }


@tagged("post_install", "-at_install")
class TestMailingTemplates(OutreachMailingCommon):
    def test_templates_are_offered_in_the_designer(self):
        """Five Russian letters: favourites (the designer's picker offers
        them), archived (out of the mailing lists), to contacts, each
        greeting with the salutation and signed by the branch."""
        partner_model = self.env["ir.model"]._get_id("res.partner")
        favourites = self.Mailing.with_user(self.user_staff).action_fetch_favorites(
            [("mailing_model_id", "=", partner_model)]
        )
        offered = {values["id"] for values in favourites}
        for xmlid in TEMPLATES:
            with self.subTest(template=xmlid):
                template = self.env.ref(f"vsms_regional.{xmlid}")
                self.assertIn(template.id, offered)
                self.assertFalse(template.active)
                self.assertEqual(template.mailing_model_id.model, "res.partner")
                self.assertIn('t-out="object.vsms_salutation"', template.body_arch)
                self.assertIn(SIGNATURE, template.body_arch)
                self.assertIn("/unsubscribe_from_list", template.body_arch)
                # where the details of an event, a contest or a digest go
                self.assertEqual(
                    "o_vsms_slot" in template.body_arch,
                    xmlid != "mailing_vsms_template_election",
                )
        self.assertNotIn(
            self.env.ref("vsms_regional.mailing_vsms_template_event"),
            self.Mailing.search([]),
        )

    def _mailing_from_template(self, xmlid, user, people):
        template = self.env.ref(f"vsms_regional.{xmlid}")
        return self.Mailing.with_user(user).create(
            {
                "subject": template.subject,
                "mailing_model_id": template.mailing_model_id.id,
                "mailing_domain": repr([("id", "in", people.ids)]),
                "body_arch": template.body_arch,
                "body_html": template.body_html,
            }
        )

    def test_staff_send_a_template(self):
        """Staff are not template editors: the salutation still renders (a
        plain field, Odoo's regex mode), and only consenting people get it."""
        self.assertFalse(self.user_staff.has_group("mail.group_mail_template_editor"))
        mailing = self._mailing_from_template(
            "mailing_vsms_template_information",
            self.user_staff,
            self.head | self.deputy | self.silent,
        )
        mails = self._send(mailing, self.user_staff)
        self.assertEqual(set(mails), {"smirnov@vyazma.example.ru"})
        body = mails["smirnov@vyazma.example.ru"]["body"]
        self.assertIn("Уважаемый Алексей Викторович!", body)
        self.assertIn(SIGNATURE, body)
        self.assertNotIn("t-out", body)

    def test_marketer_outside_vsms_sends_a_template(self):
        """A mass-mailing user without ВСМС groups uses the letters too, and
        an organisation is greeted as colleagues."""
        self.assertFalse(self.marketer.has_group("vsms_regional.group_vsms_user"))
        company = self.Partner.create(
            {"name": "ООО «Ромашка»", "is_company": True, "email": "info@romashka.ru"}
        )
        mailing = self._mailing_from_template(
            "mailing_vsms_template_election", self.marketer, self.head | company
        )
        mails = self._send(mailing, self.marketer)
        self.assertEqual(set(mails), {"smirnov@vyazma.example.ru", "info@romashka.ru"})
        self.assertIn(
            "Уважаемый Алексей Викторович!", mails["smirnov@vyazma.example.ru"]["body"]
        )
        self.assertIn("Уважаемые коллеги!", mails["info@romashka.ru"]["body"])

    def test_other_placeholders_still_need_a_template_editor(self):
        """Only the salutation was opened to non-editors."""
        with self.assertRaises(AccessError):
            self.Mailing.with_user(self.user_staff).create(
                {
                    "subject": "Тест",
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "body_html": '<p><t t-out="object.vsms_consent_ids"/></p>',
                }
            )


@tagged("post_install", "-at_install")
class TestPreparedMailings(OutreachMailingCommon):
    def test_event_invitation(self):
        action = self.event.with_user(self.user_staff).action_vsms_mail_invitation()
        with self._form(action, self.user_staff) as form:
            self.assertEqual(
                form.subject,
                "Invitation: Олимпиада по основам местного самоуправления",
            )
            self.assertEqual(form.vsms_occurrence_id, self.occurrence_april)
            self.assertEqual(form.vsms_plan_item_id, self.item_olympiad)
            self.assertEqual(
                form.mailing_filter_id,
                self.env.ref("vsms_regional.mailing_filter_vsms_members"),
            )
            # staff pick the recipients
            form.mailing_filter_id = self.env["mailing.filter"]
            form.mailing_domain = repr(
                [("id", "in", (self.head | self.deputy | self.silent).ids)]
            )
        mailing = form.record
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        mails = self._send(mailing, self.user_staff)
        self.assertEqual(set(mails), {"smirnov@vyazma.example.ru"})
        body = mails["smirnov@vyazma.example.ru"]["body"]
        self.assertIn("Уважаемый Алексей Викторович!", body)
        self.assertIn("Олимпиада по основам местного самоуправления", body)
        # 07:00 UTC is 10:00 in Smolensk (the date in the user's language)
        when = self.event.with_user(self.user_staff)._vsms_invitation_when()
        self.assertTrue(when.startswith("10 "), when)
        self.assertTrue(when.endswith(" 2030, 10:00 – 15:00"), when)
        self.assertIn(when, body)
        self.assertIn("ул. Ленина, 1, Вязьма", body)
        self.assertIn("reply to this letter", body)
        self.assertIn(SIGNATURE, body)
        # the placeholder text of the letter's slot is gone
        self.assertNotIn("[дата]", body)
        self.assertEqual(self.item_olympiad.mailing_count, 1)
        self.assertEqual(self.item_olympiad.mailing_sent_count, 1)

    def test_event_invitation_registration_link(self):
        """The event's web page is the registration link once published;
        otherwise the online event's link; without one, people reply to the
        letter, with the organiser's contacts."""
        online = self.env["event.event"].create(
            {
                "name": "Вебинар",
                "date_begin": "2030-05-12 07:00:00",
                "date_end": "2030-05-13 09:00:00",
                "date_tz": "Europe/Moscow",
                "event_url": "https://vks.example.ru/webinar",
                "address_id": False,
            }
        )
        details = online.with_user(self.user_staff)._vsms_invitation_details()
        self.assertIn('<a href="https://vks.example.ru/webinar">', details)
        self.assertIn("online", details)
        when = online.with_user(self.user_staff)._vsms_invitation_when()
        self.assertRegex(when, r"^12 \w+ 2030, 10:00 – 13 \w+ 2030, 12:00$")
        self.assertIn(when, details)
        self.event.organizer_id = self.Partner.create(
            {"name": "Исполнительная дирекция", "email": "info@vsms67.example.ru"}
        )
        details = self.event.with_user(self.user_staff)._vsms_invitation_details()
        self.assertIn(
            "reply to this letter (Исполнительная дирекция, info@vsms67.example.ru)",
            details,
        )
        self.assertNotIn("<a href", details)
        # published on the website: its page is where people register
        self.event.is_published = True
        details = self.event.with_user(self.user_staff)._vsms_invitation_details()
        self.assertIn(f'<a href="{self.event.event_share_url}">', details)
        self.assertIn("/event/", self.event.event_share_url)
        self.assertNotIn("reply to this letter", details)

    def test_template_without_its_slot(self):
        """Staff may rework a letter and drop its slot: the details then
        come before its signature."""
        template = self.env.ref("vsms_regional.mailing_vsms_template_event")
        template.body_arch = template.body_arch.replace("o_vsms_slot", "o_gone")
        __, body = self.Mailing._vsms_template_body(
            "vsms_regional.mailing_vsms_template_event", "<p>Подробности</p>"
        )
        self.assertIn('<div class="o_vsms_slot"><p>Подробности</p></div>', body)
        self.assertIn("[дата]", body)
        self.assertLess(body.index("Подробности"), body.index("С уважением"))
        self.assertLess(body.index("Приглашаем Вас"), body.index("Подробности"))

    def test_invitation_is_for_staff(self):
        for user in (self.marketer, self.user_jury, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.event.with_user(user).action_vsms_mail_invitation()


@tagged("post_install", "-at_install")
class TestLeftOut(OutreachMailingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.no_email = cls.make_person("Белова", "Нина", "Ивановна", vsms_in_base=True)
        cls.give_consent(cls.no_email)
        cls.blocked = cls.make_person(
            "Зайцев", "Олег", "Павлович", email="zaitsev@example.ru", vsms_in_base=True
        )
        cls.give_consent(cls.blocked)
        cls.env["mail.blacklist"].sudo()._add("zaitsev@example.ru")
        # outside the contact base, never asked: Odoo's own rules, mailed
        cls.customer = cls.Partner.create(
            {"name": "ООО «Ромашка»", "email": "info@romashka.example.com"}
        )
        cls.people = (
            cls.head
            | cls.deputy
            | cls.silent
            | cls.no_email
            | cls.blocked
            | cls.customer
        )

    def _mailing(self, domain, user=None):
        return self.Mailing.with_user(user or self.user_staff).create(
            {
                "subject": "Новости отделения",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr(domain),
                "body_html": "<p>Новости</p>",
            }
        )

    def test_counts_and_lists(self):
        # the segment's own consent condition does not hide who it leaves out
        mailing = self._mailing(
            [("id", "in", self.people.ids), ("vsms_mailing_allowed", "=", True)]
        )
        self.assertEqual(mailing.vsms_left_out_no_consent_count, 2)
        self.assertEqual(mailing.vsms_left_out_blacklisted_count, 1)
        self.assertEqual(mailing.vsms_left_out_no_email_count, 1)
        self.assertEqual(mailing.vsms_left_out_count, 4)
        for method, expected in (
            (
                "action_vsms_open_left_out",
                self.deputy | self.silent | self.no_email | self.blocked,
            ),
            ("action_vsms_open_left_out_no_consent", self.deputy | self.silent),
            ("action_vsms_open_left_out_blacklisted", self.blocked),
            ("action_vsms_open_left_out_no_email", self.no_email),
        ):
            with self.subTest(method=method):
                action = getattr(mailing, method)()
                self.assertEqual(action["res_model"], "res.partner")
                self.assertEqual(
                    self.Partner.search(action["domain"]), expected, method
                )
        # the figures agree with what is really sent
        mails = self._send(mailing.with_context(), self.user_staff)
        self.assertFalse(
            set(mails)
            & {
                "kuznetsova@safonovo.example.ru",
                "orlov@vyazma.example.ru",
                "zaitsev@example.ru",
            }
        )
        self.assertEqual(mailing.vsms_left_out_count, 0)  # sent: no banner

    def test_only_the_consent_condition_is_set_aside(self):
        """«Without consent» segments keep their meaning."""
        mailing = self._mailing(
            [("id", "in", self.people.ids), ("vsms_mailing_allowed", "=", False)]
        )
        # the deputy, Orlov, the blacklisted Zaitsev: left out; the customer
        # outside the base has no consent either, and is mailed
        self.assertEqual(mailing.vsms_left_out_count, 3)
        self.assertEqual(mailing.vsms_left_out_no_consent_count, 2)

    def test_blacklisted_customer_is_left_out_when_the_blacklist_is_honoured(self):
        self.env["mail.blacklist"].sudo()._add("info@romashka.example.com")
        mailing = self._mailing([("id", "=", self.customer.id)])
        self.assertEqual(mailing.vsms_left_out_blacklisted_count, 1)
        mailing.use_exclusion_list = False
        self.assertEqual(mailing.vsms_left_out_count, 0)

    def test_not_a_mailing_to_contacts(self):
        mailing = self._mailing([])
        mailing.mailing_model_id = self.env["ir.model"]._get_id("crm.lead")
        self.assertEqual(mailing.vsms_left_out_count, 0)

    def test_queries_do_not_grow_with_the_segment(self):
        mailing = self._mailing([("id", "in", self.people.ids)])
        self.assertEqual(mailing.vsms_left_out_count, 4)  # warms the caches
        self.env.invalidate_all()
        with self.assertQueryCount(16):  # upper bound
            self.assertEqual(mailing.vsms_left_out_count, 4)
        more = self.Partner.create(
            [{"name": f"Контакт {n}", "email": f"c{n}@example.org"} for n in range(30)]
        )
        mailing.mailing_domain = repr([("id", "in", (self.people | more).ids)])
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            self.assertEqual(mailing.vsms_left_out_count, 4)

    def test_left_out_is_for_staff(self):
        """A marketer outside ВСМС creates, reads, copies and sends ordinary
        mailings; who lacks a consent stays hidden from them."""
        mailing = self._mailing([("id", "in", self.people.ids)], user=self.marketer)
        self.assertNotIn(
            "vsms_left_out_count", self.Mailing.with_user(self.marketer).fields_get()
        )
        with self.assertRaises(AccessError):
            mailing.read(["vsms_left_out_count"])
        for method in (
            "action_vsms_open_left_out",
            "action_vsms_open_left_out_no_consent",
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(mailing, method)()
        with Form(mailing) as form:
            form.subject = "Новости отделения (исправлено)"
        copy = mailing.copy()
        mails = self._send(copy, self.marketer)
        self.assertEqual(
            set(mails), {"smirnov@vyazma.example.ru", "info@romashka.example.com"}
        )


@tagged("post_install", "-at_install")
class TestPlanItemMailings(OutreachMailingCommon):
    def _mailing(self, people, **vals):
        return self.Mailing.with_user(self.user_staff).create(
            {
                "subject": "Олимпиада",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "in", people.ids)]),
                "body_html": "<p>Текст</p>",
            }
            | vals
        )

    def test_figures(self):
        reader = self.make_person(
            "Соколова", "Ирина", "Юрьевна", email="sokolova@example.ru"
        )
        self.give_consent(reader)
        other = self.make_person("Лебедева", "Анна", "Игоревна", email="l@example.ru")
        self.give_consent(other)
        sent = self._mailing(
            self.head | reader | other, vsms_occurrence_id=self.occurrence_april.id
        )
        self.assertEqual(sent.vsms_plan_item_id, self.item_olympiad)
        self._send(sent, self.user_staff)
        self._mailing(self.head, vsms_plan_item_id=self.item_olympiad.id)  # draft
        self._mailing(self.head, vsms_plan_item_id=self.item_presidium.id)
        traces = sent.mailing_trace_ids
        traces.filtered(lambda t: t.res_id == reader.id).set_opened()
        traces.filtered(lambda t: t.res_id == other.id).set_replied()
        items = (self.item_olympiad | self.item_presidium).with_user(self.user_staff)
        items.invalidate_recordset()
        with self.assertQueryCount(4):  # upper bound, whatever the items
            figures = [
                (
                    item.mailing_count,
                    item.mailing_sent_count,
                    item.mailing_opened_count,
                    item.mailing_replied_count,
                )
                for item in items
            ]
        self.assertEqual(figures, [(2, 3, 2, 1), (1, 0, 0, 0)])
        action = items[0].action_open_mailings()
        self.assertEqual(
            self.Mailing.with_user(self.user_staff).search(action["domain"]),
            self.Mailing.search([("vsms_plan_item_id", "=", self.item_olympiad.id)]),
        )

    def test_occurrence_of_another_item(self):
        occurrence = self.item_presidium.occurrence_ids[0]
        with self.assertRaisesText(ValidationError, occurrence.display_name):
            self._mailing(
                self.head,
                vsms_plan_item_id=self.item_olympiad.id,
                vsms_occurrence_id=occurrence.id,
            )
        self.assertFalse(self.Mailing.search([("subject", "=", "Олимпиада")]))

    def test_plan_links_are_for_staff(self):
        mailing = self._mailing(self.head, vsms_plan_item_id=self.item_olympiad.id)
        for user in (self.marketer, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mailing.with_user(user).read(["vsms_plan_item_id"])
        with self.assertRaises(AccessError):
            self.item_olympiad.with_user(self.user_outsider).read(["mailing_count"])


@tagged("post_install", "-at_install")
class TestDigest(OutreachMailingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Note = cls.env["vsms.monitoring.note"]
        cls.law = Note.create(
            {
                "name": "Изменения в 131-ФЗ о публичных слушаниях",
                "kind": "legislation",
                "date": "2030-03-02",
                "municipality_id": cls.vyazma.id,
                "summary": "<p>Новый порядок слушаний.</p>",
                "source_url": "https://pravo.example.ru/131",
            }
        )
        cls.practice = Note.create(
            {
                "name": "Инициативное бюджетирование в Сафоново",
                "kind": "practice",
                "date": "2030-03-05",
                "municipality_id": cls.safonovo.id,
                "summary": "<p>Жители выбрали три проекта.</p>",
            }
        )
        cls.problem = Note.create(
            {
                "name": "Нехватка кадров в сельских поселениях",
                "kind": "problem",
                "date": "2030-03-06",
                "municipality_id": cls.vyazma.id,
            }
        )

    def test_digest(self):
        notes = (self.practice | self.law).with_user(self.user_staff)
        action = notes.action_vsms_make_digest()
        with self._form(action, self.user_staff) as form:
            date = format_date(
                self.env(user=self.user_staff), fields.Date.to_date("2030-03-05")
            )
            self.assertIn(date, form.subject)
            self.assertEqual(
                form.mailing_filter_id,
                self.env.ref("vsms_regional.mailing_filter_vsms_members"),
            )
            body = form.body_arch
            form.mailing_filter_id = self.env["mailing.filter"]
            form.mailing_domain = repr([("id", "=", self.head.id)])
        self.assertLess(body.index("Legislation change"), body.index("Best practice"))
        self.assertLess(
            body.index("Изменения в 131-ФЗ"), body.index("Инициативное бюджетирование")
        )
        self.assertIn('<a href="https://pravo.example.ru/131">', body)
        self.assertIn("Жители выбрали три проекта.", body)
        mails = self._send(form.record, self.user_staff)
        sent = mails["smirnov@vyazma.example.ru"]["body"]
        self.assertIn("Уважаемый Алексей Викторович!", sent)
        self.assertIn("Новый порядок слушаний.", sent)

    def test_digest_of_a_problem(self):
        notes = (self.law | self.problem).with_user(self.user_staff)
        with self.assertRaisesText(
            UserError, "«Нехватка кадров в сельских поселениях» (Problem)"
        ):
            notes.action_vsms_make_digest()
        with self.assertRaisesText(UserError, "Select the notes"):
            self.env["vsms.monitoring.note"].with_user(
                self.user_staff
            ).action_vsms_make_digest()

    def test_digest_is_for_staff(self):
        for user in (self.user_jury, self.user_outsider, self.marketer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.law.with_user(user).action_vsms_make_digest()
