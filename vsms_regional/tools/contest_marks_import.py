"""Jury marks from a spreadsheet: reading CSV/XLSX and matching its rows.

Plain Python (no Odoo) so the matching rules are unit-tested without a
database.  Two layouts are understood, both with a header row:

* long: one mark per row — application (code or applicant's name),
  criterion (by name), mark, and optionally the juror and a comment;
* wide: one application per row and one column per criterion (headed by the
  criterion's name); an empty cell is a mark not given yet.

Nothing is decided here about saving: :func:`match_marks` returns the marks
it understood and the problems it found; the caller saves only when there
are no problems.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from .names import clean

# Header words of each column (compared after :func:`normalize`).
COLUMNS = {
    "application": (
        "заявка",
        "код",
        "код работы",
        "шифр",
        "номер",
        "участник",
        "заявитель",
        "фио",
        "фио участника",
        "фио заявителя",
        "application",
        "code",
        "applicant",
        "participant",
        "name",
    ),
    "criterion": ("критерий", "задание", "задача", "criterion", "task"),
    "value": ("балл", "баллы", "оценка", "mark", "score", "value", "points"),
    "juror": ("член жюри", "жюри", "эксперт", "juror", "jury member"),
    "comment": ("комментарий", "примечание", "comment", "note"),
}

# Problem kinds (the caller words them in the user's language).
NO_HEADER = "no_header"
NO_APPLICATION_COLUMN = "no_application_column"
NO_CRITERION_COLUMN = "no_criterion_column"
UNKNOWN_COLUMN = "unknown_column"
UNKNOWN_APPLICATION = "unknown_application"
AMBIGUOUS_APPLICATION = "ambiguous_application"
UNKNOWN_CRITERION = "unknown_criterion"
UNKNOWN_JUROR = "unknown_juror"
AMBIGUOUS_JUROR = "ambiguous_juror"
NO_JUROR = "no_juror"
NO_VALUE = "no_value"
BAD_VALUE = "bad_value"
NEGATIVE_VALUE = "negative_value"
ABOVE_MAX = "above_max"
CONFLICT = "conflict"
DUPLICATE = "duplicate"

QUOTES = str.maketrans("", "", "«»\"'“”„")
INITIALS = re.compile(r"^(\S+)\s+(\w)\.?\s*(?:(\w)\.?)?$")


def normalize(text):
    """Compare-ready text: no quotes, «ё» read as «е», case and runs of
    whitespace ignored."""
    text = clean(str(text if text is not None else "")).translate(QUOTES)
    return clean(text).casefold().replace("ё", "е")


@dataclass(frozen=True)
class Application:
    key: object
    code: str = ""
    name: str = ""


@dataclass(frozen=True)
class Criterion:
    key: object
    name: str
    max_score: float


@dataclass(frozen=True)
class Juror:
    key: object
    names: tuple = ()


@dataclass(frozen=True)
class Mark:
    row: int
    application: object
    criterion: object
    juror: object
    value: float
    comment: str = ""


@dataclass(frozen=True)
class Problem:
    row: int  # 1-based row of the sheet (0: the file as a whole)
    kind: str
    value: str = ""
    candidates: tuple = ()


@dataclass
class MatchResult:
    marks: list = field(default_factory=list)
    problems: list = field(default_factory=list)


# Reading files --------------------------------------------------------------


def read_csv(data):
    """Rows (lists of strings) of a CSV file in UTF-8 (with or without BOM)
    or Windows-1251, separated by «;», «,» or tabs."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_xlsx(data):
    """Rows of the first sheet of an XLSX workbook (cell values as read)."""
    import openpyxl  # noqa: PLC0415  (imported only when a workbook comes)

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_rows(data, filename=""):
    """Rows of a spreadsheet file: XLSX (by name or by content) or CSV."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return read_xlsx(data)
    return read_csv(data)


# Matching -------------------------------------------------------------------


def parse_value(cell):
    """A mark from a cell: a number, maybe with a decimal comma; ``None``
    for an empty cell; ``ValueError`` for anything else."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        return float(cell)
    text = clean(str(cell)).replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    return float(text.replace(",", "."))


