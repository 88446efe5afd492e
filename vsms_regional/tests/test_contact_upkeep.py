import io
from datetime import date

import openpyxl

from odoo.tests import freeze_time, tagged

from .common import VsmsContactCommon

HEADER = [
    "Фамилия",
    "Имя",
    "Отчество",
    "E-mail",
    "Муниципальное образование",
    "Статус",
    "Должность",
    "Организация",
    "С",
]
FIELDS = [
    "vsms_last_name",
    "vsms_first_name",
    "vsms_patronymic",
    "email",
    "vsms_municipality_id",
    "vsms_member_state",
    "vsms_position_ids/role_id",
    "vsms_position_ids/organization",
    "vsms_position_ids/date_start",
]
ROWS = [
    [
        "Зайцев",
        "Олег",
        "Петрович",
        "zaytsev@demidov.example.ru",
        "Демидовский муниципальный округ",
        "Member",
        "Глава муниципального образования",
        "Администрация Демидовского муниципального округа",
        "2024-10-25",
    ],
    [
        "Морозова",
        "Елена",
        "Андреевна",
        "",
        "город Смоленск",
        "Not a member",
        "Председатель совета ТОС",
        "ТОС «Киселевка»",
        "2021-05-12",
    ],
]


@tagged("post_install", "-at_install")
class TestReverification(VsmsContactCommon):
    def _verify_activities(self, partners):
        activity_type = self.env.ref("vsms_regional.mail_activity_type_vsms_verify")
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )

    @freeze_time("2026-11-26")
    def test_yearly_reverification(self):
        self.head.vsms_verified_on = date(2025, 11, 1)  # more than a year ago
        self.deputy.vsms_verified_on = date(2026, 3, 1)  # recent
        never = self.make_person(
            "Орлов", "Пётр", "Ильич", vsms_municipality_id=self.vyazma.id
        )
        outside = self.Partner.create({"name": "Поставщик бумаги"})
        people = self.head | self.deputy | never | outside
        self.env.company.vsms_contacts_user_id = self.user_staff

        self.Partner._cron_vsms_contact_upkeep()
        activities = self._verify_activities(people)
        self.assertEqual(
            sorted(activities.mapped("res_id")), sorted((self.head | never).ids)
        )
        self.assertEqual(activities.user_id, self.user_staff)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 11, 26)})

        # Running again creates nothing twice.
        self.Partner._cron_vsms_contact_upkeep()
        self.assertEqual(len(self._verify_activities(people)), 2)

        # Marking verified closes the to-do and restarts the year.
        self.head.with_user(self.user_staff).action_vsms_mark_verified()
        self.assertEqual(self.head.vsms_verified_on, date(2026, 11, 26))
        self.assertEqual(self._verify_activities(people).res_id, never.id)
        with freeze_time("2027-11-27"):
            self.Partner._cron_vsms_contact_upkeep()
        self.assertEqual(len(self._verify_activities(people)), 3)


@tagged("post_install", "-at_install")
class TestContactImport(VsmsContactCommon):
    """Odoo's own import fills every new field, municipality and office by name."""

    def _import(self, content, mimetype, file_name, user=None):
        importer = (
            self.env["base_import.import"]
            .with_user(user or self.user_staff)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": file_name,
                    "file_type": mimetype,
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "date_format": "%Y-%m-%d",
        }
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        return importer.execute_import(FIELDS, HEADER, options)

    def _check_imported(self, result):
        self.assertFalse(result["messages"], result["messages"])
        people = self.Partner.browse(result["ids"])
        self.assertEqual(len(people), 2)
        zaytsev, morozova = people
        self.assertRecordValues(
            zaytsev,
            [
                {
                    "name": "Зайцев Олег Петрович",
                    "vsms_gender": "male",
                    "vsms_municipality_id": self.env.ref(
                        "vsms_regional.vsms_municipality_demidov"
                    ).id,
                    "vsms_member_state": "member",
                    "vsms_in_base": True,
                }
            ],
        )
        self.assertTrue(zaytsev.vsms_member_number)
        self.assertEqual(zaytsev.vsms_position_ids.role_id, self.role_head)
        self.assertTrue(zaytsev.vsms_position_ids.elected)
        self.assertEqual(zaytsev.vsms_position_ids.date_start, date(2024, 10, 25))
        self.assertEqual(morozova.vsms_salutation, "Уважаемая Елена Андреевна")
        self.assertEqual(morozova.vsms_position_ids.role_id, self.role_tos_chair)
        self.assertEqual(
            morozova.vsms_position_ids.municipality_id,
            self.env.ref("vsms_regional.vsms_municipality_smolensk"),
        )

    def test_import_csv(self):
        lines = [",".join(HEADER)] + [
            ",".join(f'"{value}"' for value in row) for row in ROWS
        ]
        content = ("\n".join(lines) + "\n").encode()
        self._check_imported(self._import(content, "text/csv", "contacts.csv"))

    def test_import_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in ROWS:
            sheet.append(row)
        stream = io.BytesIO()
        book.save(stream)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        self._check_imported(self._import(stream.getvalue(), mimetype, "contacts.xlsx"))

    def test_unknown_municipality_is_reported(self):
        row = list(ROWS[0])
        row[4] = "Несуществующий округ"
        content = (
            ",".join(HEADER) + "\n" + ",".join(f'"{value}"' for value in row) + "\n"
        ).encode()
        result = self._import(content, "text/csv", "contacts.csv")
        self.assertFalse(result["ids"])
        self.assertIn("Несуществующий округ", str(result["messages"]))
        self.assertFalse(self.Partner.search([("name", "=", "Зайцев Олег Петрович")]))

    def test_import_with_russian_labels_and_consents(self):
        """A Russian-speaking user imports labels as they see them."""
        self.user_staff.lang = "ru_RU"
        header = ["ФИО", "Пол", "Статус", "Проверен", "Согласие", "Дата согласия"]
        fields = [
            "name",
            "vsms_gender",
            "vsms_member_state",
            "vsms_verified_on",
            "vsms_consent_ids/kind",
            "vsms_consent_ids/date_given",
        ]
        rows = [
            [
                "Ким Саша",
                "Женский",
                "Член ВСМС",
                "2026-01-15",
                "Рассылки",
                "2025-12-01",
            ],
            [
                "Лебедев Иван Ильич",
                "",
                "Кандидат",
                "",
                "Обработка персональных данных",
                "2026-02-01",
            ],
        ]
        content = "\n".join(
            ",".join(f'"{value}"' for value in row) for row in [header, *rows]
        ).encode()
        importer = (
            self.env["base_import.import"]
            .with_user(self.user_staff)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": "contacts.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "date_format": "%Y-%m-%d",
        }
        result = importer.execute_import(fields, header, options)
        self.assertFalse(result["messages"], result["messages"])
        kim, lebedev = self.Partner.browse(result["ids"])
        self.assertRecordValues(
            kim | lebedev,
            [
                {
                    "vsms_last_name": "Ким",
                    "vsms_gender": "female",
                    "vsms_member_state": "member",
                    "vsms_salutation": "Уважаемая Саша",
                },
                {
                    "vsms_last_name": "Лебедев",
                    "vsms_gender": "male",
                    "vsms_member_state": "prospect",
                    "vsms_salutation": "Уважаемый Иван Ильич",
                },
            ],
        )
        self.assertEqual(kim.vsms_verified_on, date(2026, 1, 15))
        self.assertTrue(kim.vsms_mailing_allowed)
        self.assertTrue(lebedev.vsms_processing_allowed)
        self.assertFalse(lebedev.vsms_mailing_allowed)
