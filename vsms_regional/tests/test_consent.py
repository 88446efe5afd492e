from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import VsmsContactCommon

SEGMENTS = (
    "mailing_filter_vsms_members",
    "mailing_filter_vsms_new_heads",
    "mailing_filter_vsms_new_deputies",
    "mailing_filter_vsms_tos_chairs",
)


@tagged("post_install", "-at_install")
class TestConsent(VsmsContactCommon):
    @freeze_time("2026-05-20")
    def test_flags_follow_consents(self):
        self.assertFalse(self.head.vsms_mailing_allowed)
        self.give_consent(self.head, "processing")
        self.give_consent(self.head, "mailing", valid_until="2027-01-01")
        self.give_consent(self.head, "publication", date_given="2026-06-01")
        self.head.invalidate_recordset()
        self.assertRecordValues(
            self.head,
            [
                {
                    "vsms_processing_allowed": True,
                    "vsms_mailing_allowed": True,
                    "vsms_publication_allowed": False,  # only from June
                }
            ],
        )
        self.assertEqual(
            self.head.vsms_consent_ids.sorted("kind").mapped("state"),
            ["active", "active", "pending"],
        )

    def test_expired_consent_no_longer_allows(self):
        self.give_consent(self.head, "mailing", valid_until="2026-01-31")
        with freeze_time("2026-01-31"):
            self.head.invalidate_recordset()
            self.assertTrue(self.head.vsms_mailing_allowed)
        with freeze_time("2026-02-01"):
            self.head.invalidate_recordset()
            self.assertFalse(self.head.vsms_mailing_allowed)
            self.assertEqual(self.head.vsms_consent_ids.state, "expired")
            self.assertNotIn(
                self.head,
                self.Partner.search([("vsms_mailing_allowed", "=", True)]),
            )

    @freeze_time("2026-05-20")
    def test_withdrawal_takes_effect_at_once(self):
        processing = self.give_consent(self.head, "processing")
        mailing = self.give_consent(self.head, "mailing")
        self.assertIn(
            self.head, self.Partner.search([("vsms_mailing_allowed", "=", True)])
        )
        (processing | mailing).with_user(self.user_staff).action_withdraw()
        self.assertEqual(mailing.date_withdrawn, date(2026, 5, 20))
        self.assertEqual(mailing.state, "withdrawn")
        self.assertFalse(self.head.vsms_mailing_allowed)
        self.assertNotIn(
            self.head, self.Partner.search([("vsms_mailing_allowed", "=", True)])
        )
        self.assertIn(
            self.head, self.Partner.search([("vsms_mailing_allowed", "=", False)])
        )
        # Processing withdrawn: delete or anonymise within 30 days (152-ФЗ art. 21),
        # a to-do on the consent (only staff see consents), not on the contact.
        activity = processing.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("vsms_regional.mail_activity_type_vsms_personal_data"),
        )
        self.assertFalse(mailing.activity_ids)
        self.assertFalse(self.head.activity_ids)
        self.assertEqual(activity.date_deadline, date(2026, 6, 19))
        self.assertIn("anonymise", activity.summary)

    @freeze_time("2026-05-20")
    def test_privacy_officer_gets_the_activity(self):
        self.env.company.vsms_privacy_user_id = self.user_manager
        consent = self.give_consent(self.head, "publication")
        consent.action_withdraw()
        activity = consent.activity_ids
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(activity.date_deadline, date(2026, 5, 23))

    def test_bad_dates_are_refused(self):
        with self.assertRaisesText(ValidationError, "before it was given"):
            self.give_consent(self.head, "mailing", date_withdrawn="2019-12-31")
        with self.assertRaisesText(ValidationError, "expire"):
            self.give_consent(self.head, "mailing", valid_until="2019-12-31")
        with self.assertRaisesText(ValidationError, "in the future"):
            self.give_consent(self.head, "mailing", date_withdrawn="2999-01-01")
        self.assertFalse(self.head.vsms_consent_ids)

    def test_access(self):
        consent = self.give_consent(self.head).with_user(self.user_staff)
        consent.note = "Согласие на бумаге, папка 3"
        with self.assertRaises(AccessError):
            consent.unlink()
        consent.with_user(self.user_manager).unlink()
        with self.assertRaises(AccessError):
            self.Consent.with_user(self.user_outsider).search([])
        with self.assertRaises(AccessError):
            self.give_consent(self.head).with_user(self.user_outsider).read(["kind"])


