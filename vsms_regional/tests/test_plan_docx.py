"""Work plans in Word: the import wizard (preview, then create), the export
and the round trip on the shipped 2021 plan."""

import base64
import io

import docx

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..models.vsms_plan_item_docx import KEEP_SCHEDULE_ERRORS
from ..tools.guard import allowing
from ..tools.plan_docx import html_paragraphs, read_docx
from .common import VsmsCommon

YEAR = 2031
TITLE = "ПЛАН РАБОТЫ СМОЛЕНСКОГО РЕГИОНАЛЬНОГО ОТДЕЛЕНИЯ НА 2031 ГОД"
# The header of the 2021 plan: narrow columns, words broken by hyphens.
HEADER = [
    ["№", "п/п"],
    ["ОРИЕН-", "ТИРОВОЧ-", "НАЯ ДАТА", "ПРОВЕДЕ-", "НИЯ"],
    ["НАЗВАНИЕ", "МЕРОПРИЯТИЯ,", "МЕСТО ПРОВЕДЕНИЯ"],
    ["ПЛАНИРУЕМ-", "ОЕ", "КОЛИЧЕСТВО", "УЧАСТНИКОВ,", "КАТЕГОРИЯ"],
    ["ПРЕДВАРИТЕЛЬНАЯ ПРОГРАММА", "МЕРОПРИЯТИЯ"],
]
SECTION_1 = "Заседания руководящих органов Регионального отделения"
SECTION_2 = "Мероприятия РО"
UNKNOWN = "Общество любителей краеведения"


def make_docx(rows, title=TITLE, columns=5):
    """A .docx with ``title`` and one table: ``("section", name)`` rows are
    merged across the table, other rows are lists of cells (each a string
    or a list of paragraphs)."""
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=0, cols=columns)
    for row in rows:
        cells = table.add_row().cells
        if row and row[0] == "section":
            cells[0].merge(cells[-1]).text = row[1]
            continue
        for cell, value in zip(cells, row, strict=False):
            paragraphs = [value] if isinstance(value, str) else list(value)
            cell.text = paragraphs[0] if paragraphs else ""
            for text in paragraphs[1:]:
                cell.add_paragraph(text)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def fixture_rows():
    """The 2021 layout with everything real documents do."""
    return [
        HEADER,
        ("section", SECTION_1),
        ["", "", "", "", ""],  # spacer
        [
            "1.",
            ["июнь", "декабрь"],
            ["Заседания Смоленского", "Регионального совета"],
            ["Президиум РС ВСМС", "5 человек", "члены РО ВСМС", "62 человек"],
            ["Обсуждение работы в 2030 году", "Подведение итогов"],
        ],
        [
            "2.",
            ["март", "июнь", "сентябрь", "декабрь"],
            "Заседания Президиума",
            ["Президиум РС ВСМС", "5 человек"],
            "Обсуждение работы",
        ],
        HEADER,  # repeated on the next page
        ("section", SECTION_2),
        [
            "3.",
            "шмарт",
            [
                "Олимпиада по основам местного самоуправления",
                "Место проведения: г. Смоленск",
            ],
            [
                "члены РО ВСМС",
                "Соорганизаторы: комитет по местному самоуправлению администрации "
                "города Смоленска; " + UNKNOWN,
            ],
            "Олимпиада для учащихся 10-11-х классов",
        ],
        ["", "", "", "", ""],
        ["4.", ["май –", "сентябрь"], "Выборы депутатов", "члены РО ВСМС", ""],
    ]


