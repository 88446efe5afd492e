from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestConsentText(VsmsContactCommon):
    """The versioned wording of online consents and the consents given with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Text = cls.env["vsms.consent.text"]
        cls.text_processing = cls.env.ref("vsms_regional.vsms_consent_text_processing")

    def test_shipped_texts_are_in_force(self):
        for kind in ("processing", "publication", "mailing"):
            text = self.Text._vsms_current(kind)
            self.assertEqual(text.kind, kind)
            self.assertEqual(text.version, "1")
            self.assertIn("Всероссийский Совет местного самоуправления", text.body)
        self.assertIn("152-ФЗ", self.text_processing.body)

    def test_newer_version_takes_over_on_its_date(self):
        new = self.Text.create(
            {
                "kind": "processing",
                "version": "2",
                "body": "Новая редакция согласия.",
                "date_start": "2030-01-01",
            }
        )
        # not in force before its date
        self.assertEqual(self.Text._vsms_current("processing"), self.text_processing)
        new.date_start = "2021-02-01"
        self.assertEqual(self.Text._vsms_current("processing"), new)
        # an archived text is never in force
        new.active = False
        self.assertEqual(self.Text._vsms_current("processing"), self.text_processing)

    def test_record_online(self):
        consent = self.Consent._vsms_record_online(self.head, "processing")
        self.assertEqual(consent.partner_id, self.head)
        self.assertEqual(consent.source, "website")
        self.assertEqual(consent.text_id, self.text_processing)
        self.assertTrue(consent.given_at)
        self.assertEqual(consent.state, "active")
        self.assertEqual(self.text_processing.consent_count, 1)

    def test_record_online_for_a_minor(self):
        pupil = self.make_person("Орлов", "Никита", "Сергеевич")
        consent = self.Consent._vsms_record_online(
            pupil, "processing", guardian=self.deputy, relation="mother"
        )
        self.assertEqual(consent.guardian_partner_id, self.deputy)
        self.assertEqual(consent.guardian_relation, "mother")

    def test_no_text_in_force(self):
        self.env.ref("vsms_regional.vsms_consent_text_mailing").active = False
        count = self.Consent.search_count([])
        with self.assertRaisesText(UserError, "Mailings"):
            self.Consent._vsms_record_online(self.head, "mailing")
        self.assertEqual(self.Consent.search_count([]), count)

    def test_text_of_another_kind_is_refused(self):
        with self.assertRaisesText(ValidationError, self.text_processing.name):
            self.Consent._vsms_record_online(
                self.head, "mailing", text=self.text_processing
            )

    def test_evidence_is_kept(self):
        consent = self.Consent._vsms_record_online(self.head, "processing")
        with self.assertRaisesText(UserError, consent.display_name):
            consent.write({"given_at": "2021-01-01 10:00:00"})
        with self.assertRaisesText(UserError, consent.display_name):
            consent.write({"text_id": False})
        # the wording agreed to is frozen, whoever writes
        with self.assertRaisesText(UserError, self.text_processing.name):
            self.text_processing.with_user(self.user_manager).body = "Другое"
        with self.assertRaisesText(UserError, self.text_processing.name):
            self.text_processing.with_user(self.user_manager).unlink()
        # what is not the wording may change: archiving, for one
        self.text_processing.with_user(self.user_manager).active = False
        # a text nobody agreed to yet may still be corrected
        draft = self.env.ref("vsms_regional.vsms_consent_text_publication")
        draft.with_user(self.user_manager).body = "Исправленная редакция."
        self.assertEqual(draft.body, "Исправленная редакция.")

    def test_version_unique_per_kind(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.Text.create({"kind": "processing", "version": "1", "body": "Дубль"})
            self.env.flush_all()
        # the same version of another kind is fine
        self.Text.create({"kind": "processing", "version": "1-б", "body": "Текст"})

    def test_access(self):
        self.Text.with_user(self.user_staff).search([]).mapped("body")
        with self.assertRaises(AccessError):
            self.Text.with_user(self.user_staff).create(
                {"kind": "mailing", "version": "9", "body": "Текст"}
            )
        self.Text.with_user(self.user_manager).create(
            {"kind": "mailing", "version": "9", "body": "Текст"}
        )
        for user in (self.user_outsider, self.user_jury):
            with self.assertRaises(AccessError):
                self.Text.with_user(user).search([]).mapped("body")
