"""The rules the buttons enforce hold for a direct ``create``/``write`` too.

A client with the access rights can call ``write`` over XML-RPC/JSON-RPC with
any values and any context; ``record.with_user(user).write(...)`` is that
call.  Each rule is tried as the restricted user, with and without context
keys a client could send, and must fail with a clear error, nothing saved.
"""

from datetime import date
from functools import partial

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import VsmsContactCommon, VsmsGovernanceCommon

# Context keys a client may send hoping to switch a check off.
CLIENT_CONTEXTS = [
    {},
    {
        "install_mode": True,
        "import_file": True,
        "tracking_disable": True,
        "vsms_force": True,
        "vsms_allow_state_change": True,
        "active_test": False,
    },
]


@tagged("post_install", "-at_install")
class TestPlanRules(VsmsGovernanceCommon):
    def as_user(self, records, user, context):
        return records.with_user(user).with_context(**context)

    def test_staff_cannot_move_the_plan_status(self):
        manager_only = [
            {"state": "approved"},
            {"state": "closed"},
            {"approval_date": "2030-01-10"},
            {"approver_id": self.user_staff.id},
            {"state": "approved", "approver_id": self.user_manager.id},
        ]
        for context in CLIENT_CONTEXTS:
            for vals in manager_only:
                with (
                    self.subTest(vals=vals, context=context),
                    self.assertRaisesText(AccessError, "Only a ВСМС manager"),
                ):
                    self.as_user(self.plan, self.user_staff, context).write(vals)
        self.assertRecordValues(
            self.plan, [{"state": "draft", "approval_date": False, "approver_id": 0}]
        )

    def test_staff_cannot_create_an_approved_plan(self):
        for context in CLIENT_CONTEXTS:
            for vals in (
                {"state": "approved"},
                {"state": "closed"},
                {"approver_id": self.user_staff.id},
                {"approval_date": "2035-01-10"},
            ):
                with (
                    self.subTest(vals=vals, context=context),
                    self.assertRaisesText(AccessError, "Only a ВСМС manager"),
                ):
                    self.as_user(self.Plan, self.user_staff, context).create(
                        {"name": "План 2035", "year": 2035} | vals
                    )
        self.assertFalse(self.Plan.search([("year", "=", 2035)]))
        # a draft is the staff's to create
        plan = self.Plan.with_user(self.user_staff).create(
            {"name": "План 2035", "year": 2035}
        )
        self.assertEqual(plan.state, "draft")

    def test_staff_cannot_reopen_a_plan(self):
        self.plan.with_user(self.user_manager).action_approve()
        for context in CLIENT_CONTEXTS:
            with (
                self.subTest(context=context),
                self.assertRaisesText(AccessError, "Only a ВСМС manager"),
            ):
                self.as_user(self.plan, self.user_staff, context).write(
                    {"state": "draft"}
                )
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approver_id, self.user_manager)
        self.plan.with_user(self.user_manager).action_close()
        with self.assertRaisesText(AccessError, "Only a ВСМС manager"):
            self.plan.with_user(self.user_staff).write(
                {"state": "draft", "approval_date": False, "approver_id": False}
            )
        self.assertEqual(self.plan.state, "closed")

    def test_status_moves_only_along_the_workflow(self):
        plan = self.plan.with_user(self.user_manager)
        with self.assertRaisesText(UserError, "cannot go from «Draft» to «Closed»"):
            plan.write({"state": "closed"})
        self.assertEqual(self.plan.state, "draft")
        plan.action_approve()
        plan.action_close()
        with self.assertRaisesText(UserError, "cannot go from «Closed» to «Approved»"):
            plan.write({"state": "approved"})
        self.assertEqual(self.plan.state, "closed")

    def test_manager_write_does_what_the_buttons_do(self):
        """A direct write by a manager is a button press: same checks, same
        effects (approver and date, missed occurrences at closing)."""
        plan = self.plan.with_user(self.user_manager)
        empty = self.Plan.with_user(self.user_manager).create(
            {"name": "Пустой план", "year": 2041}
        )
        with self.assertRaisesText(UserError, "Пустой план"):
            empty.write({"state": "approved"})
        self.assertEqual(empty.state, "draft")
        plan.write({"state": "approved"})
        self.assertEqual(plan.approver_id, self.user_manager)
        self.assertTrue(plan.approval_date)
        self.item_presidium.occurrence_ids[0].action_done()
        plan.write({"state": "closed"})
        self.assertEqual(
            self.item_presidium.occurrence_ids.mapped("state"),
            ["done", "missed", "missed", "missed"],
        )
        plan.write({"state": "draft"})
        self.assertRecordValues(
            plan, [{"state": "draft", "approval_date": False, "approver_id": 0}]
        )

    def test_closed_plan_is_frozen_for_direct_writes(self):
        other = self.Plan.create({"name": "План 2031", "year": 2031})
        other_item = self.make_item(plan=other, schedule_text="май")
        other_section = self.Section.create({"plan_id": other.id, "name": "Разное"})
        empty = self.Section.create({"plan_id": self.plan.id, "name": "Пустой"})
        Participant = self.env["vsms.plan.occurrence.participant"]
        other_participants = Participant.create(
            {"occurrence_id": other_item.occurrence_ids[0].id, "count": 3}
        )
        self.plan.action_approve()
        self.plan.action_close()
        item = self.item_presidium
        june = item.occurrence_ids[1]  # missed at closing
        section = self.section_events
        new_occurrence = {
            "item_id": item.id,
            "name": "Май 2030",
            "date_start": date(2030, 5, 1),
            "date_end": date(2030, 5, 31),
        }
        # each attempt gets ``as_``, which shows records to the user under test
        attempts = {
            "plan name": lambda as_: as_(self.plan).write({"name": "Другой"}),
            "plan note": lambda as_: as_(self.plan).write({"note": "<p>Итоги</p>"}),
            "item name": lambda as_: as_(item).write({"name": "Другое"}),
            "item schedule": lambda as_: as_(item).write({"schedule_text": "июнь"}),
            "item planned": lambda as_: as_(item).write({"participants_planned": 9}),
            "item create": lambda as_: as_(self.Item).create(
                {"plan_id": self.plan.id, "number": 9, "name": "Новое"}
            ),
            "item moved in": lambda as_: as_(other_item).write(
                {"plan_id": self.plan.id}
            ),
            "section write": lambda as_: as_(section).write({"name": "Новое"}),
            "section create": lambda as_: as_(self.Section).create(
                {"plan_id": self.plan.id, "name": "Новый"}
            ),
            "section moved in": lambda as_: as_(other_section).write(
                {"plan_id": self.plan.id}
            ),
            "section unlink": lambda as_: as_(empty).unlink(),
            "occurrence state": lambda as_: as_(june).write({"state": "done"}),
            "occurrence button": lambda as_: as_(june).action_reset(),
            "occurrence dates": lambda as_: as_(june).write(
                {"date_start": date(2030, 6, 2)}
            ),
            "occurrence create": lambda as_: as_(self.Occurrence).create(
                new_occurrence
            ),
            "occurrence moved in": lambda as_: as_(other_item.occurrence_ids).write(
                {"item_id": item.id}
            ),
            "occurrence unlink": lambda as_: as_(june).unlink(),
            "participants create": lambda as_: as_(Participant).create(
                {"occurrence_id": june.id, "count": 2}
            ),
            "participants moved in": lambda as_: as_(other_participants).write(
                {"occurrence_id": june.id}
            ),
        }
        for user in (self.user_staff, self.user_manager):
            for context in CLIENT_CONTEXTS:
                as_ = partial(self.as_user, user=user, context=context)
                for name, attempt in attempts.items():
                    with (
                        self.subTest(attempt=name, user=user.login, context=context),
                        self.assertRaisesText(UserError, "is closed"),
                    ):
                        attempt(as_)
        self.assertEqual(self.plan.name, "План работы на 2030 год")
        self.assertEqual(item.schedule_text, "март, июнь, сентябрь, декабрь")
        self.assertEqual(item.participants_planned, 5)
        self.assertEqual(len(item.occurrence_ids), 4)
        self.assertEqual(june.state, "missed")
        self.assertEqual(other_item.plan_id, other)
        self.assertEqual(len(other_item.occurrence_ids), 1)
        self.assertEqual(section.name, "Мероприятия")
        self.assertEqual(len(self.plan.section_ids), 3)
        # deleting is refused too (items: only from a draft plan)
        with self.assertRaisesText(UserError, "only from a draft plan"):
            item.with_user(self.user_manager).unlink()
        # the plan reopened by a manager can be changed again
        self.plan.with_user(self.user_manager).action_reset_to_draft()
        item.with_user(self.user_staff).write({"name": "Заседания"})
        june.with_user(self.user_staff).action_done()
        empty.with_user(self.user_staff).unlink()
        self.assertEqual(june.state, "done")
        self.assertFalse(empty.exists())


