"""Reading a plan's Word table into sections, items and problems, and the
python-docx glue, without a database."""

from odoo.tests import BaseCase, tagged

from ..tools.plan_docx import (
    HEADERS,
    Continued,
    PlanDocxError,
    column_role,
    html_paragraphs,
    inline_counts,
    join_lines,
    join_schedule,
    paragraphs_html,
    parse_count,
    parse_number,
    parse_participants,
    parse_plan_rows,
    participants_paragraphs,
    read_docx,
    write_plan_docx,
)

# The header of the 2021 plan as its narrow columns wrap it.
HEADER_2021 = [
    ["№", "п/п"],
    ["ОРИЕН-", "ТИРОВОЧ-", "НАЯ ДАТА", "ПРОВЕДЕ-", "НИЯ", "МЕРОПРИ-", "ЯТИЯ"],
    ["НАЗВАНИЕ", "МЕРОПРИЯТИЯ,", "МЕСТО ПРОВЕДЕНИЯ", "МЕРОПРИЯТИЯ (регион,", "город)"],
    ["ПЛАНИРУЕМ-", "ОЕ", "КОЛИЧЕСТВО", "УЧАСТНИКОВ,", "КАТЕГОРИЯ", "УЧАСТНИКОВ"],
    ["ПРЕДВАРИТЕЛЬНАЯ ПРОГРАММА МЕРОПРИЯТИЯ,", "КРАТКОЕ ОПИСАНИЕ"],
]
SECTION_1 = "Заседания руководящих органов Регионального отделения"
SECTION_2 = "Мероприятия РО, запланированные на 2021 год"


def item_row(number, schedule, name, participants="", programme=""):
    return [[number], schedule, name, participants, programme]


