"""Import a work plan from a Word document (.docx): upload, preview, create.

The preview lists the sections and items that will be created and every
problem found (an unparsable schedule, an unknown organisation, a missing
number …) before anything is saved; the confirmation reads the file again
and creates the draft plan with its sections, items and occurrences.
"""

import base64
import re
from dataclasses import dataclass, field

from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..models.vsms_plan_item_docx import KEEP_SCHEDULE_ERRORS
from ..tools.guard import allowing
from ..tools.plan_docx import (
    PlanDocxError,
    join_schedule,
    paragraphs_html,
    parse_plan_rows,
    read_docx,
)
from ..tools.schedule import ScheduleError, parse_schedule


def organisation_key(name):
    """A name compared without case, quotes, «ё» and punctuation."""
    text = (name or "").casefold().replace("ё", "е")
    return " ".join(re.findall(r"\w+", text))


@dataclass
class _Row:
    """One item of the document, checked against the database."""

    item: object  # tools.plan_docx.ParsedItem
    schedule_text: str
    schedule_error: str = ""  # the problem, with its row
    item_error: str = ""  # what the item will show
    periods: tuple = ()
    deferred: bool = False
    partners: object = None  # res.partner
    unknown: list = field(default_factory=list)


@dataclass
class _Import:
    plan: object  # tools.plan_docx.ParsedPlan
    rows: list
    problems: list  # (row, message, blocking)

    @property
    def blocking(self):
        return [message for _row, message, blocking in self.problems if blocking]


