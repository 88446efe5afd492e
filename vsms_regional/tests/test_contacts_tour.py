"""A staff member adds a person with an office to the contact base in the browser."""

from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestContactsTour(HttpCase):
    def test_contacts_tour(self):
        user = new_test_user(
            self.env,
            login="vsms_contacts_tour_user",
            groups="vsms_regional.group_vsms_user",
        )
        Partner = self.env["res.partner"]
        name = "Сидоров Николай Иванович"
        self.assertFalse(Partner.search([("name", "=", name)]))

        self.start_tour("/odoo", "vsms_contacts_tour", login=user.login)

        self.env.invalidate_all()

        partner = Partner.search([("name", "=", name)])
        self.assertEqual(len(partner), 1)
        self.assertEqual(partner.create_uid, user)
        self.assertFalse(partner.is_company)
        self.assertEqual(
            (partner.vsms_last_name, partner.vsms_first_name, partner.vsms_patronymic),
            ("Сидоров", "Николай", "Иванович"),
        )
        self.assertEqual(partner.vsms_gender, "male")
        self.assertEqual(partner.vsms_salutation, "Уважаемый Николай Иванович")
        self.assertTrue(partner.vsms_in_base)
        vyazma = self.env.ref("vsms_regional.vsms_municipality_vyazem")
        self.assertEqual(partner.vsms_municipality_id, vyazma)

        position = partner.vsms_position_ids
        self.assertEqual(len(position), 1)
        self.assertEqual(
            position.role_id, self.env.ref("vsms_regional.vsms_position_role_head")
        )
        self.assertEqual(position.date_start, date(2025, 12, 15))
        self.assertFalse(position.date_end)
        self.assertTrue(position.elected)
        self.assertEqual(position.municipality_id, vyazma)
        self.assertEqual(partner.vsms_main_role_id, position.role_id)
