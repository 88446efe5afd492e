"""A staff member adds an item to the 2021 plan in the browser."""

from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPlanTour(HttpCase):
    def test_plan_tour(self):
        user = new_test_user(
            self.env, login="vsms_tour_user", groups="vsms_regional.group_vsms_user"
        )
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        self.assertEqual(plan.state, "approved")
        self.assertFalse(plan.item_ids.filtered(lambda item: item.number == 15))

        self.start_tour("/odoo", "vsms_plan_tour", login="vsms_tour_user")

        self.env.invalidate_all()

        item = plan.item_ids.filtered(lambda item: item.number == 15)
        self.assertEqual(len(item), 1)
        self.assertEqual(item.name, "Тестовое мероприятие")
        self.assertEqual(item.schedule_text, "II квартал")
        self.assertEqual(item.create_uid, user)
        self.assertEqual(item.state, "planned")
        self.assertEqual(
            [(occ.date_start, occ.date_end) for occ in item.occurrence_ids],
            [(date(2021, 4, 1), date(2021, 6, 30))],
        )
        self.assertEqual(item.occurrence_ids.kind, "quarter")
        self.assertEqual(
            (item.date_start, item.date_end), (date(2021, 4, 1), date(2021, 6, 30))
        )