class VsmsPlanImportWizard(models.TransientModel):
    _name = "vsms.plan.import.wizard"
    _description = "Import a Work Plan from Word"

    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")],
        string="Step",
        default="upload",
        required=True,
    )
    file = fields.Binary(string="Word Document", required=True)
    filename = fields.Char()
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
        help="The year of the new plan; its schedules are read for that year.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    plan_name = fields.Char(
        help="The title of the document unless you change it.",
    )
    create_partners = fields.Boolean(
        string="Create Missing Organisations",
        help="Co-organisers that are not among the contacts are created as "
        "companies; otherwise they are not linked.",
    )
    line_ids = fields.One2many(
        "vsms.plan.import.wizard.line", "wizard_id", string="Preview"
    )
    problems = fields.Text(string="Problems Found", readonly=True)
    problem_count = fields.Integer(string="Problems", readonly=True)
    blocking_count = fields.Integer(
        string="Blocking Problems",
        readonly=True,
        help="Problems that keep the plan from being imported.",
    )
    section_count = fields.Integer(string="Sections", readonly=True)
    item_count = fields.Integer(string="Items", readonly=True)
    occurrence_count = fields.Integer(string="Occurrences", readonly=True)

    # ------------------------------------------------------------------
    # Reading the document
    # ------------------------------------------------------------------
    def _check_year(self):
        self.ensure_one()
        if not 1990 <= self.year <= 2200:
            raise UserError(
                self.env._(
                    "The plan's year must be between 1990 and 2200, not %(year)s.",
                    year=self.year,
                )
            )
        existing = (
            self.env["vsms.plan"]
            .sudo()
            .search(
                [("year", "=", self.year), ("company_id", "=", self.company_id.id)],
                limit=1,
            )
        )
        if existing:
            raise UserError(
                self.env._(
                    "There is already a work plan for %(year)s: «%(plan)s». "
                    "Choose another year, or delete that plan if it is a draft.",
                    year=self.year,
                    plan=existing.name,
                )
            )

    def _read_document(self):
        """The parsed plan, or a UserError that names the file and why."""
        self.ensure_one()
        name = self.filename or self.env._("the file")
        if not self.file:
            raise UserError(self.env._("Choose the Word document (.docx) of the plan."))
        try:
            title, tables = read_docx(base64.b64decode(self.file))
            return parse_plan_rows(tables, title)
        except PlanDocxError as error:
            raise UserError(self._document_error(name, error)) from None

    def _document_error(self, name, error):
        if error.reason == "file":
            return self.env._(
                "«%(file)s» is not a Word document (.docx): %(error)s. Save it in "
                "Word as «Word Document (*.docx)» and upload it again.",
                file=name,
                error=error.value,
            )
        if error.reason == "columns":
            return self.env._(
                "The plan table in «%(file)s» has no column %(missing)s; its "
                "header reads «%(header)s».",
                file=name,
                missing=", ".join(f"«{self._column_label(c)}»" for c in error.value),
                header=error.found,
            )
        if error.value:
            return self.env._(
                "«%(file)s» has no plan table: no table has the columns «№», "
                "«date», «event». Its first table starts with «%(row)s».",
                file=name,
                row=error.value,
            )
        return self.env._(
            "«%(file)s» has no table: the plan must be a table with the columns "
            "«№», «date», «event», «participants», «programme».",
            file=name,
        )

    def _column_label(self, column):
        return {
            "number": self.env._("№"),
            "schedule": self.env._("date"),
            "name": self.env._("event"),
        }.get(column, column)

    def _analyse(self):
        """Read the document and check it against the plan's year and the
        contacts: an :class:`_Import`."""
        self.ensure_one()
        self._check_year()
        parsed = self._read_document()
        problems = [
            self._problem_message(problem, parsed) for problem in parsed.problems
        ]
        if not parsed.items:
            problems.append((0, self.env._("The plan table has no items."), True))
        if parsed.title_year and parsed.title_year != self.year:
            problems.append(
                (
                    0,
                    self.env._(
                        "The document's title names the year %(title_year)s, but "
                        "the plan is imported for %(year)s.",
                        title_year=parsed.title_year,
                        year=self.year,
                    ),
                    False,
                )
            )
        rows = [self._check_schedule(item) for item in parsed.items]
        problems += [
            (row.item.row, row.schedule_error, False)
            for row in rows
            if row.schedule_error
        ]
        problems += self._match_organisations(rows)
        problems.sort(key=lambda problem: problem[0])
        return _Import(plan=parsed, rows=rows, problems=problems)

    def _problem_message(self, problem, parsed):
        item = next((item for item in parsed.items if item.row == problem.row), None)
        number = item.number if item else ""
        if problem.code == "number":
            message = self.env._(
                "Row %(row)s: «%(value)s» is not an item number; the item gets "
                "№ %(number)s.",
                row=problem.row,
                value=problem.value,
                number=number,
            )
        elif problem.code == "no_number":
            message = self.env._(
                "Row %(row)s has no item number; the item gets № %(number)s.",
                row=problem.row,
                number=number,
            )
        elif problem.code == "duplicate":
            message = self.env._(
                "Row %(row)s: № %(number)s is already used in row %(first)s.",
                row=problem.row,
                number=number,
                first=problem.value.split(":")[1],
            )
        elif problem.code == "no_name":
            message = self.env._(
                "Row %(row)s (№ %(number)s) has no event name.",
                row=problem.row,
                number=number,
            )
        else:  # 'table'
            message = self.env._(
                "Table %(table)s has other columns than the plan and was skipped.",
                table=problem.value,
            )
        return problem.row, message, problem.blocking

    def _check_schedule(self, item):
        """The schedule text of ``item`` and its periods, or the error the
        item will show."""
        year = self.year

        def parses(text):
            try:
                parse_schedule(text, year)
            except ScheduleError:
                return False
            return True

        row = _Row(item=item, schedule_text=join_schedule(item.schedule_lines, parses))
        plan = self.env["vsms.plan"].new({"name": "-", "year": year})
        record = self.env["vsms.plan.item"].new(
            {"plan_id": plan, "name": item.name, "schedule_text": row.schedule_text}
        )
        try:
            schedule = record._parse_schedule()
        except ValidationError as error:
            row.schedule_error = self.env._(
                "Row %(row)s: %(error)s The item is imported without occurrences; "
                "correct its schedule afterwards.",
                row=item.row,
                error=error.args[0],
            )
            row.item_error = error.args[0]
        else:
            row.periods, row.deferred = schedule.periods, schedule.deferred
        return row

    def _match_organisations(self, rows):
        """Link the co-organisers to contacts with the same name (ignoring
        case, quotes and «ё»); return the problems."""
        Partner = self.env["res.partner"]
        names = {name for row in rows for name in row.item.organisations}
        words = {name: organisation_key(name).split() for name in names}
        patterns = [
            "%" + "%".join(re.sub("[её]", "_", word) for word in parts) + "%"
            for parts in words.values()
            if parts
        ]
        candidates = Partner.search_fetch(
            Domain.OR([Domain("name", "=ilike", pattern) for pattern in patterns])
            if patterns
            else Domain.FALSE,
            ["name", "is_company", "display_name"],
        )
        by_key = {}
        for partner in candidates:
            by_key.setdefault(organisation_key(partner.name), Partner)
            by_key[organisation_key(partner.name)] |= partner
        problems = []
        for row in rows:
            row.partners = Partner
            for name in row.item.organisations:
                found = by_key.get(organisation_key(name), Partner)
                if len(found) > 1:
                    found = found.filtered("is_company") or found
                if len(found) == 1:
                    row.partners |= found
                    continue
                if found:
                    problems.append(
                        (
                            row.item.row,
                            self.env._(
                                "Row %(row)s: «%(name)s» matches several contacts "
                                "(%(contacts)s); none is linked.",
                                row=row.item.row,
                                name=name,
                                contacts=", ".join(found.mapped("display_name")),
                            ),
                            False,
                        )
                    )
                    continue
                row.unknown.append(name)
                problems.append(
                    (
                        row.item.row,
                        self.env._(
                            "Row %(row)s: no contact «%(name)s»; it will be created "
                            "as a company.",
                            row=row.item.row,
                            name=name,
                        )
                        if self.create_partners
                        else self.env._(
                            "Row %(row)s: no contact «%(name)s»; it will not be "
                            "linked (create the contact, or tick «Create Missing "
                            "Organisations»).",
                            row=row.item.row,
                            name=name,
                        ),
                        False,
                    )
                )
        return problems

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import a Work Plan from Word"),
        }

    def action_preview(self):
        self.ensure_one()
        result = self._analyse()
        parsed = result.plan
        lines = []
        sequence = 0
        by_section = {}
        for row in result.rows:
            by_section.setdefault(row.item.section, []).append(row)
        by_row = {}
        for line, message, _blocking in result.problems:
            by_row.setdefault(line, []).append(message)
        for section in [None, *range(len(parsed.sections))]:
            if section is not None:
                sequence += 1
                lines.append(
                    {
                        "sequence": sequence,
                        "kind": "section",
                        "name": parsed.sections[section],
                    }
                )
            for row in by_section.get(section, []):
                sequence += 1
                lines.append(
                    self._line_values(row, sequence, parsed, by_row.get(row.item.row))
                )
        messages = [message for _row, message, _blocking in result.problems]
        self.write(
            {
                "state": "preview",
                "plan_name": self.plan_name
                or parsed.title
                or self.env._("Work plan for %(year)s", year=self.year),
                "line_ids": [Command.clear()]
                + [Command.create(vals) for vals in lines],
                "problems": "\n".join(messages),
                "problem_count": len(messages),
                "blocking_count": len(result.blocking),
                "section_count": len(parsed.sections),
                "item_count": len(result.rows),
                "occurrence_count": sum(len(row.periods) for row in result.rows),
            }
        )
        return self._reopen()

    def _line_values(self, row, sequence, parsed, problems):
        item = row.item
        if row.deferred and not row.periods:
            occurrences = self.env._("no dates yet")
        else:
            occurrences = ", ".join(period.label for period in row.periods)
        return {
            "sequence": sequence,
            "kind": "item",
            "row": item.row,
            "number": item.number,
            "section_name": parsed.sections[item.section]
            if item.section is not None
            else False,
            "name": item.name,
            "venue": item.venue,
            "schedule_text": row.schedule_text,
            "occurrences": occurrences,
            "occurrence_count": len(row.periods),
            "schedule_error": row.item_error or False,
            "participants_planned": item.participants_planned,
            "participants_note": item.participants_note,
            "partner_ids": [Command.set(row.partners.ids)],
            "unknown_organisations": "; ".join(row.unknown),
            "programme": "\n".join(item.programme),
            "problems": "\n".join(problems or []),
        }

    def action_back(self):
        self.ensure_one()
        self.write({"state": "upload", "line_ids": [Command.clear()]})
        return self._reopen()

    def action_confirm(self):
        """Create the draft plan, its sections, items and occurrences."""
        self.ensure_one()
        result = self._analyse()
        if result.blocking:
            raise UserError(
                self.env._("Nothing was imported:") + "\n" + "\n".join(result.blocking)
            )
        parsed = result.plan
        plan = self.env["vsms.plan"].create(
            {
                "name": self.plan_name
                or parsed.title
                or self.env._("Work plan for %(year)s", year=self.year),
                "year": self.year,
                "company_id": self.company_id.id,
            }
        )
        sections = self.env["vsms.plan.section"].create(
            [
                {"plan_id": plan.id, "sequence": 10 * (index + 1), "name": name}
                for index, name in enumerate(parsed.sections)
            ]
        )
        created = self._create_partners(result.rows)
        vals_list = []
        for row in result.rows:
            item = row.item
            partners = row.partners.union(*(created[name] for name in row.unknown))
            vals_list.append(
                {
                    "plan_id": plan.id,
                    "section_id": sections[item.section].id
                    if item.section is not None
                    else False,
                    "number": item.number,
                    "name": item.name,
                    "venue": item.venue or False,
                    "schedule_text": row.schedule_text or False,
                    "participants_planned": item.participants_planned,
                    "participants_note": item.participants_note or False,
                    "partner_ids": [Command.set(partners.ids)],
                    "description": paragraphs_html(item.programme) or False,
                }
            )
        with allowing(KEEP_SCHEDULE_ERRORS):
            self.env["vsms.plan.item"].with_context(
                mail_create_nolog=True, mail_auto_subscribe_no_notify=True
            ).create(vals_list)
        plan.message_post(
            body=self.env._(
                "Imported from «%(file)s»: %(sections)s sections, %(items)s items, "
                "%(occurrences)s occurrences; %(problems)s problems.",
                file=self.filename or "",
                sections=len(sections),
                items=len(vals_list),
                occurrences=len(plan.occurrence_ids),
                problems=len(result.problems),
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "vsms.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }

    def _create_partners(self, rows):
        """``{name: partner}`` of the co-organisers to create (if asked)."""
        Partner = self.env["res.partner"]
        names = list(dict.fromkeys(name for row in rows for name in row.unknown))
        if not self.create_partners:
            return dict.fromkeys(names, Partner)
        partners = Partner.create(
            [{"name": name, "is_company": True} for name in names]
        )
        return dict(zip(names, partners, strict=True))
