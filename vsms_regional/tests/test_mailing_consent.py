"""152-ФЗ holds for every mass mailing, whatever its recipients' model.

Each test sends for real through the mail gateway mock and looks at what
left: the e-mails built by the gateway and the mailing's traces."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestMailingConsent(VsmsContactCommon, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # People of the contact base: the head consented, the deputy withdrew
        # her consent, Orlov never gave one.
        cls.give_consent(cls.head)
        cls.give_consent(cls.deputy).action_withdraw()
        cls.silent = cls.make_person(
            "Орлов",
            "Пётр",
            "Ильич",
            email="orlov@vyazma.example.ru",
            vsms_municipality_id=cls.vyazma.id,
        )
        # Outside the contact base: a colleague's customer, never asked for a
        # consent (Odoo's own opt-in/opt-out rules for him), and one whose
        # address is blacklisted.
        cls.customer = cls.Partner.create(
            {"name": "ООО «Ромашка»", "email": "info@romashka.example.com"}
        )
        cls.blocked = cls.Partner.create(
            {"name": "Blocked Customer", "email": "blocked@example.com"}
        )
        cls.env["mail.blacklist"].sudo()._add("blocked@example.com")
        cls.marketer = new_test_user(
            cls.env,
            login="vsms_marketer",
            name="Маркетолог вне ВСМС",
            email="marketer@example.com",
            groups="base.group_user,mass_mailing.group_mass_mailing_user,"
            "sales_team.group_sale_salesman_all_leads,event.group_event_user",
        )

    # -- helpers ------------------------------------------------------------

    def _mailing(self, model, records=None, **vals):
        return (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "subject": "Приглашение на семинар",
                    "body_html": "<p>Приглашаем на семинар.</p>",
                    "mailing_model_id": self.env["ir.model"]._get_id(model),
                    "mailing_domain": repr([("id", "in", records.ids)])
                    if records is not None
                    else "[]",
                }
                | vals
            )
        )

    def _send(self, mailing):
        """Send as the marketer (no ВСМС group); return the trace of each
        record as (status, failure type) and the addresses really mailed."""
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.with_user(self.marketer).action_send_mail()
        traces = {
            trace.res_id: (trace.trace_status, trace.failure_type or False)
            for trace in mailing.sudo().mailing_trace_ids
        }
        sent = {
            email.split("<")[-1].strip(">").lower()
            for mail in self._mails
            for email in mail["email_to"]
        }
        return traces, sent

    def assertMailed(self, traces, sent, record, email):
        self.assertEqual(traces.get(record.id), ("sent", False), record.display_name)
        self.assertIn(email, sent)

    def assertNotMailed(self, traces, sent, record, email, failure="mail_optout"):
        self.assertEqual(
            traces.get(record.id), ("cancel", failure), record.display_name
        )
        self.assertNotIn(email, sent)

    # -- each recipient model ----------------------------------------------

    def test_contacts(self):
        self.assertFalse(self.marketer.has_group("vsms_regional.group_vsms_user"))
        people = self.head | self.deputy | self.silent | self.customer | self.blocked
        traces, sent = self._send(self._mailing("res.partner", people))
        self.assertMailed(traces, sent, self.head, "smirnov@vyazma.example.ru")
        self.assertMailed(traces, sent, self.customer, "info@romashka.example.com")
        # people of the base without a consent in force never make it to the
        # recipients (no trace at all); the blacklist is Odoo's own
        self.assertNotIn(self.deputy.id, traces)
        self.assertNotIn(self.silent.id, traces)
        self.assertNotMailed(
            traces, sent, self.blocked, "blocked@example.com", failure="mail_bl"
        )
        self.assertEqual(
            sent, {"smirnov@vyazma.example.ru", "info@romashka.example.com"}
        )

    def test_mailing_list_contacts(self):
        mailing_list = self.env["mailing.list"].create({"name": "Рассылка сайта"})
        contacts = self.env["mailing.contact"].create(
            [
                {"name": name, "email": email, "list_ids": [(4, mailing_list.id)]}
                for name, email in (
                    ("Смирнов", "smirnov@vyazma.example.ru"),
                    # the same people, spelt otherwise by a public subscriber
                    ("Кузнецова", "  Kuznetsova@Safonovo.EXAMPLE.ru "),
                    ("Орлов", '"Пётр Орлов" <ORLOV@vyazma.example.ru>'),
                    # a public subscriber outside the base: Odoo's opt-in
                    ("Подписчик", "reader@example.org"),
                    ("Blocked", "blocked@example.com"),
                )
            ]
        )
        head, deputy, silent, reader, blocked = contacts
        traces, sent = self._send(
            self._mailing("mailing.list", contact_list_ids=[(4, mailing_list.id)])
        )
        self.assertMailed(traces, sent, head, "smirnov@vyazma.example.ru")
        self.assertMailed(traces, sent, reader, "reader@example.org")
        self.assertNotMailed(traces, sent, deputy, "kuznetsova@safonovo.example.ru")
        self.assertNotMailed(traces, sent, silent, "orlov@vyazma.example.ru")
        self.assertNotMailed(
            traces, sent, blocked, "blocked@example.com", failure="mail_bl"
        )

    def test_crm_leads(self):
        leads = self.Lead.create(
            [
                {"name": "Смирнов", "email_from": "SMIRNOV@vyazma.example.ru"},
                {"name": "Кузнецова", "email_from": " kuznetsova@safonovo.example.ru"},
                # linked to the contact: mailed through the partner
                {"name": "Орлов", "partner_id": self.silent.id},
                {"name": "Ромашка", "email_from": "info@romashka.example.com"},
                {"name": "Blocked", "email_from": "blocked@example.com"},
            ]
        )
        head, deputy, silent, customer, blocked = leads
        traces, sent = self._send(self._mailing("crm.lead", leads))
        self.assertMailed(traces, sent, head, "smirnov@vyazma.example.ru")
        self.assertMailed(traces, sent, customer, "info@romashka.example.com")
        self.assertNotMailed(traces, sent, deputy, "kuznetsova@safonovo.example.ru")
        self.assertNotMailed(traces, sent, silent, "orlov@vyazma.example.ru")
        self.assertNotMailed(
            traces, sent, blocked, "blocked@example.com", failure="mail_bl"
        )

    def test_event_registrations(self):
        event = self.env["event.event"].create(
            {
                "name": "Семинар для глав поселений",
                "date_begin": "2030-04-10 07:00:00",
                "date_end": "2030-04-10 12:00:00",
            }
        )
        registrations = self.env["event.registration"].create(
            [
                {"event_id": event.id, "name": name, "email": email}
                for name, email in (
                    ("Смирнов", "smirnov@vyazma.example.ru"),
                    ("Кузнецова", "KUZNETSOVA@safonovo.example.ru"),
                    ("Орлов", "orlov@vyazma.example.ru "),
                    ("Гость", "guest@example.org"),
                    ("Blocked", "blocked@example.com"),
                )
            ]
        )
        head, deputy, silent, guest, blocked = registrations
        traces, sent = self._send(self._mailing("event.registration", registrations))
        self.assertMailed(traces, sent, head, "smirnov@vyazma.example.ru")
        self.assertMailed(traces, sent, guest, "guest@example.org")
        self.assertNotMailed(traces, sent, deputy, "kuznetsova@safonovo.example.ru")
        self.assertNotMailed(traces, sent, silent, "orlov@vyazma.example.ru")
        self.assertNotMailed(
            traces, sent, blocked, "blocked@example.com", failure="mail_bl"
        )

    # -- who counts as the base, and the address rules --------------------

    def test_archived_person_of_the_base_is_still_not_mailed(self):
        self.silent.action_archive()
        lead = self.Lead.create({"name": "Орлов", "email_from": self.silent.email})
        traces, sent = self._send(self._mailing("crm.lead", lead))
        self.assertNotMailed(traces, sent, lead, "orlov@vyazma.example.ru")

    def test_withdrawal_outside_the_base_is_honoured(self):
        """Someone outside the base who gave a mailing consent (at an event,
        say) and withdrew it is not mailed either, through any model."""
        guest = self.Partner.create({"name": "Guest", "email": "guest@example.org"})
        self.assertFalse(guest.vsms_in_base)
        self.give_consent(guest, source="event").action_withdraw()
        registration = self.env["event.registration"].create(
            {
                "event_id": self.env["event.event"]
                .create(
                    {
                        "name": "Форум",
                        "date_begin": "2030-05-10 07:00:00",
                        "date_end": "2030-05-10 12:00:00",
                    }
                )
                .id,
                "name": "Guest",
                "email": "guest@example.org",
            }
        )
        traces, sent = self._send(self._mailing("event.registration", registration))
        self.assertNotMailed(traces, sent, registration, "guest@example.org")
        self.assertFalse(self._mailing("res.partner", guest)._get_recipients())

    def test_withdrawal_wins_over_an_older_consent_of_a_duplicate(self):
        """Two contacts of one person: a withdrawal at the address outweighs
        the older consent of the duplicate; a consent given again after it
        makes the address mailable again."""
        duplicate = self.make_person(
            "Кузнецова",
            "Ольга",
            "",
            email="kuznetsova@safonovo.example.ru",
            vsms_municipality_id=self.safonovo.id,
        )
        self.give_consent(duplicate, date_given="2019-05-01")
        Partner = self.env["res.partner"]
        self.assertEqual(
            Partner._vsms_unmailable_emails(["kuznetsova@safonovo.example.ru"]),
            {"kuznetsova@safonovo.example.ru"},
        )
        # given again the day of the withdrawal: mailable again
        self.give_consent(
            self.deputy, date_given=self.deputy.vsms_consent_ids.date_withdrawn
        )
        self.assertFalse(
            Partner._vsms_unmailable_emails(["kuznetsova@safonovo.example.ru"])
        )

    def test_blacklisted_person_of_the_base_is_never_mailed(self):
        """Even when the mailing does not exclude the blacklist."""
        self.env["mail.blacklist"].sudo()._add("smirnov@vyazma.example.ru")
        lead = self.Lead.create({"name": "Смирнов", "email_from": self.head.email})
        mailing = self._mailing("crm.lead", lead, use_exclusion_list=False)
        traces, sent = self._send(mailing)
        self.assertNotMailed(traces, sent, lead, "smirnov@vyazma.example.ru")
        mailing = self._mailing("res.partner", self.head, use_exclusion_list=False)
        self.assertFalse(mailing._get_recipients())

    def test_mass_mail_from_a_list_view(self):
        """The same for a mass mail sent from a list (no Email Marketing
        mailing): the composer cancels it at the address."""
        leads = self.Lead.create(
            [
                {"name": "Кузнецова", "email_from": self.deputy.email},
                {"name": "Ромашка", "email_from": self.customer.email},
            ]
        )
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.marketer)
            .with_context(default_model="crm.lead", active_ids=leads.ids)
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": "crm.lead",
                    "res_ids": repr(leads.ids),
                    "subject": "Новости",
                    "body": "<p>Новости</p>",
                }
            )
        )
        with self.mock_mail_gateway(mail_unlink_sent=False):
            composer._action_send_mail()
        sent = {email for mail in self._mails for email in mail["email_to"]}
        self.assertEqual(len(sent), 1)
        self.assertIn(self.customer.email, next(iter(sent)))

    def test_opt_out_look_up_is_one_query(self):
        emails = [
            "smirnov@vyazma.example.ru",
            "kuznetsova@safonovo.example.ru",
            "orlov@vyazma.example.ru",
            "info@romashka.example.com",
            "nobody@example.net",
        ]
        Partner = self.env["res.partner"].with_user(self.marketer)
        Partner._vsms_unmailable_emails(emails)  # warm the caches (user's tz)
        self.env.flush_all()
        with self.assertQueryCount(1):
            unmailable = Partner._vsms_unmailable_emails(emails)
        self.assertEqual(
            unmailable, {"kuznetsova@safonovo.example.ru", "orlov@vyazma.example.ru"}
        )
        with self.assertQueryCount(0):
            self.assertEqual(Partner._vsms_unmailable_emails([]), set())


@tagged("post_install", "-at_install")
class TestConsentPrivacy(VsmsContactCommon):
    """Who consented to what is for ВСМС staff only."""

    def test_flags_are_staff_only(self):
        self.give_consent(self.head)
        flags = [
            "vsms_processing_allowed",
            "vsms_publication_allowed",
            "vsms_mailing_allowed",
        ]
        for user in (self.user_outsider, self.user_jury):
            head = self.head.with_user(user)
            self.assertEqual(head.read(["email"])[0]["email"], self.head.email)
            for flag in flags:
                with self.subTest(user=user.login, flag=flag):
                    with self.assertRaises(AccessError):
                        head.read([flag])
                    with self.assertRaises(AccessError):
                        self.Partner.with_user(user).search([(flag, "=", False)])
            fields = self.Partner.with_user(user).fields_get()
            self.assertFalse(set(flags) & set(fields))
        staff = self.head.with_user(self.user_staff)
        self.assertTrue(staff.vsms_mailing_allowed)
        self.assertIn(
            self.head,
            self.Partner.with_user(self.user_staff).search(
                [("vsms_mailing_allowed", "=", True)]
            ),
        )

    def test_contact_forms_still_work(self):
        """The contact form opens and saves for a colleague using Contacts
        outside ВСМС; only staff get the flags in it."""
        colleague = new_test_user(
            self.env,
            login="contacts_colleague",
            groups="base.group_user,base.group_partner_manager",
        )
        with Form(self.Partner.with_user(colleague)) as form:
            form.name = "Петров Пётр"
            form.email = "petrov@example.com"
            self.assertNotIn("vsms_mailing_allowed", form._view["fields"])
        with Form(self.head.with_user(colleague)) as form:
            form.phone = "+7 900 000-00-00"
        with Form(self.head.with_user(self.user_staff)) as form:
            self.assertIn("vsms_mailing_allowed", form._view["fields"])
            self.assertFalse(form.vsms_mailing_allowed)
            form.phone = "+7 900 000-00-01"

    def test_withdrawal_to_do_is_staff_only(self):
        self.env.company.vsms_privacy_user_id = self.user_manager
        consent = self.give_consent(self.head, "processing")
        consent.with_user(self.user_staff).action_withdraw()
        activity = consent.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(activity.with_user(self.user_staff).res_model, "vsms.consent")
        # nothing on the contact, which anyone may open
        self.assertFalse(self.head.activity_ids)
        self.assertFalse(self.head.with_user(self.user_outsider).activity_ids)
        outsider_activities = self.env["mail.activity"].with_user(self.user_outsider)
        self.assertNotIn(activity, outsider_activities.search([]))
        with self.assertRaises(AccessError):
            activity.with_user(self.user_outsider).read(["summary"])
        # staff find it on the consent
        self.assertEqual(consent.with_user(self.user_staff).activity_ids, activity)


@tagged("post_install", "-at_install")
class TestConsentFilterShape(VsmsContactCommon):
    """«Without mailing consent» stays fast at scale (see
    scripts/benchmark_consent.py): a NOT EXISTS that PostgreSQL runs as an
    anti-join, never ``NOT IN (subquery)`` nor ``(EXISTS …) IS NOT TRUE``."""

    def _sql(self, domain, user=None):
        Partner = self.Partner.with_user(user or self.user_staff)
        sql = Partner._search(domain).select()
        return self.env.cr.mogrify(sql.code, sql.params).decode()

    def test_without_consent_is_an_anti_join(self):
        for domain in (
            [("vsms_mailing_allowed", "=", False)],
            [("vsms_mailing_allowed", "!=", True)],
            [("vsms_processing_allowed", "=", False)],
        ):
            with self.subTest(domain=domain):
                sql = self._sql(domain)
                self.assertIn("NOT EXISTS(", sql)
                self.assertNotRegex(sql, r"\)\s*IS NOT TRUE")  # (EXISTS …) IS NOT TRUE
                self.assertNotIn('"res_partner"."id" NOT IN', sql)
                Partner = self.Partner.with_user(self.user_staff)
                Partner.search_count(domain)  # warm the caches (rules, user)
                with self.assertQueryCount(1):
                    Partner.search_count(domain)

    def test_filters_agree_with_the_consents(self):
        """The SQL of the filters and the flags computed from
        ``vsms.consent._active_domain`` say the same, in every consent state."""
        people = {
            state: self.make_person(
                last, "Иван", email=f"{state}@example.ru", vsms_in_base=True
            )
            for state, last in (
                ("active", "Активный"),
                ("pending", "Будущий"),
                ("expired", "Истёкший"),
                ("withdrawn", "Отозвавший"),
                ("none", "Несогласный"),
                ("blacklisted", "Чёрный"),
            )
        }
        self.give_consent(people["active"])
        self.give_consent(people["pending"], date_given="2999-01-01")
        self.give_consent(people["expired"], valid_until="2021-01-01")
        self.give_consent(people["withdrawn"]).action_withdraw()
        self.give_consent(people["blacklisted"])
        self.env["mail.blacklist"].sudo()._add("blacklisted@example.ru")
        partners = self.Partner.browse([p.id for p in people.values()])
        partners.invalidate_recordset()
        Partner = self.Partner.with_user(self.user_staff)
        allowed = Partner.search(
            [("id", "in", partners.ids), ("vsms_mailing_allowed", "=", True)]
        )
        refused = Partner.search(
            [("id", "in", partners.ids), ("vsms_mailing_allowed", "=", False)]
        )
        self.assertEqual(allowed, people["active"])
        self.assertEqual(refused, partners - people["active"])
        self.assertEqual(partners.filtered("vsms_mailing_allowed"), people["active"])
        self.assertEqual(
            self.Partner._vsms_unmailable_emails(partners.mapped("email")),
            set(partners.mapped("email")) - {"active@example.ru"},
        )
