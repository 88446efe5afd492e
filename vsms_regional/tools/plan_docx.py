"""A work plan as a Word table: read one from a .docx, write one to a .docx.

The 2021 plan of the Smolensk branch came as a Word table with the columns
№ п/п, date, event and venue, participants, programme, and section rows
spanning the table.  :func:`parse_plan_rows` turns the cell texts of such a
table into sections, items and the problems found on the way;
:func:`read_docx` and :func:`write_plan_docx` are the python-docx glue.  No
ORM here: the import wizard matches organisations, checks schedules against
the plan's year and creates the records.

Tolerated: header rows repeated on each page, a row of column numbers
(«1 2 3 4 5») under the header, blank spacer rows, section rows merged
across the table (or written in one cell), header words broken by hyphens
across lines («ОРИЕН-/ТИРОВОЧ-/НАЯ»), numbers written «1.» or «1)», counts
written «62 человек», several tables (one per page) with the same columns.
"""

import io
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

# The columns of the plan, as the export writes their headers.
COLUMNS = ("number", "schedule", "name", "participants", "programme")
HEADERS = {
    "number": "№ п/п",
    "schedule": "Ориентировочная дата проведения мероприятия",
    "name": "Название мероприятия, место проведения мероприятия (регион, город)",
    "participants": "Планируемое количество участников, категория участников",
    "programme": "Предварительная программа мероприятия, краткое описание",
}
# Columns a plan table must have: without them there are no items.
REQUIRED_COLUMNS = ("number", "schedule", "name")
# Widths (mm) of the columns on a landscape A4 page with 15 mm margins.
COLUMN_WIDTHS_MM = {
    "number": 12,
    "schedule": 32,
    "name": 70,
    "participants": 50,
    "programme": 103,
}
VENUE_PREFIX = "Место проведения:"
ORGANISATIONS_PREFIX = "Соорганизаторы:"
COUNT_WORD = "человек"