@tagged("post_install", "-at_install")
class TestScheduleKeepsRealizations(VsmsGovernanceCommon):
    """Editing a schedule never silently drops a period that already has its
    meeting or event."""

    def test_deadline_is_a_period_ending_that_day(self):
        item = self.item_presidium.with_user(self.user_staff)
        item.schedule_text = "до 1 марта"
        occurrence = item.occurrence_ids
        self.assertRecordValues(
            occurrence,
            [
                {
                    "name": "до 1 марта 2030",
                    "kind": "deadline",
                    "date_start": date(2030, 1, 1),
                    "date_end": date(2030, 3, 1),
                }
            ],
        )
        # a meeting held in February counts for the deadline
        meeting = self.Meeting.with_user(self.user_staff).create(
            {
                "name": "Заседание Президиума, февраль",
                "start": "2030-02-12 07:00:00",
                "stop": "2030-02-12 09:00:00",
                "vsms_body_id": self.presidium.id,
                "vsms_occurrence_id": occurrence.id,
            }
        )
        meeting.action_vsms_close()
        self.assertEqual(occurrence.state, "done")
        self.assertEqual(self.item_presidium.state, "done")

    def test_schedule_edit_cannot_drop_a_period_with_a_meeting(self):
        march = self.meeting_for(3)
        item = self.item_presidium.with_user(self.user_staff)
        for context in CLIENT_CONTEXTS:
            with (
                self.subTest(context=context),
                self.assertRaisesText(
                    ValidationError, "«Заседание Президиума, Март 2030»"
                ) as caught,
            ):
                item.with_context(**context).write(
                    {"schedule_text": "июнь, сентябрь, декабрь"}
                )
            self.assertIn("«Март 2030»", str(caught.exception))
        self.assertEqual(item.schedule_text, "март, июнь, сентябрь, декабрь")
        self.assertEqual(len(item.occurrence_ids), 4)
        self.assertEqual(march.vsms_occurrence_id.name, "Март 2030")
        # an archived meeting is history too
        march.active = False
        with self.assertRaisesText(ValidationError, "Март 2030"):
            item.write({"schedule_text": "июнь, сентябрь, декабрь"})
        self.assertEqual(len(item.occurrence_ids), 4)
        # periods without meetings can still go
        item.schedule_text = "март, июнь"
        self.assertEqual(item.occurrence_ids.mapped("name"), ["Март 2030", "Июнь 2030"])

    def test_schedule_edit_cannot_drop_a_period_with_an_event(self):
        event = self.item_olympiad._vsms_generate_events()
        item = self.item_olympiad.with_user(self.user_staff)
        with self.assertRaisesText(ValidationError, f"«{event.name}»") as caught:
            item.schedule_text = "май"
        self.assertIn("«Апрель 2030»", str(caught.exception))
        self.assertEqual(item.occurrence_ids.name, "Апрель 2030")
        self.assertEqual(event.vsms_occurrence_id, item.occurrence_ids)
        # nor can the plan's year move it, nor a direct delete drop it
        with self.assertRaisesText(ValidationError, "Апрель 2030"):
            self.plan.with_user(self.user_staff).year = 2031
        self.assertEqual(self.plan.year, 2030)
        with self.assertRaisesText(UserError, f"«{event.name}»"):
            item.occurrence_ids.unlink()
        with self.assertRaisesText(UserError, f"«{event.name}»"):
            item.unlink()
        with self.assertRaisesText(UserError, f"«{event.name}»"):
            self.plan.with_user(self.user_manager).unlink()
        self.assertTrue(self.plan.exists())
        self.assertTrue(item.occurrence_ids.exists())
        self.assertEqual(event.vsms_occurrence_id, item.occurrence_ids)
        # once the event is moved elsewhere, the schedule may change
        event.vsms_occurrence_id = False
        item.schedule_text = "май"
        self.assertEqual(item.occurrence_ids.name, "Май 2030")


