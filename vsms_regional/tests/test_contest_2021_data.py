"""The three contests of the 2021 plan ship as drafts with their nominations."""

from odoo.tests import TransactionCase, tagged

# xml id -> (kind, plan item number, nominations)
CONTESTS = {
    "vsms_contest_2021_olympiad": ("olympiad", 5, []),
    "vsms_contest_2021_tos_region": (
        "contest",
        6,
        [
            "Лучший председатель совета (комитета) территориального общественного "
            "самоуправления",
            "Лучший старший по дому, подъезду",
            "Лучший старейшина",
        ],
    ),
    "vsms_contest_2021_tos_city": (
        "contest",
        7,
        ["Лучший председатель ТОС", "Лучшая общественная инициатива"],
    ),
}


@tagged("post_install", "-at_install")
class TestContest2021Data(TransactionCase):
    def test_contests_of_the_2021_plan(self):
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        for xmlid, (kind, number, nominations) in CONTESTS.items():
            contest = self.env.ref(f"vsms_regional.{xmlid}")
            item = plan.item_ids.filtered(lambda i, n=number: i.number == n)
            with self.subTest(contest=xmlid):
                self.assertEqual(contest.kind, kind)
                self.assertEqual(contest.state, "draft")
                self.assertEqual(contest.vsms_plan_item_id, item)
                self.assertEqual(contest.vsms_occurrence_id, item.occurrence_ids)
                self.assertEqual(contest.nomination_ids.mapped("name"), nominations)
                self.assertEqual(
                    contest.nomination_ids.mapped("prize_places"),
                    [3] * len(nominations),
                )
                # the branch sets the criteria, the jury and the dates itself
                self.assertFalse(contest.criterion_ids)
                self.assertFalse(contest.juror_ids)
                self.assertFalse(contest.application_ids)
                self.assertFalse(contest.date_open or contest.date_close)
                self.assertEqual(item.contest_ids, contest)
                self.assertEqual(item.contest_count, 1)
                self.assertTrue(item.occurrence_ids.is_realized)
        olympiad = self.env.ref("vsms_regional.vsms_contest_2021_olympiad")
        self.assertTrue(olympiad.rank_by_grade)
        self.assertEqual(
            (olympiad.winner_min_ratio, olympiad.prize_quota_ratio), (0.5, 0.3)
        )
        self.assertIn("10-11", olympiad.name)
