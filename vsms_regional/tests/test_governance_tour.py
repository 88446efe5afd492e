"""A staff member convenes the presidium and records a meeting in the browser."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestGovernanceTour(HttpCase):
    def test_governance_tour(self):
        new_test_user(
            self.env,
            login="vsms_tour_clerk",
            groups="vsms_regional.group_vsms_user",
            tz="Europe/Moscow",
        )
        presidium = self.env.ref("vsms_regional.vsms_body_presidium")
        people = self.env["res.partner"].create(
            [
                {"name": "Орлов Пётр Ильич"},
                {"name": "Белова Мария Андреевна"},
                {"name": "Зайцев Олег Павлович"},
            ]
        )
        self.env["vsms.body.member"].create(
            [
                {
                    "body_id": presidium.id,
                    "partner_id": person.id,
                    "role": role,
                    "date_start": "2020-01-01",
                }
                for person, role in zip(
                    people, ("chair", "secretary", "member"), strict=True
                )
            ]
        )
        item = self.env.ref("vsms_regional.vsms_plan_2021_item_02")
        self.assertFalse(item.meeting_ids)

        self.start_tour("/odoo", "vsms_governance_tour", login="vsms_tour_clerk")

        self.env.invalidate_all()
        self.assertEqual(len(item.meeting_ids), 4)
        march = item.meeting_ids.filtered(lambda m: m.start.month == 3)
        self.assertEqual(march.partner_ids, people)
        self.assertEqual(march.vsms_meeting_state, "held")
        self.assertEqual(march.vsms_protocol_number, 1)
        self.assertTrue(march.vsms_has_quorum)
        self.assertEqual(march.vsms_occurrence_id.state, "done")
        decision = march.vsms_decision_ids
        self.assertEqual(decision.number, "№ 1/2021")
        self.assertEqual(decision.state, "adopted")
        self.assertEqual(item.state, "in_progress")
