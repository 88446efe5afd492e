import shutil

from odoo.exceptions import UserError
from odoo.tests import tagged

from .mandate_common import VsmsMandateCommon

REPORT = "vsms_regional.vsms_mandate_report_register"


@tagged("post_install", "-at_install")
class TestMandateRegisterReport(VsmsMandateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.to_deputy = cls.make_mandate(
            candidate_id=cls.candidate.id,
            name="Отремонтировать мост через р. Вязьму",
            text="Мост на ул. Заречной в аварийном состоянии.",
            author_name="Собрание жителей ул. Заречной",
            author_address="г. Вязьма, ул. Заречная",
            signatures=112,
            topic_ids=[cls.topic_roads.id],
            deadline="2030-12-01",
        )
        cls.done = cls.make_mandate(
            candidate_id=cls.candidate.id,
            name="Открыть спортивную секцию в школе № 5",
            author_partner_id=cls.head.id,
            date="2030-05-12",
        )
        cls.done.write({"state": "accepted"})
        cls.done.write({"state": "in_progress"})
        cls.done.write({"state": "done", "result": "Секция открыта 1 сентября."})
        cls.rejected = cls.make_mandate(
            district_id=cls.district_center.id,
            name="Построить аквапарк",
            date="2030-04-02",
        )
        cls.rejected.write(
            {"state": "rejected", "rejection_reason": "Не относится к вопросам МСУ"}
        )
        cls.elsewhere = cls.make_mandate(
            district_id=cls.district_north.id, name="Установить светофор у рынка"
        )
        cls.to_duma = cls.make_mandate(
            district_id=cls.district_duma.id, name="Газифицировать д. Михайловка"
        )

    def _html(self, action):
        self.assertEqual(action["report_name"], f"{REPORT}_document")
        ids = action["context"]["active_ids"]
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(lang="ru_RU")
            ._render_qweb_html(REPORT, ids)
        )
        return html.decode()

    def test_register_of_a_deputy(self):
        deputy = self.deputy.with_user(self.user_staff)
        html = self._html(deputy.action_vsms_print_mandates())
        for text in (
            "Реестр наказов избирателей",
            "Кузнецова Ольга Николаевна",
            "№ 1 «Центральный»",
            self.to_deputy.number,
            "Отремонтировать мост через р. Вязьму",
            "Мост на ул. Заречной в аварийном состоянии.",
            "Собрание жителей ул. Заречной",
            "г. Вязьма, ул. Заречная",
            "112",
            "Дороги",
            "01.12.2030",
            self.done.number,
            self.head.name,
            "Секция открыта 1 сентября.",
            "Выполнен",
            "Поступил",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        for other in (self.rejected, self.elsewhere, self.to_duma):
            with self.subTest(other=other.name):
                self.assertNotIn(other.name, html)
                self.assertNotIn(other.number, html)
        # in the order of their dates
        self.assertLess(html.index(self.done.number), html.index(self.to_deputy.number))

    def test_register_of_a_district(self):
        district = self.district_center.with_user(self.user_staff)
        html = self._html(district.action_print_mandates())
        for mandate in (self.to_deputy, self.done, self.rejected):
            with self.subTest(mandate=mandate.name):
                self.assertIn(mandate.number, html)
                self.assertIn(mandate.name, html)
        self.assertIn("Не относится к вопросам МСУ", html)
        self.assertIn("Избирательный округ", html)
        self.assertIn("№ 1 «Центральный»", html)
        for other in (self.elsewhere, self.to_duma):
            self.assertNotIn(other.name, html)

    def test_register_of_a_selection(self):
        selection = (self.elsewhere | self.to_duma).with_user(self.user_staff)
        html = self._html(selection.action_print_register())
        self.assertIn(self.elsewhere.name, html)
        self.assertIn(self.to_duma.name, html)
        self.assertNotIn(self.to_deputy.name, html)
        # two districts: each row names its own; no district in the title
        self.assertIn("№ 2 «Северный»", html)
        self.assertIn("№ 175 «Смоленский»", html)
        self.assertNotIn("Избирательный округ", html)

    def test_nothing_to_print(self):
        with self.assertRaisesText(UserError, self.head.name):
            self.head.with_user(self.user_staff).action_vsms_print_mandates()
        self.to_duma.unlink()
        with self.assertRaisesText(UserError, "Смоленский"):
            self.district_duma.with_user(self.user_staff).action_print_mandates()

    def test_pdf(self):
        if not shutil.which("wkhtmltopdf"):
            self.fail("wkhtmltopdf is needed to print registers")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(REPORT, (self.to_deputy | self.done).ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