@tagged("post_install", "-at_install")
class TestPlanDocxText(BaseCase):
    def test_header_roles_with_hyphens(self):
        roles = [column_role(" ".join(cell)) for cell in HEADER_2021]
        self.assertEqual(
            roles, ["number", "schedule", "name", "participants", "programme"]
        )
        self.assertEqual(
            [column_role(HEADERS[c]) for c in HEADERS],
            ["number", "schedule", "name", "participants", "programme"],
        )
        self.assertEqual(column_role("Место проведения"), "venue")
        self.assertEqual(column_role("Ответственный"), "responsible")
        self.assertIsNone(column_role("Примечание"))
        # «ПП» inside a word is not the № column
        self.assertNotEqual(column_role("Группы участников"), "number")

    def test_join_lines_dehyphenates_capitals_only(self):
        self.assertEqual(
            join_lines(["ОРИЕН-", "ТИРОВОЧ-", "НАЯ ДАТА"]), "ОРИЕНТИРОВОЧНАЯ ДАТА"
        )
        # a compound word broken at its hyphen keeps it
        self.assertEqual(
            join_lines(["Организация семинара- ", "совещания Смоленского РО"]),
            "Организация семинара-совещания Смоленского РО",
        )
        self.assertEqual(
            join_lines(["Заседания  Смоленского", "", "Регионального\u00a0совета"]),
            "Заседания Смоленского Регионального совета",
        )
        self.assertEqual(join_lines(["само\u00adуправление"]), "самоуправление")

    def test_numbers(self):
        self.assertEqual(parse_number("1."), 1)
        self.assertEqual(parse_number(" 12 "), 12)
        self.assertEqual(parse_number("3)"), 3)
        self.assertIsNone(parse_number("1.1"))
        self.assertIsNone(parse_number("I"))
        self.assertIsNone(parse_number(""))

    def test_counts(self):
        self.assertEqual(parse_count("62 человек"), 62)
        self.assertEqual(parse_count("5 человек"), 5)
        self.assertEqual(parse_count("5 чел."), 5)
        self.assertEqual(parse_count("до 100 участников"), 100)
        self.assertEqual(parse_count("1 000 человек"), 1000)
        self.assertEqual(parse_count("40"), 40)
        self.assertIsNone(parse_count("члены РО ВСМС"))
        self.assertIsNone(parse_count("10-11 классы"))
        self.assertEqual(
            inline_counts("Президиум — 5 человек; члены РО ВСМС — 62 человек"),
            [5, 62],
        )

    def test_participants_categories_and_counts(self):
        planned, note, organisations = parse_participants(
            ["Президиум РС", "ВСМС", "5 человек", "члены РО ВСМС", "62 человек"]
        )
        self.assertEqual(planned, 62)
        self.assertEqual(
            note, "Президиум РС, ВСМС — 5 человек; члены РО ВСМС — 62 человек"
        )
        self.assertEqual(organisations, [])
        # soft line breaks inside one paragraph are one phrase
        planned, note, _orgs = parse_participants(
            ["Президиум РС\nВСМС", "5 человек", "члены РО ВСМС", "62 человек"]
        )
        self.assertEqual(
            note, "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек"
        )
        # the note as the export writes it reads back the same
        self.assertEqual(parse_participants([note]), (62, note, []))
        self.assertEqual(parse_participants(""), (0, "", []))

    def test_participants_leading_count(self):
        """A count written alone first is the planned number, not a
        category: what the export writes when the note does not give it."""
        self.assertEqual(
            parse_participants(["40 человек", "члены РО ВСМС"]),
            (40, "члены РО ВСМС", []),
        )
        self.assertEqual(parse_participants(["5 человек"]), (5, "", []))
        for planned, note in (
            (40, "члены РО ВСМС"),
            (3, "члены РО ВСМС — 62 человек"),
            (0, "члены РО ВСМС — 62 человек"),
            (62, "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек"),
            (7, ""),
            (0, ""),
        ):
            with self.subTest(planned=planned, note=note):
                paragraphs = participants_paragraphs(planned, note)
                self.assertEqual(parse_participants(paragraphs), (planned, note, []))
        self.assertEqual(
            participants_paragraphs(62, "члены РО ВСМС — 62 человек"),
            ["члены РО ВСМС — 62 человек"],
        )

    def test_participants_organisations(self):
        planned, note, organisations = parse_participants(
            [
                "члены РО ВСМС",
                "Соорганизаторы: Избирательная комиссия Смоленской области; "
                "Комитет по местному самоуправлению",
                "СОО «Поисковое объединение «Долг»»",
            ]
        )
        self.assertEqual((planned, note), (0, "члены РО ВСМС"))
        self.assertEqual(
            organisations,
            [
                "Избирательная комиссия Смоленской области",
                "Комитет по местному самоуправлению",
                "СОО «Поисковое объединение «Долг»»",
            ],
        )
        # «совместно с …» without a colon is a category as written
        self.assertEqual(
            parse_participants(["члены РО ВСМС совместно с Комитетом"])[1:],
            ("члены РО ВСМС совместно с Комитетом", []),
        )

    def test_schedule_lines(self):
        self.assertEqual(join_schedule(["июнь", "декабрь"]), "июнь, декабрь")
        self.assertEqual(join_schedule(["май –", "сентябрь"]), "май – сентябрь")
        self.assertEqual(join_schedule(["с 1", "по 15 мая"]), "с 1 по 15 мая")
        self.assertEqual(join_schedule(["весь период"]), "весь период")
        self.assertEqual(join_schedule([]), "")

        def parses(text):
            return text in ("II полугодие", "июнь, декабрь")

        self.assertEqual(join_schedule(["II", "полугодие"], parses), "II полугодие")
        self.assertEqual(join_schedule(["июнь", "декабрь"], parses), "июнь, декабрь")
        # neither reads: the lines as written, with commas
        self.assertEqual(join_schedule(["шмарт", "июнь"], parses), "шмарт, июнь")

    def test_html_paragraphs(self):
        self.assertEqual(
            html_paragraphs("<p>Первый  абзац</p>\n<p>Второй<br>строка</p>"),
            ["Первый абзац", "Второй\nстрока"],
        )
        self.assertEqual(
            html_paragraphs("<ul><li>один</li><li>два</li></ul>"), ["один", "два"]
        )
        self.assertEqual(html_paragraphs("просто текст"), ["просто текст"])
        self.assertEqual(html_paragraphs(False), [])
        self.assertEqual(
            paragraphs_html(["a < b", "c\nd"]), "<p>a &lt; b</p><p>c<br>d</p>"
        )
        self.assertEqual(
            html_paragraphs(paragraphs_html(["a < b", "c\nd"])), ["a < b", "c\nd"]
        )


