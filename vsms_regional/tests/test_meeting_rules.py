"""Meeting rules hold for a direct write over RPC, and held meetings are history."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestMeetingRules(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.march = cls.meeting_for(3)
        cls.june = cls.meeting_for(6)

    def close(self, meeting, present=None):
        self.mark_present(meeting, present or meeting.partner_ids)
        meeting.action_vsms_close()

    # -- status and number only through the actions ----------------------------
    def test_status_cannot_be_written_directly(self):
        meeting = self.march.with_user(self.user_staff)
        for vals in (
            {"vsms_meeting_state": "held"},
            {"vsms_meeting_state": "cancelled"},
            {"vsms_protocol_number": 7},
            {"vsms_protocol_year": 2030},
            {"vsms_snapshot": {"members": [], "present": []}},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesText(UserError, "«Close Meeting»"):
                    meeting.write(vals)
                # nor with anything a client could put in the context
                with self.assertRaises(UserError):
                    meeting.with_context(
                        vsms_allow_state=True, install_mode=True, tracking_disable=True
                    ).write(vals)
        self.assertEqual(self.march.vsms_meeting_state, "planned")
        self.assertFalse(self.march.vsms_protocol_number)

    def test_create_held_or_numbered_is_refused(self):
        Meeting = self.env["calendar.event"].with_user(self.user_staff)
        base = {
            "name": "Заседание задним числом",
            "start": "2030-03-20 07:00:00",
            "stop": "2030-03-20 08:00:00",
            "vsms_body_id": self.presidium.id,
        }
        with self.assertRaisesText(UserError, "«Held»"):
            Meeting.create(base | {"vsms_meeting_state": "held"})
        with self.assertRaisesText(UserError, "«3»"):
            Meeting.create(base | {"vsms_protocol_number": 3})
        self.assertFalse(
            Meeting.search([("name", "=", "Заседание задним числом")]),
            "nothing saved",
        )
        # planned is the normal way in
        meeting = Meeting.create(base | {"vsms_meeting_state": "planned"})
        self.assertEqual(meeting.vsms_meeting_state, "planned")

    def test_writing_the_same_status_is_harmless(self):
        self.march.with_user(self.user_staff).write(
            {"vsms_meeting_state": "planned", "name": "Заседание (уточн.)"}
        )
        self.assertEqual(self.march.name, "Заседание (уточн.)")

    def test_reopening_a_held_meeting_is_a_managers_act(self):
        self.close(self.march)
        with self.assertRaisesText(AccessError, self.march.name):
            self.march.with_user(self.user_staff).action_vsms_reopen()
        self.assertEqual(self.march.vsms_meeting_state, "held")
        self.march.with_user(self.user_manager).action_vsms_reopen()
        self.assertEqual(self.march.vsms_meeting_state, "planned")
        # a cancelled one staff may reopen
        self.june.with_user(self.user_staff).action_vsms_cancel_meeting()
        self.june.with_user(self.user_staff).action_vsms_reopen()
        self.assertEqual(self.june.vsms_meeting_state, "planned")

    # -- protocol numbers --------------------------------------------------------
    def test_protocol_numbers_unique_per_body_and_year(self):
        self.close(self.march)
        self.close(self.june)
        self.assertEqual(
            (self.march.vsms_protocol_number, self.june.vsms_protocol_number), (1, 2)
        )
        self.assertEqual(self.march.vsms_protocol_year, 2030)
        # the database refuses a second «№ 1» of the same body and year
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE calendar_event SET vsms_protocol_number = 1 WHERE id = %s",
                (self.june.id,),
            )
        # a reopened meeting keeps its number, so the next one gets «№ 3»
        self.march.with_user(self.user_manager).action_vsms_reopen()
        september = self.meeting_for(9)
        self.close(september)
        self.assertEqual(september.vsms_protocol_number, 3)
        self.close(self.march)
        self.assertEqual(self.march.vsms_protocol_number, 1)

    def test_protocol_year_is_the_local_year(self):
        """1 January 2031, 01:00 Moscow time is still 2030 in UTC."""
        meeting = self.env["calendar.event"].create(
            {
                "name": "Новогоднее заседание",
                "start": "2030-12-31 22:00:00",
                "stop": "2030-12-31 23:00:00",
                "vsms_body_id": self.presidium.id,
                "partner_ids": [(6, 0, self.presidium.member_ids.partner_id.ids)],
            }
        )
        self.close(self.march)
        self.close(meeting)
        self.assertEqual(meeting.vsms_protocol_year, 2031)
        self.assertEqual(meeting.vsms_protocol_number, 1)

    # -- held meetings are history -------------------------------------------------
    def test_held_meeting_keeps_its_composition(self):
        present = self.chair | self.secretary | self.member_a
        self.close(self.march, present)
        before = (
            self.march.vsms_member_count,
            self.march.vsms_present_member_count,
            self.march.vsms_quorum_required,
            self.march.vsms_has_quorum,
        )
        lines_before = self.march._vsms_protocol_lines()
        self.assertEqual(before, (5, 3, 3, True))
        # later the body changes: two members leave in February, a newcomer
        # is backdated, the quorum rule is raised
        self.presidium.member_ids.filtered(
            lambda m: m.partner_id in (self.member_a | self.member_b)
        ).write({"date_end": "2030-02-28"})
        newcomer = self.make_person("Новиков", "Игорь", "Олегович")
        self.BodyMember.create(
            {
                "body_id": self.presidium.id,
                "partner_id": newcomer.id,
                "date_start": "2029-01-01",
            }
        )
        self.presidium.quorum_ratio = 0.75
        self.env.flush_all()
        self.march.invalidate_recordset()
        after = (
            self.march.vsms_member_count,
            self.march.vsms_present_member_count,
            self.march.vsms_quorum_required,
            self.march.vsms_has_quorum,
        )
        self.assertEqual(after, before)
        lines = self.march._vsms_protocol_lines()
        for key in ("present", "absent"):
            self.assertEqual(
                [row["partner"] for row in lines[key]],
                [row["partner"] for row in lines_before[key]],
            )
        self.assertEqual(lines["chair"], self.chair)
        # a planned meeting follows the body
        self.assertEqual(self.june.vsms_member_count, 3)

    def test_presence_of_a_held_meeting_is_locked(self):
        self.close(self.march, self.chair | self.secretary | self.member_a)
        absent = self.march.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == self.member_b
        )
        with self.assertRaisesText(UserError, self.march.name):
            absent.with_user(self.user_staff).vsms_present = True
        self.assertFalse(absent.vsms_present)
        with self.assertRaisesText(UserError, self.march.name):
            self.march.with_user(self.user_staff).vsms_body_id = self.env[
                "vsms.body"
            ].search([("id", "!=", self.presidium.id)], limit=1)

    def test_held_meeting_keeps_its_date_and_cannot_be_deleted(self):
        self.close(self.march)
        meeting = self.march.with_user(self.user_staff)
        with self.assertRaisesText(UserError, "«Start»"):
            meeting.write(
                {"start": "2030-03-20 07:00:00", "stop": "2030-03-20 09:00:00"}
            )
        self.assertEqual(self.march.start.day, 15)
        # the same date written again (a client saving the whole form) is fine
        meeting.write({"start": self.march.start, "name": "Заседание Президиума"})
        with self.assertRaisesText(UserError, self.march.name):
            self.march.with_user(self.user_manager).unlink()
        self.assertTrue(self.march.exists())

    def test_meeting_with_adopted_decisions_cannot_be_deleted(self):
        self.mark_present(self.june, self.june.partner_ids)
        decision = self.Decision.create(
            {"meeting_id": self.june.id, "name": "Об утверждении плана"}
        )
        decision.action_adopt()
        with self.assertRaisesText(UserError, self.june.name):
            self.june.with_user(self.user_manager).unlink()
        self.assertTrue(decision.exists())
        # a planned meeting without adopted decisions can go
        september = self.meeting_for(9)
        september.with_user(self.user_manager).unlink()
        self.assertFalse(september.exists())
