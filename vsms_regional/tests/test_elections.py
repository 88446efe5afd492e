from datetime import date, timedelta

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .election_common import ElectionCommon


@tagged("post_install", "-at_install")
class TestElectionLifecycle(ElectionCommon):
    def test_election_moves_forward_with_dates(self):
        election = self.election
        self.assertEqual(election.state, "planned")
        self.assertEqual(election.date_state, self.today())
        self.flush_tracking()
        for action, state in (
            (election.action_campaign, "campaign"),
            (election.action_voting, "voting"),
            (election.action_confirm_results, "results"),
            (election.action_close, "closed"),
        ):
            action()
            self.flush_tracking()
            self.assertEqual(election.state, state)
        self.assertEqual(election.date_state, self.today())
        tracked = election.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")),
            sorted(
                election._state_label(state)
                for state in ("campaign", "voting", "results", "closed")
            ),
        )

    def test_election_refuses_other_moves(self):
        election = self.election
        label = election._state_label
        refused = [
            ("planned", "voting"),
            ("planned", "results"),
            ("planned", "closed"),
            ("campaign", "planned"),
            ("campaign", "results"),
            ("voting", "campaign"),
            # results only through «Утвердить итоги»
            ("voting", "results"),
            ("results", "voting"),
            ("closed", "results"),
        ]
        path = ["planned", "campaign", "voting", "results", "closed"]
        for old, new in refused:
            with self.subTest(old=old, new=new):
                fresh = self.Election.create(
                    {
                        "name": f"Выборы {old}-{new}",
                        "date_start": "2030-09-13",
                        "date_end": "2030-09-15",
                    }
                )
                for state in path[1 : path.index(old) + 1]:
                    if state == "results":
                        fresh.action_confirm_results()
                    else:
                        fresh.write({"state": state})
                with self.assertRaisesText(UserError, label(old)) as caught:
                    fresh.write({"state": new})
                self.assertIn(label(new), str(caught.exception))
                self.assertIn(fresh.name, str(caught.exception))
                self.assertEqual(fresh.state, old)

    def test_election_cannot_start_with_results(self):
        with self.assertRaisesText(UserError, "Досрочные выборы"):
            self.Election.create(
                {
                    "name": "Досрочные выборы",
                    "date_start": "2030-09-13",
                    "date_end": "2030-09-15",
                    "state": "results",
                }
            )

    def test_confirm_results_only_in_voting(self):
        with self.assertRaisesText(UserError, self.election._state_label("planned")):
            self.election.action_confirm_results()