# How header cells are recognised, on their letters only (upper case, no
# hyphens or spaces): the first role whose words occur wins, so the date
# column («ОРИЕНТИРОВОЧНАЯ ДАТА ПРОВЕДЕНИЯ МЕРОПРИЯТИЯ») is not taken for the
# event column, nor the programme («ПРОГРАММА МЕРОПРИЯТИЯ»).
_HEADER_WORDS = (
    ("schedule", ("ДАТА", "СРОК")),
    ("participants", ("УЧАСТНИК", "КОЛИЧЕСТВО")),
    ("programme", ("ПРОГРАММ", "ОПИСАНИЕ", "СОДЕРЖАНИЕ")),
    ("name", ("НАЗВАНИЕ", "НАИМЕНОВАНИЕ", "МЕРОПРИЯТИ")),
    ("venue", ("МЕСТО",)),
    ("responsible", ("ОТВЕТСТВЕНН", "ИСПОЛНИТЕЛ")),
)
_HYPHENS = "-\u2010\u2011"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s*$")
_COUNT = re.compile(
    r"^(?:(?:до|около|не\s+менее|не\s+более|более|свыше)\s+)?"
    r"(?P<n>\d[\d\s\u00a0]*?)\s*"
    r"(?:человека?|чел\.?|участник(?:а|ов)?|представител(?:ь|я|ей))?\s*\.?$",
    re.IGNORECASE,
)
_COUNT_INLINE = re.compile(
    r"(?<![\d.])(?P<n>\d{1,6})\s*(?:человека?|чел\.|чел(?!\w)|участник(?:а|ов)?)",
    re.IGNORECASE,
)
_ORGANISATIONS = re.compile(
    r"^(?:со-?организатор\w*|совместно\s+с|партн[её]р\w*|при\s+участии)\s*:\s*",
    re.IGNORECASE,
)
_VENUE = re.compile(r"^место\s+проведения\s*[:\u2013\u2014-]\s*", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_TITLE = re.compile(r"^план(?!\w)", re.IGNORECASE)


class Continued(list):
    """The paragraphs of a cell that continues the cell above it (merged
    vertically): a row whose № cell continues is more of the item above."""


class PlanDocxError(ValueError):
    """The document cannot be read as a plan.

    ``reason``: 'file' (not a .docx), 'table' (no table with the plan's
    columns), 'columns' (a plan table lacks required columns).  ``value`` is
    what the message names: the file's error, the first row's text, or the
    missing columns; ``found`` the header as written for 'columns'.
    """

    def __init__(self, reason, value="", found=""):
        super().__init__(reason, value, found)
        self.reason = reason
        self.value = value
        self.found = found


@dataclass
class Problem:
    """Something the import cannot take as it is.

    ``code``: 'number' (the № is not a number; the item gets the next one),
    'no_number' (no №; the item gets the next one), 'duplicate' (the № is
    used twice), 'no_name' (an item without an event name), 'table' (a table
    without the plan's columns was skipped).  ``blocking`` problems keep the
    plan from being created.
    """

    row: int
    code: str
    value: str = ""
    blocking: bool = False


@dataclass
class ParsedItem:
    row: int
    number: int
    section: int | None
    name: str
    venue: str = ""
    schedule_lines: list = field(default_factory=list)
    participants_planned: int = 0
    participants_note: str = ""
    organisations: list = field(default_factory=list)
    programme: list = field(default_factory=list)


@dataclass
class ParsedPlan:
    title: str
    title_year: int | None
    sections: list
    items: list
    problems: list


# ----------------------------------------------------------------------
# Text helpers
# ----------------------------------------------------------------------
def clean(text):
    """One line of a cell: no soft hyphens, no runs of spaces."""
    text = (text or "").replace("\u00ad", "").replace("\u00a0", " ")
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def join_lines(lines, separator=" "):
    """Lines of one phrase joined with ``separator``; a word broken by a
    hyphen at the end of a line is joined again: in capitals («ОРИЕН-» +
    «ТИРОВОЧНАЯ») without the hyphen, otherwise with it, as it is more often
    a compound word («семинара-» + «совещания»)."""
    text = ""
    for line in (clean(line) for line in lines):
        if not line:
            continue
        if not text:
            text = line
        elif (
            len(text) > 1
            and text[-1] in _HYPHENS
            and text[-2].isalpha()
            and line[0].isalpha()
        ):
            before = re.search(r"(\w+)$", text[:-1]).group(1)
            if before.isupper() and line.split()[0].isupper():
                text = text[:-1] + line
            else:
                text += line
        else:
            text += separator + line
    return text


def header_key(text):
    """Letters, digits and «№» of a header cell, in capitals."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum() or ch == "№")


def column_role(text):
    """Which column a header cell names, or None."""
    key = header_key(text)
    if not key:
        return None
    if key.startswith(("№", "НОМЕР")) or key in ("ПП", "NПП", "НПП", "N"):
        return "number"
    for role, words in _HEADER_WORDS:
        if any(word in key for word in words):
            return role
    return None


def parse_number(text):
    """The item number written «1», «1.» or «1)», or None."""
    match = _NUMBER.match(clean(text))
    return int(match.group(1)) if match else None


def parse_count(text):
    """A number of participants written alone on a line («62 человек»,
    «5 чел.», «до 100 участников», «40»), or None."""
    match = _COUNT.match(clean(text))
    if not match:
        return None
    digits = re.sub(r"\D", "", match["n"])
    return int(digits) if digits else None


def inline_counts(text):
    """Numbers of people written inside a phrase
    («члены РО ВСМС — 62 человек»)."""
    return [int(match["n"]) for match in _COUNT_INLINE.finditer(text or "")]


def _paragraph_list(cell):
    """A cell as a list of paragraph texts."""
    return cell.split("\n") if isinstance(cell, str) else list(cell or ())


def _paragraphs(cell):
    """A cell as a list of paragraphs, each a list of lines."""
    if isinstance(cell, str):
        cell = cell.split("\n")
    return [[line for line in str(paragraph).split("\n")] for paragraph in cell or ()]


def _cell_text(cell):
    return join_lines(line for paragraph in _paragraphs(cell) for line in paragraph)


def parse_participants(cell):
    """``(planned, note, organisations)`` from the participants cell.

    Categories and counts as written («Президиум РС ВСМС» / «5 человек» /
    «члены РО ВСМС» / «62 человек») become «Президиум РС ВСМС — 5 человек;
    члены РО ВСМС — 62 человек»; the planned number is the largest count
    (the categories overlap: the presidium are members too), or the count
    written alone first in the cell («40 человек» / «члены РО ВСМС»), which
    is not part of the note.  A paragraph «Соорганизаторы: A; B» lists
    organisations; paragraphs after it are organisations too.
    """
    parts, pending, counts, organisations = [], [], [], []
    leading = None
    in_organisations = False
    for paragraph in _paragraphs(cell):
        text = join_lines(paragraph)
        if not text:
            continue
        match = _ORGANISATIONS.match(text)
        if match or in_organisations:
            in_organisations = True
            rest = text[match.end() :] if match else text
            organisations += [
                clean(name).rstrip(".") for name in rest.split(";") if clean(name)
            ]
            continue
        count = parse_count(text)
        if count is not None and not parts and not pending and leading is None:
            leading = count
        elif count is not None:
            counts.append(count)
            parts.append(f"{', '.join(pending)} — {text}" if pending else text)
            pending = []
        else:
            counts += inline_counts(text)
            pending.append(text)
    if pending:
        parts.append(", ".join(pending))
    planned = leading if leading is not None else max(counts, default=0)
    return planned, "; ".join(parts), organisations


def participants_paragraphs(planned, note):
    """The participants cell of an item: its note, and first the planned
    number if the note's counts do not give it."""
    paragraphs = [note] if note else []
    if parse_participants(paragraphs)[0] != planned:
        paragraphs.insert(0, f"{planned} {COUNT_WORD}")
    return paragraphs


