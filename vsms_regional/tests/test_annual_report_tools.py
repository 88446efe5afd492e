import datetime

from odoo.tests import BaseCase, tagged

from ..const import ROLE_CATEGORIES
from ..models.vsms_membership_log_movement import membership_movement
from ..tools import annual_report as tools

dt = datetime.datetime


def row(row_id, partner, when, new, old=None):
    return {
        "id": row_id,
        "partner_id": partner,
        "date": when,
        "old_state": old,
        "new_state": new,
        # as the history stores it (what the dashboards count)
        "movement": membership_movement(old or False, new),
    }


@tagged("post_install", "-at_install")
class TestAnnualReportTools(BaseCase):
    """Membership arithmetic of the annual report, without a database."""

    def test_year_moments_are_the_close_of_31_december_in_moscow(self):
        start, end = tools.year_moments(2030, "Europe/Moscow")
        # 31.12.2029 23:59:59 and 31.12.2030 23:59:59 Moscow time (UTC+3)
        self.assertEqual(start, dt(2029, 12, 31, 20, 59, 59))
        self.assertEqual(end, dt(2030, 12, 31, 20, 59, 59))
        self.assertEqual(tools.year_moments(2031, "Europe/Moscow")[0], end)
        self.assertEqual(
            tools.year_moments(2030, "UTC")[1], dt(2030, 12, 31, 23, 59, 59)
        )

    def test_year_range(self):
        self.assertTrue(tools.year_in_range(2030))
        self.assertTrue(tools.year_in_range(tools.YEAR_MIN))
        self.assertTrue(tools.year_in_range(tools.YEAR_MAX))
        self.assertFalse(tools.year_in_range(tools.YEAR_MIN - 1))
        self.assertFalse(tools.year_in_range(tools.YEAR_MAX + 1))
        self.assertFalse(tools.year_in_range(0))
        self.assertFalse(tools.year_in_range("2030"))

    def test_state_at_takes_the_last_entry_at_or_before(self):
        rows = [
            row(1, 7, dt(2030, 1, 5), "member", "none"),
            row(2, 7, dt(2030, 6, 1), "former", "member"),
            # same second: the later entry (higher id) wins
            row(4, 8, dt(2030, 3, 1), "former", "member"),
            row(3, 8, dt(2030, 3, 1), "member", "applicant"),
        ]
        self.assertEqual(tools.state_at(rows, dt(2030, 1, 4)), {})
        self.assertEqual(tools.state_at(rows, dt(2030, 1, 5)), {7: "member"})
        self.assertEqual(
            tools.state_at(rows, dt(2030, 6, 1)), {7: "former", 8: "former"}
        )
        self.assertEqual(tools.members_at(rows, dt(2030, 5, 31)), {7})

    def test_membership_figures_balance(self):
        start, end = tools.year_moments(2030, "UTC")
        rows = [
            # a member all year
            row(1, 1, dt(2029, 3, 1), "member", "none"),
            # leaves in June
            row(2, 2, dt(2029, 5, 1), "member", "none"),
            row(3, 2, dt(2030, 6, 10), "former", "member"),
            # admitted in February
            row(4, 3, dt(2030, 2, 1), "member", "applicant"),
            # leaves and is admitted again
            row(5, 4, dt(2029, 1, 10), "member", "none"),
            row(6, 4, dt(2030, 3, 1), "former", "member"),
            row(7, 4, dt(2030, 9, 1), "member", "former"),
            # the last second of the year counts, the first of the next not
            row(8, 5, dt(2030, 12, 31, 23, 59, 59), "member", "applicant"),
            row(9, 6, dt(2031, 1, 1, 0, 0, 0), "member", "applicant"),
            # a member at the close of 2029, suspended on 1 January, reinstated
            row(10, 7, dt(2029, 12, 31, 23, 59, 59), "member", "applicant"),
            row(11, 7, dt(2030, 1, 1, 0, 0, 0), "suspended", "member"),
            row(12, 7, dt(2030, 4, 1), "member", "suspended"),
            # never a member
            row(13, 8, dt(2030, 5, 1), "applicant", "none"),
            # suspended in November: still a member on 31 December
            row(14, 9, dt(2029, 2, 1), "member", "none"),
            row(15, 9, dt(2030, 11, 1), "suspended", "member"),
        ]
        figures = tools.membership_figures(rows, start, end)
        # a suspension and its end move nobody in or out of membership
        self.assertEqual(figures["start"], {1, 2, 4, 7, 9})
        self.assertEqual(figures["end"], {1, 3, 4, 5, 7, 9})
        self.assertEqual(figures["suspended"], {9})
        self.assertEqual([r["id"] for r in figures["admitted"]], [4, 7, 8])
        self.assertEqual([r["id"] for r in figures["left"]], [6, 3])
        self.assertEqual(
            len(figures["end"]),
            len(figures["start"]) + len(figures["admitted"]) - len(figures["left"]),
        )
        # the next year starts where this one ends
        next_start, next_end = tools.year_moments(2031, "UTC")
        following = tools.membership_figures(rows, next_start, next_end)
        self.assertEqual(following["start"], figures["end"])
        self.assertEqual(following["end"], figures["end"] | {6})

        categories = {1: "head", 2: "deputy", 3: "tos", 5: "deputy"}
        table = tools.breakdown(figures, lambda pid: categories.get(pid, "other"))
        self.assertEqual(
            table,
            {
                "head": (1, 0, 0, 1),
                "deputy": (1, 1, 1, 1),
                "tos": (0, 1, 0, 1),
                "other": (3, 1, 1, 3),
            },
        )

    def test_categories_follow_the_registration_categories(self):
        self.assertEqual(tools.member_category("head"), "head")
        self.assertEqual(tools.member_category("council_chair"), "deputy")
        self.assertEqual(tools.member_category("tos_chair"), "tos")
        self.assertEqual(tools.member_category("expert"), "other")
        self.assertEqual(tools.member_category(False), "other")
        # the dashboards' participant categories group offices the same way
        for code, category in ROLE_CATEGORIES.items():
            with self.subTest(code=code):
                expected = category if category in tools.CATEGORIES else "other"
                self.assertEqual(tools.member_category(code), expected)
