"""The jury protocol and the diplomas: every winner printed, in Russian, as
real PDF files."""

import shutil

from odoo.tests import tagged

from .contest_ui_common import VsmsContestUiCommon

PROTOCOL = "vsms_regional.vsms_contest_report_protocol"
DIPLOMA = "vsms_regional.vsms_contest_report_diploma"


@tagged("post_install", "-at_install")
class TestContestReports(VsmsContestUiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mark_all(
            cls.contest,
            {
                cls.app_a: {cls.user_chair: (8, 4), cls.user_jury: (6, 4)},
                cls.app_b: {cls.user_chair: (9, 5), cls.user_jury: (9, 5)},
                cls.app_c: {cls.user_chair: (5, 1), cls.user_jury: (7, 2)},
            },
        )
        cls.contest.action_done()
        # two of three pupils may be winners or prize-winners
        cls.olympiad.prize_quota_ratio = 0.7
        first, second, third = cls.works
        cls.mark_all(
            cls.olympiad,
            {
                first: {cls.user_chair: (9, 9), cls.user_jury: (9, 8)},
                second: {cls.user_chair: (7, 6), cls.user_jury: (6, 7)},
                third: {cls.user_chair: (2, 3), cls.user_jury: (3, 2)},
            },
        )
        cls.olympiad.action_done()

    def html(self, report, records):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(lang="ru_RU")
            ._render_qweb_html(report, records.ids)
        )
        return html.decode()

    def pdf(self, report, records):
        if not shutil.which("wkhtmltopdf"):
            self.fail("wkhtmltopdf is needed to print the protocol and diplomas")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(report_type, "pdf")
        return pdf

    def test_results_of_the_fixture(self):
        self.assertEqual(
            [(a.rank, a.place) for a in (self.app_b, self.app_a, self.app_c)],
            [(1, 1), (2, 2), (1, 1)],
        )
        self.assertEqual(
            self.works.mapped("result"), ["winner", "prize", "participant"]
        )

    def test_protocol_of_a_contest(self):
        html = self.html(PROTOCOL, self.contest)
        for text in (
            "Протокол",
            "заседания жюри",
            self.contest.name,
            "Номинация",
            "«Лучший председатель ТОС»",
            "«Лучшая общественная инициатива»",
            "Актуальность",
            "Результативность",
            self.tos_a.name,
            self.tos_b.name,
            self.tos_c.name,
            "ТОС «Заднепровье»",
            "Председатель",
            "Е. В. Морозова",
            "П. И. Сидоров",
            "Секретарь",
            "Заявленные конфликты интересов",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        # means per criterion: (8 + 6) / 2 = 7,00 and score 7 + 2 × 4 = 15,00
        self.assertIn("7,00", html)
        self.assertIn("15,00", html)
        self.assertNotIn("Апелляции", html)  # contests have no appeals

    def test_protocol_of_an_olympiad_names_works_once_final(self):
        html = self.html(PROTOCOL, self.olympiad)
        for work, pupil in zip(self.works, self.pupils, strict=True):
            with self.subTest(pupil=pupil.name):
                self.assertIn(f"{work.code} — {pupil.name}", html)
        for text in ("Апелляции", "Победитель", "Призёр", "11 класс"):
            with self.subTest(text=text):
                self.assertIn(text, html)

    def test_diplomas_for_every_winner(self):
        html = self.html(DIPLOMA, self.contest | self.olympiad)
        self.assertEqual(html.count("vsms-contest-diploma"), 5)
        for text in (
            "Диплом I степени",
            "Диплом II степени",
            "Диплом победителя",
            "Диплом призёра",
            self.tos_a.name,
            self.tos_b.name,
            self.tos_c.name,
            self.pupils[0].name,
            self.pupils[1].name,
            "«Лучший председатель ТОС»",
            "Председатель жюри",
            "Е. В. Морозова",
            self.school.name,
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertNotIn(self.pupils[2].name, html)  # a participant only

    def test_real_pdfs(self):
        self.assertTrue(self.pdf(PROTOCOL, self.contest).startswith(b"%PDF"))
        # one contest at a time, as its form prints them
        self.assertTrue(self.pdf(DIPLOMA, self.contest).startswith(b"%PDF"))
        self.assertTrue(self.pdf(DIPLOMA, self.olympiad).startswith(b"%PDF"))

    def test_reports_are_for_staff(self):
        for xmlid in (PROTOCOL, DIPLOMA):
            report = self.env.ref(xmlid)
            self.assertEqual(
                report.group_ids, self.env.ref("vsms_regional.group_vsms_user")
            )
