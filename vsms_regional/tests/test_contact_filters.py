from lxml import etree

from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import VsmsContactCommon

VIEW = "vsms_regional.res_partner_view_search_vsms"


@tagged("post_install", "-at_install")
@freeze_time("2026-11-26")
class TestContactFilters(VsmsContactCommon):
    """The filters of the ВСМС contact search select what staff expect."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tos_chair = cls.make_person("Белова", "Нина", "Ивановна")
        cls.old_head = cls.make_person("Орлов", "Пётр", "Ильич")
        cls.make_position(cls.head, cls.role_head, date_start="2026-10-20")
        cls.make_position(cls.deputy, cls.role_deputy, date_start="2026-09-14")
        cls.make_position(cls.tos_chair, cls.role_tos_chair, date_start="2018-03-01")
        cls.make_position(
            cls.old_head, cls.role_head, date_start="2019-10-01", date_end="2024-10-01"
        )
        cls.people = cls.head | cls.deputy | cls.tos_chair | cls.old_head
        cls.head.vsms_member_state = "member"
        cls.deputy.vsms_member_state = "applicant"
        cls.head.vsms_verified_on = "2026-02-01"
        cls.deputy.vsms_verified_on = "2025-02-01"
        cls.give_consent(cls.head, "mailing")

    def _filter(self, name):
        arch = etree.fromstring(self.env.ref(VIEW).arch)
        filters = arch.xpath(f"//filter[@name='{name}']")
        self.assertEqual(len(filters), 1, name)
        domain = safe_eval(filters[0].get("domain"))
        return self.Partner.with_user(self.user_staff).search(
            [("id", "in", self.people.ids), *domain]
        )

    def test_filters(self):
        cases = {
            "filter_members": self.head,
            "filter_applicants": self.deputy,
            "filter_prospects": self.Partner,
            "filter_new_heads": self.head,
            "filter_new_deputies": self.deputy,
            "filter_tos_chairs": self.tos_chair,
            "filter_not_verified": self.deputy | self.tos_chair | self.old_head,
            "filter_no_mailing_consent": self.deputy | self.tos_chair | self.old_head,
        }
        for name, expected in cases.items():
            with self.subTest(filter=name):
                self.assertEqual(self._filter(name), expected)

    def test_duplicates_filter(self):
        twin = self.make_person("Белова", "Нина", "Ивановна", email="belova@example.ru")
        self.people |= twin
        self.assertFalse(self._filter("filter_duplicates"))
        self.tos_chair.email = "Belova@Example.ru"
        self.assertEqual(self._filter("filter_duplicates"), self.tos_chair | twin)

    def test_group_by_and_pivot(self):
        Partner = self.Partner.with_user(self.user_staff)
        groups = Partner.formatted_read_group(
            [("id", "in", self.people.ids)],
            ["vsms_municipality_id", "vsms_main_role_id"],
            ["__count"],
        )
        rows = {
            (
                g["vsms_municipality_id"] and g["vsms_municipality_id"][1],
                g["vsms_main_role_id"] and g["vsms_main_role_id"][1],
            ): g["__count"]
            for g in groups
        }
        self.assertEqual(
            rows[("Вяземский муниципальный округ", "Глава муниципального образования")],
            1,
        )
        self.assertEqual(rows[(False, False)], 1)  # the former head holds nothing now
