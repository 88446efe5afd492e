from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import VsmsContactCommon

VSMS_PARTNER_FIELDS = [
    "vsms_member_state",
    "vsms_member_number",
    "vsms_position_ids",
    "vsms_consent_ids",
    "vsms_membership_log_ids",
    "vsms_verified_on",
]


@tagged("post_install", "-at_install")
class TestContactAccess(VsmsContactCommon):
    """Staff keep the contact base, managers configure and delete, others
    outside ВСМС see plain contacts only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.position = cls.make_position(
            cls.head, cls.role_head, date_start="2024-10-20"
        )
        cls.consent = cls.give_consent(cls.head, "processing")
        cls.head.vsms_member_state = "member"

    def test_staff_keep_the_contact_base(self):
        head = self.head.with_user(self.user_staff)
        head.read(VSMS_PARTNER_FIELDS)
        head.vsms_verified_on = "2026-01-10"
        position = self.Position.with_user(self.user_staff).create(
            {"partner_id": self.deputy.id, "role_id": self.role_deputy.id}
        )
        position.organization = "Совет депутатов Сафоновского муниципального округа"
        position.unlink()
        consent = self.Consent.with_user(self.user_staff).create(
            {"partner_id": self.deputy.id, "kind": "mailing"}
        )
        consent.action_withdraw()
        with self.assertRaises(AccessError):
            consent.unlink()
        with self.assertRaises(AccessError):
            self.role_head.with_user(self.user_staff).name = "Глава"
        with self.assertRaises(AccessError):
            self.vyazma.with_user(self.user_staff).unlink()

    def test_staff_see_admission_leads_only(self):
        sales = self.Lead.create({"name": "Продажа", "type": "opportunity"})
        self.head.with_user(self.user_staff)
        self.deputy.with_user(self.user_staff).action_vsms_create_admission_leads()
        leads = self.Lead.with_user(self.user_staff).search([])
        self.assertTrue(leads)
        self.assertTrue(all(leads.mapped("vsms_is_admission")))
        with self.assertRaises(AccessError):
            sales.with_user(self.user_staff).read(["name"])
        with self.assertRaises(AccessError):
            leads.unlink()
        leads.with_user(self.user_manager).unlink()

    def test_manager_configures_and_deletes(self):
        self.role_head.with_user(self.user_manager).description = "Глава МО"
        self.consent.with_user(self.user_manager).unlink()
        self.env["vsms.position.role"].with_user(self.user_manager).create(
            {"name": "Помощник депутата", "code": "assistant"}
        )

    def test_outsider_sees_plain_contacts_only(self):
        head = self.head.with_user(self.user_outsider)
        self.assertEqual(head.name, "Смирнов Алексей Викторович")
        self.assertEqual(
            head.read(["vsms_municipality_id"])[0]["vsms_municipality_id"][1],
            "Вяземский муниципальный округ",
        )
        fields = head.fields_get()
        for field in VSMS_PARTNER_FIELDS:
            with self.subTest(field=field):
                self.assertNotIn(field, fields)
                with self.assertRaises(AccessError):
                    head.read([field])
        for model, record in (
            ("vsms.position", self.position),
            ("vsms.consent", self.consent),
            ("vsms.membership.log", self.head.vsms_membership_log_ids),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                record.with_user(self.user_outsider).read(["id"])
        with self.assertRaises(AccessError):
            self.Lead.with_user(self.user_outsider).search([])
        with self.assertRaises(AccessError):
            head.action_vsms_create_admission_leads()

    def test_outsider_opens_the_contact_form(self):
        Partner = self.Partner.with_user(self.user_outsider)
        views = Partner.get_views([(False, "form"), (False, "list")])
        self.assertNotIn("vsms_member_state", views["views"]["form"]["arch"])
        self.assertNotIn("vsms_consent_ids", views["models"]["res.partner"]["fields"])
        record = Partner.browse(self.head.id).web_read(
            {
                "name": {},
                "vsms_municipality_id": {"fields": {"display_name": {}}},
                "vsms_salutation": {},
            }
        )[0]
        self.assertEqual(record["vsms_salutation"], "Уважаемый Алексей Викторович")
        self.assertEqual(
            record["vsms_municipality_id"]["display_name"],
            "Вяземский муниципальный округ",
        )

    def test_staff_open_every_contact_view(self):
        actions = [
            "vsms_regional.res_partner_action_vsms_members",
            "vsms_regional.res_partner_action_vsms_contacts",
            "vsms_regional.crm_lead_action_vsms_admission",
            "vsms_regional.vsms_position_action",
            "vsms_regional.vsms_consent_action",
            "vsms_regional.vsms_membership_log_action",
            "vsms_regional.vsms_municipality_action",
        ]
        for xmlid in actions:
            with self.subTest(action=xmlid):
                action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
                model = self.env[action["res_model"]].with_user(self.user_staff)
                views = model.get_views(action["views"])
                self.assertTrue(views["views"])
                model.web_search_read(
                    safe_eval(action.get("domain") or "[]"),
                    {"display_name": {}},
                    limit=5,
                )


@tagged("post_install", "-at_install")
class TestContactDeletion(VsmsContactCommon):
    """Who is or was a member, or has consents, is archived, not deleted; the
    history and the consents are never deleted with their person."""

    def _delete_as(self, user, person, text):
        with self.assertRaisesText(UserError, text):
            person.with_user(user).unlink()
        self.assertTrue(person.exists())

    def test_members_and_former_members_are_archived_not_deleted(self):
        self.head.vsms_member_state = "member"
        # the deputy was a prospect once: her history is kept too
        self.deputy.vsms_member_state = "prospect"
        self.deputy.vsms_member_state = "none"
        for user in (
            self.user_staff,
            self.user_manager,
            self.env.ref("base.user_admin"),
        ):
            for person in self.head | self.deputy:
                with self.subTest(user=user.login, person=person.name):
                    self._delete_as(user, person, f"{person.name} cannot be deleted")
        with self.assertRaisesText(UserError, "Archive the contact instead"):
            (self.head | self.deputy).with_user(self.user_staff).unlink()
        self.assertEqual(len(self.Log.search([("partner_id", "=", self.deputy.id)])), 2)
        (self.head | self.deputy).with_user(self.user_staff).action_archive()
        self.assertFalse(self.head.active)
        # archived, still refused (and in Russian)
        with self.assertRaisesText(UserError, "Архивируйте контакт"):
            self.head.with_user(self.user_manager).with_context(lang="ru_RU").unlink()

    def test_people_with_consents_are_archived_not_deleted(self):
        self.give_consent(self.deputy, "processing")
        for user in (self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                self._delete_as(user, self.deputy, "their consents")

    def test_other_contacts_can_be_deleted(self):
        person = self.make_person("Новиков", "Илья", "Сергеевич")
        person.with_user(self.user_staff).unlink()
        self.assertFalse(person.exists())

    def test_no_cascade_deletes_history_or_consents(self):
        self.assertEqual(self.Log._fields["partner_id"].ondelete, "restrict")
        self.assertEqual(self.Consent._fields["partner_id"].ondelete, "restrict")
        self.head.vsms_member_state = "member"
        consent = self.give_consent(self.deputy)
        # even superuser code cannot delete them by deleting their person
        for person in self.head | self.deputy:
            with (
                self.subTest(person=person.name),
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.env.cr.savepoint(),
            ):
                person.sudo().unlink()
                self.env.flush_all()
        self.assertTrue(self.head.vsms_membership_log_ids.exists())
        self.assertTrue(consent.exists())