@tagged("post_install", "-at_install")
class TestCandidateLifecycle(ElectionCommon):
    def setUp(self):
        super().setUp()
        self.election.action_campaign()

    def tracked_states(self, candidate):
        values = candidate.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        return set(values.mapped("new_value_char"))

    def test_nomination_and_registration(self):
        candidate = self.make_candidate(self.single, "Орлов Пётр Ильич", "proposed")
        self.flush_tracking()
        self.assertEqual(candidate.date_state, self.today())
        candidate.action_nominate()
        self.flush_tracking()
        self.assertEqual(candidate.state, "nominated")
        self.assertEqual(candidate.date_nominated, self.today())
        candidate.action_register()
        self.flush_tracking()
        self.assertEqual(candidate.state, "registered")
        self.assertEqual(candidate.date_registered, self.today())
        self.assertEqual(candidate.date_state, self.today())
        self.assertEqual(
            self.tracked_states(candidate),
            {candidate._state_label("nominated"), candidate._state_label("registered")},
        )

    def test_typed_dates_are_kept(self):
        candidate = self.make_candidate(self.single, "Орлов Пётр Ильич", "proposed")
        candidate.write({"state": "nominated", "date_nominated": "2026-07-01"})
        candidate.action_register()
        self.assertEqual(str(candidate.date_nominated), "2026-07-01")

    def test_refusal_and_withdrawal(self):
        refused = self.make_candidate(
            self.single, "Белова Мария Андреевна", "nominated"
        )
        refused.action_refuse()
        self.assertEqual(refused.state, "refused")
        withdrawn_early = self.make_candidate(
            self.single, "Зайцев Олег Павлович", "nominated"
        )
        withdrawn_early.action_withdraw()
        self.assertEqual(withdrawn_early.state, "withdrawn")
        withdrawn = self.make_candidate(self.single, "Соколова Ирина Юрьевна")
        withdrawn.action_withdraw()
        self.assertEqual(withdrawn.state, "withdrawn")
        cancelled = self.make_candidate(self.single, "Волков Денис Сергеевич")
        self.flush_tracking()
        self.election.action_voting()
        # a court can still cancel a registration during voting
        cancelled.action_cancel_registration()
        self.flush_tracking()
        self.assertEqual(cancelled.state, "cancelled")
        self.assertIn(
            cancelled._state_label("cancelled"), self.tracked_states(cancelled)
        )

    def test_results_by_hand(self):
        first, second = self.stand(
            self.party_list, ["Орлов Пётр Ильич", "Белова Мария Андреевна"]
        )
        self.election.action_voting()
        self.election.action_confirm_results()
        # party-list districts are decided by hand
        self.assertEqual((first | second).mapped("state"), ["registered"] * 2)
        self.flush_tracking()
        first.action_set_elected()
        second.action_set_not_elected()
        self.flush_tracking()
        self.assertEqual(first.state, "elected")
        self.assertEqual(second.state, "not_elected")
        # a court decision swaps them
        first.action_set_not_elected()
        second.action_set_elected()
        self.flush_tracking()
        self.assertEqual((first.state, second.state), ("not_elected", "elected"))
        self.assertEqual(first.date_state, self.today())
        self.assertEqual(
            self.tracked_states(first),
            {first._state_label("elected"), first._state_label("not_elected")},
        )

    def test_refused_moves_name_both_statuses(self):
        label = self.Candidate._state_label
        cases = [
            ("proposed", "registered"),
            ("proposed", "elected"),
            ("proposed", "withdrawn"),
            ("nominated", "proposed"),
            ("nominated", "cancelled"),
            ("registered", "nominated"),
            ("registered", "refused"),
            ("refused", "registered"),
            ("withdrawn", "registered"),
            ("cancelled", "registered"),
        ]
        for number, (old, new) in enumerate(cases):
            with self.subTest(old=old, new=new):
                candidate = self.make_candidate(
                    self.single, f"Кандидатов Иван{'а' * number} Иванович", "proposed"
                )
                path = {
                    "proposed": [],
                    "nominated": ["nominated"],
                    "registered": ["nominated", "registered"],
                    "refused": ["nominated", "refused"],
                    "withdrawn": ["nominated", "withdrawn"],
                    "cancelled": ["nominated", "registered", "cancelled"],
                }[old]
                for state in path:
                    candidate.write({"state": state})
                with self.assertRaisesText(UserError, label(old)) as caught:
                    candidate.write({"state": new})
                self.assertIn(label(new), str(caught.exception))
                self.assertIn(candidate.partner_id.name, str(caught.exception))
                self.assertEqual(candidate.state, old)

    def test_moves_need_the_right_election_status(self):
        candidate = self.make_candidate(self.single, "Орлов Пётр Ильич")
        # elected/not elected only once results are confirmed
        with self.assertRaisesText(UserError, self.election.name):
            candidate.write({"state": "elected"})
        self.election.action_voting()
        nominee = self.Candidate.create(
            {
                "election_id": self.election.id,
                "district_id": self.single.id,
                "partner_id": self.make_person("Белова", "Мария", "Андреевна").id,
            }
        )
        # registration is over once voting starts
        with self.assertRaisesText(UserError, self.election._state_label("voting")):
            nominee.write({"state": "nominated"})
        self.assertEqual(nominee.state, "proposed")

    def test_closed_election_freezes_candidates(self):
        candidate = self.make_candidate(self.single, "Орлов Пётр Ильич")
        self.election.action_voting()
        candidate.votes = 10
        self.election.action_confirm_results()
        self.election.action_close()
        with self.assertRaisesText(UserError, self.election.name):
            candidate.votes = 12
        with self.assertRaisesText(UserError, self.election.name):
            self.make_candidate(self.single, "Белова Мария Андреевна", "proposed")
        candidate.note = "Избран единогласно"  # notes stay editable
        self.assertEqual(candidate.votes, 10)