def _column_role(header):
    word = normalize(header)
    for role, words in COLUMNS.items():
        if word in words:
            return role
    return None


class _ApplicationIndex:
    def __init__(self, applications):
        self.by_code = {}
        self.by_name = {}
        self.all = list(applications)
        for app in self.all:
            if app.code:
                self.by_code.setdefault(normalize(app.code), []).append(app)
            if app.name:
                self.by_name.setdefault(normalize(app.name), []).append(app)

    def find(self, cell):
        """The applications a cell may name: by code, by full name, by
        the first words of the name («Иванов Иван»), or by surname and
        initials («Иванов И. П.»)."""
        text = normalize(cell)
        if not text:
            return []
        if text in self.by_code:
            return self.by_code[text]
        if text in self.by_name:
            return self.by_name[text]
        words = text.split(" ")
        found = [
            app
            for app in self.all
            if app.name and normalize(app.name).split(" ")[: len(words)] == words
        ]
        if found:
            return found
        initials = INITIALS.match(clean(text.replace(".", ". ")))
        if initials and len(words) > 1:
            last, first, middle = initials.groups()
            for app in self.all:
                parts = normalize(app.name).split(" ")
                if (
                    len(parts) >= 2
                    and parts[0] == last
                    and parts[1][:1] == first
                    and (not middle or (len(parts) > 2 and parts[2][:1] == middle))
                ):
                    found.append(app)
        return found


def _find_juror(jurors, cell):
    text = normalize(cell)
    exact = [j for j in jurors if text in {normalize(n) for n in j.names if n}]
    if exact:
        return exact
    words = text.split(" ")
    return [
        j
        for j in jurors
        if any(n and normalize(n).split(" ")[: len(words)] == words for n in j.names)
    ]


def match_marks(rows, applications, criteria, jurors=(), juror=None, conflicts=()):
    """Understand the marks of ``rows`` (the sheet, header first).

    ``applications``, ``criteria`` and ``jurors`` are :class:`Application`,
    :class:`Criterion` and :class:`Juror` items; ``juror`` is the key of the
    juror who gave marks on rows without a juror column or cell (``None``: the
    sheet must name them); ``conflicts`` holds ``(juror key, application
    key)`` pairs a juror may not mark.  Returns a :class:`MatchResult`.
    """
    return _Matcher(applications, criteria, jurors, juror, conflicts).run(rows)


def _cell(row, position):
    return row[position] if position is not None and position < len(row) else None


def _text(cell):
    return clean(str(cell if cell is not None else ""))


