import io

import openpyxl

from odoo.tests import BaseCase, tagged

from ..tools import contest_marks_import as imp
from ..tools.contest_marks_import import (
    Application,
    Criterion,
    Juror,
    match_marks,
    normalize,
    parse_value,
    read_csv,
    read_rows,
    template_rows,
    write_csv,
)

APPS = [
    Application(1, "ОЛ-21-047", "Иванов Иван Петрович"),
    Application(2, "ОЛ-21-012", "Петрова Алёна Сергеевна"),
    Application(3, "ОЛ-21-101", "Иванов Илья Андреевич"),
]
CRITERIA = [
    Criterion(10, "Задание 1", 10),
    Criterion(11, "Задание 2", 5),
    Criterion(12, "Актуальность проекта", 4),
]
JURORS = [
    Juror(100, ("Сидоров Пётр Ильич", "sidorov")),
    Juror(101, ("Сидорова Мария Олеговна",)),
    Juror(102, ("Сидоров Олег Ильич",)),
]


@tagged("post_install", "-at_install")
class TestContestMarksImport(BaseCase):
    """Matching a spreadsheet of jury marks, without a database."""

    def kinds(self, result):
        return [(p.row, p.kind) for p in result.problems]

    def test_normalize(self):
        self.assertEqual(normalize("  «Алёна»   ПЕТРОВА "), "алена петрова")
        self.assertEqual(normalize(None), "")

    def test_parse_value(self):
        self.assertEqual(parse_value("7,5"), 7.5)
        self.assertEqual(parse_value(" 8 "), 8.0)
        self.assertEqual(parse_value(9), 9.0)
        self.assertIsNone(parse_value(""))
        self.assertIsNone(parse_value(None))
        with self.assertRaises(ValueError):
            parse_value("восемь")
        with self.assertRaises(ValueError):
            parse_value(True)

    def test_long_layout_by_code_and_name(self):
        rows = [
            ["Код", "Критерий", "Балл", "Комментарий"],
            ["ОЛ-21-047", "Задание 1", "7,5", "хорошо"],
            ["ол-21-047", "задание 2", 5, ""],
            ["Петрова Алена Сергеевна", "Актуальность  проекта", "3", ""],
            ["", "", "", ""],
        ]
        result = match_marks(rows, APPS, CRITERIA, juror=100)
        self.assertEqual(result.problems, [])
        self.assertEqual(
            [
                (m.row, m.application, m.criterion, m.juror, m.value)
                for m in result.marks
            ],
            [(2, 1, 10, 100, 7.5), (3, 1, 11, 100, 5.0), (4, 2, 12, 100, 3.0)],
        )
        self.assertEqual(result.marks[0].comment, "хорошо")

    def test_wide_layout(self):
        rows = [
            [None, None, None],
            ["Участник", "Задание 1", "Задание 2"],
            ["Петрова А. С.", 9, ""],
            ["ОЛ-21-101", "4", "5"],
        ]
        result = match_marks(rows, APPS, CRITERIA, juror=101)
        self.assertEqual(result.problems, [])
        self.assertEqual(
            [(m.row, m.application, m.criterion, m.value) for m in result.marks],
            [(3, 2, 10, 9.0), (4, 3, 10, 4.0), (4, 3, 11, 5.0)],
        )

    def test_name_prefix_and_initials(self):
        rows = [
            ["ФИО", "Критерий", "Балл"],
            ["Иванов Иван", "Задание 1", 1],
            ["Иванов И.П.", "Задание 2", 2],
            ["Иванов И. А.", "Задание 2", 3],
        ]
        result = match_marks(rows, APPS, CRITERIA, juror=100)
        self.assertEqual(result.problems, [])
        self.assertEqual([m.application for m in result.marks], [1, 1, 3])

    def test_unknown_and_ambiguous_rows_listed(self):
        rows = [
            ["Заявка", "Критерий", "Оценка"],
            ["Иванов", "Задание 1", 1],  # two Ивановы
            ["Кузнецов Олег", "Задание 1", 1],  # nobody
            ["ОЛ-21-012", "Задание 7", 1],  # no such task
            ["ОЛ-21-012", "Задание 1", 11],  # above the max of 10
            ["ОЛ-21-012", "Задание 2", -1],
            ["ОЛ-21-012", "Задание 2", "пять"],
            ["ОЛ-21-012", "Задание 2", ""],
            ["ОЛ-21-012", "Задание 1", 2],
            ["ОЛ-21-012", "задание 1", 3],  # the same mark again
        ]
        result = match_marks(rows, APPS, CRITERIA, juror=100)
        self.assertEqual(
            self.kinds(result),
            [
                (2, imp.AMBIGUOUS_APPLICATION),
                (3, imp.UNKNOWN_APPLICATION),
                (4, imp.UNKNOWN_CRITERION),
                (5, imp.ABOVE_MAX),
                (6, imp.NEGATIVE_VALUE),
                (7, imp.BAD_VALUE),
                (8, imp.NO_VALUE),
                (10, imp.DUPLICATE),
            ],
        )
        ambiguous = result.problems[0]
        self.assertEqual(ambiguous.value, "Иванов")
        self.assertEqual(set(ambiguous.candidates), {"ОЛ-21-047", "ОЛ-21-101"})
        self.assertEqual(result.problems[1].value, "Кузнецов Олег")
        self.assertEqual(result.problems[3].value, "11")
        self.assertEqual(result.problems[3].candidates, ("Задание 1", "10"))
        self.assertEqual(result.problems[7].candidates, ("Задание 1", "9"))

    def test_juror_column(self):
        rows = [
            ["Код", "Член жюри", "Задание 1"],
            ["ОЛ-21-047", "Сидоров Пётр Ильич", 5],
            ["ОЛ-21-047", "сидорова мария", 6],
            ["ОЛ-21-047", "Сидоров", 7],  # two jurors named Сидоров
            ["ОЛ-21-047", "Орлов", 7],
            ["ОЛ-21-047", "", 8],  # no juror, none chosen
        ]
        result = match_marks(rows, APPS, CRITERIA, jurors=JURORS)
        self.assertEqual([(m.row, m.juror) for m in result.marks], [(2, 100), (3, 101)])
        self.assertEqual(
            self.kinds(result),
            [
                (4, imp.AMBIGUOUS_JUROR),
                (5, imp.UNKNOWN_JUROR),
                (6, imp.NO_JUROR),
            ],
        )

    def test_conflict(self):
        rows = [["Код", "Задание 1"], ["ОЛ-21-047", 5], ["ОЛ-21-012", 5]]
        result = match_marks(rows, APPS, CRITERIA, juror=100, conflicts={(100, 1)})
        self.assertEqual(self.kinds(result), [(2, imp.CONFLICT)])
        self.assertEqual([m.application for m in result.marks], [2])

    def test_bad_headers(self):
        self.assertEqual(
            self.kinds(match_marks([], APPS, CRITERIA, juror=1)), [(0, imp.NO_HEADER)]
        )
        result = match_marks([["Балл", "Задание 1"]], APPS, CRITERIA, juror=1)
        self.assertEqual(self.kinds(result), [(1, imp.NO_APPLICATION_COLUMN)])
        result = match_marks([["Код", "Балл"], ["ОЛ-21-047", 1]], APPS, CRITERIA)
        self.assertEqual(self.kinds(result), [(1, imp.NO_CRITERION_COLUMN)])
        result = match_marks(
            [["Код", "Задание 1", "Задание 9"], ["ОЛ-21-047", 1, 2]],
            APPS,
            CRITERIA,
            juror=1,
        )
        self.assertEqual(self.kinds(result), [(1, imp.UNKNOWN_COLUMN)])
        self.assertEqual(result.problems[0].value, "Задание 9")

    def test_read_csv_encodings_and_delimiters(self):
        text = "Код;Задание 1\nОЛ-21-047;7,5\n"
        self.assertEqual(
            read_csv(text.encode("utf-8-sig")),
            [["Код", "Задание 1"], ["ОЛ-21-047", "7,5"]],
        )
        self.assertEqual(read_csv(text.encode("cp1251"))[1], ["ОЛ-21-047", "7,5"])
        self.assertEqual(read_csv(b"a,b\n1,2\n"), [["a", "b"], ["1", "2"]])

    def test_read_xlsx(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Код", "Задание 1"])
        sheet.append(["ОЛ-21-047", 7.5])
        buffer = io.BytesIO()
        workbook.save(buffer)
        rows = read_rows(buffer.getvalue(), "оценки.xlsx")
        self.assertEqual(rows, [["Код", "Задание 1"], ["ОЛ-21-047", 7.5]])
        result = match_marks(rows, APPS, CRITERIA, juror=1)
        self.assertEqual([m.value for m in result.marks], [7.5])

    def test_template_round_trip(self):
        rows = template_rows(
            [("ОЛ-21-047", "ОЛ-21-047"), ("ОЛ-21-012", "ОЛ-21-012")],
            ["Задание 1", "Задание 2"],
        )
        self.assertEqual(rows[0], ["Код", "Заявка", "Задание 1", "Задание 2"])
        rows[1][2] = "7,5"  # the juror fills one cell in
        data = write_csv(rows)
        self.assertTrue(data.startswith("\ufeff".encode()))
        result = match_marks(read_rows(data, "оценки.csv"), APPS, CRITERIA, juror=1)
        self.assertEqual(result.problems, [])
        self.assertEqual(
            [(m.application, m.criterion, m.value) for m in result.marks],
            [(1, 10, 7.5)],
        )
