from odoo.tests import BaseCase, tagged

from ..tools.names import (
    guess_gender,
    is_cyrillic_full_name,
    join_full_name,
    salutation,
    split_full_name,
)


@tagged("post_install", "-at_install")
class TestNames(BaseCase):
    """Russian name rules, without a database."""

    def test_split_three_parts(self):
        self.assertEqual(
            split_full_name("  Иванов   Иван Петрович "),
            ("Иванов", "Иван", "Петрович"),
        )

    def test_split_short_and_long_names(self):
        self.assertEqual(split_full_name("Иванов"), ("Иванов", "", ""))
        self.assertEqual(split_full_name("Иванов Иван"), ("Иванов", "Иван", ""))
        self.assertEqual(
            split_full_name("Алиев Рашид Гасан оглы"),
            ("Алиев", "Рашид", "Гасан оглы"),
        )
        self.assertEqual(split_full_name(""), ("", "", ""))
        self.assertEqual(split_full_name(None), ("", "", ""))

    def test_join_skips_missing_parts(self):
        self.assertEqual(
            join_full_name("Иванов", "Иван", "Петрович"), "Иванов Иван Петрович"
        )
        self.assertEqual(join_full_name("Иванов", "", " "), "Иванов")
        self.assertEqual(join_full_name("", "Анна", ""), "Анна")

    def test_gender_from_patronymic(self):
        self.assertEqual(guess_gender("Петрович"), "male")
        self.assertEqual(guess_gender("Ильич"), "male")
        self.assertEqual(guess_gender("Сергеевна"), "female")
        self.assertEqual(guess_gender("Ильинична"), "female")
        self.assertEqual(guess_gender("Никитична"), "female")
        self.assertEqual(guess_gender("Гасан оглы"), "male")
        self.assertEqual(guess_gender("Гасан кызы"), "female")
        self.assertFalse(guess_gender(""))
        self.assertFalse(guess_gender("Smith"))

    def test_salutation(self):
        self.assertEqual(
            salutation("Иван", "Петрович", "male"), "Уважаемый Иван Петрович"
        )
        self.assertEqual(
            salutation("Анна", "Сергеевна", "female"), "Уважаемая Анна Сергеевна"
        )
        self.assertEqual(salutation("Анна", "", "female"), "Уважаемая Анна")
        self.assertEqual(salutation("Саша", "", False), "Уважаемый(ая) Саша")
        self.assertEqual(
            salutation("", "", "male", "Иванов"), "Уважаемый господин Иванов"
        )
        self.assertEqual(
            salutation("", "", "female", "Иванова"), "Уважаемая госпожа Иванова"
        )
        self.assertEqual(salutation("", "", False, "Иванов"), "Уважаемый(ая) Иванов")
        self.assertEqual(salutation("", "", False, ""), "Уважаемый(ая)")

    def test_cyrillic_full_name(self):
        for name in (
            "Иванов Иван",
            " Иванов  Иван Петрович ",
            "Римский-Корсаков Николай Андреевич",
            "Алиев Рашид Гасан оглы",
            "Ёлкина Алёна",
        ):
            with self.subTest(name=name):
                self.assertTrue(is_cyrillic_full_name(name))
        for name in (
            "Иванов",
            "John Smith",
            "Иванов Ivan",
            "ООО «Ромашка»",
            "Мария Анна Хосе Гарсия Лопес",
            "Иванов И. П.",
            "",
            None,
        ):
            with self.subTest(name=name):
                self.assertFalse(is_cyrillic_full_name(name))
