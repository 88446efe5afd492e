import shutil
import subprocess
import tempfile

from odoo.tests import HttpCase, tagged

from .common import VsmsCommon

REPORT = "vsms_regional.vsms_plan_report_document"


@tagged("post_install", "-at_install")
class TestPlanReportHtml(VsmsCommon):
    def test_html_contains_every_item_in_document_layout(self):
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        html, report_type = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, plan.ids
        )
        self.assertEqual(report_type, "html")
        html = html.decode()
        self.assertIn(plan.name, html)
        for section in plan.section_ids:
            self.assertIn(section.name, html)
        for item in plan.item_ids:
            with self.subTest(item=item.number):
                self.assertIn(item.name, html)
                self.assertIn(f">{item.number}<", html)
                self.assertIn(item.schedule_text, html)
        # sections come in their order, items keep their numbers
        positions = [html.index(section.name) for section in plan.section_ids]
        self.assertEqual(positions, sorted(positions))

    def test_html_in_russian(self):
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        html, _ = (
            self.env["ir.actions.report"]
            .with_context(lang="ru_RU")
            ._render_qweb_html(REPORT, plan.ids)
        )
        html = html.decode()
        self.assertIn("№", html)
        self.assertIn("Предварительная программа", html)

    def test_print_action(self):
        action = self.plan.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], REPORT)


@tagged("post_install", "-at_install")
class TestPlanReportPdf(HttpCase):
    """A real PDF through wkhtmltopdf (installed by the set-up scripts)."""

    def test_pdf_renders_every_item(self):
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        self.assertTrue(shutil.which("wkhtmltopdf"), "wkhtmltopdf is required")
        self.assertTrue(shutil.which("pdftotext"), "pdftotext is required")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(REPORT, plan.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", file.name, "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout
        flat = " ".join(text.split())
        self.assertIn("ПЛАН РАБОТЫ СМОЛЕНСКОГО РЕГИОНАЛЬНОГО ОТДЕЛЕНИЯ", flat)
        for item in plan.item_ids:
            with self.subTest(item=item.number):
                first_words = " ".join(item.name.split()[:2])
                self.assertIn(first_words, flat)
