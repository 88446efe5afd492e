import io
import shutil
import subprocess
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from ..tools.plan_period import period_range
from .common import VsmsCommon, VsmsGovernanceCommon

REPORT = "vsms_regional.vsms_plan_execution_report_document"
WIZARD = "vsms.plan.execution.report.wizard"


class PlanExecutionCommon(VsmsCommon):
    """The shipped 2021 plan with part of it carried out: two presidium
    meetings done (one held as a meeting), the olympiad held as an event with
    three registrations of which two attended, the November seminar missed,
    a publication about the media item, and comments on two items."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.plan_2021 = ref("vsms_regional.vsms_plan_2021")
        cls.items = cls.plan_2021.item_ids
        cls.item_presidium_2021 = ref("vsms_regional.vsms_plan_2021_item_02")
        cls.item_november = ref("vsms_regional.vsms_plan_2021_item_04")
        cls.item_olympiad_2021 = ref("vsms_regional.vsms_plan_2021_item_05")
        cls.item_media = ref("vsms_regional.vsms_plan_2021_item_14")
        march, june = cls.item_presidium_2021.occurrence_ids.sorted("date_start")[:2]
        cls.meeting_2021 = cls.env["calendar.event"].create(
            {
                "name": "Заседание Президиума, март 2021",
                "start": "2021-03-16 07:00:00",
                "stop": "2021-03-16 09:00:00",
                "vsms_occurrence_id": march.id,
            }
        )
        (march | june).action_done()
        olympiad_occurrence = cls.item_olympiad_2021.occurrence_ids
        cls.event_2021 = cls.env["event.event"].create(
            {
                "name": "Олимпиада по основам МСУ 2021",
                "date_begin": "2021-04-21 07:00:00",
                "date_end": "2021-04-21 12:00:00",
                "vsms_occurrence_id": olympiad_occurrence.id,
            }
        )
        Partner = cls.env["res.partner"]
        registrations = cls.env["event.registration"].create(
            [
                {
                    "event_id": cls.event_2021.id,
                    "partner_id": Partner.create({"name": name}).id,
                    "name": name,
                }
                for name in ("Иванов И. И.", "Петров П. П.", "Сидоров С. С.")
            ]
        )
        registrations[:2].write({"state": "done"})
        olympiad_occurrence._vsms_mark_done()
        cls.item_november.occurrence_ids.action_missed()
        cls.publication = cls.env["vsms.publication"].create(
            {
                "name": "Итоги олимпиады по основам МСУ",
                "date": "2021-04-23",
                "state": "published",
                "vsms_plan_item_id": cls.item_media.id,
            }
        )
        cls.item_olympiad_2021.with_user(
            cls.user_staff
        ).execution_comment = "Проведена вместе с управлением образования."
        cls.item_november.with_user(
            cls.user_staff
        ).execution_comment = "Перенесено на 2022 год."

    def wizard(self, user=None, **vals):
        Wizard = self.env[WIZARD]
        if user:
            Wizard = Wizard.with_user(user)
        return Wizard.create({"plan_id": self.plan_2021.id, "period": "year"} | vals)

    def html(self, wizard, lang=None):
        html, report_type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(REPORT, wizard.ids)
        )
        self.assertEqual(report_type, "html")
        return html.decode()


@tagged("post_install", "-at_install")
class TestPlanExecutionReport(PlanExecutionCommon):
    def test_data_of_the_year(self):
        data = self.wizard()._report_data()
        rows = {
            row["number"]: row for group in data["sections"] for row in group["items"]
        }
        self.assertEqual(sorted(rows), sorted(self.items.mapped("number")))
        olympiad = rows[5]
        self.assertEqual(olympiad["schedule"], "апрель")
        self.assertEqual(
            (olympiad["participants_registered"], olympiad["participants_actual"]),
            (3, 2),
        )
        self.assertEqual(olympiad["status"], "done")
        # the event, and the shipped contest realising the same item
        contest = self.env.ref("vsms_regional.vsms_contest_2021_olympiad")
        self.assertEqual(
            sorted(held["name"] for held in olympiad["held"]),
            sorted(["Олимпиада по основам МСУ 2021", contest.name]),
        )
        self.assertEqual(
            olympiad["comment"], "Проведена вместе с управлением образования."
        )
        # two of four presidium meetings done, the others are over: partly done
        presidium = rows[2]
        self.assertEqual(presidium["status"], "partial")
        self.assertEqual(len(presidium["occurrences"]), 4)
        self.assertEqual(
            [held["name"] for held in presidium["held"]],
            ["Заседание Президиума, март 2021"],
        )
        self.assertEqual(rows[4]["status"], "missed")
        self.assertEqual(
            [pub["name"] for pub in rows[14]["publications"]],
            ["Итоги олимпиады по основам МСУ"],
        )
        summary = data["summary"]
        self.assertEqual(summary["items"], len(self.items))
        statuses = [row["status"] for row in rows.values()]
        for state in ("done", "partial", "in_progress", "planned", "missed"):
            self.assertEqual(summary[state], statuses.count(state), state)
        self.assertEqual(
            summary["participants_planned"],
            sum(self.items.mapped("participants_planned")),
        )
        self.assertEqual(
            summary["participants_registered"],
            sum(row["participants_registered"] for row in rows.values()),
        )
        self.assertGreaterEqual(summary["participants_actual"], 2)
        self.assertEqual(summary["publications"], 1)
        self.assertGreaterEqual(summary["occurrences_done"], 3)
        self.assertEqual(data["period"]["label"], "for 2021")

    def test_quarter_holds_only_its_items(self):
        wizard = self.wizard(period="quarter", quarter="2")
        self.assertEqual(wizard.period_label, "for the II quarter of 2021")
        self.assertEqual(
            (str(wizard.date_from), str(wizard.date_to)), ("2021-04-01", "2021-06-30")
        )
        data = wizard._report_data()
        numbers = {
            row["number"] for group in data["sections"] for row in group["items"]
        }
        self.assertIn(5, numbers)  # апрель
        self.assertIn(2, numbers)  # июнь
        self.assertNotIn(4, numbers)  # ноябрь
        presidium = next(
            row
            for group in data["sections"]
            for row in group["items"]
            if row["number"] == 2
        )
        # only the June meeting lies in the quarter, and it is done
        self.assertEqual(
            [occ["name"] for occ in presidium["occurrences"]], ["Июнь 2021"]
        )
        self.assertEqual(presidium["status"], "done")
        self.assertEqual(presidium["held"], [])

    def test_nine_months_label_in_russian(self):
        wizard = self.wizard(period="nine_months").with_context(lang="ru_RU")
        wizard.invalidate_recordset(["period_label"])
        self.assertEqual(wizard.period_label, "за 9 месяцев 2021 года")
        self.assertEqual(str(wizard.date_to), "2021-09-30")

    def test_html_has_every_item_and_figures(self):
        html = self.html(self.wizard())
        tree = etree.fromstring(html, etree.HTMLParser())
        for item in self.items:
            with self.subTest(item=item.number):
                self.assertIn(item.name, html)
                self.assertEqual(len(tree.xpath(f"//tr[@data-item-id='{item.id}']")), 1)

        def cell(item, css):
            (td,) = tree.xpath(
                f"//tr[@data-item-id='{item.id}']/td[contains(@class, '{css}')]"
            )
            return "".join(td.itertext()).strip()

        self.assertEqual(cell(self.item_olympiad_2021, "vsms-registered"), "3")
        self.assertEqual(cell(self.item_olympiad_2021, "vsms-actual"), "2")
        self.assertEqual(cell(self.item_olympiad_2021, "vsms-status"), "Done")
        self.assertEqual(cell(self.item_november, "vsms-status"), "Missed")
        self.assertEqual(cell(self.item_presidium_2021, "vsms-planned"), "5")
        self.assertIn("Перенесено на 2022 год.", html)
        self.assertIn("Заседание Президиума, март 2021", html)
        self.assertIn("Итоги олимпиады по основам МСУ", html)
        for section in self.plan_2021.section_ids:
            self.assertIn(section.name, html)

    def test_html_in_russian(self):
        html = self.html(self.wizard(period="nine_months"), lang="ru_RU")
        self.assertIn("за 9 месяцев 2021 года", html)
        self.assertIn("Проведено", html)
        self.assertIn("Выполнено", html)

    def test_docx_has_every_item_and_the_summary(self):
        wizard = self.wizard()
        document = Document(io.BytesIO(wizard._docx_content()))
        section = document.sections[0]
        self.assertEqual(section.orientation, WD_ORIENT.LANDSCAPE)
        self.assertGreater(section.page_width, section.page_height)
        summary, table = document.tables
        summary_text = {row.cells[0].text: row.cells[1].text for row in summary.rows}
        data = wizard._report_data()["summary"]
        self.assertEqual(summary_text["Plan items"], str(len(self.items)))
        self.assertEqual(summary_text["Missed"], str(data["missed"]))
        self.assertEqual(summary_text["Publications"], "1")
        self.assertEqual(len(table.columns), 11)
        rows = {}
        for row in table.rows[2:]:
            cells = row.cells
            if len({cell._tc for cell in cells}) == 1:
                continue  # a section row, merged across the table
            rows[cells[0].text] = [cell.text for cell in cells]
        self.assertEqual(
            sorted(rows, key=int), [str(n) for n in sorted(self.items.mapped("number"))]
        )
        olympiad = rows["5"]
        self.assertIn("Олимпиада по основам местного самоуправления", olympiad[1])
        self.assertEqual(olympiad[2], "апрель")
        self.assertIn("Олимпиада по основам МСУ 2021", olympiad[3])
        self.assertEqual(olympiad[5:7], ["3", "2"])
        self.assertEqual(olympiad[9], "Done")
        self.assertEqual(olympiad[10], "Проведена вместе с управлением образования.")
        merged = [
            row.cells[0].text
            for row in table.rows[2:]
            if len({cell._tc for cell in row.cells}) == 1
        ]
        self.assertEqual(
            merged, self.plan_2021.section_ids.sorted("sequence").mapped("name")
        )

    def test_wizard_form_from_the_plan(self):
        action = self.env.ref("vsms_regional.vsms_plan_execution_report_wizard_action")
        Wizard = (
            self.env[WIZARD]
            .with_user(self.user_staff)
            .with_context(active_model="vsms.plan", active_id=self.plan_2021.id)
        )
        with Form(Wizard) as form:
            self.assertEqual(form.plan_id, self.plan_2021)
            self.assertEqual(form.year, 2021)
            form.period = "quarter"
            form.quarter = "3"
            self.assertEqual(str(form.date_from), "2021-07-01")
            self.assertEqual(str(form.date_to), "2021-09-30")
            self.assertEqual(form.period_label, "for the III quarter of 2021")
        wizard = form.record
        self.assertEqual(wizard.action_print_pdf()["report_name"], REPORT)
        # the plan form offers the report (staff see the button)
        arch = (
            self.env["vsms.plan"]
            .with_user(self.user_staff)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn(f'name="{action.id}"', arch)
        self.assertIn(
            self.env.ref("vsms_regional.vsms_plan_execution_report_menu").action,
            action,
        )

    def test_buttons_return_actions(self):
        wizard = self.wizard(user=self.user_staff)
        pdf = wizard.action_print_pdf()
        self.assertEqual(pdf["report_name"], REPORT)
        self.assertEqual(pdf["report_type"], "qweb-pdf")
        self.assertEqual(wizard.action_print_html()["report_type"], "qweb-html")
        url = wizard.action_download_docx()
        self.assertEqual(url["type"], "ir.actions.act_url")
        self.assertEqual(url["url"], f"/vsms_regional/plan_execution/{wizard.id}/docx")
        # the wizard opens on the plan it is called from
        plan_wizard = (
            self.env[WIZARD]
            .with_context(active_model="vsms.plan", active_id=self.plan.id)
            .create({"period": "year"})
        )
        self.assertEqual(plan_wizard.plan_id, self.plan)
        self.assertEqual(plan_wizard.year, 2030)


@tagged("post_install", "-at_install")
class TestPlanExecutionInput(PlanExecutionCommon):
    def assertRefused(self, text, **vals):
        count = self.env[WIZARD].search_count([])
        with self.assertRaisesText(ValidationError, text):
            self.wizard(user=self.user_staff, **vals)
        self.assertEqual(self.env[WIZARD].search_count([]), count)

    def test_period_not_set(self):
        self.assertRefused("Choose the period of the report", period=False)

    def test_quarter_missing(self):
        self.assertRefused("The period «Quarter» needs its number", period="quarter")
        self.assertRefused("The period «Half-year» needs its number", period="half")

    def test_plan_of_another_year(self):
        self.assertRefused(
            f"Plan «{self.plan_2021.name}» is the plan for 2021, not for 2030",
            year=2030,
        )

    def test_errors_in_russian(self):
        Wizard = self.env[WIZARD].with_context(lang="ru_RU")
        with self.assertRaisesText(ValidationError, "«Квартал»"):
            Wizard.create(
                {"plan_id": self.plan_2021.id, "period": "quarter", "quarter": False}
            )
        with self.assertRaisesText(ValidationError, "не на 2030"):
            Wizard.create(
                {"plan_id": self.plan_2021.id, "period": "year", "year": 2030}
            )

    def test_period_cannot_be_emptied_later(self):
        wizard = self.wizard()
        # a period emptied afterwards (e.g. by an RPC write) is refused too
        with self.assertRaises(ValidationError):
            wizard.period = False
        self.assertEqual(wizard.period, "year")


@tagged("post_install", "-at_install")
class TestPlanExecutionAccess(PlanExecutionCommon):
    def test_staff_and_manager_may(self):
        for user in (self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                wizard = self.wizard(user=user)
                data = wizard._report_data()
                self.assertEqual(data["summary"]["items"], len(self.items))
                self.assertTrue(wizard._docx_content().startswith(b"PK"))

    def test_others_may_not(self):
        portal = new_test_user(
            self.env, login="vsms_portal", groups="base.group_portal"
        )
        for user in (self.user_jury, self.user_outsider, portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.wizard(user=user)
                with self.assertRaises(AccessError):
                    self.plan_2021.with_user(user)._execution_report_data(
                        self.plan_2021.occurrence_ids[0].date_start,
                        self.plan_2021.occurrence_ids[0].date_end,
                    )

    def test_wizard_is_its_creator_only(self):
        other_staff = new_test_user(
            self.env, login="vsms_staff2", groups="vsms_regional.group_vsms_user"
        )
        wizard = self.wizard(user=self.user_staff)
        self.assertFalse(wizard.with_user(other_staff).search([("id", "=", wizard.id)]))

    def test_comment_editable_by_staff_after_closing(self):
        self.plan.with_user(self.user_manager).action_approve()
        self.plan.with_user(self.user_manager).action_close()
        item = self.item_olympiad.with_user(self.user_staff)
        item.execution_comment = "Не проведена: перенесена."
        self.assertEqual(item.execution_comment, "Не проведена: перенесена.")
        # everything else on the closed plan stays frozen
        with self.assertRaisesText(UserError, "is closed"):
            item.write({"execution_comment": "x", "name": "Другое"})
        with self.assertRaisesText(UserError, "is closed"):
            item.name = "Другое"

    def test_comment_not_for_others(self):
        for user in (self.user_jury, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.item_olympiad.with_user(user).execution_comment = "x"


@tagged("post_install", "-at_install")
class TestPlanExecutionDecisionsAndQueries(VsmsGovernanceCommon):
    """Decisions adopted at the item's meetings, and a bounded number of
    queries however large the plan."""

    def data(self, plan=None):
        plan = plan or self.plan
        # counted the way assertQueryCount counts
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        data = plan._execution_report_data(*self.year_range(plan))
        self.env.flush_all()
        self.env.cr.flush()
        return data, self.env.cr.sql_log_count - start

    @staticmethod
    def year_range(plan):
        return period_range(plan.year, "year")

    def test_adopted_decisions_of_the_item_meetings(self):
        march = self.meeting_for(3)
        self.mark_present(march, self.chair | self.secretary | self.member_a)
        Decision = self.env["vsms.decision"]
        adopted = Decision.create({"meeting_id": march.id, "name": "Утвердить план."})
        adopted.action_adopt()
        Decision.create({"meeting_id": march.id, "name": "Проект, не принят пока."})
        data, _queries = self.data()
        row = next(
            row
            for group in data["sections"]
            for row in group["items"]
            if row["id"] == self.item_presidium.id
        )
        self.assertEqual(
            [(d["number"], d["name"]) for d in row["decisions"]],
            [(adopted.number, "Утвердить план.")],
        )
        self.assertEqual(data["summary"]["decisions"], 1)
        self.assertEqual(row["held"][0]["name"], march.name)

    def add_items(self, count):
        for _index in range(count):
            item = self.make_item(schedule_text="май", participants_planned=10)
            event = self.Event.create(
                {
                    "name": item.name,
                    "date_begin": "2030-05-15 07:00:00",
                    "date_end": "2030-05-15 10:00:00",
                    "vsms_occurrence_id": item.occurrence_ids.id,
                }
            )
            partners = self.env["res.partner"].create(
                [{"name": f"Участник {n}"} for n in range(3)]
            )
            self.Registration.create(
                [{"event_id": event.id, "partner_id": p.id} for p in partners]
            )
            self.env["vsms.publication"].create(
                {
                    "name": f"О мероприятии {item.number}",
                    "date": "2030-05-16",
                    "state": "published",
                    "event_id": event.id,
                }
            )
        meeting = self.meeting_for(6)
        self.mark_present(meeting, self.chair | self.secretary | self.member_a)
        self.env["vsms.decision"].create(
            {"meeting_id": meeting.id, "name": "Решение."}
        ).action_adopt()

    def test_queries_do_not_grow_with_the_plan(self):
        self.add_items(2)
        self.data()  # warm-up: the registry's caches (translations, labels)
        small, small_queries = self.data()
        self.add_items(10)
        large, _queries = self.data()
        self.assertEqual(large["summary"]["items"], small["summary"]["items"] + 10)
        self.assertEqual(large["summary"]["held"], small["summary"]["held"] + 11)
        self.assertEqual(
            large["summary"]["publications"], small["summary"]["publications"] + 10
        )
        self.assertEqual(
            large["summary"]["decisions"], small["summary"]["decisions"] + 1
        )
        self.assertEqual(
            large["summary"]["participants_registered"],
            # three registrations per event, four members invited to the meeting
            small["summary"]["participants_registered"] + 10 * 3 + 4,
        )
        self.env.invalidate_all()
        with self.assertQueryCount(small_queries + 3):
            self.plan._execution_report_data(*self.year_range(self.plan))


@tagged("post_install", "-at_install")
class TestPlanExecutionPdf(HttpCase):
    """A real PDF through wkhtmltopdf, and the .docx download."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_2021 = cls.env.ref("vsms_regional.vsms_plan_2021")
        cls.staff = new_test_user(
            cls.env, login="exec_staff", groups="vsms_regional.group_vsms_user"
        )
        cls.jury = new_test_user(
            cls.env, login="exec_jury", groups="vsms_regional.group_vsms_jury"
        )
        cls.outsider = new_test_user(
            cls.env, login="exec_outsider", groups="base.group_user"
        )
        cls.portal = new_test_user(
            cls.env, login="exec_portal", groups="base.group_portal"
        )

    def test_pdf_renders_every_item(self):
        self.assertTrue(shutil.which("wkhtmltopdf"), "wkhtmltopdf is required")
        self.assertTrue(shutil.which("pdftotext"), "pdftotext is required")
        wizard = self.env[WIZARD].create(
            {"plan_id": self.plan_2021.id, "period": "nine_months"}
        )
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(REPORT, wizard.ids)
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
        self.assertIn("за 9 месяцев 2021 года", flat)
        data = wizard._report_data()
        for group in data["sections"]:
            for row in group["items"]:
                with self.subTest(item=row["number"]):
                    self.assertIn(" ".join(row["name"].split()[:2]), flat)

    def test_docx_download(self):
        wizard = (
            self.env[WIZARD]
            .with_user(self.staff)
            .create({"plan_id": self.plan_2021.id, "period": "year"})
        )
        url = f"/vsms_regional/plan_execution/{wizard.id}/docx"
        self.authenticate("exec_staff", "exec_staff")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        document = Document(io.BytesIO(response.content))
        text = "\n".join(cell.text for cell in document.tables[1]._cells)
        for item in self.plan_2021.item_ids:
            self.assertIn(item.name, text)
        for login in ("exec_jury", "exec_outsider", "exec_portal"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self.assertEqual(self.url_open(url).status_code, 404)
        # another member of staff does not get someone else's wizard
        new_test_user(
            self.env, login="exec_staff2", groups="vsms_regional.group_vsms_user"
        )
        self.authenticate("exec_staff2", "exec_staff2")
        self.assertEqual(self.url_open(url).status_code, 404)
        self.authenticate(None, None)
        self.assertNotEqual(self.url_open(url, allow_redirects=False).status_code, 200)
