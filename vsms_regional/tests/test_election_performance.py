from odoo.tests import tagged

from .election_common import ElectionCommon

CANDIDATES_PER_DISTRICT = 8


@tagged("post_install", "-at_install")
class TestElectionPerformance(ElectionCommon):
    """Ranks and «Утвердить итоги» take a fixed number of queries whatever
    the number of districts and candidates (growth check: 5 vs 30 districts
    of 8 candidates)."""

    def make_election(self, districts, members=False):
        election = self.Election.create(
            {
                "name": f"Выборы на {districts} округов",
                "level": "municipal",
                "body_name": "Совет депутатов",
                "municipality_id": self.vyazma.id,
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        district_records = self.District.create(
            [
                {"election_id": election.id, "number": n, "name": f"Округ {n}"}
                for n in range(1, districts + 1)
            ]
        )
        people = self.Partner.create(
            [
                {
                    "name": f"Кандидат{d}_{c} Иван Петрович",
                    "vsms_member_state": "member" if members else "none",
                }
                for d in range(districts)
                for c in range(CANDIDATES_PER_DISTRICT)
            ]
        )
        election.action_campaign()
        candidates = self.Candidate.create(
            [
                {
                    "election_id": election.id,
                    "district_id": district.id,
                    "partner_id": people[d * CANDIDATES_PER_DISTRICT + c].id,
                    "state": "registered",
                }
                for d, district in enumerate(district_records)
                for c in range(CANDIDATES_PER_DISTRICT)
            ]
        )
        election.action_voting()
        self.env.flush_all()
        self.env.invalidate_all()
        return election, candidates

    def count_queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def votes(self, candidates):
        """Typed in as a table: one write per distinct number of votes."""
        by_votes = {}
        for index, candidate in enumerate(candidates):
            by_votes.setdefault(
                1000 - (index % CANDIDATES_PER_DISTRICT) * 10, []
            ).append(candidate.id)
        for votes, ids in by_votes.items():
            self.Candidate.browse(ids).write({"votes": votes})

    def measure(self, districts, members=False):
        election, candidates = self.make_election(districts, members)
        ranks = self.count_queries(lambda: self.votes(candidates))
        confirm = self.count_queries(election.action_confirm_results)
        self.assertEqual(
            len(candidates.filtered(lambda c: c.state == "elected")), districts
        )
        self.assertEqual(set(candidates.mapped("district_rank")), set(range(1, 9)))
        return ranks, confirm

    def test_ranks_and_confirmation_do_not_grow_per_candidate(self):
        """Elected members take office: no admission lead."""
        self.measure(1, members=True)  # warm the caches
        ranks_5, confirm_5 = self.measure(5, members=True)
        ranks_30, confirm_30 = self.measure(30, members=True)
        figures = (ranks_5, ranks_30, confirm_5, confirm_30)
        # 200 more candidates and 25 more elected with their offices: a query
        # per candidate would add 200.
        self.assertLess(ranks_30 - ranks_5, 10, figures)
        self.assertLess(confirm_30 - confirm_5, 25, figures)

    def test_admission_leads_grow_per_elected_only(self):
        """Elected non-members also get an admission lead.  Opening a lead
        changes the person's member status (history entry, chatter, followers:
        the admission pipeline's per-lead work), so the queries grow with the
        number of *elected* non-members (25 more here), never with the
        candidates (200 more)."""
        self.measure(1)  # warm the caches
        _ranks_5, confirm_5 = self.measure(5)
        _ranks_30, confirm_30 = self.measure(30)
        self.assertLess(confirm_30 - confirm_5, 25 * 10, (confirm_5, confirm_30))