def parse_name(cell):
    """``(name, venue)`` from the event cell: a paragraph «Место проведения:
    …» is the venue, the other paragraphs make the name."""
    name_lines, venue = [], ""
    for paragraph in _paragraphs(cell):
        text = join_lines(paragraph)
        match = _VENUE.match(text)
        if match:
            venue = join_lines([venue, text[match.end() :]], ", ")
        else:
            name_lines.append(text)
    return join_lines(name_lines), venue


def schedule_lines(cell):
    """The lines of the date cell (one period per line in many plans)."""
    return [
        clean(line)
        for paragraph in _paragraphs(cell)
        for line in paragraph
        if clean(line)
    ]


def join_schedule(lines, parses=None):
    """The schedule text of the date cell's ``lines``.

    Periods written one per line («июнь» / «декабрь») are joined with
    commas; a line ending or starting with a dash («май –» / «сентябрь») is
    a range.  If ``parses`` (text → bool) refuses that text but takes the
    lines joined with spaces («II» / «полугодие»), that one is used.
    """
    if len(lines) <= 1:
        return lines[0] if lines else ""
    text = lines[0]
    for line in lines[1:]:
        if (
            text[-1] in _DASHES
            or line[0] in _DASHES
            or re.match(r"по\s", line, re.IGNORECASE)
            or re.search(r"(?:^|\s)(?:с|по|до|и|в|во)$", text, re.IGNORECASE)
        ):
            text += " " + line
        else:
            text += ", " + line
    if parses and not parses(text):
        spaced = join_lines(lines)
        if parses(spaced):
            return spaced
    return text


def programme_paragraphs(cell):
    """The paragraphs of the programme; a line break inside one is kept."""
    paragraphs = (
        "\n".join(filter(None, map(clean, lines))) for lines in _paragraphs(cell)
    )
    return [text for text in paragraphs if text]


# ----------------------------------------------------------------------
# Rows → plan
# ----------------------------------------------------------------------
def header_roles(row):
    """``{role: column}`` of the columns that the cells of ``row`` name."""
    roles = {}
    for column, cell in enumerate(row):
        role = column_role(_cell_text(cell))
        if role and role not in roles:
            roles[role] = column
    return roles


def _is_header(roles):
    """A header names the № column and at least two other plan columns (an
    item's cells may contain the words of a header, never a lone «№»)."""
    return "number" in roles and len(roles.keys() & set(COLUMNS)) >= 3


def _is_column_numbers(texts):
    """A row «1 | 2 | 3 | 4 | 5» under the header."""
    filled = [text for text in texts if text]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _row_text(row):
    """The texts of a row's cells, a merged cell once."""
    texts = (_cell_text(cell) for cell in row)
    return " | ".join(dict.fromkeys(text for text in texts if text))


def parse_plan_rows(tables, title=""):
    """Read the plan from ``tables``: lists of rows, each a list of cells
    (one per grid column, a merged cell repeated), each cell a string or a
    list of paragraphs.  ``title``: the text above the table.

    A table with a header row starts (or continues) the plan; a table
    without one continues it if it has as many columns, and is skipped with
    a problem otherwise.  Rows above the first header are part of the title.

    :raises PlanDocxError: no table with the plan's columns, or the plan
        table lacks a required column
    """
    state = _RowsState(title)
    for table_index, table in enumerate(tables, start=1):
        state.read_table(table_index, [list(row) for row in table])
    state.flush()
    if state.roles is None:
        raise PlanDocxError("table", state.first_row_text)
    _number_items(state.items, state.problems)
    title = join_lines(state.title_lines)
    years = _YEAR.findall(title)
    return ParsedPlan(
        title=title,
        title_year=int(years[-1]) if years else None,
        sections=state.sections,
        items=state.items,
        problems=sorted(state.problems, key=lambda problem: problem.row),
    )


