from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestMunicipality(VsmsContactCommon):
    def test_27_municipal_formations_of_smolensk_oblast(self):
        smolensk_oblast = self.env.ref("base.state_ru_smo")
        municipalities = self.env["vsms.municipality"].search(
            [("state_id", "=", smolensk_oblast.id)]
        )
        self.assertEqual(len(municipalities), 27)
        by_kind = {
            kind: len(municipalities.filtered(lambda m, k=kind: m.kind == k))
            for kind in ("city_okrug", "municipal_okrug")
        }
        self.assertEqual(by_kind, {"city_okrug": 2, "municipal_okrug": 25})
        city = self.env.ref("vsms_regional.vsms_municipality_smolensk")
        self.assertRecordValues(
            city,
            [
                {
                    "name": "город Смоленск",
                    "kind": "city_okrug",
                    "oktmo": "66701000",
                    "admin_center": "г. Смоленск",
                }
            ],
        )
        self.assertEqual(self.vyazma.admin_center, "г. Вязьма")
        self.assertFalse(self.vyazma.oktmo)

    def test_manager_edits_staff_reads(self):
        self.vyazma.with_user(self.user_manager).oktmo = "66605000"
        self.assertEqual(self.vyazma.oktmo, "66605000")
        self.assertEqual(self.vyazma.with_user(self.user_staff).name, self.vyazma.name)
        with self.assertRaises(AccessError):
            self.vyazma.with_user(self.user_staff).oktmo = "66605001"
        with self.assertRaises(AccessError):
            self.env["vsms.municipality"].with_user(self.user_staff).create(
                {"name": "Новый округ"}
            )
        # Anyone in the company reads the reference list (contact forms show it).
        self.assertTrue(self.vyazma.with_user(self.user_outsider).name)

    def test_bad_oktmo_is_refused(self):
        with self.assertRaisesText(ValidationError, "«12-34» of"):
            self.vyazma.oktmo = "12-34"
        self.assertFalse(self.vyazma.oktmo)

    def test_duplicate_name_or_oktmo_is_refused(self):
        Municipality = self.env["vsms.municipality"]
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Municipality.create({"name": "город Смоленск"})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            Municipality.create({"name": "Новый округ", "oktmo": "66701000"})
        self.assertFalse(Municipality.search([("name", "=", "Новый округ")]))

    def test_referenced_municipality_cannot_be_deleted(self):
        with self.assertRaisesText(UserError, "Archive it instead"):
            self.vyazma.with_user(self.user_manager).unlink()
        self.vyazma.with_user(self.user_manager).action_archive()
        self.assertFalse(self.vyazma.active)
        self.assertEqual(self.head.vsms_municipality_id, self.vyazma)

    def test_referenced_by_an_office_cannot_be_deleted(self):
        unused = self.env["vsms.municipality"].create({"name": "Тестовый округ"})
        self.make_position(self.head, self.role_expert, municipality_id=unused.id)
        with self.assertRaisesText(UserError, "Тестовый округ"):
            unused.unlink()

    def test_unused_municipality_can_be_deleted(self):
        unused = self.env["vsms.municipality"].create({"name": "Тестовый округ"})
        unused.with_user(self.user_manager).unlink()
        self.assertFalse(unused.exists())

    def test_counts_and_search_by_oktmo(self):
        self.head.vsms_member_state = "member"
        self.assertEqual(self.vyazma.partner_count, 1)
        self.assertEqual(self.vyazma.member_count, 1)
        city = self.env.ref("vsms_regional.vsms_municipality_smolensk")
        found = self.env["vsms.municipality"].name_search("66701000")
        self.assertEqual([row[0] for row in found], [city.id])