class _Matcher:
    def __init__(self, applications, criteria, jurors, juror, conflicts):
        self.applications = _ApplicationIndex(applications)
        self.criteria = {normalize(c.name): c for c in criteria}
        self.jurors = list(jurors)
        self.juror = juror
        self.conflicts = set(conflicts)
        self.result = MatchResult()
        self.roles = {}
        self.criterion_columns = {}
        self.long_layout = False
        self.seen = {}

    def problem(self, row, kind, value="", candidates=()):
        self.result.problems.append(Problem(row, kind, value, tuple(candidates)))

    def run(self, rows):
        rows = [list(row) for row in rows]
        header_index = next(
            (i for i, row in enumerate(rows) if any(normalize(c) for c in row)), None
        )
        if header_index is None:
            self.problem(0, NO_HEADER)
        elif self.read_header(header_index + 1, rows[header_index]):
            for number, row in enumerate(
                rows[header_index + 1 :], start=header_index + 2
            ):
                if any(normalize(c) for c in row):
                    self.match_row(number, row)
        return self.result

    def read_header(self, number, header):
        for position, cell in enumerate(header):
            role = _column_role(cell)
            if role:
                # a second application column («Код», then «ФИО») is for
                # the reader: the first one is matched
                self.roles.setdefault(role, position)
            elif normalize(cell):
                self.criterion_columns[position] = self.criteria.get(normalize(cell))
        if "application" not in self.roles:
            self.problem(number, NO_APPLICATION_COLUMN)
            return False
        self.long_layout = "criterion" in self.roles and "value" in self.roles
        if not self.long_layout:
            if not any(self.criterion_columns.values()):
                self.problem(number, NO_CRITERION_COLUMN)
                return False
            for position, criterion in self.criterion_columns.items():
                if criterion is None:
                    self.problem(number, UNKNOWN_COLUMN, _text(header[position]))
        return True

    def match_row(self, number, row):
        app = self.row_application(number, _cell(row, self.roles["application"]))
        juror = self.row_juror(number, _cell(row, self.roles.get("juror")))
        comment = _text(_cell(row, self.roles.get("comment")))
        if self.long_layout:
            crit_cell = _cell(row, self.roles["criterion"])
            criterion = self.criteria.get(normalize(crit_cell))
            if criterion is None:
                self.problem(number, UNKNOWN_CRITERION, _text(crit_cell))
            cells = [(criterion, _cell(row, self.roles["value"]), True)]
        else:
            cells = [
                (criterion, _cell(row, position), False)
                for position, criterion in self.criterion_columns.items()
                if criterion is not None
            ]
        marks = [
            (criterion, value)
            for criterion, cell, required in cells
            if (value := self.row_value(number, criterion, cell, required)) is not None
        ]
        if app is None or juror is None:
            return
        if (juror, app.key) in self.conflicts:
            self.problem(number, CONFLICT, app.code or app.name)
            return
        for criterion, value in marks:
            key = (app.key, criterion.key, juror)
            if key in self.seen:
                self.problem(
                    number,
                    DUPLICATE,
                    app.code or app.name,
                    (criterion.name, str(self.seen[key])),
                )
                continue
            self.seen[key] = number
            self.result.marks.append(
                Mark(number, app.key, criterion.key, juror, value, comment)
            )

    def row_application(self, number, cell):
        apps = self.applications.find(cell)
        if len(apps) == 1:
            return apps[0]
        if apps:
            candidates = [app.code or app.name for app in apps]
            self.problem(number, AMBIGUOUS_APPLICATION, _text(cell), candidates)
        else:
            self.problem(number, UNKNOWN_APPLICATION, _text(cell))
        return None

    def row_juror(self, number, cell):
        if not normalize(cell):
            if self.juror is None:
                self.problem(number, NO_JUROR)
            return self.juror
        found = _find_juror(self.jurors, cell)
        if len(found) == 1:
            return found[0].key
        self.problem(number, AMBIGUOUS_JUROR if found else UNKNOWN_JUROR, _text(cell))
        return None

    def row_value(self, number, criterion, cell, required):
        """The mark of a cell, or ``None`` (empty, or a problem noted)."""
        try:
            value = parse_value(cell)
        except ValueError:
            self.problem(number, BAD_VALUE, _text(cell))
            return None
        if value is None:
            if required:
                self.problem(number, NO_VALUE)
            return None
        if criterion is None:
            return None
        if value < 0:
            self.problem(number, NEGATIVE_VALUE, _number(value))
            return None
        if value > criterion.max_score:
            self.problem(
                number,
                ABOVE_MAX,
                _number(value),
                (criterion.name, _number(criterion.max_score)),
            )
            return None
        return value


def template_rows(applications, criteria):
    """A sheet to fill in (wide layout): «Код», «Заявка» (for the reader),
    then a column per criterion; one row per ``(code, label)`` of
    ``applications``."""
    return [["Код", "Заявка", *criteria]] + [
        [code, label] + [""] * len(criteria) for code, label in applications
    ]


def write_csv(rows):
    """CSV bytes that spreadsheet programs open as they are: UTF-8 with a
    BOM, separated by «;»."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _number(value):
    """«7», «7,5»: a mark as Russian spreadsheets write it."""
    return f"{value:g}".replace(".", ",")
