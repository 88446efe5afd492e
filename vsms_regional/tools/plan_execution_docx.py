"""The plan-execution report as a Word document (python-docx): a landscape
A4 page with the summary, then the plan's table — №, event, schedule, held,
participants planned / registered / actual, publications, decisions, status,
comment — with the section rows merged across the table.

``build_docx(data, labels)`` takes the plain structure of
``vsms.plan._execution_report_data`` and the translated labels; no database.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

# Column widths in cm (27.7 cm of text on a landscape A4 with 1 cm margins).
WIDTHS = (1.0, 5.2, 2.4, 4.2, 1.3, 1.3, 1.3, 3.2, 3.2, 1.9, 2.7)
COLUMNS = len(WIDTHS)
FONT = "Times New Roman"


def _text(cell, text, bold=False, italic=False, center=False, size=9):
    """Write ``text`` (lines separated by newlines) into ``cell``."""
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(str(text).split("\n")):
        if index:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold
        run.italic = italic
        run.font.size = Pt(size)
        run.font.name = FONT
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _shade(cell, fill="EEEEEE"):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row):
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _lines(entries, fmt):
    return "\n".join(fmt(entry) for entry in entries)


def item_cells(row):
    """The texts of an item's columns, in the table's order."""
    held = _lines(
        row["held"],
        lambda e: f"{e['date_text']} {e['name']}".strip(),
    )
    publications = _lines(
        row["publications"], lambda e: f"{e['date_text']} {e['name']}".strip()
    )
    decisions = _lines(
        row["decisions"], lambda e: " ".join(filter(None, [e["number"], e["name"]]))
    )
    name = row["name"] + (f"\n{row['venue']}" if row["venue"] else "")
    return [
        str(row["number"]),
        name,
        row["schedule"],
        held,
        str(row["participants_planned"] or ""),
        str(row["participants_registered"]),
        str(row["participants_actual"]),
        publications,
        decisions,
        row["status_label"],
        row["comment"],
    ]


def _page(document, data, labels):
    """Landscape A4, the title and the period."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.0))
    section.top_margin = section.bottom_margin = Cm(1.5)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(labels["title"].upper())
    run.bold = True
    run.font.size = Pt(13)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(
        f"{data['plan']['name']}\n{data['period']['label']} ({data['period']['text']})"
    ).font.size = Pt(11)


def _summary(document, data, labels):
    """The summary: items by status, then the totals."""
    summary = data["summary"]
    states = data["state_labels"]
    document.add_paragraph().add_run(labels["summary"]).bold = True
    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    lines = [(labels["items"], summary["items"])]
    lines += [(states[key], summary[key]) for key in states if summary[key]]
    lines += [
        (
            labels["occurrences"],
            f"{summary['occurrences_done']} / {summary['occurrences']}",
        ),
        (labels["held"], summary["held"]),
        (
            labels["participants"],
            f"{summary['participants_planned']} / "
            f"{summary['participants_registered']} / "
            f"{summary['participants_actual']}",
        ),
        (labels["publications"], summary["publications"]),
        (labels["decisions"], summary["decisions"]),
    ]
    for label, value in lines:
        cells = facts.add_row().cells
        _text(cells[0], label, size=10)
        _text(cells[1], value, bold=True, center=True, size=10)
        cells[0].width, cells[1].width = Cm(9), Cm(3)
    document.add_paragraph()


def _header(table, labels):
    """Two header rows; «Participants» spans its three columns."""
    top, bottom = table.rows
    headers = [
        labels["number"],
        labels["name"],
        labels["schedule"],
        labels["held_column"],
        labels["planned"],
        labels["registered"],
        labels["actual"],
        labels["publications"],
        labels["decisions"],
        labels["status"],
        labels["comment"],
    ]
    for index, header in enumerate(headers):
        if 4 <= index <= 6:
            _text(bottom.cells[index], header, bold=True, center=True, size=8)
        else:
            merged = top.cells[index].merge(bottom.cells[index])
            _text(merged, header, bold=True, center=True)
    participants = top.cells[4].merge(top.cells[6])
    _text(participants, labels["participants_column"], bold=True, center=True)
    _repeat_header(top)
    _repeat_header(bottom)


def build_docx(data, labels):
    """The report as the bytes of a .docx file."""
    document = Document()
    _page(document, data, labels)
    _summary(document, data, labels)
    table = document.add_table(rows=2, cols=COLUMNS)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _header(table, labels)
    for group in data["sections"]:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[COLUMNS - 1])
        _text(
            merged,
            group["name"] or labels["without_section"],
            bold=True,
            italic=True,
            center=True,
            size=10,
        )
        _shade(merged)
        for item in group["items"]:
            cells = table.add_row().cells
            for index, text in enumerate(item_cells(item)):
                _text(cells[index], text, center=index in (0, 4, 5, 6))

    for row in table.rows:
        for index, cell in enumerate(row.cells):
            cell.width = Cm(WIDTHS[index])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
