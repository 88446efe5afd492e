from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_contests import VsmsContestCommon


@tagged("post_install", "-at_install")
class TestContestEndToEnd(VsmsContestCommon):
    """A contest from draft to final results, as staff and jurors run it."""

    def test_contest_end_to_end(self):  # noqa: PLR0915
        item = self.make_item(name="Конкурс ТОС", schedule_text="апрель")
        occurrence = item.occurrence_ids
        self.assertEqual(len(occurrence), 1)
        contest = self.make_contest(
            nominations=("Лучший председатель ТОС", "Лучшая инициатива"),
            vsms_plan_item_id=item.id,
            date_results="2030-04-20",
        )
        self.assertEqual(contest.vsms_occurrence_id, occurrence, "its only period")
        self.seat_jury(contest)
        initiative = contest.nomination_ids[1]
        contest.with_user(self.user_staff).action_open()
        self.assertEqual(contest.state, "open")

        # the applicant is matched in the contact base (name + municipality)
        known = self.apply(
            contest,
            "Смирнов Алексей Викторович",
            municipality_id=self.vyazma.id,
        )
        self.assertEqual(known.partner_id, self.head)
        # … or by e-mail
        by_mail = self.apply(
            contest,
            "Кузнецова О. Н.",
            applicant_email="kuznetsova@safonovo.example.ru",
        )
        self.assertEqual(by_mail.partner_id, self.deputy)
        # … or created
        new = self.apply(contest, "Морозов Глеб Ильич", municipality_id=self.vyazma.id)
        self.assertEqual(new.partner_id.vsms_last_name, "Морозов")
        other = self.apply(contest, "Лисин Яков Львович", initiative)
        refused = self.apply(contest, "Жуков Борис Ильич", initiative)
        self.assertEqual(occurrence.participants_registered, 5)
        self.assertEqual(occurrence.participants_actual, 0)

        (known | by_mail | new | other).with_user(self.user_staff).action_admit()
        refused.with_user(self.user_staff).action_reject("Нет паспорта участника")
        self.assertEqual(refused.state, "rejected")
        self.assertEqual(occurrence.participants_registered, 5)
        self.assertEqual(occurrence.participants_actual, 4)
        codes = (known | by_mail | new | other).mapped("code")
        self.assertEqual(len(set(codes)), 4)
        self.assertTrue(all(code.startswith("К-") for code in codes))

        contest.with_user(self.user_staff).action_start_judging()
        self.assertEqual(contest.state, "judging")
        # 3 marking jurors (the secretary does not mark) × 4 × 2 criteria
        self.assertEqual(self.Score.search_count([("contest_id", "=", contest.id)]), 24)
        as_chair = contest.with_user(self.user_chair)
        self.assertEqual(as_chair.my_progress_text, "0 of 8 marked")
        self.assertEqual(
            as_chair.with_context(lang="ru_RU").my_progress_text, "0 из 8 оценено"
        )

        self.mark_all(known, 8, 4)  # 8 + 2 × 4 = 16
        self.mark_all(by_mail, 9, 5)  # 19
        self.mark(self.user_chair, new, 10, 5)
        self.mark(self.user_j2, new, 4, 1)
        self.mark(self.user_j3, new, 7, 3)  # 7 + 2 × 3 = 13
        self.mark_all(other, 2, 1)
        as_chair.invalidate_recordset()
        self.assertEqual(as_chair.my_progress_text, "8 of 8 marked")
        self.assertRecordValues(
            known | by_mail | new | other,
            [
                {"score": 16.0, "rank": 2, "place": 2},
                {"score": 19.0, "rank": 1, "place": 1},
                {"score": 13.0, "rank": 3, "place": 3},
                {"score": 4.0, "rank": 1, "place": 1},
            ],
        )
        self.assertAlmostEqual(by_mail.score_ratio, 19 / 20)
        self.assertTrue(known.is_fully_marked)

        contest.with_user(self.user_staff).action_done()
        self.assertEqual(contest.state, "done")
        self.assertEqual(occurrence.state, "done")
        self.assertEqual(by_mail.display_label, "Кузнецова Ольга Николаевна")
        self.assertEqual(self.deputy.vsms_contest_count, 1)
        self.assertEqual(self.deputy.vsms_contest_prize_count, 1)
        self.assertEqual(refused.partner_id.vsms_contest_prize_count, 0)

        # «Пригласить в ВСМС»: admission leads for the prize-winners
        action = contest.with_user(self.user_staff).action_invite_to_vsms()
        self.assertEqual(action["tag"], "display_notification")
        leads = self.Lead.search([("team_id", "=", self.team.id)])
        self.assertEqual(
            set(leads.partner_id.ids),
            set((known | by_mail | new | other).partner_id.ids),
        )
        # results are final: marks and rules stay
        with self.assertRaises(AccessError):
            self.mark(self.user_chair, known, 1, 1)
        with self.assertRaisesText(UserError, "is not being judged"):
            known.score_ids[:1].with_user(self.user_staff).write({"value": 1})
        with self.assertRaisesText(UserError, "cannot go from"):
            contest.with_user(self.user_staff).action_cancel()

    def test_conflicts_are_left_out(self):
        contest = self.make_contest()
        self.seat_jury(contest)
        contest.action_open()
        first = self.apply(contest, "Носов Пётр Ильич", municipality_id=self.vyazma.id)
        second = self.apply(contest, "Рябова Анна Юрьевна")
        (first | second).action_admit()
        j2 = contest.juror_ids.filtered(lambda j: j.user_id == self.user_j2)
        # j2 lives in the same municipality as the first applicant
        j2.partner_id.vsms_municipality_id = self.vyazma
        self.assertEqual(j2.proposed_conflict_ids, first)
        j2.action_accept_proposed_conflicts()
        self.assertEqual(j2.conflict_application_ids, first)
        self.assertFalse(j2.proposed_conflict_ids)
        contest.action_start_judging()
        self.assertFalse(
            self.Score.search(
                [("juror_id", "=", j2.id), ("application_id", "=", first.id)]
            )
        )
        self.mark(self.user_chair, first, 10, 5)
        self.mark(self.user_j3, first, 6, 3)
        self.mark_all(second, 5, 5)
        # j2 is left out of the first application's means: 8 + 2 × 4
        self.assertEqual(first.score, 16.0)
        contest.action_done()
        self.assertEqual(contest.state, "done")

    def test_tie_breaks(self):
        contest = self.make_contest(tie_break="earlier", prize_places=1)
        self.seat_jury(contest)
        contest.action_open()
        now = fields.Datetime.now()
        early = self.apply(
            contest, "Ранний Ян Ильич", date_submitted=now - timedelta(hours=2)
        )
        late = self.apply(contest, "Поздний Ян Ильич", date_submitted=now)
        (early | late).action_admit()
        contest.action_start_judging()
        self.mark_all(late, 6, 2)
        self.mark(self.user_chair, early, 4, 3)
        self.mark(self.user_j2, early, 8, 1)
        self.mark(self.user_j3, early, 6, 2)
        self.assertEqual(early.score, late.score)
        self.assertEqual((early.rank, late.rank), (1, 2))
        self.assertEqual((early.place, late.place), (1, 0))
        # shared: both first, both get the one prize place
        contest.tie_break = "shared"
        self.assertEqual((early.rank, late.rank), (1, 1))
        self.assertEqual((early.place, late.place), (1, 1))
        # chair: the chair gave late 6 + 2 × 2 = 10, early 4 + 2 × 3 = 10 → tie
        contest.tie_break = "chair"
        self.assertEqual((early.rank, late.rank), (1, 1))
        self.Score.search(
            [
                ("application_id", "=", early.id),
                ("juror_user_id", "=", self.user_chair.id),
                ("criterion_id.max_score", "=", 10),
            ]
        ).with_user(self.user_chair).value = 5
        self.mark(self.user_j2, early, 7, 1)  # keeps the sum of the means
        self.assertEqual(early.score, late.score)
        self.assertEqual((early.rank, late.rank), (1, 2))

    def test_proposed_conflict_when_juror_applies(self):
        contest = self.make_contest()
        self.seat_jury(contest)
        contest.action_open()
        own = self.apply(
            contest, "Орлова В. П.", partner_id=self.user_chair.partner_id.id
        )
        chair = contest.juror_ids.filtered(lambda j: j.role == "chair")
        self.assertEqual(chair.proposed_conflict_ids, own)