class _RowsState:
    """What :func:`parse_plan_rows` has read so far."""

    def __init__(self, title):
        self.title_lines = [title] if title else []
        self.sections, self.items, self.problems = [], [], []
        self.roles = None  # {role: column} of the plan table
        self.width = None
        self.header_keys = None
        self.section = None
        self.row_number = 0
        self.first_row_text = ""
        self.pending = None  # [row number, cells, number, section] of an item

    def flush(self):
        """The item read last is complete."""
        if self.pending:
            row_number, cells, number, section = self.pending
            self.pending = None
            self.items.append(
                _parse_item(
                    cells, self.roles, row_number, number, section, self.problems
                )
            )

    def read_table(self, table_index, rows):
        header_at = next(
            (i for i, row in enumerate(rows) if _is_header(header_roles(row))), None
        )
        if header_at is not None:
            roles = header_roles(rows[header_at])
            missing = [role for role in REQUIRED_COLUMNS if role not in roles]
            if missing:
                raise PlanDocxError("columns", missing, _row_text(rows[header_at]))
            if self.roles is None:
                # rows above the first header: a title written in the table
                self.title_lines += [_row_text(row) for row in rows[:header_at]]
            self.roles, self.width = roles, len(rows[header_at])
            self.header_keys = [header_key(_cell_text(c)) for c in rows[header_at]]
            self.row_number += header_at + 1
            rows = rows[header_at + 1 :]
        elif self.roles is None or not rows or len(rows[0]) != self.width:
            if not self.first_row_text:
                self.first_row_text = next(
                    (_row_text(row) for row in rows if _row_text(row)), ""
                )
            if self.roles is not None:
                self.problems.append(
                    Problem(self.row_number + 1, "table", str(table_index))
                )
            self.row_number += len(rows)
            return
        for row in rows:
            self.row_number += 1
            self.read_row(row)
        self.flush()

    def read_row(self, row):
        column = self.roles["number"]
        if self.pending and column < len(row) and isinstance(row[column], Continued):
            # the item goes on in this row: its own cells add paragraphs
            cells = self.pending[1]
            for i, cell in enumerate(row[: len(cells)]):
                if not isinstance(cell, Continued):
                    cells[i] = _paragraph_list(cells[i]) + _paragraph_list(cell)
            return
        self.flush()
        texts = [_cell_text(cell) for cell in row]
        if not any(texts):
            return  # a spacer row
        keys = [header_key(text) for text in texts]
        if (
            keys == self.header_keys
            or _is_header(header_roles(row))
            or _is_column_numbers(texts)
        ):
            return  # the header repeated on a new page, column numbers
        number_text = texts[column] if column < len(texts) else ""
        others = [text for i, text in enumerate(texts) if text and i != column]
        number = parse_number(number_text)
        merged = len(others) > 1 and len(set(others)) == 1
        if (number is None and len(set(others)) <= 1) or merged:
            name = others[0] if others else number_text
            if number_text and number_text != name and not _ROMAN.match(number_text):
                name = f"{number_text} {name}"
            self.sections.append(name)
            self.section = len(self.sections) - 1
            return
        self.pending = [self.row_number, list(row), number, self.section]


def _parse_item(row, roles, row_number, number, section, problems):
    def cell(role):
        column = roles.get(role)
        return row[column] if column is not None and column < len(row) else ""

    name, venue = parse_name(cell("name"))
    if "venue" in roles:
        venue = join_lines([venue, _cell_text(cell("venue"))], ", ")
    planned, note, organisations = parse_participants(cell("participants"))
    number_text = _cell_text(cell("number"))
    if number is None:
        problems.append(
            Problem(row_number, "number" if number_text else "no_number", number_text)
        )
    if not name:
        problems.append(Problem(row_number, "no_name", number_text, blocking=True))
    return ParsedItem(
        row=row_number,
        number=number or 0,
        section=section,
        name=name,
        venue=venue,
        schedule_lines=schedule_lines(cell("schedule")),
        participants_planned=planned,
        participants_note=note,
        organisations=organisations,
        programme=programme_paragraphs(cell("programme")),
    )


def _number_items(items, problems):
    """Items without a usable № get the one after the previous item's; a №
    used twice is a blocking problem."""
    last = 0
    for item in items:
        if not item.number:
            item.number = last + 1
        last = item.number
    seen = {}
    for item in items:
        if item.number in seen:
            problems.append(
                Problem(
                    item.row,
                    "duplicate",
                    f"{item.number}:{seen[item.number]}",
                    blocking=True,
                )
            )
        else:
            seen[item.number] = item.row


