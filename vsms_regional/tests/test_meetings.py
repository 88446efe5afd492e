from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestMeetingGeneration(VsmsGovernanceCommon):
    def test_one_meeting_per_occurrence_with_members_in_office(self):
        item = self.item_presidium
        meetings = item._vsms_generate_meetings(hour=11.0, duration=2.5)
        self.assertEqual(len(meetings), 4)
        self.assertEqual(item.meeting_count, 4)
        for occurrence in item.occurrence_ids:
            with self.subTest(occurrence=occurrence.name):
                meeting = occurrence.meeting_ids
                self.assertEqual(len(meeting), 1)
                self.assertEqual(meeting.vsms_body_id, self.presidium)
                self.assertEqual(meeting.vsms_plan_item_id, item)
                day = meeting._vsms_meeting_date()
                self.assertTrue(occurrence.date_start <= day <= occurrence.date_end)
                self.assertLess(day.weekday(), 5, "meetings fall on working days")
                self.assertEqual(
                    meeting.partner_ids,
                    self.presidium._members_at(day).partner_id,
                )
                self.assertEqual(meeting.attendee_ids.partner_id, meeting.partner_ids)
                self.assertEqual(meeting.duration, 2.5)
        by_month = {m.start.month: m for m in meetings}
        # March: the member who leaves in May is invited, the newcomer is not
        self.assertIn(self.member_leaving, by_month[3].partner_ids)
        self.assertNotIn(self.member_joining, by_month[3].partner_ids)
        # September: the other way round
        self.assertNotIn(self.member_leaving, by_month[9].partner_ids)
        self.assertIn(self.member_joining, by_month[9].partner_ids)
        # 11:00 Moscow time is 08:00 UTC
        self.assertEqual(by_month[3].start.hour, 8)
        self.assertEqual(by_month[3].vsms_member_count, 5)
        self.assertEqual(by_month[6].vsms_member_count, 4)

    def test_rerun_creates_nothing_twice(self):
        first = self.item_presidium._vsms_generate_meetings()
        again = self.item_presidium._vsms_generate_meetings()
        self.assertEqual(len(first), 4)
        self.assertFalse(again)
        self.assertEqual(self.item_presidium.meeting_count, 4)
        # a deleted meeting is recreated for its occurrence only
        first[0].unlink()
        self.assertEqual(len(self.item_presidium._vsms_generate_meetings()), 1)

    def test_done_and_cancelled_occurrences_get_no_meeting(self):
        march, june = self.item_presidium.occurrence_ids[:2]
        march.action_done()
        june.action_cancel()
        meetings = self.item_presidium._vsms_generate_meetings()
        self.assertEqual(len(meetings), 2)
        self.assertFalse(march.meeting_ids | june.meeting_ids)

    def test_no_invitation_mail_unless_asked(self):
        Mail = self.env["mail.mail"]
        before = Mail.search_count([])
        self.item_presidium._vsms_generate_meetings()
        self.assertEqual(Mail.search_count([]), before)

    def test_item_without_body_is_refused(self):
        with self.assertRaisesText(UserError, self.item_olympiad.name):
            self.item_olympiad._vsms_generate_meetings()
        self.assertFalse(
            self.Meeting.search([("vsms_plan_item_id", "=", self.item_olympiad.id)])
        )

    def test_wizard_with_chosen_dates(self):
        action = self.item_presidium.with_context(
            vsms_schedule_mode="meeting"
        ).action_vsms_schedule()
        self.assertEqual(action["res_model"], "vsms.occurrence.schedule.wizard")
        with Form(
            self.env[action["res_model"]].with_context(**action["context"])
        ) as wizard:
            self.assertEqual(len(wizard.line_ids), 4)
            wizard.hour = 15.0
            wizard.location = "г. Смоленск, ул. Октябрьской революции, 14а"
            with wizard.line_ids.edit(0) as line:
                line.date = "2030-03-26"
            # leave December for later
            wizard.line_ids.remove(3)
        result = wizard.save().action_confirm()
        meetings = self.Meeting.search(result["domain"])
        self.assertEqual(len(meetings), 3)
        march = meetings.filtered(lambda m: m.start.month == 3)
        self.assertEqual(str(march.start), "2030-03-26 12:00:00")
        self.assertEqual(march.location, "г. Смоленск, ул. Октябрьской революции, 14а")
        december = self.item_presidium.occurrence_ids[-1]
        self.assertFalse(december.meeting_ids)

    def test_wizard_date_outside_its_period_is_refused(self):
        wizard = Form(
            self.env["vsms.occurrence.schedule.wizard"].with_context(
                default_item_id=self.item_presidium.id, default_mode="meeting"
            )
        )
        with wizard.line_ids.edit(0) as line:
            line.date = "2030-04-02"
        record = wizard.save()
        with self.assertRaisesText(ValidationError, "Март 2030"):
            record.action_confirm()
        self.assertFalse(self.item_presidium.meeting_ids)

    def test_meeting_outside_its_occurrence_is_refused(self):
        march = self.item_presidium.occurrence_ids[0]
        with self.assertRaisesText(ValidationError, march.name):
            self.Meeting.create(
                {
                    "name": "Заседание",
                    "start": "2030-04-10 07:00:00",
                    "stop": "2030-04-10 09:00:00",
                    "vsms_body_id": self.presidium.id,
                    "vsms_occurrence_id": march.id,
                }
            )
        self.assertFalse(march.meeting_ids)
        meeting = self.meeting_for(3)
        with self.assertRaisesText(ValidationError, march.name):
            meeting.write(
                {"start": "2030-05-10 07:00:00", "stop": "2030-05-10 09:00:00"}
            )

    def test_occurrence_of_another_item_is_refused(self):
        april = self.item_olympiad.occurrence_ids
        with self.assertRaisesText(ValidationError, self.item_presidium.name):
            self.Meeting.create(
                {
                    "name": "Заседание",
                    "start": "2030-04-10 07:00:00",
                    "stop": "2030-04-10 09:00:00",
                    "vsms_body_id": self.presidium.id,
                    "vsms_plan_item_id": self.item_presidium.id,
                    "vsms_occurrence_id": april.id,
                }
            )

    def test_body_onchange_invites_members(self):
        form = Form(self.Meeting)
        form.name = "Внеочередное заседание"
        form.start = "2030-10-05 07:00:00"
        form.vsms_body_id = self.presidium
        for member in (self.chair, self.secretary, self.member_a, self.member_b):
            self.assertIn(member, form.partner_ids)
        self.assertNotIn(self.member_leaving, form.partner_ids)
        meeting = form.save()
        self.assertEqual(meeting.vsms_member_count, 5)


