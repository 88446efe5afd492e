"""Import an election commission's results table: district number,
candidate's full name, votes (CSV or XLSX).  All rows or none."""

import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.vsms_candidate import ON_BALLOT
from ..tools.election_results import match_names

# How many errors the message lists (the rest are counted).
MAX_ERRORS = 30


def read_rows(content, filename):
    """The rows of a CSV (UTF-8 or cp1251; comma, semicolon or tab) or XLSX
    file as lists of cell values."""
    if (filename or "").lower().endswith(".xlsx"):
        import openpyxl  # noqa: PLC0415 (only needed for this format)

        book = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1251")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_int(value):
    """An integer written in a cell («12 345», «12345», 12345.0), or None."""
    text = cell_text(value).replace("\xa0", "").replace(" ", "")
    try:
        return int(text)
    except ValueError:
        return None


class VsmsElectionResultImport(models.TransientModel):
    _name = "vsms.election.result.import"
    _description = "Import Election Results"

    election_id = fields.Many2one("vsms.election", required=True, ondelete="cascade")
    file = fields.Binary(string="Results Table", required=True)
    filename = fields.Char()

    def _parse(self):
        """``({candidate: votes}, [errors])`` from the file."""
        self.ensure_one()
        election = self.election_id
        try:
            rows = read_rows(base64.b64decode(self.file or b""), self.filename)
        except Exception as error:
            raise UserError(
                self.env._(
                    "«%(file)s» cannot be read as a CSV or XLSX table: %(error)s",
                    file=self.filename or "",
                    error=error,
                )
            ) from None
        rows = [
            (number, [cell_text(cell) for cell in row[:3]])
            for number, row in enumerate(rows, start=1)
            if any(cell_text(cell) for cell in row)
        ]
        # a header row: neither its district nor its votes are numbers
        if rows:
            first = [*rows[0][1], "", "", ""]
            if parse_int(first[0]) is None and parse_int(first[2]) is None:
                rows = rows[1:]
        districts = election.district_ids
        by_number = {d.number: d for d in districts if d.number}
        lists = districts.filtered(lambda d: d.kind == "list")
        errors, wanted = [], []
        for line, cells in rows:
            number_text, name, votes_text = [*cells, "", "", ""][:3]
            if number_text:
                number = parse_int(number_text)
                district = by_number.get(number)
            else:
                number, district = None, (lists if len(lists) == 1 else None)
            if not district:
                errors.append(
                    self.env._(
                        "Row %(row)s: «%(election)s» has no district «%(number)s».",
                        row=line,
                        election=election.name,
                        number=number_text,
                    )
                )
                continue
            votes = parse_int(votes_text)
            if votes is None or votes < 0:
                errors.append(
                    self.env._(
                        "Row %(row)s: «%(votes)s» is not a number of votes "
                        "(a whole number, 0 or more).",
                        row=line,
                        votes=votes_text,
                    )
                )
                continue
            if not name:
                errors.append(
                    self.env._("Row %(row)s: the candidate's name is empty.", row=line)
                )
                continue
            wanted.append((line, district, name, votes))
        if not rows:
            errors.append(
                self.env._(
                    "The table «%(file)s» has no rows.", file=self.filename or ""
                )
            )
        results = self._match(wanted, errors)
        return results, sorted(errors, key=_row_key)

    def _match(self, wanted, errors):
        """``{candidate: votes}`` for the rows ``(row, district, name, votes)``
        whose names match a candidate on the ballot; ``errors`` gets the
        others."""
        results, seen = {}, {}
        for district in {district for _line, district, _name, _votes in wanted}:
            rows_here = [row for row in wanted if row[1] == district]
            candidates = district.candidate_ids
            matches, unknown, ambiguous = match_names(
                [name for _line, _district, name, _votes in rows_here],
                {candidate: candidate.partner_id.name for candidate in candidates},
            )
            for line, _district, name, votes in rows_here:
                if name in unknown:
                    errors.append(
                        self.env._(
                            "Row %(row)s: no candidate «%(name)s» in district "
                            "«%(district)s».",
                            row=line,
                            name=name,
                            district=district.display_name,
                        )
                    )
                elif name in ambiguous:
                    errors.append(
                        self.env._(
                            "Row %(row)s: «%(name)s» in district «%(district)s» "
                            "may be any of %(candidates)s; write the full name.",
                            row=line,
                            name=name,
                            district=district.display_name,
                            candidates=", ".join(
                                c.partner_id.name for c in ambiguous[name]
                            ),
                        )
                    )
                else:
                    candidate = matches[name]
                    if candidate.state not in ON_BALLOT:
                        errors.append(
                            self.env._(
                                "Row %(row)s: %(name)s is «%(state)s», not on "
                                "the ballot.",
                                row=line,
                                name=candidate.partner_id.name,
                                state=candidate._state_label(candidate.state),
                            )
                        )
                    elif candidate in seen:
                        errors.append(
                            self.env._(
                                "Row %(row)s: %(name)s already has votes in row "
                                "%(first)s.",
                                row=line,
                                name=candidate.partner_id.name,
                                first=seen[candidate],
                            )
                        )
                    else:
                        seen[candidate] = line
                        results[candidate] = votes
        return results

    def action_import(self):
        self.ensure_one()
        election = self.election_id
        if election.state not in ("voting", "results"):
            raise UserError(
                self.env._(
                    "Results of «%(election)s» are imported once voting has "
                    "started; it is at the status «%(state)s».",
                    election=election.name,
                    state=election._state_label(election.state),
                )
            )
        results, errors = self._parse()
        if errors:
            shown = errors[:MAX_ERRORS]
            if len(errors) > MAX_ERRORS:
                shown.append(
                    self.env._("… and %(count)s more.", count=len(errors) - MAX_ERRORS)
                )
            raise UserError(
                self.env._("Nothing was imported:") + "\n" + "\n".join(shown)
            )
        for candidate, votes in results.items():
            candidate.votes = votes
        election.message_post(
            body=self.env._(
                "Results imported from «%(file)s»: votes of %(count)s candidates.",
                file=self.filename or "",
                count=len(results),
            )
        )
        return {"type": "ir.actions.act_window_close"}


def _row_key(message):
    """Sort error messages by their row number (they start «Row N:»)."""
    digits = "".join(ch for ch in message.split(":", 1)[0] if ch.isdigit())
    return int(digits) if digits else 0