@tagged("post_install", "-at_install")
class TestDecisionRules(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.march = cls.meeting_for(3)
        cls.mark_present(cls.march, cls.chair | cls.secretary | cls.member_a)
        cls.june = cls.meeting_for(6)  # nobody marked present: no quorum

    def decide(self, meeting=None, text="Утвердить план работы.", **vals):
        return self.Decision.create(
            {"meeting_id": (meeting or self.march).id, "name": text} | vals
        )

    def test_direct_adoption_runs_the_quorum_check(self):
        decision = self.decide(self.june).with_user(self.user_staff)
        for context in CLIENT_CONTEXTS:
            for vals in (
                {"state": "adopted"},
                {"state": "adopted", "name": "Другой текст."},
            ):
                with (
                    self.subTest(vals=vals, context=context),
                    self.assertRaisesText(UserError, "has no quorum"),
                ):
                    decision.with_context(**context).write(vals)
        self.assertRecordValues(
            decision,
            [{"state": "draft", "number": False, "name": "Утвердить план работы."}],
        )

    def test_direct_adoption_is_the_adoption(self):
        """With a quorum, writing the status adopts as the button does."""
        decision = self.decide(responsible_id=self.user_staff.id)
        decision.with_user(self.user_staff).write({"state": "adopted"})
        self.assertEqual(decision.state, "adopted")
        self.assertEqual(decision.number, "№ 1/2030")
        self.assertEqual(decision.activity_ids.user_id, self.user_staff)
        # carried out by a direct write: the follow-up is done as by the button
        decision.with_user(self.user_staff).write({"state": "done"})
        self.assertFalse(decision.activity_ids)

    def test_number_cannot_be_forged(self):
        draft = self.decide().with_user(self.user_staff)
        adopted = self.decide(text="Провести семинар.")
        adopted.action_adopt()
        for context in CLIENT_CONTEXTS:
            for decision, vals in (
                (draft, {"number": "№ 99/2030"}),
                (draft, {"state": "adopted", "number": "№ 99/2030"}),
                (adopted, {"number": "№ 99/2030"}),
                (adopted, {"number": False}),
            ):
                with (
                    self.subTest(vals=vals, state=decision.state, context=context),
                    self.assertRaisesText(UserError, "cannot be written"),
                ):
                    decision.with_user(self.user_staff).with_context(**context).write(
                        vals
                    )
        self.assertRecordValues(
            draft | adopted,
            [
                {"state": "draft", "number": False},
                {"state": "adopted", "number": "№ 1/2030"},
            ],
        )

    def test_decisions_are_created_as_drafts(self):
        Decision = self.Decision.with_user(self.user_staff)
        count = self.Decision.search_count([])
        for context in CLIENT_CONTEXTS:
            for vals in (
                {"state": "adopted"},
                {"state": "done"},
                {"number": "№ 5/2030"},
                {"admission_lead_ids": [(6, 0, [])]},
            ):
                with (
                    self.subTest(vals=vals, context=context),
                    self.assertRaisesText(UserError, "Решение без кворума"),
                ):
                    Decision.with_context(**context).create(
                        {"meeting_id": self.june.id, "name": "Решение без кворума"}
                        | vals
                    )
        self.assertEqual(self.Decision.search_count([]), count)

    def test_adopted_decision_is_fixed(self):
        self.head.action_vsms_create_admission_leads()
        decision = self.decide(
            text="Принять в члены ВСМС.",
            admission_partner_ids=[(6, 0, self.head.ids)],
        )
        decision.action_adopt()
        lead = decision.admission_lead_ids
        self.assertTrue(lead)
        other = self.meeting_for(9)
        changes = [
            {"name": "Не принимать."},
            {"meeting_id": other.id},
            {"admission_partner_ids": [(4, self.deputy.id)]},
            {"admission_partner_ids": [(5, 0, 0)]},
        ]
        for user in (self.user_staff, self.user_manager):
            for context in CLIENT_CONTEXTS:
                for vals in changes:
                    with (
                        self.subTest(vals=vals, user=user.login, context=context),
                        self.assertRaisesText(UserError, "№ 1/2030"),
                    ):
                        decision.with_user(user).with_context(**context).write(vals)
                with self.assertRaisesText(UserError, "cannot be written"):
                    decision.with_user(user).write({"admission_lead_ids": [(5, 0, 0)]})
        self.assertRecordValues(
            decision,
            [
                {
                    "name": "Принять в члены ВСМС.",
                    "meeting_id": self.march.id,
                    "admission_partner_ids": self.head.ids,
                    "admission_lead_ids": lead.ids,
                }
            ],
        )
        # the execution is still the staff's to record
        decision.with_user(self.user_staff).write(
            {"deadline": "2030-04-01", "result": "Выдан членский билет.", "sequence": 2}
        )
        self.assertEqual(decision.result, "Выдан членский билет.")
        decision.with_user(self.user_staff).write({"name": "Принять в члены ВСМС."})

    def test_status_moves_only_along_the_workflow(self):
        adopted = self.decide()
        adopted.action_adopt()
        rejected = self.decide(text="Отклонить.")
        rejected.action_reject()
        draft = self.decide(text="Черновик.")
        refused = [
            (adopted, "draft", "«Adopted» to «Proposed»"),
            (adopted, "rejected", "«Adopted» to «Not Adopted»"),
            (rejected, "adopted", "«Not Adopted» to «Adopted»"),
            (rejected, "done", "«Not Adopted» to «Carried Out»"),
            (draft, "done", "«Proposed» to «Carried Out»"),
        ]
        for user in (self.user_staff, self.user_manager):
            for context in CLIENT_CONTEXTS:
                for decision, state, text in refused:
                    with (
                        self.subTest(state=state, user=user.login, context=context),
                        self.assertRaisesText(UserError, text),
                    ):
                        decision.with_user(user).with_context(**context).write(
                            {"state": state}
                        )
        self.assertEqual(
            (adopted | rejected | draft).mapped("state"),
            ["adopted", "rejected", "draft"],
        )
        # the buttons' moves still work
        rejected.with_user(self.user_staff).action_reset_draft()
        rejected.with_user(self.user_staff).action_adopt()
        adopted.with_user(self.user_staff).action_done()
        draft.with_user(self.user_staff).action_reject()
        self.assertEqual(
            (adopted | rejected | draft).mapped("state"),
            ["done", "adopted", "rejected"],
        )
        self.assertEqual(rejected.number, "№ 2/2030")


@tagged("post_install", "-at_install")
class TestConsentRules(VsmsContactCommon):
    @freeze_time("2026-05-20")
    def test_withdrawal_is_final(self):
        consent = self.give_consent(self.head, "mailing")
        consent.with_user(self.user_staff).action_withdraw()
        for user in (self.user_staff, self.user_manager):
            for context in CLIENT_CONTEXTS:
                for value in (False, "2026-05-19", "2026-05-01"):
                    with (
                        self.subTest(value=value, user=user.login, context=context),
                        self.assertRaisesText(UserError, "cannot be undone"),
                    ):
                        consent.with_user(user).with_context(**context).write(
                            {"date_withdrawn": value}
                        )
        self.assertEqual(consent.date_withdrawn, date(2026, 5, 20))
        self.assertEqual(consent.state, "withdrawn")
        self.head.invalidate_recordset()
        self.assertFalse(self.head.vsms_mailing_allowed)
        # writing the same date again changes nothing and is no error
        consent.with_user(self.user_staff).write({"date_withdrawn": "2026-05-20"})
        # consent given again is a new consent
        again = self.give_consent(self.head, "mailing", date_given="2026-05-20")
        self.head.invalidate_recordset()
        self.assertTrue(self.head.vsms_mailing_allowed)
        self.assertEqual(again.state, "active")

    def test_what_was_consented_cannot_change(self):
        consent = self.give_consent(self.head, "mailing")
        changes = [
            ({"kind": "processing"}, "Kind"),
            ({"partner_id": self.deputy.id}, "Person"),
            ({"date_given": "2020-01-10"}, "Date Given"),
        ]
        for user in (self.user_staff, self.user_manager):
            for context in CLIENT_CONTEXTS:
                for vals, label in changes:
                    with (
                        self.subTest(vals=vals, user=user.login, context=context),
                        self.assertRaisesText(UserError, f"«{label}»") as caught,
                    ):
                        consent.with_user(user).with_context(**context).write(vals)
                    self.assertIn(consent.display_name, str(caught.exception))
        self.assertRecordValues(
            consent,
            [
                {
                    "kind": "mailing",
                    "partner_id": self.head.id,
                    "date_given": date(2020, 1, 15),
                }
            ],
        )
        self.assertFalse(self.deputy.vsms_consent_ids)
        # the rest stays editable, and unchanged values may be written back
        consent.with_user(self.user_staff).write(
            {
                "note": "Согласие на бумаге, папка 3",
                "valid_until": "2031-01-01",
                "source": "email",
                "kind": "mailing",
                "partner_id": self.head.id,
                "date_given": "2020-01-15",
            }
        )
        self.assertEqual(consent.source, "email")

    def test_deleting_the_person_keeps_the_consent(self):
        self.assertEqual(self.Consent._fields["partner_id"].ondelete, "restrict")
        consent = self.give_consent(self.head, "processing")
        with (
            mute_logger("odoo.sql_db", "odoo.models.unlink"),
            self.assertRaises(Exception) as caught,
        ):
            self.head.unlink()
        self.assertIsInstance(caught.exception, (UserError, IntegrityError))
        self.assertTrue(consent.exists())
        self.assertTrue(self.head.exists())
