from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Date
from odoo.tests import freeze_time, tagged
from odoo.tools import format_date

from .common import VsmsGovernanceCommon

to_date = Date.to_date


@tagged("post_install", "-at_install")
class TestDecisions(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.march = cls.meeting_for(3)
        cls.mark_present(cls.march, cls.chair | cls.secretary | cls.member_a)

    def decide(self, meeting=None, text="Утвердить план работы.", **vals):
        return self.Decision.create(
            {"meeting_id": (meeting or self.march).id, "name": text} | vals
        )

    def test_numbering_per_body_and_year(self):
        first, second = self.decide(), self.decide(text="Провести семинар.")
        (first | second).action_adopt()
        self.assertEqual(first.number, "№ 1/2030")
        self.assertEqual(second.number, "№ 2/2030")
        self.assertEqual(first.date.isoformat(), "2030-03-15")
        # a rejected draft takes no number
        rejected = self.decide(text="Отклонённое предложение.")
        rejected.action_reject()
        self.assertFalse(rejected.number)
        # the next meeting of the same body continues the year's numbering
        june = self.meeting_for(6)
        self.mark_present(june, self.chair | self.secretary | self.member_a)
        third = self.decide(june, "Принять отчёт.")
        third.action_adopt()
        self.assertEqual(third.number, "№ 3/2030")
        # another body numbers on its own
        council = self.Body.create({"name": "Совет (тест)", "kind": "regional_council"})
        self.BodyMember.create({"body_id": council.id, "partner_id": self.head.id})
        council_meeting = self.Meeting.create(
            {
                "name": "Заседание Совета",
                "start": "2030-06-20 07:00:00",
                "stop": "2030-06-20 09:00:00",
                "partner_ids": [(6, 0, self.head.ids)],
                "vsms_body_id": council.id,
            }
        )
        self.mark_present(council_meeting, self.head)
        other = self.decide(council_meeting, "Избрать Президиум.")
        other.action_adopt()
        self.assertEqual(other.number, "№ 1/2030")
        # and a new year starts again from 1
        next_year = self.Meeting.create(
            {
                "name": "Заседание Президиума, январь",
                "start": "2031-01-20 07:00:00",
                "stop": "2031-01-20 09:00:00",
                "partner_ids": [
                    (6, 0, (self.chair | self.secretary | self.member_a).ids)
                ],
                "vsms_body_id": self.presidium.id,
            }
        )
        self.mark_present(next_year, self.chair | self.secretary | self.member_a)
        new = self.decide(next_year, "Утвердить план на 2031 год.")
        new.action_adopt()
        self.assertEqual(new.number, "№ 1/2031")
        self.assertEqual(new.display_name, "№ 1/2031 Утвердить план на 2031 год.")

    def test_no_quorum_no_decision(self):
        june = self.meeting_for(6)  # four members in office: three needed
        self.mark_present(june, self.chair | self.member_a)
        decision = self.decide(june)
        with self.assertRaisesText(UserError, "2 of 4") as caught:
            decision.action_adopt()
        self.assertIn("3", str(caught.exception))
        self.assertEqual(decision.state, "draft")
        self.assertFalse(decision.number)
        self.mark_present(june, self.secretary)
        decision.action_adopt()
        self.assertEqual(decision.state, "adopted")

    def test_decision_needs_text(self):
        for text in (False, "", "   \n "):
            with (
                self.subTest(text=text),
                self.assertRaisesText(ValidationError, self.march.name),
            ):
                self.decide(text=text)
        self.assertFalse(self.march.vsms_decision_ids)

    def test_decision_needs_a_meeting_of_a_body(self):
        event = self.Meeting.create(
            {
                "name": "Встреча с журналистами",
                "start": "2030-03-10 07:00:00",
                "stop": "2030-03-10 08:00:00",
            }
        )
        with self.assertRaisesText(ValidationError, "Встреча с журналистами"):
            self.decide(event)

    def test_deadline_before_meeting_is_refused(self):
        deadline = format_date(self.env, to_date("2030-03-01"))
        with self.assertRaisesText(ValidationError, deadline):
            self.decide(deadline="2030-03-01")

    def test_closed_meeting_adopts_nothing(self):
        decision = self.decide()
        decision.action_reject()
        self.march.action_vsms_close()
        late = self.decide(text="Поздно.")
        with self.assertRaisesText(UserError, self.march.name):
            late.action_adopt()

    def test_follow_up_activity(self):
        decision = self.decide(responsible_id=self.user_staff.id, deadline="2030-04-30")
        decision.action_adopt()
        activity = decision.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(activity.date_deadline.isoformat(), "2030-04-30")
        self.assertIn("№ 1/2030", activity.summary)
        # a new deadline and responsible move the activity
        decision.write(
            {"deadline": "2030-05-15", "responsible_id": self.user_manager.id}
        )
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(activity.date_deadline.isoformat(), "2030-05-15")
        with freeze_time("2030-05-16"):
            overdue = self.Decision.search([("is_overdue", "=", True)])
            self.assertIn(decision, overdue)
            self.assertTrue(decision.is_overdue)
            decision.with_user(self.user_manager).action_done()
            self.assertEqual(decision.state, "done")
            self.assertFalse(decision.activity_ids)
            overdue = self.Decision.search([("is_overdue", "=", True)])
            self.assertNotIn(decision, overdue)

    def test_adopted_decisions_cannot_be_deleted(self):
        decision = self.decide()
        decision.action_adopt()
        with self.assertRaisesText(UserError, "№ 1/2030"):
            decision.unlink()
        draft = self.decide(text="Черновик.")
        draft.unlink()

    def test_only_adopted_decisions_are_carried_out(self):
        decision = self.decide()
        with self.assertRaises(UserError):
            decision.action_done()
        decision.action_reject()
        with self.assertRaises(UserError):
            decision.action_adopt()
        decision.action_reset_draft()
        self.assertEqual(decision.state, "draft")

    def test_meeting_with_decisions_cannot_be_cancelled(self):
        self.decide().action_adopt()
        with self.assertRaisesText(UserError, "№ 1/2030"):
            self.march.action_vsms_cancel_meeting()


@tagged("post_install", "-at_install")
class TestAdmissionByDecision(VsmsGovernanceCommon):
    def test_decision_admits_people_end_to_end(self):
        # the head was invited and applied; the deputy has no lead yet
        self.head.action_vsms_create_admission_leads()
        lead = self.Lead.search([("partner_id", "=", self.head.id)])
        lead.stage_id = self.env.ref("vsms_regional.crm_stage_vsms_presidium")
        self.assertEqual(self.head.vsms_member_state, "applicant")
        meeting = self.meeting_for(3)
        self.mark_present(meeting, self.chair | self.secretary | self.member_a)
        decision = self.Decision.create(
            {
                "meeting_id": meeting.id,
                "name": "Принять в члены ВСМС.",
                "admission_partner_ids": [(6, 0, (self.head | self.deputy).ids)],
            }
        )
        decision.with_user(self.user_staff).action_adopt()
        for person in self.head | self.deputy:
            with self.subTest(person=person.name):
                self.assertEqual(person.vsms_member_state, "member")
                self.assertTrue(person.vsms_member_number)
                log = person.vsms_membership_log_ids.filtered(
                    lambda entry: entry.new_state == "member"
                )
                self.assertEqual(log.decision_id, decision)
                self.assertIn("№ 1/2030", log.reason)
                won = self.Lead.search([("partner_id", "=", person.id)])
                self.assertEqual(won.won_status, "won")
                self.assertEqual(log.lead_id, won)
        self.assertEqual(
            decision.admission_lead_ids.partner_id, self.head | self.deputy
        )
        self.assertIn(lead, decision.admission_lead_ids)

    def test_members_cannot_be_admitted_again(self):
        self.head.vsms_member_state = "member"
        meeting = self.meeting_for(3)
        self.mark_present(meeting, self.chair | self.secretary | self.member_a)
        decision = self.Decision.create(
            {
                "meeting_id": meeting.id,
                "name": "Принять в члены ВСМС.",
                "admission_partner_ids": [(6, 0, (self.head | self.deputy).ids)],
            }
        )
        with self.assertRaisesText(UserError, self.head.name):
            decision.action_adopt()
        self.assertEqual(decision.state, "draft")
        self.assertEqual(self.deputy.vsms_member_state, "none")
        self.assertFalse(self.Lead.search([("partner_id", "=", self.deputy.id)]))

    def test_no_quorum_admits_nobody(self):
        self.head.action_vsms_create_admission_leads()
        meeting = self.meeting_for(3)
        decision = self.Decision.create(
            {
                "meeting_id": meeting.id,
                "name": "Принять в члены ВСМС.",
                "admission_partner_ids": [(6, 0, self.head.ids)],
            }
        )
        with self.assertRaises(UserError):
            decision.action_adopt()
        self.assertEqual(self.head.vsms_member_state, "prospect")


@tagged("post_install", "-at_install")
class TestDecisionAccess(VsmsGovernanceCommon):
    def test_staff_record_decisions_but_do_not_delete(self):
        meeting = self.meeting_for(3)
        self.mark_present(meeting, self.chair | self.secretary | self.member_a)
        Decision = self.Decision.with_user(self.user_staff)
        decision = Decision.create({"meeting_id": meeting.id, "name": "Решили."})
        decision.name = "Решили: одобрить."
        with self.assertRaises(AccessError):
            decision.unlink()
        self.Decision.with_user(self.user_manager).browse(decision.id).unlink()

    def test_outsiders_see_no_decisions(self):
        meeting = self.meeting_for(3)
        decision = self.Decision.create({"meeting_id": meeting.id, "name": "Решили."})
        with self.assertRaises(AccessError):
            decision.with_user(self.user_outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.Decision.with_user(self.user_outsider).create(
                {"meeting_id": meeting.id, "name": "Решили."}
            )
