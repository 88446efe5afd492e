from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools.contest_scoring import (
    PARTICIPANT,
    PRIZE,
    WINNER,
    criterion_means,
    juror_scores,
    max_possible,
    olympiad_results,
    places,
    quota,
    rank,
    weighted_scores,
)


def entries(*scores, submitted=None, chair=None):
    """``(key, score, submitted, chair_score)`` for applications a, b, c …"""
    keys = "abcdefghijklmnopqrstuvwxyz"
    return [
        (
            keys[i],
            score,
            submitted[i] if submitted else None,
            chair[i] if chair else None,
        )
        for i, score in enumerate(scores)
    ]


@tagged("post_install", "-at_install")
class TestWeightedScores(BaseCase):
    """Score = Σ weight × mean of the marks of jurors without a conflict."""

    def test_weighted_means(self):
        weights = {"c1": 1.0, "c2": 2.0}
        marks = [
            ("a", "j1", "c1", 8),
            ("a", "j2", "c1", 6),
            ("a", "j1", "c2", 5),
            ("a", "j2", "c2", 4),
        ]
        # 1 × 7 + 2 × 4.5
        self.assertEqual(weighted_scores(weights, marks), {"a": 16.0})

    def test_conflicted_juror_left_out_of_the_mean(self):
        weights = {"c1": 1.0}
        marks = [
            ("a", "j1", "c1", 10),
            ("a", "j2", "c1", 2),
            ("b", "j2", "c1", 4),
        ]
        scores = weighted_scores(weights, marks, {("j2", "a")})
        self.assertEqual(scores, {"a": 10.0, "b": 4.0})

    def test_means_are_per_criterion_whoever_marked(self):
        # j3 marked only c1: the c2 mean is over j1 and j2 only
        weights = {"c1": 1.0, "c2": 1.0}
        marks = [
            ("a", "j1", "c1", 3),
            ("a", "j2", "c1", 6),
            ("a", "j3", "c1", 9),
            ("a", "j1", "c2", 1),
            ("a", "j2", "c2", 2),
        ]
        self.assertAlmostEqual(weighted_scores(weights, marks)["a"], 6 + 1.5)
        self.assertEqual(criterion_means(marks), {("a", "c1"): 6.0, ("a", "c2"): 1.5})

    def test_unknown_criterion_ignored_and_no_marks(self):
        self.assertEqual(weighted_scores({"c1": 1.0}, [("a", "j", "cX", 5)]), {})
        self.assertEqual(weighted_scores({"c1": 1.0}, []), {})

    def test_zero_mark_counts(self):
        marks = [("a", "j1", "c1", 0), ("a", "j2", "c1", 10)]
        self.assertEqual(weighted_scores({"c1": 1.0}, marks), {"a": 5.0})

    def test_juror_scores(self):
        weights = {"c1": 1.0, "c2": 3.0}
        marks = [
            ("a", "chair", "c1", 2),
            ("a", "chair", "c2", 1),
            ("a", "j2", "c1", 10),
            ("b", "chair", "c1", 5),
        ]
        self.assertEqual(juror_scores(weights, marks, "chair"), {"a": 5.0, "b": 5.0})

    def test_max_possible(self):
        self.assertEqual(max_possible({"c1": (1.0, 10), "c2": (2.0, 5)}), 20.0)
        self.assertEqual(max_possible({}), 0)


@tagged("post_install", "-at_install")
class TestRanking(BaseCase):
    """Ranks within a group, ties under each tie-break rule, places."""

    def test_shared_ties(self):
        ranks = rank(entries(10, 12, 10, 7))
        self.assertEqual(ranks, {"b": 1, "a": 2, "c": 2, "d": 4})

    def test_shared_ties_at_the_top(self):
        self.assertEqual(rank(entries(9, 9, 8)), {"a": 1, "b": 1, "c": 3})

    def test_float_noise_is_a_tie(self):
        self.assertEqual(rank(entries(0.1 + 0.2, 0.3)), {"a": 1, "b": 1})

    def test_earlier_submission_breaks_the_tie(self):
        day = datetime(2021, 3, 1)
        later = datetime(2021, 3, 2)
        ranks = rank(
            entries(10, 10, 12, 10, submitted=[later, day, day, later]), "earlier"
        )
        # c first; then b (earlier), then a and d share (same moment)
        self.assertEqual(ranks, {"c": 1, "b": 2, "a": 3, "d": 3})

    def test_earlier_without_dates_keeps_the_tie(self):
        ranks = rank(entries(10, 10, submitted=[datetime(2021, 1, 1), None]), "earlier")
        self.assertEqual(ranks, {"a": 1, "b": 1})

    def test_chair_breaks_the_tie(self):
        ranks = rank(entries(10, 10, 10, 5, chair=[7, 9, 7, 3]), "chair")
        self.assertEqual(ranks, {"b": 1, "a": 2, "c": 2, "d": 4})

    def test_conflicted_chair_keeps_the_tie(self):
        ranks = rank(entries(10, 10, 4, chair=[7, None, 1]), "chair")
        self.assertEqual(ranks, {"a": 1, "b": 1, "c": 3})

    def test_chair_does_not_reorder_different_scores(self):
        ranks = rank(entries(10, 9, chair=[1, 10]), "chair")
        self.assertEqual(ranks, {"a": 1, "b": 2})

    def test_unknown_tie_break(self):
        with self.assertRaises(ValueError):
            rank(entries(1), "lot")

    def test_empty_group(self):
        self.assertEqual(rank([]), {})

    def test_places_within_prize_places(self):
        ranks = {"a": 1, "b": 1, "c": 3, "d": 4}
        self.assertEqual(places(ranks, 3), {"a": 1, "b": 1, "c": 3, "d": 0})
        self.assertEqual(places(ranks, 1), {"a": 1, "b": 1, "c": 0, "d": 0})
        # shared second places push the next rank out
        self.assertEqual(
            places({"a": 1, "b": 2, "c": 2, "d": 4}, 3),
            {"a": 1, "b": 2, "c": 2, "d": 0},
        )