@tagged("post_install", "-at_install")
class TestPlanDocxRows(BaseCase):
    def parse(self, rows, title="ПЛАН РАБОТЫ НА 2021 ГОД"):
        return parse_plan_rows([rows], title)

    def test_2021_layout(self):
        """Merged section rows, a hyphenated header repeated on the next
        page, spacer rows, «1.» numbering and «62 человек»."""
        plan = self.parse(
            [
                HEADER_2021,
                [SECTION_1] * 5,  # merged across the table
                ["", "", "", "", ""],
                item_row(
                    "1.",
                    ["июнь", "декабрь"],
                    ["Заседания Смоленского", "Регионального совета"],
                    ["Президиум РС ВСМС", "5 человек", "члены РО ВСМС", "62 человек"],
                    ["Обсуждение работы", "Подведение итогов"],
                ),
                HEADER_2021,  # the next page
                ["", SECTION_2, "", "", ""],  # in one cell, not merged
                item_row("2.", ["весь период"], ["Участие в мероприятиях"]),
            ]
        )
        self.assertEqual(plan.title_year, 2021)
        self.assertEqual(plan.sections, [SECTION_1, SECTION_2])
        self.assertEqual(plan.problems, [])
        first, second = plan.items
        self.assertEqual(
            (first.number, first.section, first.name),
            (1, 0, "Заседания Смоленского Регионального совета"),
        )
        self.assertEqual(first.schedule_lines, ["июнь", "декабрь"])
        self.assertEqual(first.participants_planned, 62)
        self.assertEqual(
            first.participants_note,
            "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек",
        )
        self.assertEqual(first.programme, ["Обсуждение работы", "Подведение итогов"])
        self.assertEqual((second.number, second.section), (2, 1))
        self.assertEqual(first.row, 4)
        self.assertEqual(second.row, 7)

    def test_column_numbers_row_and_title_in_table(self):
        plan = self.parse(
            [
                ["ПЛАН РАБОТЫ НА 2022 ГОД"] * 5,
                HEADER_2021,
                ["1", "2", "3", "4", "5"],
                item_row("1", "март", "Семинар"),
            ],
            title="",
        )
        self.assertEqual(plan.title, "ПЛАН РАБОТЫ НА 2022 ГОД")
        self.assertEqual(plan.title_year, 2022)
        self.assertEqual(plan.sections, [])
        self.assertEqual([item.name for item in plan.items], ["Семинар"])
        self.assertIsNone(plan.items[0].section)

    def test_venue_paragraph_and_column(self):
        plan = self.parse(
            [
                HEADER_2021,
                item_row("1", "апрель", ["Олимпиада", "Место проведения: г. Смоленск"]),
            ]
        )
        self.assertEqual(
            (plan.items[0].name, plan.items[0].venue), ("Олимпиада", "г. Смоленск")
        )
        plan = parse_plan_rows(
            [
                [
                    ["№", "Срок", "Мероприятие", "Место проведения", "Участники"],
                    ["1", "апрель", "Олимпиада", "г. Смоленск", "40 человек"],
                ]
            ]
        )
        item = plan.items[0]
        self.assertEqual((item.venue, item.participants_planned), ("г. Смоленск", 40))
        self.assertEqual(item.programme, [])

    def test_numbering_problems(self):
        plan = self.parse(
            [
                HEADER_2021,
                item_row("1.", "март", "Первое"),
                item_row("", "апрель", "Без номера"),
                item_row("2а", "май", "Кривой номер"),
                item_row("3", "июнь", "Повтор"),
                item_row("4", "июль", ""),
            ]
        )
        self.assertEqual([item.number for item in plan.items], [1, 2, 3, 3, 4])
        self.assertEqual(
            [(p.row, p.code, p.value, p.blocking) for p in plan.problems],
            [
                (3, "no_number", "", False),
                (4, "number", "2а", False),
                (5, "duplicate", "3:4", True),
                (6, "no_name", "4", True),
            ],
        )

    def test_numbered_and_roman_sections(self):
        plan = self.parse(
            [
                HEADER_2021,
                ["I", SECTION_1, SECTION_1, SECTION_1, SECTION_1],
                item_row("1", "март", "Заседание"),
                ["2."] + [SECTION_2] * 4,
                item_row("2", "апрель", "Олимпиада"),
            ]
        )
        self.assertEqual(plan.sections, [SECTION_1, f"2. {SECTION_2}"])
        self.assertEqual([item.section for item in plan.items], [0, 1])

    def test_item_over_rows_merged_vertically(self):
        """An item whose №, date and event cells span two rows, one row per
        category of participants (as in item 1 of the 2021 plan)."""
        plan = self.parse(
            [
                HEADER_2021,
                item_row(
                    "1.",
                    ["июнь", "декабрь"],
                    "Заседания совета",
                    ["Президиум РС ВСМС", "5 человек"],
                    "Обсуждение",
                ),
                [
                    Continued(["1."]),
                    Continued(["июнь", "декабрь"]),
                    Continued(["Заседания совета"]),
                    ["члены РО ВСМС", "62 человек"],
                    ["Подведение итогов"],
                ],
                item_row("2.", "март", "Второе"),
            ]
        )
        self.assertEqual(plan.problems, [])
        first, second = plan.items
        self.assertEqual(first.schedule_lines, ["июнь", "декабрь"])
        self.assertEqual(first.name, "Заседания совета")
        self.assertEqual(
            (first.participants_planned, first.participants_note),
            (62, "Президиум РС ВСМС — 5 человек; члены РО ВСМС — 62 человек"),
        )
        self.assertEqual(first.programme, ["Обсуждение", "Подведение итогов"])
        self.assertEqual((second.number, second.row), (2, 4))

    def test_tables_continue_and_others_are_skipped(self):
        page_1 = [HEADER_2021, item_row("1", "март", "Первое")]
        page_2 = [item_row("2", "апрель", "Второе")]  # same columns, no header
        signatures = [["Председатель", "Иванов И. П."]]
        plan = parse_plan_rows([page_1, page_2, signatures])
        self.assertEqual([item.number for item in plan.items], [1, 2])
        self.assertEqual(
            [(p.code, p.value, p.blocking) for p in plan.problems],
            [("table", "3", False)],
        )

    def test_no_plan_table(self):
        with self.assertRaises(PlanDocxError) as caught:
            parse_plan_rows([[["Дата", "Событие"], ["март", "Семинар"]]])
        self.assertEqual(caught.exception.reason, "table")
        self.assertEqual(caught.exception.value, "Дата | Событие")
        with self.assertRaises(PlanDocxError) as caught:
            parse_plan_rows([])
        self.assertEqual(
            (caught.exception.reason, caught.exception.value), ("table", "")
        )

    def test_missing_required_column(self):
        with self.assertRaises(PlanDocxError) as caught:
            parse_plan_rows(
                [[["№ п/п", "Название мероприятия", "Участники", "Программа"]]]
            )
        error = caught.exception
        self.assertEqual(error.reason, "columns")
        self.assertEqual(error.value, ["schedule"])
        self.assertEqual(
            error.found, "№ п/п | Название мероприятия | Участники | Программа"
        )


