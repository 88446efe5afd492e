from datetime import date
from itertools import pairwise

from odoo.tests import BaseCase, tagged

from ..tools.plan_period import PeriodError, period_label, period_range

RU = {
    "year": "за %(year)s год",
    "half": "за %(number)s полугодие %(year)s года",
    "quarter": "за %(number)s квартал %(year)s года",
    "nine_months": "за 9 месяцев %(year)s года",
}


@tagged("post_install", "-at_install")
class TestPlanPeriod(BaseCase):
    """Reporting periods of a plan, without a database."""

    def test_year_and_nine_months(self):
        self.assertEqual(
            period_range(2021, "year"), (date(2021, 1, 1), date(2021, 12, 31))
        )
        self.assertEqual(
            period_range(2021, "nine_months"), (date(2021, 1, 1), date(2021, 9, 30))
        )

    def test_halves(self):
        self.assertEqual(
            period_range(2021, "half", 1), (date(2021, 1, 1), date(2021, 6, 30))
        )
        self.assertEqual(
            period_range(2021, "half", 2), (date(2021, 7, 1), date(2021, 12, 31))
        )

    def test_quarters_cover_the_year_without_gaps(self):
        ranges = [period_range(2024, "quarter", q) for q in (1, 2, 3, 4)]
        self.assertEqual(ranges[0], (date(2024, 1, 1), date(2024, 3, 31)))
        self.assertEqual(ranges[1], (date(2024, 4, 1), date(2024, 6, 30)))
        self.assertEqual(ranges[2], (date(2024, 7, 1), date(2024, 9, 30)))
        self.assertEqual(ranges[3], (date(2024, 10, 1), date(2024, 12, 31)))
        for (_start, end), (next_start, _end) in pairwise(ranges):
            self.assertEqual(next_start.toordinal() - end.toordinal(), 1)

    def test_number_ignored_for_year(self):
        self.assertEqual(period_range(2021, "year", 3), period_range(2021, "year"))

    def test_labels(self):
        self.assertEqual(period_label(2021, "nine_months"), "for 9 months of 2021")
        self.assertEqual(
            period_label(2021, "nine_months", labels=RU), "за 9 месяцев 2021 года"
        )
        self.assertEqual(period_label(2021, "year", labels=RU), "за 2021 год")
        self.assertEqual(
            period_label(2021, "quarter", 4, labels=RU), "за IV квартал 2021 года"
        )
        self.assertEqual(
            period_label(2021, "half", 1, labels=RU), "за I полугодие 2021 года"
        )
        self.assertEqual(period_label(2021, "quarter", 2), "for the II quarter of 2021")

    def test_bad_periods_name_the_value(self):
        for args, what, value in [
            ((2021, "month", None), "period", "month"),
            ((2021, False, None), "period", False),
            ((2021, "quarter", None), "number", None),
            ((2021, "quarter", 5), "number", 5),
            ((2021, "half", 3), "number", 3),
            ((0, "year", None), "year", 0),
        ]:
            with self.subTest(args=args):
                with self.assertRaises(PeriodError) as caught:
                    period_range(*args)
                self.assertEqual(str(caught.exception), what)
                self.assertEqual(caught.exception.value, value)
                with self.assertRaises(PeriodError):
                    period_label(*args)