@tagged("post_install", "-at_install")
class TestContestBadInput(VsmsContestCommon):
    """Bad input gets a clear error naming the value, and nothing is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contest = cls.make_contest(
            nominations=("Лучший председатель ТОС", "Лучшая инициатива")
        )
        cls.seat_jury(cls.contest)

    def judging(self, count=2):
        self.contest.action_open()
        apps = self.Application.browse()
        for i in range(count):
            apps |= self.apply(self.contest, f"Участник {i} Иванович")
        apps.action_admit()
        self.contest.action_start_judging()
        return apps

    def test_applications_only_while_open(self):
        with self.assertRaisesText(UserError, "does not accept applications"):
            self.apply(self.contest, "Ранний Пётр Ильич")
        self.assertFalse(self.contest.application_ids)
        today = fields.Date.context_today(self.contest)
        self.contest.write(
            {
                "date_open": today - timedelta(days=30),
                "date_close": today - timedelta(days=1),
            }
        )
        self.contest.action_open()
        with self.assertRaisesText(UserError, "accepts applications from"):
            self.apply(self.contest, "Поздний Пётр Ильич")
        self.assertFalse(self.contest.application_ids)
        self.contest.date_close = today
        self.apply(self.contest, "Вовремя Пётр Ильич")
        self.assertEqual(len(self.contest.application_ids), 1)

    def test_one_application_per_person_and_nomination(self):
        self.contest.action_open()
        first = self.apply(
            self.contest, "Смирнов Алексей Викторович", partner_id=self.head.id
        )
        with self.assertRaisesText(
            ValidationError, "Смирнов Алексей Викторович has already applied"
        ) as caught:
            self.apply(self.contest, "Смирнов А. В.", partner_id=self.head.id)
        self.assertIn("Лучший председатель ТОС", str(caught.exception))
        self.assertEqual(self.contest.application_ids, first)
        # another nomination is fine; after a withdrawal, applying again too
        self.apply(
            self.contest, "x", self.contest.nomination_ids[1], partner_id=self.head.id
        )
        first.action_withdraw()
        self.apply(self.contest, "x", partner_id=self.head.id)

    def test_rejection_needs_a_reason(self):
        self.contest.action_open()
        app = self.apply(self.contest, "Отказов Ян Ильич")
        with self.assertRaisesText(ValidationError, "needs a reason"):
            app.action_reject()
        self.assertEqual(app.state, "submitted")
        app.action_reject("Заявка подана после срока")
        self.assertEqual(app.state, "rejected")

    def test_status_only_through_buttons(self):
        self.contest.action_open()
        app = self.apply(self.contest, "Прямой Ян Ильич")
        with self.assertRaisesText(UserError, "only through its buttons"):
            self.contest.with_user(self.user_staff).write({"state": "done"})
        with self.assertRaisesText(UserError, "only through its buttons"):
            app.with_user(self.user_staff).write({"state": "admitted"})
        with self.assertRaisesText(UserError, "computed"):
            app.with_user(self.user_staff).write({"rank": 1, "place": 1})
        with self.assertRaisesText(UserError, "is not being judged"):
            self.contest.action_done()
        self.assertEqual(self.contest.state, "open")
        self.assertEqual(app.state, "submitted")

    def test_mark_out_of_range(self):
        app = self.judging(1)
        line = self.Score.with_user(self.user_chair).search(
            [("application_id", "=", app.id), ("criterion_id.max_score", "=", 5)]
        )
        with self.assertRaisesText(
            ValidationError, "The mark 7.5 for «Инициативы»"
        ) as e:
            line.write({"value": 7.5})
        self.assertIn("between 0 and 5", str(e.exception))
        with self.assertRaisesText(ValidationError, "The mark -1"):
            line.write({"value": -1})
        with self.assertRaisesText(
            ValidationError,
            "Оценка 11.0 по критерию «Инициативы» должна быть от 0 до 5",
        ):
            line.with_context(lang="ru_RU").write({"value": 11})
        line.invalidate_recordset()
        self.assertEqual((line.value, line.is_marked), (0, False))
        line.write({"value": 0})
        self.assertTrue(line.is_marked, "a mark of 0 is a mark")

    def test_marks_only_while_judging(self):
        self.contest.action_open()
        app = self.apply(self.contest, "Ранняя Ия Ильинична")
        app.action_admit()
        juror = self.contest.juror_ids[0]
        with self.assertRaisesText(UserError, "is not being judged"):
            self.Score.with_user(self.user_staff).create(
                {
                    "application_id": app.id,
                    "juror_id": juror.id,
                    "criterion_id": self.contest.criterion_ids[0].id,
                    "value": 5,
                }
            )
        self.assertFalse(self.Score.search([("application_id", "=", app.id)]))

    def test_finalising_with_missing_marks(self):
        apps = self.judging(2)
        self.mark_all(apps[0], 5, 5)
        self.mark(self.user_chair, apps[1], 5, 5)
        with self.assertRaisesText(UserError, "4 marks are missing") as caught:
            self.contest.action_done()
        message = str(caught.exception)
        self.assertIn(
            "Гусев Илья Андреевич × Участник 1 Иванович × Работа с жителями", message
        )
        self.assertIn(
            "Титова Нина Олеговна × Участник 1 Иванович × Инициативы", message
        )
        self.assertEqual(self.contest.state, "judging")

    def test_missing_list_is_capped(self):
        self.judging(5)  # 3 × 5 × 2 = 30 missing
        with self.assertRaisesText(UserError, "30 marks are missing") as caught:
            self.contest.action_done()
        self.assertIn("and 10 more", str(caught.exception))

    def test_results_with_a_conflicted_mark(self):
        apps = self.judging(1)
        self.mark_all(apps, 5, 5)
        j2 = self.contest.juror_ids.filtered(lambda j: j.user_id == self.user_j2)
        # j2 declares a conflict after marking: the marks stay, out of the mean
        apps.with_user(self.user_j2).action_declare_conflict()
        self.assertIn(apps, j2.conflict_application_ids)
        with self.assertRaisesText(UserError, "conflict of interest with") as caught:
            self.contest.action_done()
        self.assertIn(
            "Гусев Илья Андреевич × Участник 0 Иванович", str(caught.exception)
        )
        self.assertEqual(self.contest.state, "judging")
        self.Score.search([("juror_id", "=", j2.id)]).with_user(
            self.user_staff
        ).unlink()
        self.contest.action_done()
        self.assertEqual(self.contest.state, "done")

    def test_criteria_fixed_while_judging(self):
        self.judging(1)
        with self.assertRaisesText(UserError, "its criteria cannot"):
            self.contest.criterion_ids[0].write({"max_score": 100})
        self.assertEqual(self.contest.criterion_ids[0].max_score, 10)

    def test_bad_contest_values(self):
        with self.assertRaisesText(ValidationError, "must be above 0 (0.0)"):
            self.contest.criterion_ids[0].write({"max_score": 0})
        with self.assertRaisesText(ValidationError, "between 0 and 1 (1.5)"):
            self.contest.write({"winner_min_ratio": 1.5})
        with self.assertRaisesText(ValidationError, "cannot close"):
            self.contest.write({"date_open": "2030-05-01", "date_close": "2030-04-01"})

    def test_one_chair_and_jury_group(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.seat(self.contest, self.user_other_jury, "chair")
        with self.assertRaisesText(ValidationError, "is not in the Jury group"):
            self.seat(self.contest, self.user_outsider)

    def test_draft_application_submitted_and_plan_period(self):
        self.contest.action_open()
        draft = self.apply(self.contest, "Черновой Ян Ильич", state="draft")
        self.assertEqual(draft.state, "draft")
        with self.assertRaisesText(UserError, "cannot go from"):
            draft.action_admit()
        draft.action_submit()
        self.assertEqual(draft.state, "submitted")
        item = self.make_item(name="Конкурс", schedule_text="апрель")
        with self.assertRaisesText(ValidationError, "outside its plan period"):
            self.contest.write(
                {"vsms_plan_item_id": item.id, "date_results": "2030-05-20"}
            )
        self.assertFalse(self.contest.vsms_plan_item_id)

    def test_invite_and_progress_before_results(self):
        apps = self.judging(2)
        with self.assertRaisesText(UserError, "are not final yet"):
            self.contest.action_invite_to_vsms()
        self.mark(self.user_j2, apps[0], 3, 2)
        mine = apps.with_user(self.user_j2)
        self.assertEqual(mine.mapped("my_mark_done"), [2, 0])
        self.assertEqual(mine.mapped("my_mark_total"), [2, 2])
        self.assertEqual(
            self.Application.with_user(self.user_j2).search(
                [("my_marked", "=", False)]
            ),
            apps[1],
        )
        self.assertFalse(apps[0].is_fully_marked, "the others have not marked it")

    def test_start_judging_needs_admitted(self):
        self.contest.action_open()
        self.apply(self.contest, "Ждущий Ян Ильич")
        with self.assertRaisesText(UserError, "no admitted application") as caught:
            self.contest.action_start_judging()
        self.assertIn("1 submitted applications", str(caught.exception))
        self.assertEqual(self.contest.state, "open")