@tagged("post_install", "-at_install")
class TestPlanDocxFile(BaseCase):
    def test_write_then_read(self):
        content = write_plan_docx(
            "План работы на 2021 год",
            [
                (
                    "item",
                    {
                        "number": ["1"],
                        "schedule": ["весь период"],
                        "name": ["Без раздела"],
                    },
                ),
                ("section", SECTION_1),
                (
                    "item",
                    {
                        "number": ["2"],
                        "schedule": ["июнь, декабрь"],
                        "name": ["Заседания", "Место проведения: г. Смоленск"],
                        "participants": ["члены РО ВСМС — 62 человек"],
                        "programme": ["Первый", "Второй\nс переносом"],
                    },
                ),
            ],
        )
        title, tables = read_docx(content)
        self.assertEqual(title, "План работы на 2021 год")
        self.assertEqual(len(tables), 1)
        # the section row is merged: one cell repeated over the grid
        self.assertEqual(tables[0][2], [[SECTION_1]] * 5)
        plan = parse_plan_rows(tables, title)
        self.assertEqual(plan.sections, [SECTION_1])
        self.assertEqual(plan.problems, [])
        first, second = plan.items
        self.assertIsNone(first.section)
        self.assertEqual((second.name, second.venue), ("Заседания", "г. Смоленск"))
        self.assertEqual(second.participants_planned, 62)
        self.assertEqual(second.programme, ["Первый", "Второй\nс переносом"])

    def test_read_vertical_merge(self):
        import docx  # noqa: PLC0415

        document = docx.Document()
        table = document.add_table(rows=3, cols=5)
        for cell, text in zip(table.rows[0].cells, HEADERS.values(), strict=True):
            cell.text = text
        for cell, text in zip(
            table.rows[1].cells,
            ["1", "июнь", "Заседания", "Президиум", "Обсуждение"],
            strict=True,
        ):
            cell.text = text
        table.rows[2].cells[3].text = "члены 62 человек"
        for column in (0, 1, 2, 4):
            table.cell(1, column).merge(table.cell(2, column))
        stream = __import__("io").BytesIO()
        document.save(stream)
        _title, tables = read_docx(stream.getvalue())
        continued = [isinstance(cell, Continued) for cell in tables[0][2]]
        self.assertEqual(continued, [True, True, True, False, True])
        (item,) = parse_plan_rows(tables).items
        self.assertEqual(item.participants_note, "Президиум, члены 62 человек")
        self.assertEqual(item.participants_planned, 62)

    def test_title_below_an_approval_stamp(self):
        import docx  # noqa: PLC0415

        document = docx.Document()
        for text in (
            "УТВЕРЖДЁН",
            "решением Президиума от 15.01.2021 № 1",
            "ПЛАН РАБОТЫ СМОЛЕНСКОГО РЕГИОНАЛЬНОГО ОТДЕЛЕНИЯ",
            "",
            "НА 2021 ГОД",
        ):
            document.add_paragraph(text)
        document.add_table(rows=1, cols=1)
        stream = __import__("io").BytesIO()
        document.save(stream)
        title, tables = read_docx(stream.getvalue())
        self.assertEqual(
            title, "ПЛАН РАБОТЫ СМОЛЕНСКОГО РЕГИОНАЛЬНОГО ОТДЕЛЕНИЯ НА 2021 ГОД"
        )
        self.assertEqual(tables, [[[[""]]]])

    def test_landscape_and_repeated_header(self):
        import docx  # noqa: PLC0415

        content = write_plan_docx("План", [("section", SECTION_1)])
        document = docx.Document(__import__("io").BytesIO(content))
        section = document.sections[0]
        self.assertGreater(section.page_width, section.page_height)
        header = document.tables[0].rows[0]
        self.assertIn("tblHeader", header._tr.xml)
        self.assertEqual(
            [cell.text for cell in header.cells],
            [text.upper() for text in HEADERS.values()],
        )

    def test_not_a_docx(self):
        for content in (b"", b"%PDF-1.4 not a Word file", b"PK\x03\x04broken zip"):
            with (
                self.subTest(content=content),
                self.assertRaises(PlanDocxError) as caught,
            ):
                read_docx(content)
            self.assertEqual(caught.exception.reason, "file")
            self.assertTrue(caught.exception.value)