# ----------------------------------------------------------------------
# HTML of the programme ↔ paragraphs
# ----------------------------------------------------------------------
_BLOCKS = ("p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


def html_paragraphs(html):
    """The paragraphs of an HTML text (a <br> is a line break)."""
    if not html or not str(html).strip():
        return []
    root = lxml_html.fragment_fromstring(str(html), create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [
        element
        for element in root.iter(*_BLOCKS)
        if not any(child.tag in _BLOCKS for child in element.iterdescendants())
    ]
    if not blocks:
        blocks = [root]
    paragraphs = []
    for block in blocks:
        lines = [clean(line) for line in block.text_content().split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return paragraphs


def paragraphs_html(paragraphs):
    """HTML with one <p> per paragraph (line breaks kept as <br>)."""
    from markupsafe import escape  # noqa: PLC0415 (markupsafe comes with Odoo)

    return "".join(
        "<p>" + "<br>".join(str(escape(line)) for line in text.split("\n")) + "</p>"
        for text in paragraphs
        if text
    )


# ----------------------------------------------------------------------
# python-docx glue
# ----------------------------------------------------------------------
def _docx():
    import docx  # noqa: PLC0415 (python-docx: an external dependency)

    return docx


def _cell_paragraphs(cell):
    return [paragraph.text for paragraph in cell.paragraphs]


def read_docx(content):
    """``(title, tables)`` of a .docx: the text above the first table, and
    every table as rows of cells (paragraph lists, a merged cell repeated
    for each grid column it spans; a cell merged with the one above it is
    :class:`Continued`).

    :raises PlanDocxError: ('file', error) if it is not a Word document
    """
    docx = _docx()
    try:
        document = docx.Document(io.BytesIO(content))
    except Exception as error:  # zip, XML, missing parts …
        raise PlanDocxError("file", str(error) or type(error).__name__) from None
    title_lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            break
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if _is_text(node))
            if clean(text):
                title_lines.append(text)
    # an approval stamp («УТВЕРЖДЁН …») above the title is not the title
    starts = [i for i, line in enumerate(title_lines) if _TITLE.match(clean(line))]
    if starts:
        title_lines = title_lines[starts[0] :]
    tables = []
    for table in document.tables:
        rows, above = [], []
        for row in table.rows:
            cells = row.cells
            rows.append(
                [
                    Continued(_cell_paragraphs(cell))
                    if column < len(above) and above[column] is cell._tc
                    else _cell_paragraphs(cell)
                    for column, cell in enumerate(cells)
                ]
            )
            above = [cell._tc for cell in cells]
        tables.append(rows)
    return join_lines(title_lines), tables


def _is_text(node):
    return isinstance(node.tag, str) and node.tag.endswith("}t")


def _set_repeat_header(row):
    docx = _docx()
    tr_pr = row._tr.get_or_add_trPr()
    element = docx.oxml.OxmlElement("w:tblHeader")
    element.set(docx.oxml.ns.qn("w:val"), "true")
    tr_pr.append(element)


def _write_cell(cell, paragraphs, bold=False, center=False):
    docx = _docx()
    paragraphs = [text for text in paragraphs if text] or [""]
    cell.text = ""
    for index, text in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        lines = text.split("\n")
        run = paragraph.add_run(lines[0])
        run.bold = bold
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)
            run.bold = bold
        if center:
            paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def write_plan_docx(title, blocks):
    """A landscape A4 .docx with ``title`` above the plan table.

    ``blocks``: ``("section", name)`` for a row merged across the table, or
    ``("item", {column: [paragraphs]})`` with the :data:`COLUMNS` as keys.
    Returns the file's bytes.
    """
    docx = _docx()
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415
    from docx.shared import Mm, Pt  # noqa: PLC0415

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    heading = document.add_paragraph()
    heading.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title or "")
    run.bold = True
    run.font.all_caps = True
    run.font.size = Pt(13)

    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(COLUMN_WIDTHS_MM[column]) for column in COLUMNS]
    for grid_column, width in zip(table.columns, widths, strict=True):
        grid_column.width = width  # the grid, which LibreOffice follows
    header = table.rows[0]
    _set_repeat_header(header)
    for cell, column, width in zip(header.cells, COLUMNS, widths, strict=True):
        cell.width = width
        _write_cell(cell, [HEADERS[column].upper()], bold=True, center=True)
    for kind, content in blocks:
        row = table.add_row()
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        if kind == "section":
            merged = row.cells[0].merge(row.cells[-1])
            _write_cell(merged, [content], bold=True, center=True)
            continue
        for cell, column in zip(row.cells, COLUMNS, strict=True):
            _write_cell(cell, content.get(column) or [], center=column == "number")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
