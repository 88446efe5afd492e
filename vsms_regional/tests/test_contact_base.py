from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

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

    def test_full_name_with_some_parts_is_kept(self):
        person = self.Partner.create(
            {"name": "Лебедев Иван Ильич", "vsms_last_name": "Лебедев"}
        )
        self.assertRecordValues(
            person,
            [
                {
                    "name": "Лебедев Иван Ильич",
                    "vsms_last_name": "Лебедев",
                    "vsms_first_name": "Иван",
                    "vsms_patronymic": "Ильич",
                    "vsms_gender": "male",
                }
            ],
        )
        # parts that do not agree with the full name: both kept as given
        other = self.Partner.create(
            {"name": "Иван Ильич Лебедев", "vsms_first_name": "Иван"}
        )
        self.assertEqual(other.name, "Иван Ильич Лебедев")
        self.assertEqual((other.vsms_last_name, other.vsms_first_name), (False, "Иван"))
        # the same on write
        person.write({"name": "Лебедев Иван Ильич-младший", "vsms_patronymic": "Ильич"})
        self.assertEqual(person.name, "Лебедев Иван Ильич-младший")

    def test_only_people_of_the_base_or_russian_names_are_split(self):
        Partner = self.Partner
        outside = Partner.create({"name": "John Smith"})
        in_base = Partner.create(
            {"name": "John Smith", "vsms_municipality_id": self.vyazma.id}
        )
        long_name = Partner.create({"name": "Мария Анна Хосе Гарсия Лопес"})
        one_word = Partner.create({"name": "Бухгалтерия"})
        company = Partner.create({"name": "Иванов Иван Иванович", "is_company": True})
        invoice = Partner.create(
            {
                "name": "Иванов Иван Иванович",
                "type": "invoice",
                "parent_id": company.id,
            }
        )
        delivery = Partner.create(
            {
                "name": "Иванов Иван Иванович",
                "type": "delivery",
                "parent_id": company.id,
            }
        )
        for partner in outside | long_name | one_word | company | invoice | delivery:
            with self.subTest(name=partner.name, type=partner.type):
                self.assertFalse(partner.vsms_last_name)
                self.assertFalse(partner.vsms_first_name)
        self.assertEqual(
            (in_base.vsms_last_name, in_base.vsms_first_name), ("John", "Smith")
        )
        outside.name = "Jane Smith"
        self.assertFalse(outside.vsms_last_name)
        invoice.name = "Петров Пётр Петрович"
        self.assertFalse(invoice.vsms_last_name)

    def test_users_and_odoobot_keep_their_name_whole(self):
        user = new_test_user(self.env, login="petrov", name="Петров Пётр Петрович")
        self.assertFalse(user.partner_id.vsms_last_name)
        self.assertEqual(user.name, "Петров Пётр Петрович")
        user.partner_id.name = "Петров Павел Петрович"
        self.assertFalse(user.partner_id.vsms_first_name)
        odoobot = self.env.ref("base.partner_root")
        odoobot.name = "ОдуБот Помощник"
        self.assertFalse(odoobot.vsms_last_name)
        # the contact form does not split them either
        with Form(user.partner_id) as form:
            form.name = "Петров Пётр Павлович"
            self.assertFalse(form.vsms_last_name)
        with Form(self.Partner) as form:
            form.name = "Acme Support"
            self.assertFalse(form.vsms_last_name)
            form.name = "Кузьмин Олег Петрович"
            self.assertEqual(form.vsms_last_name, "Кузьмин")

    def test_existing_contacts_get_their_parts_at_installation(self):
        company = self.Partner.create({"name": "ООО Ромашка", "is_company": True})
        people = self.Partner.create(
            [
                {"name": "Фёдоров Антон Павлович"},
                {"name": "Фёдорова Анна Павловна"},
                {"name": "Алиев Рашид Гасан оглы"},
                {"name": "Фёдоров Антон"},
            ]
        )
        others = self.Partner.create(
            [
                {"name": "John Smith"},
                {
                    "name": "Фёдоров Антон Павлович",
                    "type": "invoice",
                    "parent_id": company.id,
                },
            ]
        )
        user = new_test_user(self.env, login="fedorov", name="Фёдоров Пётр Павлович")
        odoobot = self.env.ref("base.partner_root")
        everyone = people | others | user.partner_id | odoobot
        # as if they existed before the addon
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET vsms_last_name = NULL, vsms_first_name = NULL,"
            " vsms_patronymic = NULL, vsms_gender = NULL WHERE id IN %s",
            [tuple(everyone.ids)],
        )
        self.env.invalidate_all()
        filled = self.Partner._vsms_fill_name_parts(batch_size=2)
        self.assertGreaterEqual(filled, 4)
        self.assertEqual(
            [
                (p.vsms_last_name, p.vsms_first_name, p.vsms_patronymic, p.vsms_gender)
                for p in people
            ],
            [
                ("Фёдоров", "Антон", "Павлович", "male"),
                ("Фёдорова", "Анна", "Павловна", "female"),
                ("Алиев", "Рашид", "Гасан оглы", "male"),
                ("Фёдоров", "Антон", False, False),
            ],
        )
        self.assertEqual(people[1].vsms_salutation, "Уважаемая Анна Павловна")
        for partner in others | user.partner_id | odoobot | company:
            with self.subTest(name=partner.name):
                self.assertFalse(partner.vsms_last_name)
        # once is enough: nothing left to fill
        self.assertEqual(self.Partner._vsms_fill_name_parts(), 0)


