from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import VsmsCommon


@tagged("post_install", "-at_install")
class TestPlanSchedule(VsmsCommon):
    def test_schedule_creates_occurrences(self):
        occurrences = self.item_presidium.occurrence_ids
        self.assertEqual(
            [(o.date_start, o.date_end) for o in occurrences],
            [
                (date(2030, 3, 1), date(2030, 3, 31)),
                (date(2030, 6, 1), date(2030, 6, 30)),
                (date(2030, 9, 1), date(2030, 9, 30)),
                (date(2030, 12, 1), date(2030, 12, 31)),
            ],
        )
        self.assertEqual(occurrences.mapped("name")[0], "Март 2030")
        self.assertEqual(set(occurrences.mapped("state")), {"planned"})
        self.assertEqual(self.item_presidium.date_start, date(2030, 3, 1))
        self.assertEqual(self.item_presidium.date_end, date(2030, 12, 31))
        self.assertFalse(self.item_presidium.is_unscheduled)

    def test_schedule_change_keeps_matching_occurrences(self):
        item = self.item_presidium
        june = item.occurrence_ids.filtered(lambda o: o.date_start.month == 6)
        june.action_done()
        item.schedule_text = "июнь, декабрь"
        self.assertEqual(len(item.occurrence_ids), 2)
        self.assertIn(june, item.occurrence_ids, "the done June occurrence is kept")
        self.assertEqual(june.state, "done")

    def test_schedule_cannot_drop_done_occurrence(self):
        item = self.item_presidium
        item.occurrence_ids[0].action_done()  # March
        with self.assertRaisesText(ValidationError, "Март 2030"):
            item.schedule_text = "июнь"
        self.assertEqual(item.schedule_text, "март, июнь, сентябрь, декабрь")
        self.assertEqual(len(item.occurrence_ids), 4)

    def test_deferred_schedule_is_unscheduled(self):
        item = self.make_item(schedule_text="По согласованию")
        self.assertFalse(item.occurrence_ids)
        self.assertTrue(item.is_unscheduled)
        self.assertEqual(item.state, "planned")
        self.assertTrue(self.Item.search([("is_unscheduled", "=", True)]) & item)

    def test_bad_schedule_refused_with_quote(self):
        count = self.Item.search_count([])
        with self.assertRaisesText(ValidationError, "шмарт"):
            self.make_item(schedule_text="март, шмарт")
        self.assertEqual(self.Item.search_count([]), count, "nothing saved")
        with self.assertRaisesText(ValidationError, "шмарт"):
            self.item_olympiad.schedule_text = "шмарт"
        self.assertEqual(self.item_olympiad.schedule_text, "апрель")

    def test_schedule_with_other_year_refused(self):
        with self.assertRaisesText(ValidationError, "2031"):
            self.make_item(schedule_text="21.04.2031")

    def test_onchange_warns_about_bad_schedule(self):
        form = Form(self.Item.with_context(default_plan_id=self.plan.id))
        form.number = 9
        form.name = "Круглый стол"
        form.schedule_text = "II квартал"
        item = form.save()
        self.assertEqual(item.occurrence_ids.name, "II квартал 2030")
        result = item._onchange_schedule_text()
        self.assertIsNone(result)
        item_new = self.Item.new({"plan_id": self.plan.id, "schedule_text": "мартобря"})
        warning = item_new._onchange_schedule_text()["warning"]
        self.assertIn("мартобря", warning["message"])

    def test_occurrence_outside_plan_year_refused(self):
        with self.assertRaisesText(ValidationError, "2030"):
            self.Occurrence.create(
                {
                    "item_id": self.item_olympiad.id,
                    "name": "Январь 2031",
                    "date_start": date(2031, 1, 1),
                    "date_end": date(2031, 1, 31),
                }
            )
        with self.assertRaises(ValidationError):
            self.item_olympiad.occurrence_ids.date_end = date(2030, 3, 1)

    def test_changing_plan_year_moves_occurrences(self):
        self.plan.year = 2031
        self.assertEqual(self.item_olympiad.occurrence_ids.date_start, date(2031, 4, 1))
        self.assertEqual(self.item_olympiad.occurrence_ids.name, "Апрель 2031")