@tagged("post_install", "-at_install")
class TestElectionResults(ElectionCommon):
    def setUp(self):
        super().setUp()
        self.election.action_campaign()
        self.single_candidates = self.stand(
            self.single,
            ["Орлов Пётр Ильич", "Белова Мария Андреевна", "Зайцев Олег Павлович"],
        )
        self.multi_candidates = self.stand(
            self.multi,
            [
                "Соколова Ирина Юрьевна",
                "Волков Денис Сергеевич",
                "Лебедева Анна Игоревна",
                "Морозов Илья Петрович",
                "Новикова Вера Олеговна",
            ],
        )
        # withdrawn before voting: takes no part in the results
        self.withdrawn = self.make_candidate(self.multi, "Фомин Юрий Ильич")
        self.withdrawn.action_withdraw()
        self.election.action_voting()

    def test_shares_and_ranks(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.assertEqual(self.single_candidates.mapped("vote_share"), [50, 30, 20])
        self.assertEqual(self.single_candidates.mapped("district_rank"), [1, 2, 3])
        self.vote(self.multi_candidates, [100, 100, 50, 50, 0])
        self.assertEqual(self.multi_candidates.mapped("district_rank"), [1, 1, 3, 3, 5])
        self.assertAlmostEqual(self.multi_candidates[0].vote_share, 33.33, places=2)
        self.assertEqual(self.withdrawn.district_rank, 0)
        self.assertEqual(self.multi.votes_total, 300)
        # a change of one candidate's votes re-ranks the district
        self.single_candidates[2].votes = 600
        self.assertEqual(self.single_candidates.mapped("district_rank"), [2, 3, 1])

    def test_confirm_elects_by_seats(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.vote(self.multi_candidates, [400, 100, 300, 200, 50])
        list_candidate = self.make_candidate(
            self.party_list, "Громов Артём Сергеевич", "proposed"
        )
        self.election.action_confirm_results()
        self.assertEqual(self.election.state, "results")
        self.assertEqual(
            self.single_candidates.mapped("state"),
            ["elected", "not_elected", "not_elected"],
        )
        self.assertEqual(
            self.multi_candidates.mapped("state"),
            ["elected", "not_elected", "elected", "elected", "not_elected"],
        )
        self.assertEqual(self.withdrawn.state, "withdrawn")
        self.assertEqual(list_candidate.state, "proposed")
        self.assertEqual(self.election.elected_count, 4)
        winner = self.single_candidates[0]
        self.assertEqual(winner.date_state, self.today())
        self.assertIn(
            winner._state_label("elected"),
            winner.message_ids[:1].body,
            "the result is logged on the candidate",
        )
        self.assertIn(winner.partner_id.name, self.election.message_ids[:1].body)

    def test_tie_at_cutoff_changes_nothing(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.vote(self.multi_candidates, [400, 300, 200, 200, 50])
        with self.assertRaisesText(UserError, self.multi.display_name) as caught:
            self.election.action_confirm_results()
        message = str(caught.exception)
        self.assertIn("Лебедева Анна Игоревна", message)
        self.assertIn("Морозов Илья Петрович", message)
        self.assertNotIn("Соколова", message)
        self.assertEqual(self.election.state, "voting")
        self.assertEqual(
            set((self.single_candidates | self.multi_candidates).mapped("state")),
            {"registered"},
        )
        self.assertFalse(
            self.env["vsms.position"].search(
                [("partner_id", "in", self.single_candidates.partner_id.ids)]
            )
        )

    def test_tie_decided_by_lot(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.vote(self.multi_candidates, [400, 300, 200, 200, 50])
        with self.assertRaises(UserError):
            self.election.action_confirm_results()
        # the lot gives the last seat to Морозов
        self.multi_candidates[3].action_set_elected()
        self.assertTrue(self.multi_candidates[3].position_id)
        self.election.action_confirm_results()
        self.assertEqual(
            self.multi_candidates.mapped("state"),
            ["elected", "elected", "not_elected", "elected", "not_elected"],
        )
        self.assertEqual(self.single_candidates[0].state, "elected")
        self.assertEqual(self.election.elected_count, 4)

    def test_tie_below_the_cutoff_is_fine(self):
        self.vote(self.single_candidates, [500, 200, 200])
        self.vote(self.multi_candidates, [400, 300, 200, 100, 100])
        self.election.action_confirm_results()
        self.assertEqual(self.single_candidates[0].state, "elected")
        self.assertEqual(self.multi_candidates[3:].mapped("state"), ["not_elected"] * 2)

    def test_manual_result_within_seats(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.vote(self.multi_candidates, [400, 100, 300, 200, 50])
        self.election.action_confirm_results()
        runner_up = self.single_candidates[1]
        with self.assertRaisesText(ValidationError, self.single.display_name) as caught:
            runner_up.action_set_elected()
        self.assertIn("1", str(caught.exception))
        self.assertEqual(runner_up.state, "not_elected")
        # a court annuls the winner's result: the runner-up takes the seat
        winner = self.single_candidates[0]
        winner.action_set_not_elected()
        runner_up.action_set_elected()
        self.assertEqual(
            winner.position_id.date_end, max(self.today(), self.election.date_end)
        )
        self.assertEqual(runner_up.position_id.date_start, self.election.date_end)

    def test_result_keeps_person_and_district(self):
        self.vote(self.single_candidates, [500, 300, 200])
        self.vote(self.multi_candidates, [400, 100, 300, 200, 50])
        self.election.action_confirm_results()
        winner = self.single_candidates[0]
        with self.assertRaisesText(UserError, winner.partner_id.name):
            winner.district_id = self.multi
        with self.assertRaisesText(UserError, winner.partner_id.name):
            winner.partner_id = self.head
        self.assertEqual(winner.district_id, self.single)
        # writing the same values is harmless
        winner.write({"district_id": self.single.id, "note": "Решение ТИК № 12"})

    def test_negative_votes(self):
        candidate = self.single_candidates[0]
        with self.assertRaisesText(ValidationError, "-5"):
            candidate.votes = -5
        self.assertEqual(candidate.votes, 0)

    def test_votes_only_once_voting_started(self):
        election = self.Election.create(
            {
                "name": "Выборы главы",
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        district = self.make_district(election, 1, "Единый")
        election.action_campaign()
        candidate = self.make_candidate(district, "Громов Артём Сергеевич")
        with self.assertRaisesText(ValidationError, "42"):
            candidate.votes = 42
        self.assertEqual(candidate.votes, 0)


@tagged("post_install", "-at_install")
class TestElectedTakeOffice(ElectionCommon):
    def setUp(self):
        super().setUp()
        # voting ended last month: the elected are «newly elected»
        end = self.today() - timedelta(days=30)
        self.election.write({"date_start": end - timedelta(days=2), "date_end": end})
        self.election.action_campaign()
        self.outsider, self.member = self.stand(
            self.multi, ["Орлов Пётр Ильич", "Белова Мария Андреевна"]
        )
        self.member.partner_id.vsms_member_state = "member"
        self.loser = self.make_candidate(self.multi, "Зайцев Олег Павлович")
        self.election.action_voting()
        self.vote(self.outsider | self.member | self.loser, [300, 200, 0])

    def test_office_and_admission_lead(self):
        # there are three seats and three candidates: all elected
        self.election.action_confirm_results()
        position = self.outsider.position_id
        self.assertTrue(position)
        self.assertEqual(position.partner_id, self.outsider.partner_id)
        self.assertEqual(position.role_id, self.role_deputy)
        self.assertEqual(
            position.organization, "Совет депутатов Вяземского муниципального округа"
        )
        self.assertEqual(position.municipality_id, self.vyazma)
        self.assertEqual(position.date_start, self.election.date_end)
        self.assertTrue(position.elected)
        self.assertTrue(position.is_newly_elected)
        newly = self.Partner.search([("vsms_newly_elected", "=", True)])
        self.assertIn(self.outsider.partner_id, newly)
        self.assertIn(self.member.partner_id, newly)
        leads = self.Lead.search([("team_id", "=", self.team.id)])
        self.assertIn(self.outsider.partner_id, leads.partner_id)
        # members get the office but no lead
        self.assertTrue(self.member.position_id)
        self.assertNotIn(self.member.partner_id, leads.partner_id)

    def test_roles_by_level(self):
        self.assertEqual(self.election.position_role_id, self.role_deputy)
        self.election.level = "regional"
        self.assertEqual(
            self.election.position_role_id,
            self.env.ref("vsms_regional.vsms_position_role_regional_deputy"),
        )
        self.election.level = "federal"
        self.assertEqual(
            self.election.position_role_id,
            self.env.ref("vsms_regional.vsms_position_role_state_duma_deputy"),
        )
        # an election of a head: staff pick the office
        self.election.position_role_id = self.role_head
        self.election.action_confirm_results()
        self.assertEqual(self.outsider.position_id.role_id, self.role_head)


@tagged("post_install", "-at_install")
class TestElectionBadInput(ElectionCommon):
    def test_district_of_another_election(self):
        other = self.Election.create(
            {
                "name": "Другие выборы",
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        before = self.Candidate.search_count([])
        with self.assertRaisesText(ValidationError, "Другие выборы"):
            self.Candidate.create(
                {
                    "election_id": other.id,
                    "district_id": self.single.id,
                    "partner_id": self.head.id,
                }
            )
        self.assertEqual(self.Candidate.search_count([]), before)
        with self.assertRaisesText(ValidationError, self.single.display_name):
            self.Participation.create(
                {
                    "election_id": other.id,
                    "district_id": self.single.id,
                    "partner_id": self.head.id,
                    "role": "observer",
                }
            )

    def test_one_candidacy_per_district(self):
        self.Candidate.create(
            {
                "election_id": self.election.id,
                "district_id": self.single.id,
                "partner_id": self.head.id,
            }
        )
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.Candidate.create(
                {
                    "election_id": self.election.id,
                    "district_id": self.single.id,
                    "partner_id": self.head.id,
                }
            )
        # another district of the same election is another candidacy
        self.Candidate.create(
            {
                "election_id": self.election.id,
                "district_id": self.multi.id,
                "partner_id": self.head.id,
            }
        )
        self.assertEqual(self.head.vsms_candidate_count, 2)

    def test_seats(self):
        with self.assertRaisesText(ValidationError, "0"):
            self.make_district(self.election, 7, "Пустой", kind="multi", seats=0)
        with self.assertRaisesText(ValidationError, "Двойной"):
            self.make_district(self.election, 8, "Двойной", kind="single", seats=2)
        self.assertFalse(self.District.search([("number", "in", (7, 8))]))

    def test_dates_outside_the_election(self):
        with self.assertRaisesText(ValidationError, "12.09.2030"):
            self.Election.create(
                {
                    "name": "Наоборот",
                    "date_start": "2030-09-13",
                    "date_end": "2030-09-12",
                }
            )
        self.election.date_campaign_start = "2030-06-20"
        candidate = self.make_candidate(self.single, "Орлов Пётр Ильич", "proposed")
        for value, shown in (
            ("2030-06-01", "01.06.2030"),
            ("2030-09-20", "20.09.2030"),
        ):
            with self.subTest(value=value):
                with self.assertRaisesText(ValidationError, shown):
                    candidate.date_nominated = value
                with self.assertRaisesText(ValidationError, shown):
                    self.Participation.create(
                        {
                            "election_id": self.election.id,
                            "partner_id": self.head.id,
                            "role": "agitator",
                            "date_start": value,
                        }
                    )
        self.assertFalse(candidate.date_nominated)
        self.assertFalse(self.election.participation_ids)
        with self.assertRaisesText(ValidationError, "01.07.2030"):
            candidate.write(
                {"date_nominated": "2030-07-05", "date_registered": "2030-07-01"}
            )
        # moving the voting days before a typed date is refused too
        candidate.date_nominated = "2030-09-01"
        with self.assertRaisesText(ValidationError, "01.09.2030"):
            self.election.write({"date_start": "2030-08-20", "date_end": "2030-08-22"})


@tagged("post_install", "-at_install")
class TestElectionPlanRollUp(ElectionCommon):
    def test_election_realises_its_plan_item(self):
        item = self.make_item(name="Участие в выборах", schedule_text="май – сентябрь")
        self.election.vsms_plan_item_id = item
        occurrence = item.occurrence_ids
        self.assertEqual(self.election.vsms_occurrence_id, occurrence)
        self.assertTrue(occurrence.is_realized)
        self.assertEqual(item.election_count, 1)
        self.election.action_campaign()
        self.Participation.create(
            [
                {
                    "election_id": self.election.id,
                    "partner_id": self.head.id,
                    "role": "agitator",
                },
                {
                    "election_id": self.election.id,
                    "partner_id": self.head.id,
                    "role": "observer",
                    "district_id": self.single.id,
                },
                {
                    "election_id": self.election.id,
                    "partner_id": self.deputy.id,
                    "role": "proxy",
                },
            ]
        )
        self.assertEqual(occurrence.participants_registered, 2)
        self.assertEqual(occurrence.participants_actual, 0)
        self.assertEqual(item.participants_registered, 2)
        self.election.action_voting()
        self.election.action_confirm_results()
        self.assertEqual(occurrence.state, "done")
        self.assertEqual(occurrence.participants_actual, 2)
        self.assertEqual(item.participants_actual, 2)
        with self.assertRaisesText(UserError, self.election.name):
            occurrence.unlink()

    def test_voting_outside_the_occurrence(self):
        item = self.make_item(name="Участие в выборах", schedule_text="май – июнь")
        with self.assertRaisesText(ValidationError, "13.09.2030"):
            self.election.vsms_occurrence_id = item.occurrence_ids


@tagged("post_install", "-at_install")
class TestElectionForms(ElectionCommon):
    def test_staff_fill_an_election_in_its_form(self):
        env = self.env(user=self.user_staff)
        with Form(env["vsms.election"]) as form:
            form.name = "Выборы Главы Сафоновского округа"
            form.level = "municipal"
            form.municipality_id = self.safonovo
            form.date_start = date(2030, 9, 15)
            form.date_end = date(2030, 9, 15)
            with form.district_ids.new() as line:
                line.number = 1
                line.name = "Единый"
        election = form.record
        election.action_campaign()
        with Form(election) as form:
            with form.candidate_ids.new() as line:
                line.district_id = election.district_ids
                line.partner_id = self.head
            with form.participation_ids.new() as line:
                line.partner_id = self.deputy
                line.role = "programme"
        candidate = election.candidate_ids
        self.assertEqual(candidate.partner_id, self.head)
        self.assertEqual(candidate.state, "proposed")
        self.assertEqual(election.participation_ids.role, "programme")
        with Form(candidate) as form:
            form.nominated_by = "branch"
            form.branch_support = "nominated"
        self.assertEqual(candidate.branch_support, "nominated")
