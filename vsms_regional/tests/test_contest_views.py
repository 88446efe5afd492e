"""The contest views as their users meet them: staff set up and run a
contest; a juror opens every view they can reach and marks on the marking
screen; the reject wizard; the menus each role sees."""

import base64
import io
from datetime import date, timedelta

import openpyxl
from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .contest_ui_common import VsmsContestUiCommon

MY_MARKS_FORM = "vsms_regional.vsms_contest_application_view_form_my_marks"
MY_MARKS_ACTION = "vsms_regional.vsms_contest_application_action_my_marks"


@tagged("post_install", "-at_install")
class TestContestViews(VsmsContestUiCommon):
    def my_marks(self, user):
        """What the «My Marks» menu lists for ``user``."""
        action = self.env.ref(MY_MARKS_ACTION)
        domain = safe_eval(action.domain, {"uid": user.id})
        return self.Application.with_user(user).search(domain)

    # -- staff ---------------------------------------------------------------
    def test_staff_sets_up_a_contest_in_the_form(self):
        today = date.today()
        Contest = self.Contest.with_user(self.user_staff)
        with Form(Contest) as form:
            form.name = "Лучшая общественная инициатива (тест)"
            form.date_open = today - timedelta(days=1)
            form.date_close = today + timedelta(days=10)
            form.date_results = today + timedelta(days=15)
            with form.nomination_ids.new() as nomination:
                nomination.name = "Лучшая общественная инициатива"
            with form.criterion_ids.new() as criterion:
                criterion.name = "Значимость для жителей"
                criterion.max_score = 10
            with form.juror_ids.new() as juror:
                juror.user_id = self.user_jury
                juror.role = "chair"
        contest = form.record
        self.assertEqual(contest.state, "draft")
        self.assertEqual(contest.nomination_ids.prize_places, 3)
        self.assertEqual(contest.criterion_ids.weight, 1)
        self.assertEqual(contest.juror_ids.user_id, self.user_jury)
        contest.action_open()

        # an application, from the staff form of the applications
        Application = self.Application.with_user(self.user_staff)
        with Form(Application.with_context(default_contest_id=contest.id)) as form:
            form.partner_id = self.head
            form.nomination_id = contest.nomination_ids
            form.organization = "ТОС «Заречье»"
            form.municipality_id = self.vyazma
        application = form.record
        self.assertEqual(application.state, "submitted")
        self.assertEqual(contest.application_count, 1)
        application.action_admit()
        self.assertTrue(application.code)

    def test_reject_wizard_needs_a_reason(self):
        contest = self.Contest.create(
            {
                "name": "Конкурс для отказа (тест)",
                **self.dates,
                "nomination_ids": [(0, 0, {"name": "Лучший старейшина"})],
            }
        )
        contest.action_open()
        application = self.Application.create(
            {
                "contest_id": contest.id,
                "nomination_id": contest.nomination_ids.id,
                "partner_id": self.head.id,
            }
        )
        Wizard = (
            self.env["vsms.contest.application.reject"]
            .with_user(self.user_staff)
            .with_context(
                active_model="vsms.contest.application", active_ids=application.ids
            )
        )
        form = Form(Wizard)
        self.assertEqual(form.application_ids[:], application)
        with self.assertRaises(AssertionError):  # required field left empty
            form.save()
        form.reason = "Не представлен отчёт о деятельности ТОС"
        form.save().action_reject()
        self.assertEqual(application.state, "rejected")
        self.assertEqual(
            application.rejection_reason, "Не представлен отчёт о деятельности ТОС"
        )

    def test_staff_application_form_shows_results(self):
        form = Form(self.app_a.with_user(self.user_staff))
        self.assertEqual(form.partner_id, self.tos_a)
        self.assertEqual(form.state, "admitted")
        self.assertEqual(len(form.score_ids), 4)  # 2 marking jurors × 2 criteria

    def test_results_list_by_nomination(self):
        self.mark_all(
            self.contest,
            {
                self.app_a: {self.user_chair: (8, 4), self.user_jury: (6, 4)},
                self.app_b: {self.user_chair: (9, 5), self.user_jury: (9, 5)},
                self.app_c: {self.user_chair: (5, 1), self.user_jury: (5, 1)},
            },
        )
        action = self.env.ref("vsms_regional.vsms_contest_application_action_results")
        apps = self.Application.with_user(self.user_staff).search(
            Domain(safe_eval(action.domain))
            & Domain("contest_id", "=", self.contest.id)
        )
        self.assertEqual(apps, self.app_a | self.app_b | self.app_c)
        # the default order of the results list: nomination, then rank
        view = self.env.ref("vsms_regional.vsms_contest_application_view_list_results")
        order = etree.fromstring(view.arch).get("default_order")
        ordered = apps.search(
            [("id", "in", apps.ids)], order=order.replace("grade, ", "")
        )
        self.assertEqual(ordered, self.app_b | self.app_a | self.app_c)
        self.assertEqual(ordered.mapped("rank"), [1, 2, 1])
        self.assertEqual(ordered.mapped("place"), [1, 2, 1])

    # -- the juror -------------------------------------------------------------
    def test_juror_marks_on_the_marking_screen(self):
        self.assertEqual(self.my_marks(self.user_jury), self.contest_apps | self.works)
        application = self.app_a.with_user(self.user_jury)
        form = Form(application, view=MY_MARKS_FORM)
        self.assertEqual(form.display_label, "Ковалёв Андрей Николаевич")
        self.assertEqual(form.contest_my_progress_text, "0 of 6 marked")
        self.assertEqual(len(form.my_score_ids), 2)
        with form.my_score_ids.edit(0) as line:
            self.assertEqual(line.criterion_id, self.crit_topic)
            self.assertEqual(line.max_score, 10)
            self.assertEqual(
                line.criterion_description, "Насколько инициатива нужна жителям"
            )
            line.value = 7
            line.comment = "Инициатива поддержана жителями"
        with form.my_score_ids.edit(1) as line:
            line.value = 4.5
        form.save()
        mine = self.app_a.score_ids.filtered(
            lambda s: s.juror_user_id == self.user_jury
        )
        self.assertEqual(sorted(mine.mapped("value")), [4.5, 7])
        self.assertTrue(all(mine.mapped("is_marked")))
        self.assertEqual(
            Form(application, view=MY_MARKS_FORM).contest_my_progress_text,
            "2 of 6 marked",
        )
        # the chair's lines stay unseen and untouched
        chair_lines = self.app_a.score_ids - mine
        self.assertFalse(any(chair_lines.mapped("is_marked")))

    def test_juror_gives_a_zero(self):
        form = Form(self.app_c.with_user(self.user_jury), view=MY_MARKS_FORM)
        with form.my_score_ids.edit(0) as line:
            self.assertEqual(line.value, 0)
            line.is_marked = True  # 0 typed over 0 changes nothing: tick it
        form.save()
        line = self.app_c.score_ids.filtered(
            lambda s: s.juror_user_id == self.user_jury
        ).sorted("criterion_sequence")[0]
        self.assertEqual((line.value, line.is_marked), (0, True))

    def test_juror_mark_above_max_refused(self):
        form = Form(self.app_a.with_user(self.user_jury), view=MY_MARKS_FORM)
        with form.my_score_ids.edit(1) as line:  # «Результативность», max 5
            line.value = 6
        with self.assertRaises(ValidationError):
            form.save()
        self.assertFalse(any(self.app_a.score_ids.mapped("is_marked")))

    def test_juror_sees_codes_only_on_olympiad_works(self):
        work = self.works[0]
        name = self.pupils[0].name
        view = self.Application.with_user(self.user_jury).get_views(
            [(False, "form"), (False, "list")]
        )
        for arch in (view["views"]["form"]["arch"], view["views"]["list"]["arch"]):
            # the staff views, stripped of the applicant for a juror
            self.assertNotIn('name="partner_id"', arch)
            self.assertNotIn('name="school_id"', arch)
            self.assertNotIn('name="grade"', arch)
        form = Form(work.with_user(self.user_jury), view=MY_MARKS_FORM)
        self.assertEqual(form.display_label, work.code)
        self.assertNotIn(name, str(form._values))
        # the staff form opens for the juror too, without the applicant
        staff_form = Form(work.with_user(self.user_jury))
        self.assertEqual(staff_form.code, work.code)
        self.assertNotIn(name, str(staff_form._values))

    def test_every_view_a_juror_reaches_opens(self):
        Application = self.Application.with_user(self.user_jury)
        for view_type in ("list", "form", "kanban", "search"):
            Application.get_views([(False, view_type)])
        for xmlid in (
            "vsms_contest_application_view_list_my_marks",
            "vsms_contest_application_view_search_my_marks",
        ):
            Application.get_views([(self.env.ref(f"vsms_regional.{xmlid}").id, "list")])
        Form(self.contest.with_user(self.user_jury))
        Form(self.contest.juror_ids[0].with_user(self.user_jury))
        Form(
            self.env["vsms.contest.score.import"]
            .with_user(self.user_jury)
            .with_context(default_contest_id=self.contest.id)
        )
        # the list of «My Marks» reads only what a juror may read
        self.my_marks(self.user_jury).read(
            ["contest_id", "nomination_id", "display_label", "my_mark_done"]
        )

    def test_juror_declares_a_conflict_from_the_marking_screen(self):
        action = self.app_b.with_user(self.user_jury).action_declare_conflict()
        # back to the list: the application is no longer theirs to read
        self.assertEqual(action["id"], self.env.ref(MY_MARKS_ACTION).id)
        self.assertNotIn(self.app_b, self.my_marks(self.user_jury))
        self.assertIn(self.app_b, self.my_marks(self.user_chair))

    def test_my_marks_filters(self):
        search = etree.fromstring(
            self.env.ref(
                "vsms_regional.vsms_contest_application_view_search_my_marks"
            ).arch
        )

        def filtered(name):
            domain = safe_eval(search.find(f".//filter[@name='{name}']").get("domain"))
            return self.Application.with_user(self.user_jury).search(
                Domain(domain) & Domain("contest_id", "=", self.contest.id)
            )

        self.mark(self.app_a, self.user_jury, 5, 5)
        self.mark(self.app_b, self.user_jury, 5)  # one of two criteria
        self.assertEqual(filtered("filter_to_mark"), self.app_b | self.app_c)
        self.assertEqual(filtered("filter_marked"), self.app_a)

    def test_not_fully_marked_filter(self):
        search = etree.fromstring(
            self.env.ref("vsms_regional.vsms_contest_application_view_search").arch
        )
        domain = safe_eval(
            search.find(".//filter[@name='filter_not_fully_marked']").get("domain")
        )
        self.mark(self.app_a, self.user_jury, 5, 5)
        self.mark(self.app_a, self.user_chair, 5, 5)
        self.mark(self.app_b, self.user_chair, 5, 5)
        found = self.Application.with_user(self.user_staff).search(
            Domain(domain) & Domain("contest_id", "=", self.contest.id)
        )
        self.assertEqual(found, self.app_b | self.app_c)

    # -- the mark import ----------------------------------------------------------
    def import_marks(self, user, content, filename="оценки.csv", **vals):
        wizard = Form(
            self.env["vsms.contest.score.import"]
            .with_user(user)
            .with_context(
                default_contest_id=vals.pop("contest", self.contest).id,
                # the web client's file widget fills the name in
                default_filename=filename,
            )
        )
        for name, value in vals.items():
            setattr(wizard, name, value)
        wizard.file = base64.b64encode(content)
        wizard = wizard.save()
        return wizard, wizard.action_import()

    def test_juror_imports_a_csv_sheet(self):
        sheet = (
            "ФИО;Актуальность;Результативность\n"
            "Ковалёв Андрей Николаевич;8;4,5\n"
            f"{self.app_b.code};7;\n"
        )
        wizard, action = self.import_marks(self.user_jury, sheet.encode("cp1251"))
        self.assertEqual(wizard.juror_id.user_id, self.user_jury)
        self.assertEqual(action["tag"], "display_notification")
        marked = self.contest_apps.score_ids.filtered("is_marked")
        self.assertEqual(marked.juror_user_id, self.user_jury)
        self.assertEqual(
            sorted((s.application_id.id, s.criterion_id.id, s.value) for s in marked),
            sorted(
                [
                    (self.app_a.id, self.crit_topic.id, 8),
                    (self.app_a.id, self.crit_result.id, 4.5),
                    (self.app_b.id, self.crit_topic.id, 7),
                ]
            ),
        )

    def test_import_lists_bad_rows_and_saves_nothing(self):
        sheet = (
            "Код,Критерий,Балл\n"
            f"{self.app_a.code},Актуальность,8\n"
            "Петров Пётр,Актуальность,5\n"
            f"{self.app_b.code},Оригинальность,5\n"
            f"{self.app_b.code},Результативность,6\n"
        )
        wizard, action = self.import_marks(self.user_jury, sheet.encode())
        self.assertEqual(action["res_id"], wizard.id)  # the wizard again
        problems = wizard.problems.splitlines()
        self.assertEqual(len(problems), 3, problems)
        self.assertIn("Row 3", problems[0])
        self.assertIn("«Петров Пётр»", problems[0])
        self.assertIn("«Оригинальность»", problems[1])
        self.assertIn("above the maximum of 5", problems[2])
        self.assertFalse(any(self.contest_apps.score_ids.mapped("is_marked")))

    def test_staff_imports_a_workbook_for_jurors(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Заявка", "Член жюри", "Критерий", "Балл", "Комментарий"])
        sheet.append(["Ковалёв А. Н.", "Морозова Елена", "Актуальность", 9, "Сильно"])
        sheet.append(
            ["Новиков Игорь", "Сидоров Пётр Ильич", "Результативность", 3, None]
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        _wizard, action = self.import_marks(
            self.user_staff, buffer.getvalue(), "оценки.xlsx"
        )
        self.assertEqual(action["params"]["type"], "success")
        marked = self.contest_apps.score_ids.filtered("is_marked")
        self.assertEqual(len(marked), 2)
        chair_mark = marked.filtered(lambda s: s.juror_user_id == self.user_chair)
        self.assertEqual(
            (chair_mark.application_id, chair_mark.value, chair_mark.comment),
            (self.app_a, 9, "Сильно"),
        )

    def test_juror_imports_olympiad_works_by_code_only(self):
        rows = [f"{w.code};5;6" for w in self.works]
        sheet = "\n".join(["Код;Задание 1;Задание 2", *rows]).encode()
        self.import_marks(self.user_jury, sheet, contest=self.olympiad)
        mine = self.works.score_ids.filtered(
            lambda s: s.juror_user_id == self.user_jury
        )
        self.assertTrue(all(mine.mapped("is_marked")))
        # a pupil's name means nothing to a juror: the works are blind
        sheet = f"ФИО;Задание 1\n{self.pupils[0].name};7\n".encode()
        wizard, _action = self.import_marks(
            self.user_jury, sheet, contest=self.olympiad
        )
        self.assertIn("no admitted application", wizard.problems)
        self.assertEqual(set(mine.mapped("value")), {5, 6})

    def test_juror_downloads_a_sheet_to_fill_in(self):
        wizard = Form(
            self.env["vsms.contest.score.import"]
            .with_user(self.user_jury)
            .with_context(default_contest_id=self.olympiad.id)
        ).save()
        action = wizard.action_download_template()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        text = attachment.with_user(self.user_jury).raw.decode("utf-8-sig")
        lines = text.splitlines()
        self.assertEqual(lines[0], "Код;Заявка;Задание 1;Задание 2")
        self.assertEqual(
            sorted(lines[1:]), sorted(f"{w.code};{w.code};;" for w in self.works)
        )
        for pupil in self.pupils:
            self.assertNotIn(pupil.name, text)  # blind works stay blind
        # filled in and imported back
        filled = "\r\n".join(
            [lines[0], *(f"{w.code};{w.code};6;7" for w in self.works)]
        )
        self.import_marks(self.user_jury, filled.encode(), contest=self.olympiad)
        mine = self.works.score_ids.filtered(
            lambda s: s.juror_user_id == self.user_jury
        )
        self.assertEqual(set(mine.mapped("value")), {6, 7})
        self.assertTrue(all(mine.mapped("is_marked")))

    def test_import_needs_a_file(self):
        wizard = Form(
            self.env["vsms.contest.score.import"]
            .with_user(self.user_jury)
            .with_context(default_contest_id=self.contest.id)
        ).save()
        with self.assertRaisesText(UserError, "Choose the spreadsheet"):
            wizard.action_import()

    def test_import_of_an_unreadable_file(self):
        with self.assertRaisesText(UserError, "cannot be read"):
            self.import_marks(self.user_jury, b"PK\x03\x04 broken", "оценки.xlsx")

    # -- menus -----------------------------------------------------------------
    def test_menus_by_role(self):
        Menu = self.env["ir.ui.menu"]
        ref = self.env.ref
        jury_menus = {
            ref("vsms_regional.vsms_menu_root"),
            ref("vsms_regional.vsms_contest_menu_top"),
            ref("vsms_regional.vsms_contest_score_menu_mine"),
            ref("vsms_regional.vsms_contest_score_import_menu"),
        }
        staff_menus = {
            ref("vsms_regional.vsms_plan_menu_top"),
            ref("vsms_regional.vsms_governance_menu_top"),
            ref("vsms_regional.vsms_events_menu_top"),
            ref("vsms_regional.vsms_contacts_menu_top"),
            ref("vsms_regional.vsms_reporting_menu"),
            ref("vsms_regional.vsms_contest_menu"),
            ref("vsms_regional.vsms_contest_application_menu"),
            ref("vsms_regional.vsms_contest_application_menu_results"),
        }
        visible = Menu.with_user(self.user_jury)._visible_menu_ids()
        for menu in jury_menus:
            self.assertIn(menu.id, visible, menu.complete_name)
        for menu in staff_menus:
            self.assertNotIn(menu.id, visible, menu.complete_name)
        visible = Menu.with_user(self.user_staff)._visible_menu_ids()
        for menu in jury_menus | staff_menus:
            self.assertIn(menu.id, visible, menu.complete_name)
        visible = Menu.with_user(self.user_outsider)._visible_menu_ids()
        self.assertFalse({m.id for m in jury_menus | staff_menus} & set(visible))

    # -- contacts --------------------------------------------------------------
    def test_contact_shows_contests_to_staff_only(self):
        form = Form(self.tos_a.with_user(self.user_staff))
        self.assertEqual(form.vsms_contest_count, 1)
        self.assertEqual(form.vsms_contest_application_ids.ids, self.app_a.ids)
        # a colleague outside ВСМС opens the same contact without an error
        form = Form(self.tos_a.with_user(self.user_outsider))
        self.assertEqual(form.name, self.tos_a.name)
        with self.assertRaisesText(AssertionError, "was not found in the view"):
            self.assertFalse(form.vsms_contest_count)

    def test_contest_form_buttons_follow_the_lifecycle(self):
        form = Form(self.contest.with_user(self.user_staff))
        self.assertEqual(form.state, "judging")
        with self.assertRaisesText(UserError, "marks are missing"):
            self.contest.with_user(self.user_staff).action_done()

    @property
    def contest_apps(self):
        return self.app_a | self.app_b | self.app_c