class PlanDocxCommon(VsmsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Wizard = cls.env["vsms.plan.import.wizard"]
        cls.kmsu = cls.env.ref("vsms_regional.partner_kmsu_smolensk")
        cls.plan_2021 = cls.env.ref("vsms_regional.vsms_plan_2021")

    def wizard(self, content, year=YEAR, user=None, filename="план.docx", **vals):
        return self.Wizard.with_user(user or self.user_staff).create(
            {
                "file": base64.b64encode(content),
                "filename": filename,
                "year": year,
            }
            | vals
        )

    def plans(self, year=YEAR):
        return self.Plan.search([("year", "=", year)])


@tagged("post_install", "-at_install")
class TestPlanDocxImport(PlanDocxCommon):
    def test_preview_lists_everything_and_saves_nothing(self):
        wizard = self.wizard(make_docx(fixture_rows()))
        partners = self.env["res.partner"].search_count([])
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertEqual(wizard.plan_name, TITLE)
        self.assertEqual(
            (wizard.section_count, wizard.item_count, wizard.occurrence_count),
            (2, 4, 2 + 4 + 1),
        )
        self.assertEqual(wizard.blocking_count, 0)
        self.assertEqual(
            [(line.kind, line.number, line.name) for line in wizard.line_ids],
            [
                ("section", 0, SECTION_1),
                ("item", 1, "Заседания Смоленского Регионального совета"),
                ("item", 2, "Заседания Президиума"),
                ("section", 0, SECTION_2),
                ("item", 3, "Олимпиада по основам местного самоуправления"),
                ("item", 4, "Выборы депутатов"),
            ],
        )
        first, _second, olympiad, elections = wizard.line_ids.filtered(
            lambda line: line.kind == "item"
        )
        self.assertEqual(first.schedule_text, "июнь, декабрь")
        self.assertEqual(first.occurrences, f"Июнь {YEAR}, Декабрь {YEAR}")
        self.assertEqual(first.participants_planned, 62)
        self.assertEqual(
            first.participants_note,
            "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек",
        )
        self.assertEqual(first.section_name, SECTION_1)
        self.assertFalse(first.problems)
        self.assertEqual(elections.schedule_text, "май – сентябрь")
        # the bad schedule and the unknown organisation are shown, row by row
        self.assertEqual(olympiad.venue, "г. Смоленск")
        self.assertIn("«шмарт»", olympiad.schedule_error)
        self.assertEqual(olympiad.occurrence_count, 0)
        self.assertEqual(olympiad.partner_ids, self.kmsu)
        self.assertEqual(olympiad.unknown_organisations, UNKNOWN)
        self.assertIn("шмарт", olympiad.problems)
        self.assertIn(f"«{UNKNOWN}»", olympiad.problems)
        self.assertEqual(wizard.problem_count, 2)
        self.assertIn("Row 8:", wizard.problems)
        # nothing saved yet
        self.assertFalse(self.plans())
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_confirm_creates_the_plan(self):
        wizard = self.wizard(make_docx(fixture_rows()))
        wizard.action_preview()
        action = wizard.action_confirm()
        plan = self.plans()
        self.assertEqual(action["res_id"], plan.id)
        self.assertRecordValues(
            plan, [{"name": TITLE, "year": YEAR, "state": "draft", "item_count": 4}]
        )
        self.assertEqual(
            plan.section_ids.sorted("sequence").mapped("name"), [SECTION_1, SECTION_2]
        )
        items = plan.item_ids.sorted("number")
        self.assertRecordValues(
            items,
            [
                {
                    "number": 1,
                    "section_id": plan.section_ids[0].id,
                    "name": "Заседания Смоленского Регионального совета",
                    "schedule_text": "июнь, декабрь",
                    "participants_planned": 62,
                    "schedule_error": False,
                    "occurrence_count": 2,
                },
                {
                    "number": 2,
                    "section_id": plan.section_ids[0].id,
                    "name": "Заседания Президиума",
                    "schedule_text": "март, июнь, сентябрь, декабрь",
                    "participants_planned": 5,
                    "schedule_error": False,
                    "occurrence_count": 4,
                },
                {
                    "number": 3,
                    "section_id": plan.section_ids[1].id,
                    "name": "Олимпиада по основам местного самоуправления",
                    "schedule_text": "шмарт",
                    "participants_planned": 0,
                    "schedule_error": items[2].schedule_error,
                    "occurrence_count": 0,
                },
                {
                    "number": 4,
                    "section_id": plan.section_ids[1].id,
                    "name": "Выборы депутатов",
                    "schedule_text": "май – сентябрь",
                    "participants_planned": 0,
                    "schedule_error": False,
                    "occurrence_count": 1,
                },
            ],
        )
        olympiad = items[2]
        self.assertIn("«шмарт»", olympiad.schedule_error)
        self.assertEqual(olympiad.venue, "г. Смоленск")
        self.assertEqual(olympiad.partner_ids, self.kmsu)
        self.assertEqual(
            html_paragraphs(items[0].description),
            ["Обсуждение работы в 2030 году", "Подведение итогов"],
        )
        self.assertEqual(
            items[0].occurrence_ids.mapped("name"), [f"Июнь {YEAR}", f"Декабрь {YEAR}"]
        )
        self.assertIn("Imported from «план.docx»", plan.message_ids[0].body)
        # the unknown organisation was not created
        self.assertFalse(self.env["res.partner"].search([("name", "=", UNKNOWN)]))

        # a plan with a schedule not understood cannot be approved ...
        with self.assertRaisesText(UserError, "«шмарт»"):
            plan.with_user(self.user_manager).action_approve()
        # ... until the schedule is corrected, which clears the error
        olympiad.with_user(self.user_staff).schedule_text = "апрель"
        self.assertFalse(olympiad.schedule_error)
        self.assertEqual(olympiad.occurrence_count, 1)
        plan.with_user(self.user_manager).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_bad_schedule_still_refused_outside_the_import(self):
        with self.assertRaisesText(Exception, "шмарт"):
            self.make_item(schedule_text="шмарт")

    def test_create_missing_organisations(self):
        wizard = self.wizard(make_docx(fixture_rows()), create_partners=True)
        wizard.action_preview()
        self.assertIn("will be created", wizard.problems)
        wizard.action_confirm()
        created = self.env["res.partner"].search([("name", "=", UNKNOWN)])
        self.assertTrue(created.is_company)
        olympiad = self.plans().item_ids.filtered(lambda item: item.number == 3)
        self.assertEqual(olympiad.partner_ids, self.kmsu | created)

    def test_organisation_names_compared_loosely(self):
        partner = self.env.ref("vsms_regional.partner_poisk_dolg")
        self.assertEqual(partner.name, "СОО «Поисковое объединение «Долг»»")
        rows = [
            HEADER,
            [
                "1",
                "весь период",
                "Поисковая работа",
                ["члены", 'Соорганизаторы: соо "поисковое объединение долг"'],
                "",
            ],
        ]
        wizard = self.wizard(make_docx(rows))
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.partner_ids, partner)
        self.assertFalse(wizard.problems)
        # a second contact of that name: which one is meant is not guessed
        self.env["res.partner"].create({"name": "СОО Поисковое объединение Долг"})
        self.env["res.partner"].create(
            {"name": "Соо «Поисковое Объединение «Долг»»", "is_company": True}
        )
        wizard.action_preview()
        self.assertFalse(wizard.line_ids.partner_ids)
        self.assertIn("matches several contacts", wizard.problems)

    def test_blocking_problems(self):
        rows = [
            HEADER,
            ["1", "март", "Первое", "", ""],
            ["1", "апрель", "Второе", "", ""],
            ["", "май", "Без номера", "", ""],
        ]
        wizard = self.wizard(make_docx(rows))
        wizard.action_preview()
        self.assertEqual(wizard.blocking_count, 1)
        self.assertIn("Row 3: № 1 is already used in row 2.", wizard.problems)
        self.assertIn("Row 4 has no item number; the item gets № 2.", wizard.problems)
        with self.assertRaisesText(UserError, "№ 1 is already used in row 2"):
            wizard.action_confirm()
        self.assertFalse(self.plans())

    def test_title_of_another_year(self):
        wizard = self.wizard(make_docx(fixture_rows()), year=2032)
        wizard.action_preview()
        self.assertIn(
            "names the year 2031, but the plan is imported for 2032", wizard.problems
        )

    def test_back_to_upload(self):
        wizard = self.wizard(make_docx(fixture_rows()))
        wizard.action_preview()
        wizard.action_back()
        self.assertEqual(wizard.state, "upload")
        self.assertFalse(wizard.line_ids)

    def test_queries_do_not_grow_with_items(self):
        """Preview and creation read and write in batches: 40 items cost
        no more queries than 5."""

        def rows(count):
            return [HEADER, ("section", SECTION_1)] + [
                [
                    str(number),
                    "март, июнь",
                    f"Мероприятие {number}",
                    ["члены РО ВСМС", "5 человек", f"Соорганизаторы: {self.kmsu.name}"],
                    "Программа",
                ]
                for number in range(1, count + 1)
            ]

        counts = {}
        for count, year in ((5, 2051), (5, 2052), (40, 2053)):
            wizard = self.wizard(make_docx(rows(count)), year=year)
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            wizard.action_preview()
            self.env.flush_all()
            middle = self.cr.sql_log_count
            wizard.action_confirm()
            self.env.flush_all()
            counts[year] = (middle - start, self.cr.sql_log_count - middle)
            self.assertEqual(len(self.plans(year).occurrence_ids), 2 * count)
        # the first run warms the caches up; compare the other two
        (preview_5, confirm_5), (preview_40, confirm_40) = counts[2052], counts[2053]
        self.assertLessEqual(preview_40, preview_5 + 5)
        self.assertLessEqual(confirm_40, confirm_5 + 5)

    # ------------------------------------------------------------------
    # Bad input: a clear error naming the value, nothing saved
    # ------------------------------------------------------------------
    def test_not_a_docx(self):
        for content, filename in (
            (b"%PDF-1.4 a scanned plan", "план.pdf"),
            (b"\xd0\xcf\x11\xe0 an old Word file", "план.doc"),
            (b"", "пусто.docx"),
        ):
            with self.subTest(filename=filename):
                wizard = self.wizard(content or b" ", filename=filename)
                with self.assertRaisesText(UserError, f"«{filename}» is not a Word"):
                    wizard.action_preview()
                with self.assertRaisesText(UserError, f"«{filename}» is not a Word"):
                    wizard.action_confirm()
        self.assertFalse(self.plans())

    def test_table_without_the_columns(self):
        rows = [
            ["№ п/п", "Название мероприятия", "Участники", "Программа"],
            ["1", "Семинар", "", ""],
        ]
        wizard = self.wizard(make_docx(rows, columns=4))
        with self.assertRaisesText(UserError, "has no column «date»") as caught:
            wizard.action_preview()
        self.assertIn(
            "«№ п/п | Название мероприятия | Участники | Программа»",
            str(caught.exception),
        )
        rows = [["Дата", "Событие"], ["март", "Семинар"]]
        wizard = self.wizard(make_docx(rows, columns=2), filename="список.docx")
        with self.assertRaisesText(
            UserError, "«список.docx» has no plan table"
        ) as caught:
            wizard.action_confirm()
        self.assertIn("«Дата | Событие»", str(caught.exception))
        document = docx.Document()
        document.add_paragraph("План без таблицы")
        stream = io.BytesIO()
        document.save(stream)
        wizard = self.wizard(stream.getvalue(), filename="текст.docx")
        with self.assertRaisesText(UserError, "«текст.docx» has no table"):
            wizard.action_preview()
        self.assertFalse(self.plans())

    def test_year_that_already_has_a_plan(self):
        wizard = self.wizard(make_docx(fixture_rows()), year=2030)
        with self.assertRaisesText(
            UserError,
            "There is already a work plan for 2030: «План работы на 2030 год»",
        ):
            wizard.action_preview()
        # a plan made for the year between the preview and the confirmation
        wizard = self.wizard(make_docx(fixture_rows()))
        wizard.action_preview()
        self.Plan.create({"name": "Другой план", "year": YEAR})
        with self.assertRaisesText(UserError, f"work plan for {YEAR}: «Другой план»"):
            wizard.action_confirm()
        self.assertEqual(self.plans().mapped("name"), ["Другой план"])

    def test_errors_in_russian(self):
        wizard = self.wizard(b"%PDF-1.4", filename="план.pdf").with_context(
            lang="ru_RU"
        )
        with self.assertRaisesText(UserError, "«план.pdf» — не документ Word (.docx)"):
            wizard.action_preview()
        wizard = self.wizard(make_docx(fixture_rows()), year=2030)
        with self.assertRaisesText(UserError, "План работы на 2030 год уже есть"):
            wizard.with_context(lang="ru_RU").action_preview()

    def test_year_out_of_range(self):
        wizard = self.wizard(make_docx(fixture_rows()), year=31)
        with self.assertRaisesText(UserError, "not 31"):
            wizard.action_preview()

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def test_staff_and_manager_may_import(self):
        for user, year in ((self.user_staff, 2041), (self.user_manager, 2042)):
            with self.subTest(user=user.login):
                wizard = self.wizard(
                    make_docx(fixture_rows(), title=""), year=year, user=user
                )
                wizard.action_preview()
                wizard.action_confirm()
                self.assertEqual(len(self.plans(year).item_ids), 4)

    def test_others_may_not_import(self):
        portal = new_test_user(
            self.env, login="vsms_portal", groups="base.group_portal"
        )
        content = make_docx(fixture_rows())
        for user in (self.user_jury, self.user_outsider, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.wizard(content, user=user)
        # nor use a wizard someone else made
        wizard = self.wizard(content)
        for user in (self.user_jury, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard.with_user(user).action_preview()
        self.assertFalse(self.plans())


@tagged("post_install", "-at_install")
class TestPlanDocxExport(PlanDocxCommon):
    def test_export_layout(self):
        filename, content = self.plan_2021.with_user(
            self.user_staff
        )._vsms_export_docx()
        self.assertEqual(filename, "Work plan 2021.docx")
        document = docx.Document(io.BytesIO(content))
        section = document.sections[0]
        self.assertGreater(section.page_width, section.page_height)
        title, tables = read_docx(content)
        self.assertEqual(title, self.plan_2021.name)
        (table,) = tables
        # the header, 6 section rows merged across, 14 items
        self.assertEqual(len(table), 1 + 6 + 14)
        merged = [row for row in table[1:] if len({str(cell) for cell in row}) == 1]
        self.assertEqual(len(merged), 6)
        self.assertIn("ОРИЕНТИРОВОЧНАЯ ДАТА", table[0][1][0])
        self.assertEqual(table[2][0], ["1"])
        self.assertEqual(table[2][1], ["июнь, декабрь"])
        action = self.plan_2021.with_user(self.user_staff).action_export_docx()
        self.assertEqual(action["url"], f"/vsms/plan/{self.plan_2021.id}/docx")

    def test_round_trip_of_a_plan_drafted_in_odoo(self):
        """Items without a section, line breaks in the programme, a planned
        number the note does not give, a schedule not understood."""
        plan = self.Plan.create({"name": "План работы на 2033 год", "year": 2033})
        section = self.Section.create({"plan_id": plan.id, "name": "Мероприятия"})
        with allowing(KEEP_SCHEDULE_ERRORS):
            self.Item.create(
                [
                    {
                        "plan_id": plan.id,
                        "number": 1,
                        "name": "Без раздела",
                        "schedule_text": "ежеквартально",
                        "participants_planned": 40,
                        "participants_note": "члены РО ВСМС",
                        "description": "<p>Строка 1<br>Строка 2</p>"
                        "<p>Абзац &lt;2&gt;</p>",
                    },
                    {
                        "plan_id": plan.id,
                        "section_id": section.id,
                        "number": 5,
                        "name": "Семинар-совещание",
                        "venue": "г. Вязьма",
                        "schedule_text": "шмарт",
                        "partner_ids": [(6, 0, self.kmsu.ids)],
                    },
                ]
            )
        _filename, content = plan.with_user(self.user_staff)._vsms_export_docx()
        wizard = self.wizard(content, year=2034)
        wizard.action_preview()
        self.assertEqual(wizard.problem_count, 2)  # the year, the schedule
        wizard.action_confirm()
        copy = self.plans(2034)
        self.assertEqual(copy.name, plan.name)
        fields = [
            "number",
            "name",
            "venue",
            "schedule_text",
            "participants_planned",
            "participants_note",
            "occurrence_count",
        ]
        for got, want in zip(
            copy.item_ids.sorted("number"), plan.item_ids.sorted("number"), strict=True
        ):
            self.assertEqual(
                got.read(fields)[0] | {"id": 0}, want.read(fields)[0] | {"id": 0}
            )
            self.assertEqual(got.section_id.name, want.section_id.name)
            self.assertEqual(got.partner_ids, want.partner_ids)
            self.assertEqual(
                html_paragraphs(got.description), html_paragraphs(want.description)
            )
            self.assertEqual(bool(got.schedule_error), bool(want.schedule_error))
        self.assertEqual(
            html_paragraphs(copy.item_ids[0].description),
            ["Строка 1\nСтрока 2", "Абзац <2>"],
        )

    def test_round_trip_2021(self):
        """Export the shipped 2021 plan, import it for another branch: the
        same plan."""
        other = self.env["res.company"].create({"name": "Другое отделение"})
        self.user_staff.company_ids |= other
        filename, content = self.plan_2021.with_user(
            self.user_staff
        )._vsms_export_docx()
        wizard = self.wizard(content, year=2021, company_id=other.id, filename=filename)
        wizard.action_preview()
        self.assertFalse(wizard.problems)
        wizard.action_confirm()
        copy = self.Plan.search([("year", "=", 2021), ("company_id", "=", other.id)])
        original = self.plan_2021
        self.assertEqual(copy.name, original.name)
        self.assertEqual(copy.state, "draft")

        def sections(plan):
            return plan.section_ids.sorted(lambda s: (s.sequence, s.id)).mapped("name")

        self.assertEqual(sections(copy), sections(original))
        self.assertEqual(len(sections(copy)), 6)

        def items(plan):
            return [
                {
                    "number": item.number,
                    "section": item.section_id.name,
                    "name": item.name,
                    "venue": item.venue or False,
                    "schedule_text": item.schedule_text,
                    "participants_planned": item.participants_planned,
                    "participants_note": item.participants_note or False,
                    "programme": html_paragraphs(item.description),
                    "partners": item.partner_ids.sorted("id").ids,
                    "occurrences": [
                        (occ.name, occ.date_start, occ.date_end, occ.kind)
                        for occ in item.occurrence_ids.sorted("date_start")
                    ],
                }
                for item in plan.item_ids.sorted("number")
            ]

        expected = items(original)
        self.assertEqual(len(expected), 14)
        self.assertTrue(any(item["partners"] for item in expected))
        self.assertTrue(any(item["venue"] for item in expected))
        for got, want in zip(items(copy), expected, strict=True):
            with self.subTest(number=want["number"]):
                self.assertEqual(got, want)


@tagged("post_install", "-at_install")
class TestPlanDocxTour(HttpCase):
    def test_preview_and_export_button_in_the_browser(self):
        user = new_test_user(
            self.env, login="docx_tour_user", groups="vsms_regional.group_vsms_user"
        )
        wizard = (
            self.env["vsms.plan.import.wizard"]
            .with_user(user)
            .create(
                {
                    "file": base64.b64encode(make_docx(fixture_rows())),
                    "filename": "план.docx",
                    "year": YEAR,
                }
            )
        )
        wizard.action_preview()
        self.start_tour(
            f"/odoo/vsms.plan.import.wizard/{wizard.id}",
            "vsms_plan_docx_preview_tour",
            login="docx_tour_user",
        )
        wizard.action_confirm()
        plan = self.env["vsms.plan"].search([("year", "=", YEAR)])
        self.assertEqual(len(plan.item_ids), 4)
        self.start_tour(
            f"/odoo/vsms.plan/{plan.id}",
            "vsms_plan_docx_export_tour",
            login="docx_tour_user",
        )


@tagged("post_install", "-at_install")
class TestPlanDocxDownload(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env.ref("vsms_regional.vsms_plan_2021")
        cls.url = f"/vsms/plan/{cls.plan.id}/docx"
        for login, groups in (
            ("docx_staff", "vsms_regional.group_vsms_user"),
            ("docx_manager", "vsms_regional.group_vsms_manager"),
            ("docx_jury", "vsms_regional.group_vsms_jury"),
            ("docx_outsider", "base.group_user"),
            ("docx_portal", "base.group_portal"),
        ):
            new_test_user(cls.env, login=login, groups=groups)

    def test_staff_download(self):
        for login in ("docx_staff", "docx_manager"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(self.url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("wordprocessingml", response.headers["Content-Type"])
                self.assertIn(".docx", response.headers["Content-Disposition"])
                title, _tables = read_docx(response.content)
                self.assertEqual(title, self.plan.name)

    def test_others_get_nothing(self):
        for login in ("docx_jury", "docx_outsider", "docx_portal"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(self.url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("wordprocessingml", response.headers["Content-Type"])
        self.authenticate("docx_staff", "docx_staff")
        self.assertEqual(self.url_open("/vsms/plan/999999/docx").status_code, 404)