@tagged("post_install", "-at_install")
class TestPlanConstraints(VsmsCommon):
    def test_negative_participants_refused(self):
        with self.assertRaisesText(ValidationError, "-3"):
            self.make_item(participants_planned=-3)
        with self.assertRaises(ValidationError):
            self.item_olympiad.participants_planned = -1
        self.assertEqual(self.item_olympiad.participants_planned, 40)
        occurrence = self.item_olympiad.occurrence_ids
        with self.assertRaises(ValidationError):
            occurrence.participant_ids = [(0, 0, {"category": "pupil", "count": -5})]
        self.assertFalse(occurrence.participant_ids)

    def test_duplicate_item_number_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            self.make_item(number=1)
        message = self.Item._sql_error_to_message(caught.exception)
        self.assertIn("unique within a plan", message)
        self.assertEqual(self.plan.item_ids.mapped("number"), [1, 2])

    def test_same_number_in_other_plan_allowed(self):
        other = self.Plan.create({"name": "План 2031", "year": 2031})
        item = self.make_item(plan=other, number=1)
        self.assertEqual(item.number, 1)

    def test_two_plans_for_one_year_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            self.Plan.create({"name": "Второй план на 2030", "year": 2030})
        message = self.Plan._sql_error_to_message(caught.exception)
        self.assertIn("one work plan per year", message)
        self.assertEqual(self.Plan.search_count([("year", "=", 2030)]), 1)

    def test_year_out_of_range_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            self.Plan.create({"name": "План на 1800 год", "year": 1800})
        message = self.Plan._sql_error_to_message(caught.exception)
        self.assertIn("between 1990 and 2200", message)
        self.assertFalse(self.Plan.search([("year", "=", 1800)]))

    def test_non_positive_number_refused(self):
        with self.assertRaises(ValidationError):
            self.make_item(number=0)

    def test_section_of_other_plan_refused(self):
        other = self.Plan.create({"name": "План 2031", "year": 2031})
        with self.assertRaisesText(ValidationError, "Заседания"):
            self.make_item(plan=other, section_id=self.section_meetings.id)

    def test_occurrence_end_before_start_refused(self):
        with self.assertRaises(ValidationError):
            self.Occurrence.create(
                {
                    "item_id": self.item_olympiad.id,
                    "name": "Ошибка",
                    "date_start": date(2030, 5, 10),
                    "date_end": date(2030, 5, 1),
                }
            )

    def test_section_with_items_cannot_be_deleted(self):
        with self.assertRaisesText(UserError, "Заседания"):
            self.section_meetings.unlink()
        empty = self.Section.create({"plan_id": self.plan.id, "name": "Пустой"})
        empty.unlink()
        self.assertFalse(empty.exists())


@tagged("post_install", "-at_install")
class TestPlanLifecycle(VsmsCommon):
    def test_occurrence_states_roll_up(self):
        item = self.item_presidium
        march, june, september, december = item.occurrence_ids
        self.assertEqual(item.state, "planned")
        march.action_done()
        self.assertEqual(item.state, "in_progress")
        self.assertEqual(item.progress, 25.0)
        june.action_missed()
        september.action_cancel()
        self.assertAlmostEqual(item.progress, 100 / 3)
        december.action_done()
        self.assertEqual(item.state, "done")
        self.assertEqual(item.done_count, 2)
        (march | june | september | december).action_reset()
        self.assertEqual(item.state, "planned")

    def test_cancel_item(self):
        item = self.item_presidium
        item.occurrence_ids[0].action_done()
        item.action_cancel()
        self.assertEqual(
            item.occurrence_ids.mapped("state"),
            ["done", "cancelled", "cancelled", "cancelled"],
        )
        self.assertEqual(item.state, "done")
        self.item_olympiad.action_cancel()
        self.assertEqual(self.item_olympiad.state, "cancelled")
        self.item_olympiad.action_reset()
        self.assertEqual(self.item_olympiad.state, "planned")

    def test_participants_actual_sum(self):
        march, june = self.item_presidium.occurrence_ids[:2]
        march.participant_ids = [(0, 0, {"category": "member", "count": 5})]
        june.participant_ids = [
            (0, 0, {"category": "member", "count": 3}),
            (0, 0, {"category": "guest", "count": 1}),
        ]
        self.assertEqual(march.participants_actual, 5)
        self.assertEqual(self.item_presidium.participants_actual, 9)

    @freeze_time("2030-07-15")
    def test_overdue(self):
        item = self.item_presidium
        self.assertEqual(item.overdue_count, 2)  # March and June
        self.assertTrue(item.is_overdue)
        item.occurrence_ids[0].action_done()
        item.invalidate_recordset(["overdue_count", "is_overdue"])
        self.assertEqual(item.overdue_count, 1)
        overdue_items = self.Item.search(
            [("plan_id", "=", self.plan.id), ("is_overdue", "=", True)]
        )
        self.assertEqual(overdue_items, item | self.item_olympiad)
        not_overdue = self.Item.search(
            [("plan_id", "=", self.plan.id), ("is_overdue", "=", False)]
        )
        self.assertFalse(not_overdue)
        overdue_occurrences = self.Occurrence.search(
            [("plan_id", "=", self.plan.id), ("is_overdue", "=", True)]
        )
        self.assertEqual(
            overdue_occurrences.mapped("name"), ["Апрель 2030", "Июнь 2030"]
        )
        self.assertEqual(self.plan.overdue_count, 2)

    def test_approve_close_reset(self):
        plan = self.plan.with_user(self.user_manager)
        plan.action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approver_id, self.user_manager)
        self.assertTrue(plan.approval_date)
        self.item_presidium.occurrence_ids[0].action_done()
        plan.action_close()
        self.assertEqual(plan.state, "closed")
        self.assertEqual(
            self.item_presidium.occurrence_ids.mapped("state"),
            ["done", "missed", "missed", "missed"],
        )
        plan.action_reset_to_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.approver_id)

    def test_approve_twice_or_empty_refused(self):
        self.plan.action_approve()
        with self.assertRaises(UserError):
            self.plan.action_approve()
        empty = self.Plan.create({"name": "Пустой план", "year": 2040})
        with self.assertRaisesText(UserError, "Пустой план"):
            empty.action_approve()
        with self.assertRaises(UserError):
            empty.action_close()

    def test_closed_plan_is_read_only(self):
        self.plan.action_approve()
        self.plan.action_close()
        with self.assertRaises(UserError):
            self.item_presidium.name = "Другое"
        with self.assertRaises(UserError):
            self.item_presidium.occurrence_ids[0].action_reset()
        with self.assertRaises(UserError):
            self.make_item()
        with self.assertRaises(UserError):
            self.Section.create({"plan_id": self.plan.id, "name": "Новый"})
        self.assertEqual(self.item_presidium.name, "Заседания Президиума")

    def test_only_draft_deletable(self):
        self.plan.action_approve()
        with self.assertRaises(UserError):
            self.item_olympiad.unlink()
        with self.assertRaises(UserError):
            self.plan.unlink()
        self.plan.action_reset_to_draft()
        self.item_olympiad.unlink()
        self.plan.unlink()
        self.assertFalse(self.plan.exists())

    def test_year_change_only_in_draft(self):
        self.plan.action_approve()
        with self.assertRaises(UserError):
            self.plan.year = 2031
        self.assertEqual(self.plan.year, 2030)

    def test_statistics(self):
        self.item_presidium.occurrence_ids[:2].action_done()
        self.item_olympiad.occurrence_ids.action_cancel()
        self.assertEqual(self.plan.item_count, 2)
        self.assertEqual(self.plan.occurrence_count, 5)
        self.assertEqual(self.plan.done_count, 2)
        self.assertEqual(self.plan.progress, 50.0)


