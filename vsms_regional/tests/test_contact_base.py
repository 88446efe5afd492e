from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestPersonNames(VsmsContactCommon):
    """Surname, first name and patronymic stay in step with the name."""

    def test_parts_make_the_name(self):
        self.assertEqual(self.head.name, "Смирнов Алексей Викторович")
        self.assertEqual(self.head.vsms_gender, "male")
        self.assertEqual(self.head.vsms_salutation, "Уважаемый Алексей Викторович")
        self.assertEqual(self.deputy.vsms_gender, "female")
        self.assertEqual(self.deputy.vsms_salutation, "Уважаемая Ольга Николаевна")

    def test_name_is_split_into_parts(self):
        person = self.Partner.create({"name": "Петрова Анна Сергеевна"})
        self.assertRecordValues(
            person,
            [
                {
                    "vsms_last_name": "Петрова",
                    "vsms_first_name": "Анна",
                    "vsms_patronymic": "Сергеевна",
                    "vsms_gender": "female",
                    "vsms_salutation": "Уважаемая Анна Сергеевна",
                }
            ],
        )
        person.name = "Петрова-Козлова Анна Сергеевна"
        self.assertEqual(person.vsms_last_name, "Петрова-Козлова")

    def test_empty_parts_do_not_stop_the_split(self):
        """An import with empty surname/name columns still splits the name."""
        person = self.Partner.create(
            {
                "name": "Лебедев Иван Ильич",
                "vsms_last_name": "",
                "vsms_first_name": False,
                "vsms_gender": False,
            }
        )
        self.assertEqual(
            (person.vsms_last_name, person.vsms_first_name, person.vsms_gender),
            ("Лебедев", "Иван", "male"),
        )

    def test_changing_a_part_renames(self):
        self.deputy.vsms_last_name = "Кузнецова-Орлова"
        self.assertEqual(self.deputy.name, "Кузнецова-Орлова Ольга Николаевна")
        people = self.head | self.deputy
        people.write({"vsms_patronymic": "Ивановна", "vsms_gender": "female"})
        self.assertEqual(
            people.mapped("name"),
            ["Смирнов Алексей Ивановна", "Кузнецова-Орлова Ольга Ивановна"],
        )

    def test_companies_are_left_alone(self):
        company = self.Partner.create(
            {
                "name": "Администрация Вяземского муниципального округа",
                "is_company": True,
            }
        )
        self.assertFalse(company.vsms_last_name)
        self.assertEqual(company.vsms_salutation, "Уважаемые коллеги")

    def test_gender_set_by_hand_is_kept(self):
        person = self.make_person("Ким", "Саша", "", vsms_gender="female")
        self.assertEqual(person.vsms_salutation, "Уважаемая Саша")
        person.vsms_patronymic = "Петрович"
        self.assertEqual(person.vsms_gender, "female")
        unknown = self.make_person("Ли", "Саша")
        self.assertEqual(unknown.vsms_salutation, "Уважаемый(ая) Саша")

    def test_form_fills_the_name_from_the_parts(self):
        with Form(self.Partner.with_user(self.user_staff)) as form:
            form.vsms_last_name = "Орлов"
            form.vsms_first_name = "Пётр"
            form.vsms_patronymic = "Ильич"
            self.assertEqual(form.name, "Орлов Пётр Ильич")
            form.vsms_municipality_id = self.vyazma
        person = form.record
        self.assertEqual(person.name, "Орлов Пётр Ильич")
        self.assertEqual(person.vsms_salutation, "Уважаемый Пётр Ильич")
        self.assertTrue(person.vsms_in_base)

    def test_invalid_email_is_refused(self):
        with self.assertRaisesText(ValidationError, "«smirnov@» is not a valid"):
            self.make_person("Новиков", "Игорь", email="smirnov@")
        self.assertFalse(self.Partner.search([("name", "like", "Новиков")]))
        with self.assertRaisesText(ValidationError, "not a valid e-mail"):
            self.head.email = "smirnov at vyazma"
        self.assertEqual(self.head.email, "smirnov@vyazma.example.ru")