@tagged("post_install", "-at_install")
class TestOlympiadResults(BaseCase):
    """Winners, prize-winners, the minimum ratio, the quota and its edge."""

    def results(self, scores, max_score=100, winner_min=0.5, quota_ratio=0.3):
        ranks = rank(entries(*scores))
        return olympiad_results(
            [(key, score, ranks[key]) for key, score, _s, _c in entries(*scores)],
            max_score,
            winner_min,
            quota_ratio,
        )

    def test_quota_rounded_down(self):
        self.assertEqual(quota(0.3, 10), 3)
        self.assertEqual(quota(0.3, 9), 2)
        self.assertEqual(quota(0.3, 3), 0)
        self.assertEqual(quota(0.29, 100), 29)
        self.assertEqual(quota(0.7, 10), 7)
        self.assertEqual(quota(1, 4), 4)

    def test_winner_and_prize_winners_within_quota(self):
        # 10 participants, quota 3
        results = self.results([90, 80, 75, 70, 60, 55, 40, 30, 20, 10])
        self.assertEqual(results["a"], (WINNER, False))
        self.assertEqual(results["b"], (PRIZE, False))
        self.assertEqual(results["c"], (PRIZE, False))
        for key in "defghij":
            self.assertEqual(results[key], (PARTICIPANT, False))

    def test_minimum_ratio(self):
        # quota 3, but only a and b reach half of 100
        results = self.results([90, 50, 49.99, 20, 10, 5, 4, 3, 2, 1])
        self.assertEqual(results["a"][0], WINNER)
        self.assertEqual(results["b"][0], PRIZE)
        self.assertEqual(results["c"], (PARTICIPANT, False))

    def test_nobody_reaches_the_minimum(self):
        results = self.results([40, 30, 20, 10], max_score=100)
        self.assertEqual({r for r, _tie in results.values()}, {PARTICIPANT})

    def test_shared_first_rank_are_all_winners(self):
        results = self.results([90, 90, 70, 10, 10, 10, 10, 10, 10, 10])
        self.assertEqual(results["a"][0], WINNER)
        self.assertEqual(results["b"][0], WINNER)
        self.assertEqual(results["c"][0], PRIZE)

    def test_tie_at_the_quota_edge_is_flagged(self):
        # quota 3: a (winner), b (prize), then c and d tie for the last slot
        results = self.results([90, 80, 70, 70, 10, 10, 10, 10, 10, 10])
        self.assertEqual(results["a"], (WINNER, False))
        self.assertEqual(results["b"], (PRIZE, False))
        self.assertEqual(results["c"], (PARTICIPANT, True))
        self.assertEqual(results["d"], (PARTICIPANT, True))
        self.assertEqual(results["e"], (PARTICIPANT, False))

    def test_tie_just_after_the_quota_is_not_flagged(self):
        # quota 3 exactly filled by a, b, c; d and e tie below it
        results = self.results([90, 80, 70, 60, 60, 10, 10, 10, 10, 10])
        self.assertEqual(results["c"], (PRIZE, False))
        self.assertEqual(results["d"], (PARTICIPANT, False))
        self.assertEqual(results["e"], (PARTICIPANT, False))

    def test_first_rank_larger_than_quota_is_flagged(self):
        # quota 0 for 3 participants: nobody; quota 1 for 4 with a tie at 1
        results = self.results([90, 90, 10, 10], quota_ratio=0.3)
        self.assertEqual(results["a"], (PARTICIPANT, True))
        self.assertEqual(results["b"], (PARTICIPANT, True))
        results = self.results([90, 80, 10], quota_ratio=0.3)
        self.assertEqual({r for r, _tie in results.values()}, {PARTICIPANT})

    def test_zero_maximum_gives_nothing(self):
        results = self.results([0, 0, 0, 0], max_score=0, quota_ratio=1)
        self.assertEqual({r for r, _tie in results.values()}, {PARTICIPANT})

    def test_exact_threshold_counts(self):
        # 0.6 × 35 = 21 exactly (float 0.6 * 35 is 20.999…)
        results = self.results(
            [21, 20, 1, 1], max_score=35, winner_min=0.6, quota_ratio=1
        )
        self.assertEqual(results["a"][0], WINNER)
        self.assertEqual(results["b"][0], PARTICIPANT)
