import json

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VsmsContactCommon


@tagged("post_install", "-at_install")
class TestPersonalDataExport(VsmsContactCommon):
    def test_everything_about_the_person(self):
        self.make_position(self.head, self.role_head, date_start="2024-10-20")
        self.give_consent(self.head, "processing")
        self.head.vsms_member_state = "member"
        data = self.head.with_user(self.user_manager)._vsms_personal_data()
        self.assertEqual(
            set(data),
            {
                "Person",
                "Offices",
                "Consents",
                "Membership history",
                "Admission leads",
                "Governing bodies",
                "Meetings",
                "Event registrations",
                "Decisions",
                "Exported",
            },
        )
        self.assertEqual(data["Person"]["Last name"], "Смирнов")
        self.assertEqual(
            data["Person"]["Municipality"], "Вяземский муниципальный округ"
        )
        self.assertEqual(data["Person"]["Member status"], "Member")
        self.assertEqual(len(data["Offices"]), 1)
        self.assertEqual(data["Consents"][0]["Kind"], "Processing of personal data")
        self.assertEqual(data["Membership history"][0]["To"], "Member")
        json.dumps(data, default=str)  # serialisable

    def test_labels_in_russian(self):
        data = (
            self.head.with_user(self.user_manager)
            .with_context(lang="ru_RU")
            ._vsms_personal_data()
        )
        self.assertIn("Фамилия", next(iter(data.values())))

    def test_only_managers(self):
        action = self.head.with_user(
            self.user_manager
        ).action_vsms_export_personal_data()
        self.assertEqual(action["url"], f"/vsms/partner/{self.head.id}/personal_data")
        with self.assertRaisesText(UserError, "managers"):
            self.head.with_user(self.user_staff).action_vsms_export_personal_data()


@tagged("post_install", "-at_install")
class TestPersonalDataDownload(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="pd_manager",
            groups="vsms_regional.group_vsms_manager",
            lang="ru_RU",
        )
        new_test_user(cls.env, login="pd_staff", groups="vsms_regional.group_vsms_user")
        cls.person = cls.env["res.partner"].create(
            {"name": "Смирнов Алексей Викторович", "email": "smirnov@example.ru"}
        )
        cls.url = f"/vsms/partner/{cls.person.id}/personal_data"

    def test_manager_downloads_json(self):
        self.authenticate("pd_manager", "pd_manager")
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = response.json()
        self.assertEqual(data["Физическое лицо"]["Отчество"], "Викторович")
        self.assertIn("Персональные данные выгружены", self.person.message_ids[0].body)

    def test_staff_and_anonymous_get_nothing(self):
        self.authenticate("pd_staff", "pd_staff")
        self.assertEqual(self.url_open(self.url).status_code, 404)
        self.authenticate(None, None)
        response = self.url_open(self.url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303, 401, 403))