@tagged("post_install", "-at_install")
class TestMeetingQuorumAndClosing(VsmsGovernanceCommon):
    def test_quorum_follows_presence(self):
        meeting = self.meeting_for(3)  # five members in office
        self.assertEqual(meeting.vsms_member_count, 5)
        self.assertEqual(meeting.vsms_quorum_required, 3)
        self.assertFalse(meeting.vsms_has_quorum)
        self.mark_present(meeting, self.chair | self.secretary)
        self.assertEqual(meeting.vsms_present_member_count, 2)
        self.assertFalse(meeting.vsms_has_quorum)
        self.mark_present(meeting, self.member_a)
        self.assertTrue(meeting.vsms_has_quorum)

    def test_presence_is_not_the_invitation_answer(self):
        meeting = self.meeting_for(3)
        attendee = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.chair)
        attendee.do_accept()
        self.assertEqual(meeting.vsms_present_member_count, 0)
        declined = meeting.attendee_ids.filtered(
            lambda a: a.partner_id == self.member_a
        )
        declined.do_decline()
        declined.vsms_present = True  # came anyway
        self.assertEqual(meeting.vsms_present_member_count, 1)

    def test_guests_do_not_count_for_quorum(self):
        meeting = self.meeting_for(3)
        meeting.partner_ids |= self.head | self.deputy
        self.mark_present(meeting, self.head | self.deputy | self.chair)
        self.assertEqual(meeting.vsms_present_count, 3)
        self.assertEqual(meeting.vsms_present_member_count, 1)
        self.assertFalse(meeting.vsms_has_quorum)
        lines = meeting._vsms_protocol_lines()
        self.assertEqual(lines["guests"], self.head | self.deputy)
        self.assertEqual(lines["chair"], self.chair)
        self.assertEqual(lines["secretary"], self.secretary)
        self.assertEqual(len(lines["present"]), 1)
        self.assertEqual(len(lines["absent"]), 4)

    def test_mark_all_present(self):
        meeting = self.meeting_for(6)
        meeting.partner_ids |= self.head
        meeting.action_vsms_mark_all_present()
        self.assertEqual(meeting.vsms_present_member_count, 4)
        self.assertTrue(meeting.vsms_has_quorum)
        guest = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.head)
        self.assertFalse(guest.vsms_present)

    def test_closing_marks_the_occurrence_done_and_numbers_the_protocol(self):
        march = self.meeting_for(3)
        june = self.meeting_for(6)
        march.action_vsms_close()
        june.action_vsms_close()
        self.assertEqual(march.vsms_meeting_state, "held")
        self.assertEqual(march.vsms_occurrence_id.state, "done")
        self.assertEqual(
            (march.vsms_protocol_number, june.vsms_protocol_number), (1, 2)
        )
        self.assertEqual(self.item_presidium.state, "in_progress")
        with self.assertRaisesText(UserError, march.name):
            march.action_vsms_close()
        # reopened and closed again, the protocol keeps its number
        march.action_vsms_reopen()
        march.action_vsms_close()
        self.assertEqual(march.vsms_protocol_number, 1)

    def test_draft_decisions_block_closing(self):
        meeting = self.meeting_for(3)
        self.Decision.create({"meeting_id": meeting.id, "name": "Принять к сведению."})
        with self.assertRaisesText(UserError, "Принять к сведению."):
            meeting.action_vsms_close()
        self.assertEqual(meeting.vsms_meeting_state, "planned")
        self.assertEqual(meeting.vsms_occurrence_id.state, "planned")

    def test_actions_on_plain_events_are_refused(self):
        event = self.Meeting.create(
            {
                "name": "Личная встреча",
                "start": "2030-03-10 07:00:00",
                "stop": "2030-03-10 08:00:00",
            }
        )
        with self.assertRaisesText(UserError, "Личная встреча"):
            event.action_vsms_close()

    def test_cancel_and_reopen(self):
        meeting = self.meeting_for(3)
        meeting.action_vsms_cancel_meeting()
        self.assertEqual(meeting.vsms_meeting_state, "cancelled")
        self.assertEqual(meeting.vsms_occurrence_id.state, "planned")
        meeting.action_vsms_reopen()
        self.assertEqual(meeting.vsms_meeting_state, "planned")


@tagged("post_install", "-at_install")
class TestMeetingAccess(VsmsGovernanceCommon):
    def test_staff_convene_and_record_meetings(self):
        item = self.item_presidium.with_user(self.user_staff)
        meetings = item._vsms_generate_meetings()
        self.assertEqual(len(meetings), 4)
        meeting = meetings[0]
        meeting.action_vsms_mark_all_present()
        self.assertTrue(meeting.vsms_has_quorum)
        meeting.action_vsms_close()
        self.assertEqual(meeting.vsms_occurrence_id.state, "done")

    def test_outsider_sees_no_governance_fields(self):
        meeting = self.meeting_for(3)
        outsider_meeting = meeting.with_user(self.user_outsider)
        outsider_meeting.read(["name", "start"])
        with self.assertRaises(AccessError):
            outsider_meeting.read(["vsms_body_id"])
        with self.assertRaises(AccessError):
            outsider_meeting.action_vsms_close()
        with self.assertRaises(AccessError):
            self.item_presidium.with_user(self.user_outsider)._vsms_generate_meetings()
        self.assertEqual(meeting.vsms_meeting_state, "planned")
