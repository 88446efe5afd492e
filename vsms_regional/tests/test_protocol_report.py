import shutil

from odoo.tests import tagged

from .common import VsmsGovernanceCommon

REPORT = "vsms_regional.calendar_event_report_vsms_protocol"


@tagged("post_install", "-at_install")
class TestProtocolReport(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.meeting_for(
            3,
            location="г. Смоленск, ул. Октябрьской революции, 14а",
            vsms_agenda="<p>О плане работы на 2030 год</p>",
            event_tz="Europe/Moscow",
        )
        cls.meeting.partner_ids |= cls.head
        cls.mark_present(
            cls.meeting, cls.chair | cls.secretary | cls.member_a | cls.head
        )
        cls.adopted = cls.env["vsms.decision"].create(
            {
                "meeting_id": cls.meeting.id,
                "name": "Утвердить план работы на 2030 год.",
                "responsible_id": cls.user_staff.id,
                "deadline": "2030-04-30",
            }
        )
        cls.rejected = cls.env["vsms.decision"].create(
            {"meeting_id": cls.meeting.id, "name": "Перенести заседание на апрель."}
        )
        cls.adopted.action_adopt()
        cls.rejected.action_reject()
        cls.meeting.action_vsms_close()

    def test_html_has_everything_in_russian(self):
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="ru_RU")
            ._render_qweb_html(REPORT, self.meeting.ids)
        )
        html = html.decode()
        for text in (
            self.presidium.name,
            "О плане работы на 2030 год",
            "№ 1/2030",
            "Утвердить план работы на 2030 год.",
            "Перенести заседание на апрель.",
            self.chair.name,
            self.secretary.name,
            self.member_a.name,
            self.member_b.name,  # absent
            self.member_leaving.name,  # absent
            self.head.name,  # guest
            self.user_staff.name,
            "14а",
            "15 марта 2030 г., 10:00",
            "ПРОТОКОЛ №",
            "Повестка дня",
            "Член органа",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self.assertIn("3", html)
        self.assertNotIn(self.member_joining.name, html)

    def test_pdf(self):
        if not shutil.which("wkhtmltopdf"):
            self.fail("wkhtmltopdf is needed to print protocols")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(REPORT, self.meeting.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_print_action(self):
        action = self.meeting.action_vsms_print_protocol()
        self.assertEqual(action["report_name"], REPORT + "_document")