@tagged("post_install", "-at_install")
class TestMailingSegments(VsmsContactCommon, MockEmail):
    """Withdrawn consent or a blacklisted address: never in a segment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tos_chair = cls.make_person(
            "Белова", "Нина", "Ивановна", email="belova@example.ru"
        )
        for person in (cls.head, cls.deputy, cls.tos_chair):
            cls.give_consent(person, "mailing")
        cls.make_position(cls.head, cls.role_head, date_start="2026-10-01")
        cls.make_position(cls.deputy, cls.role_deputy, date_start="2026-09-14")
        cls.make_position(cls.tos_chair, cls.role_tos_chair, date_start="2018-03-01")

    def _segment(self, xmlid):
        segment = self.env.ref(f"vsms_regional.{xmlid}")
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": segment.name,
                "mailing_model_id": segment.mailing_model_id.id,
                "mailing_domain": segment.mailing_domain,
                "body_html": "<p>{{ object.vsms_salutation }}!</p>",
            }
        )
        return self.Partner.browse(mailing._get_recipients())

    @freeze_time("2026-11-26")
    def test_segments(self):
        self.assertEqual(self._segment("mailing_filter_vsms_new_heads"), self.head)
        self.assertEqual(self._segment("mailing_filter_vsms_new_deputies"), self.deputy)
        self.assertEqual(
            self._segment("mailing_filter_vsms_tos_chairs"), self.tos_chair
        )
        self.head.vsms_member_state = "member"
        self.assertEqual(self._segment("mailing_filter_vsms_members"), self.head)
        self.assertFalse(self._segment("mailing_filter_vsms_new_heads"))

    @freeze_time("2026-11-26")
    def test_withdrawn_or_blacklisted_never_in_a_segment(self):
        self.tos_chair.vsms_consent_ids.action_withdraw()
        self.env["mail.blacklist"].sudo()._add("smirnov@vyazma.example.ru")
        self.head.invalidate_recordset()
        for xmlid in SEGMENTS:
            with self.subTest(segment=xmlid):
                recipients = self._segment(xmlid)
                self.assertNotIn(self.tos_chair, recipients)
                self.assertNotIn(self.head, recipients)
        self.assertEqual(self._segment("mailing_filter_vsms_new_deputies"), self.deputy)

    @freeze_time("2026-11-26")
    def test_any_partner_mailing_honours_consent(self):
        """Even a mailing whose domain forgets the consent."""
        nobody_consented = self.make_person(
            "Орлов", "Пётр", "Ильич", email="o@example.ru", vsms_in_base=True
        )
        self.deputy.vsms_consent_ids.action_withdraw()
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Всем",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr(
                    [("id", "in", (self.head | self.deputy | nobody_consented).ids)]
                ),
                "body_html": "<p>Текст</p>",
            }
        )
        self.assertEqual(self.Partner.browse(mailing._get_recipients()), self.head)

    @freeze_time("2026-11-26")
    def test_sending_reaches_only_consenting_people(self):
        self.deputy.vsms_consent_ids.action_withdraw()
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Приглашение на семинар",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "in", (self.head | self.deputy).ids)]),
                "body_html": '<p><t t-out="object.vsms_salutation"/>!</p>',
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        traces = mailing.mailing_trace_ids
        self.assertEqual(traces.mapped("res_id"), self.head.ids)
        self.assertEqual(len(self._mails), 1)
        self.assertEqual(
            self._mails[0]["email_to"],
            ['"Смирнов Алексей Викторович" <smirnov@vyazma.example.ru>'],
        )
        self.assertIn("Уважаемый Алексей Викторович!", self._mails[0]["body"])