@tagged("post_install", "-at_install")
class TestEmails(VsmsContactCommon):
    """E-mail addresses are trimmed; those of the contact base must be real
    addresses; other contacts (e.g. an import) are never blocked."""

    def test_spaces_are_trimmed(self):
        person = self.Partner.create(
            {
                "name": "Новиков Илья",
                "email": "  novikov@example.ru \n",
                "vsms_municipality_id": self.safonovo.id,
            }
        )
        self.assertEqual(person.email, "novikov@example.ru")
        self.head.email = " smirnov@vyazma.example.ru "
        self.assertEqual(self.head.email, "smirnov@vyazma.example.ru")
        # contacts outside the base keep Odoo's own behaviour (its tests
        # expect the address as typed)
        other = self.Partner.create({"name": "Ivan", "email": " ivan@example.com "})
        self.assertEqual(other.email, " ivan@example.com ")
        self.assertEqual(other.email_normalized, "ivan@example.com")

    def test_invalid_email_is_refused_in_the_contact_base(self):
        for email in ("smirnov@", "ivan@mail", "ivan@mail.ru нет", "smirnov at vyazma"):
            with self.subTest(email=email):
                with self.assertRaisesText(
                    ValidationError, f"«{email}» is not a valid"
                ):
                    self.make_person(
                        "Новиков",
                        "Игорь",
                        email=email,
                        vsms_municipality_id=self.vyazma.id,
                    )
                with self.assertRaisesText(ValidationError, "not a valid e-mail"):
                    self.head.email = email
        self.assertFalse(self.Partner.search([("name", "like", "Новиков")]))
        self.assertEqual(self.head.email, "smirnov@vyazma.example.ru")
        outsider = self.Partner.create({"name": "Новиков Игорь", "email": "ivan@mail"})
        with self.assertRaisesText(ValidationError, "«ivan@mail» is not a valid"):
            outsider.vsms_municipality_id = self.vyazma
        with self.assertRaisesText(ValidationError, "некорректный адрес"):
            self.head.with_context(lang="ru_RU").email = "ivan@mail"

    def test_good_addresses_are_accepted(self):
        for email in (
            "ivan.petrov+vsms@mail.ru",
            "ivan@почта.рф",
            "Иван Петров <ivan@mail.ru>",
            "ivan@mail.ru, maria@mail.ru",
            "info@xn--80aswg.xn--p1ai",
        ):
            with self.subTest(email=email):
                self.head.email = email
                self.assertEqual(self.head.email, email)

    def test_import_of_other_contacts_is_never_blocked(self):
        result = self.Partner.load(
            ["name", "email"],
            [
                ["Орлов Пётр Ильич", "orlov@example.ru"],
                ["Белова Нина Ивановна", "belova@mail.ru нет"],
                ["Acme Support", "support@acme"],
            ],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 3)
        # a person of the contact base with a bad address: that row is reported
        result = self.Partner.load(
            ["name", "email", "vsms_municipality_id/id"],
            [
                [
                    "Зуев Иван Ильич",
                    "zuev@mail",
                    "vsms_regional.vsms_municipality_vyazem",
                ],
            ],
        )
        self.assertIn("«zuev@mail» is not a valid", result["messages"][0]["message"])


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
