from odoo.tests import BaseCase, tagged

from ..tools.election_results import (
    TieAtCutoff,
    match_names,
    name_key,
    ranks,
    vote_shares,
    winners,
)


@tagged("post_install", "-at_install")
class TestVoteShares(BaseCase):
    def test_shares_of_the_votes_cast(self):
        self.assertEqual(vote_shares({"a": 1, "b": 3}), {"a": 25.0, "b": 75.0})
        shares = vote_shares({"a": 1, "b": 1, "c": 1})
        self.assertAlmostEqual(sum(shares.values()), 100.0)

    def test_no_votes(self):
        self.assertEqual(vote_shares({"a": 0, "b": 0}), {"a": 0.0, "b": 0.0})
        self.assertEqual(vote_shares({}), {})


@tagged("post_install", "-at_install")
class TestRanks(BaseCase):
    def test_equal_votes_share_a_rank(self):
        self.assertEqual(
            ranks({"a": 10, "b": 10, "c": 5, "d": 0}),
            {"a": 1, "b": 1, "c": 3, "d": 4},
        )

    def test_distinct_votes(self):
        self.assertEqual(ranks({"a": 1, "b": 3, "c": 2}), {"b": 1, "c": 2, "a": 3})

    def test_all_equal(self):
        self.assertEqual(ranks({"a": 0, "b": 0}), {"a": 1, "b": 1})


@tagged("post_install", "-at_install")
class TestWinners(BaseCase):
    def test_most_votes_take_the_seats(self):
        self.assertEqual(winners({"a": 10, "b": 30, "c": 20}, 1), ["b"])
        self.assertEqual(winners({"a": 10, "b": 30, "c": 20, "d": 5}, 2), ["b", "c"])

    def test_fewer_candidates_than_seats(self):
        self.assertEqual(sorted(winners({"a": 1, "b": 0}, 3)), ["a", "b"])

    def test_tie_at_the_cutoff(self):
        with self.assertRaises(TieAtCutoff) as caught:
            winners({"a": 30, "b": 20, "c": 20, "d": 5}, 2)
        self.assertEqual(sorted(caught.exception.keys), ["b", "c"])
        self.assertEqual(caught.exception.votes, 20)
        with self.assertRaises(TieAtCutoff):
            winners({"a": 0, "b": 0}, 1)

    def test_ties_away_from_the_cutoff(self):
        # tied for first (both inside) and for last (both outside)
        self.assertEqual(
            sorted(winners({"a": 30, "b": 30, "c": 10, "d": 10}, 2)), ["a", "b"]
        )

    def test_seats_must_be_positive(self):
        with self.assertRaises(ValueError):
            winners({"a": 1}, 0)


@tagged("post_install", "-at_install")
class TestMatchNames(BaseCase):
    CANDIDATES = {
        1: "Иванов Иван Петрович",
        2: "Семёнов Алексей Андреевич",
        3: "Семенов Антон Алексеевич",
        4: "Петрова-Водкина Анна Сергеевна",
    }

    def test_spelling_case_and_spaces(self):
        self.assertEqual(
            name_key("  СЕМЁНОВ   Алексей андреевич "), "семенов алексей андреевич"
        )
        matches, unknown, ambiguous = match_names(
            [
                "иванов  иван петрович",
                "Семенов Алексей Андреевич",
                "ПЕТРОВА-ВОДКИНА АННА СЕРГЕЕВНА",
            ],
            self.CANDIDATES,
        )
        self.assertEqual(
            matches,
            {
                "иванов  иван петрович": 1,
                "Семенов Алексей Андреевич": 2,
                "ПЕТРОВА-ВОДКИНА АННА СЕРГЕЕВНА": 4,
            },
        )
        self.assertEqual((unknown, ambiguous), ([], {}))

    def test_initials(self):
        matches, unknown, ambiguous = match_names(
            ["Иванов И.П.", "Иванов И. П.", "Семенов А.А.", "Семёнов Ан. Ал."],
            self.CANDIDATES,
        )
        self.assertEqual(matches, {"Иванов И.П.": 1, "Иванов И. П.": 1})
        # two Семёновы А. А.: ambiguous; «Ан. Ал.» are not initials
        self.assertEqual(ambiguous, {"Семенов А.А.": [2, 3]})
        self.assertEqual(unknown, ["Семёнов Ан. Ал."])

    def test_unknown(self):
        matches, unknown, _ambiguous = match_names(
            ["Сидоров Иван Петрович", "Иванов Иван", "Иванов П.И."], self.CANDIDATES
        )
        self.assertEqual(matches, {})
        self.assertEqual(
            unknown, ["Сидоров Иван Петрович", "Иванов Иван", "Иванов П.И."]
        )

    def test_namesakes_are_ambiguous(self):
        _matches, unknown, ambiguous = match_names(
            ["Иванов Иван Петрович"],
            {1: "Иванов Иван Петрович", 2: "Иванов Иван Петрович"},
        )
        self.assertEqual(ambiguous, {"Иванов Иван Петрович": [1, 2]})
        self.assertEqual(unknown, [])