@tagged("post_install", "-at_install")
class TestPositions(VsmsContactCommon):
    def test_office_defaults(self):
        position = self.make_position(
            self.head,
            self.role_head,
            organization="Вяземский муниципальный округ",
            date_start="2024-10-20",
        )
        self.assertTrue(position.elected)
        self.assertEqual(position.municipality_id, self.vyazma)
        self.assertEqual(
            position.display_name,
            "Глава муниципального образования, Вяземский муниципальный округ",
        )
        expert = self.make_position(self.head, self.role_expert)
        self.assertFalse(expert.elected)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesText(ValidationError, "cannot end"):
            self.make_position(
                self.head,
                self.role_deputy,
                date_start="2024-10-13",
                date_end="2024-01-01",
            )
        self.assertFalse(self.head.vsms_position_ids)

    def test_organisations_hold_no_office(self):
        company = self.Partner.create({"name": "ТОС «Заречье»", "is_company": True})
        with self.assertRaisesText(ValidationError, "offices are held by people"):
            self.make_position(company, self.role_tos_chair)
        self.assertFalse(self.Position.search([("partner_id", "=", company.id)]))

    @freeze_time("2025-06-01")
    def test_newly_elected(self):
        self.make_position(self.head, self.role_head, date_start="2024-10-20")
        self.make_position(self.deputy, self.role_deputy, date_start="2019-09-08")
        appointed = self.make_person("Орлов", "Пётр", "Ильич")
        self.make_position(
            appointed, self.role_head, date_start="2025-01-10", elected=False
        )
        people = self.head | self.deputy | appointed
        self.assertEqual(people.mapped("vsms_newly_elected"), [True, False, False])
        found = self.Partner.search(
            [("id", "in", people.ids), ("vsms_newly_elected", "=", True)]
        )
        self.assertEqual(found, self.head)
        not_new = self.Partner.search(
            [("id", "in", people.ids), ("vsms_newly_elected", "=", False)]
        )
        self.assertEqual(not_new, self.deputy | appointed)

    def test_newly_elected_segment_follows_time(self):
        self.make_position(self.head, self.role_head, date_start="2024-10-20")
        heads = [
            (
                "vsms_position_ids",
                "any",
                [("is_newly_elected", "=", True), ("role_id.code", "=", "head")],
            ),
            ("id", "=", self.head.id),
        ]
        with freeze_time("2025-10-19"):
            self.assertEqual(self.Partner.search(heads), self.head)
        with freeze_time("2025-10-21"):
            self.assertFalse(self.Partner.search(heads))
        with freeze_time("2024-10-01"):  # not started yet
            self.assertFalse(self.Partner.search(heads))

    @freeze_time("2026-03-01")
    def test_main_office_is_the_most_senior_current_one(self):
        self.make_position(self.head, self.role_deputy, date_start="2024-10-13")
        self.assertEqual(self.head.vsms_main_role_id, self.role_deputy)
        self.make_position(self.head, self.role_head, date_start="2024-11-01")
        self.assertEqual(self.head.vsms_main_role_id, self.role_head)
        self.make_position(
            self.head, self.role_expert, date_start="2020-01-01", date_end="2021-01-01"
        )
        self.assertEqual(self.head.vsms_main_role_id, self.role_head)

    def test_main_office_refreshed_when_a_term_ends(self):
        with freeze_time("2026-03-01"):
            self.make_position(
                self.head,
                self.role_head,
                date_start="2021-10-01",
                date_end="2026-03-10",
            )
            self.make_position(self.head, self.role_expert, date_start="2022-01-01")
            self.assertEqual(self.head.vsms_main_role_id, self.role_head)
        with freeze_time("2026-03-12"):
            self.Partner._cron_vsms_contact_upkeep()
            self.assertEqual(self.head.vsms_main_role_id, self.role_expert)


@tagged("post_install", "-at_install")
class TestDuplicates(VsmsContactCommon):
    def test_same_name_and_municipality(self):
        twin = self.make_person(
            "Смирнов", "Алексей", "Викторович", vsms_municipality_id=self.vyazma.id
        )
        self.assertEqual(twin.vsms_duplicate_ids, self.head)
        self.assertEqual(self.head.vsms_duplicate_count, 1)
        namesake = self.make_person(
            "Смирнов", "Алексей", "Викторович", vsms_municipality_id=self.safonovo.id
        )
        self.assertFalse(namesake.vsms_duplicate_ids)

    def test_same_email(self):
        other = self.make_person("Смирнов", "А.", email="SMIRNOV@vyazma.example.ru")
        self.assertEqual(other.vsms_duplicate_ids, self.head)

    def test_duplicates_filter(self):
        twin = self.make_person(
            "Смирнов", "Алексей", "Викторович", vsms_municipality_id=self.vyazma.id
        )
        found = self.Partner.search([("vsms_duplicate_ids", "!=", False)])
        self.assertIn(twin, found)
        self.assertIn(self.head, found)
        self.assertNotIn(self.deputy, found)
        self.assertIn(
            self.deputy, self.Partner.search([("vsms_duplicate_ids", "=", False)])
        )

    def test_form_warns_and_offers_merge(self):
        with Form(self.Partner.with_user(self.user_staff)) as form:
            form.vsms_last_name = "Кузнецова"
            form.vsms_first_name = "Ольга"
            form.vsms_patronymic = "Николаевна"
            form.vsms_municipality_id = self.safonovo
            self.assertEqual(form.vsms_duplicate_count, 1)
        twin = form.record
        action = twin.action_vsms_merge_duplicates()
        self.assertEqual(action["res_model"], "base.partner.merge.automatic.wizard")
        self.assertEqual(
            sorted(action["context"]["active_ids"]), sorted((twin | self.deputy).ids)
        )
        warning = twin._onchange_vsms_duplicates()["warning"]
        self.assertIn("Кузнецова Ольга Николаевна", warning["message"])

    def test_merge_keeps_the_member_number(self):
        self.deputy.vsms_member_state = "member"
        number = self.deputy.vsms_member_number
        twin = self.make_person(
            "Кузнецова", "Ольга", "Николаевна", vsms_municipality_id=self.safonovo.id
        )
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_context(
                active_model="res.partner", active_ids=(twin | self.deputy).ids
            )
            .create({"dst_partner_id": twin.id})
        )
        wizard.action_merge()
        self.assertFalse(self.deputy.exists())
        self.assertEqual(twin.vsms_member_state, "member")
        self.assertEqual(twin.vsms_member_number, number)
        self.assertEqual(twin.vsms_member_since, date.today())
        # The deputy's history moved to the merged contact, plus the merge.
        self.assertEqual(
            twin.vsms_membership_log_ids.mapped("new_state"), ["member", "member"]
        )
        self.assertIn(
            "Merged with", twin.vsms_membership_log_ids.sorted("id")[-1].reason
        )
