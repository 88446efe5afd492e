from odoo.tests import tagged

from .common import VsmsCommon

LIST_FIELDS = [
    "number",
    "section_id",
    "name",
    "schedule_text",
    "user_id",
    "participants_planned",
    "participants_actual",
    "overdue_count",
    "progress",
    "state",
]


@tagged("post_install", "-at_install")
class TestPlanPerformance(VsmsCommon):
    """Queries must not grow with the number of items or occurrences."""

    def _make_items(self, count, **extra):
        year = max(self.Plan.search([]).mapped("year")) + 1
        plan = self.Plan.create({"name": f"План {year}", "year": year})
        sections = self.Section.create(
            [{"plan_id": plan.id, "name": f"Раздел {n}"} for n in range(5)]
        )
        self.Item.create(
            [
                {
                    "plan_id": plan.id,
                    "section_id": sections[n % 5].id,
                    "number": n + 1,
                    "name": f"Мероприятие {n}",
                    "schedule_text": "ежемесячно" if n % 2 else "II квартал, ноябрь",
                }
                | extra
                for n in range(count)
            ]
        )
        return plan

    def _queries(self, func):
        """Queries made by ``func`` with warm caches (it runs twice)."""
        func()
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_item_list_queries_do_not_grow(self):
        small = self._make_items(5, user_id=self.user_staff.id)
        large = self._make_items(60, user_id=self.user_staff.id)

        def read_list(plan):
            return lambda: self.Item.web_search_read(
                [("plan_id", "=", plan.id)],
                {name: {} for name in LIST_FIELDS},
            )

        self.assertEqual(
            self._queries(read_list(small)), self._queries(read_list(large))
        )

    def test_plan_statistics_queries_do_not_grow(self):
        small, large = self._make_items(5), self._make_items(60)

        def read_plan(plan):
            return lambda: plan.read(
                ["item_count", "occurrence_count", "overdue_count", "progress"]
            )

        queries = self._queries(read_plan(large))
        self.assertEqual(self._queries(read_plan(small)), queries)
        self.assertLessEqual(queries, 6)

    def test_creating_items_is_batched(self):
        def create(count):
            return lambda: self._make_items(count)

        few, many = self._queries(create(4)), self._queries(create(40))
        # occurrences are computed for all items at once: 10x the items
        # (and 10x the occurrences) cost only a few more queries
        self.assertLess(many, few + 20, (few, many))