@tagged("post_install", "-at_install")
class TestPlanCopy(VsmsCommon):
    def test_copy_to_next_year(self):
        self.item_presidium.user_id = self.user_staff
        self.item_presidium.occurrence_ids[0].action_done()
        self.plan.action_approve()
        action = self.plan.action_copy_to_next_year()
        new_plan = self.Plan.browse(action["res_id"])
        self.assertEqual(new_plan.year, 2031)
        self.assertEqual(new_plan.name, "План работы на 2031 год")
        self.assertEqual(new_plan.state, "draft")
        self.assertEqual(
            new_plan.section_ids.mapped("name"), ["Заседания", "Мероприятия"]
        )
        self.assertNotEqual(new_plan.section_ids, self.plan.section_ids)
        presidium = new_plan.item_ids.filtered(lambda i: i.number == 1)
        self.assertEqual(presidium.section_id.plan_id, new_plan)
        self.assertEqual(presidium.section_id.name, "Заседания")
        self.assertEqual(presidium.user_id, self.user_staff)
        self.assertEqual(presidium.participants_planned, 5)
        self.assertEqual(
            presidium.occurrence_ids.mapped("date_start"),
            [date(2031, m, 1) for m in (3, 6, 9, 12)],
        )
        self.assertEqual(set(presidium.occurrence_ids.mapped("state")), {"planned"})
        # the original is untouched
        self.assertEqual(self.plan.item_count, 2)
        self.assertEqual(self.item_presidium.occurrence_ids[0].state, "done")

    def test_copy_moves_explicit_dates(self):
        self.make_item(schedule_text="21.04.2030", name="Уроки к 21.04.2030")
        new_plan = self.Plan.browse(self.plan.action_copy_to_next_year()["res_id"])
        item = new_plan.item_ids.filtered(lambda i: i.number == 3)
        self.assertEqual(item.schedule_text, "21.04.2031")
        self.assertEqual(item.occurrence_ids.date_start, date(2031, 4, 21))

    def test_copy_when_next_year_exists_refused(self):
        self.Plan.create({"name": "План 2031", "year": 2031})
        with self.assertRaisesText(UserError, "2031"):
            self.plan.action_copy_to_next_year()
        self.assertEqual(self.Plan.search_count([("year", "=", 2031)]), 1)

    def test_shipped_plan_copies_to_2022(self):
        plan_2021 = self.env.ref("vsms_regional.vsms_plan_2021")
        new_plan = self.Plan.browse(plan_2021.action_copy_to_next_year()["res_id"])
        self.assertEqual(new_plan.item_count, 14)
        self.assertEqual(len(new_plan.section_ids), 6)
        self.assertIn("2022", new_plan.name)
        self.assertEqual(new_plan.occurrence_count, plan_2021.occurrence_count)
        self.assertEqual({o.date_start.year for o in new_plan.occurrence_ids}, {2022})
