from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import VsmsCommon


@tagged("post_install", "-at_install")
class TestSearchFilters(VsmsCommon):
    """The period filters of the search views select what staff expect."""

    def _filter_domain(self, view_xmlid, name, today, uid=None):
        arch = etree.fromstring(self.env.ref(view_xmlid).arch)
        domain = arch.xpath(f"//filter[@name='{name}']")[0].get("domain")
        return safe_eval(
            domain,
            {
                "context_today": lambda: today,
                "relativedelta": relativedelta,
                "datetime": datetime,
                "uid": uid or self.env.uid,
            },
        )

    def _search(self, model, view_xmlid, name, today):
        domain = self._filter_domain(view_xmlid, name, today)
        return self.env[model].search([("plan_id", "=", self.plan.id), *domain])

    def test_this_month_and_quarter(self):
        may = self.make_item(name="Семинар", schedule_text="21 мая")
        view = "vsms_regional.vsms_plan_item_view_search"
        cases = [
            (date(2030, 5, 15), "filter_this_month", may),
            (
                date(2030, 5, 15),
                "filter_this_quarter",
                may | self.item_presidium | self.item_olympiad,
            ),
            (date(2030, 4, 30), "filter_this_month", self.item_olympiad),
            (date(2030, 2, 1), "filter_this_quarter", self.item_presidium),
            (date(2030, 12, 31), "filter_this_quarter", self.item_presidium),
            (date(2030, 8, 10), "filter_this_month", self.Item),
        ]
        for today, name, expected in cases:
            with self.subTest(today=today, filter=name):
                self.assertEqual(
                    self._search("vsms.plan.item", view, name, today), expected
                )

    def test_occurrence_filters(self):
        view = "vsms_regional.vsms_plan_occurrence_view_search"
        found = self._search(
            "vsms.plan.occurrence", view, "filter_this_quarter", date(2030, 11, 3)
        )
        self.assertEqual(found.mapped("name"), ["Декабрь 2030"])
        found = self._search(
            "vsms.plan.occurrence", view, "filter_this_month", date(2030, 4, 1)
        )
        self.assertEqual(found.item_id, self.item_olympiad)

    @freeze_time("2030-07-01")
    def test_overdue_and_mine(self):
        self.item_olympiad.user_id = self.user_staff
        view = "vsms_regional.vsms_plan_item_view_search"
        overdue = self._search("vsms.plan.item", view, "filter_overdue", None)
        self.assertEqual(overdue, self.item_presidium | self.item_olympiad)
        domain = self._filter_domain(view, "filter_mine", None, self.user_staff.id)
        self.assertEqual(
            self.Item.with_user(self.user_staff).search(domain), self.item_olympiad
        )
