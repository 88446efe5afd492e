import base64
import binascii
import zipfile

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import contest_marks_import as marks_import

USER_GROUP = "vsms_regional.group_vsms_user"


class VsmsContestScoreImport(models.TransientModel):
    """Marks of a contest from a spreadsheet (CSV or XLSX).

    Every row must be understood before anything is saved: rows naming an
    unknown or ambiguous application, criterion or juror, and marks out of
    range, are listed and the import stops."""

    _name = "vsms.contest.score.import"
    _description = "Import Jury Marks"

    contest_id = fields.Many2one(
        "vsms.contest",
        required=True,
        ondelete="cascade",
        domain="[('state', '=', 'judging')]",
    )
    juror_id = fields.Many2one(
        "vsms.contest.juror",
        domain="[('contest_id', '=', contest_id)]",
        help="Who gave the marks of the rows that name no juror.",
    )
    is_staff = fields.Boolean(compute="_compute_is_staff")
    file = fields.Binary(string="Spreadsheet")
    filename = fields.Char()
    problems = fields.Text(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        contest = self.env["vsms.contest"].browse(values.get("contest_id"))
        if contest and "juror_id" in fields_list and not values.get("juror_id"):
            mine = contest.juror_ids.filtered(lambda j: j.user_id == self.env.user)
            values["juror_id"] = mine[:1].id
        return values

    @api.onchange("contest_id")
    def _onchange_contest_id(self):
        self.juror_id = self._own_juror()[:1]

    def _compute_is_staff(self):
        self.is_staff = self.env.user.has_group(USER_GROUP)

    def _read_sheet(self):
        try:
            data = base64.b64decode(self.file or b"")
            return marks_import.read_rows(data, self.filename or "")
        except (
            binascii.Error,
            UnicodeDecodeError,
            zipfile.BadZipFile,
            ValueError,
            KeyError,
            OSError,
        ) as error:
            raise UserError(
                self.env._(
                    "«%(file)s» cannot be read as a CSV or XLSX spreadsheet: %(error)s",
                    file=self.filename or self.env._("the file"),
                    error=error,
                )
            ) from error

    def _own_juror(self):
        """The juror record of the current user on the contest, if any."""
        return self.contest_id.juror_ids.filtered(lambda j: j.user_id == self.env.user)

    def _match(self, rows):
        staff = self.env.user.has_group(USER_GROUP)
        contest = self.contest_id
        if staff:
            jurors = contest.juror_ids
            juror = self.juror_id
        else:
            # a juror imports their own marks only
            jurors = self._own_juror()
            juror = jurors[:1]
        applications = contest.application_ids.filtered(lambda a: a.state == "admitted")
        return marks_import.match_marks(
            rows,
            [
                marks_import.Application(
                    app.id,
                    app.code or "",
                    app.partner_id.name if staff else app.display_label,
                )
                for app in applications
            ],
            [
                marks_import.Criterion(crit.id, crit.name, crit.max_score)
                for crit in contest.criterion_ids
            ],
            jurors=[
                marks_import.Juror(
                    j.id, (j.user_id.name, j.user_id.login, j.partner_id.name)
                )
                for j in jurors
            ],
            juror=juror.id or None,
            conflicts={
                (j.id, app.id)
                for j in (jurors if staff else self.env["vsms.contest.juror"])
                for app in j.conflict_application_ids
            },
        )

    def _problem_text(self, problem):
        value, candidates = problem.value, problem.candidates
        texts = {
            marks_import.NO_HEADER: lambda: self.env._("The spreadsheet is empty."),
            marks_import.NO_APPLICATION_COLUMN: lambda: self.env._(
                "No column of applications: head it «Код» or «ФИО»."
            ),
            marks_import.NO_CRITERION_COLUMN: lambda: self.env._(
                "No marks: add the columns «Критерий» and «Балл», or one column "
                "per criterion headed by its name."
            ),
            marks_import.UNKNOWN_COLUMN: lambda: self.env._(
                "column «%(name)s» is not a criterion of this contest", name=value
            ),
            marks_import.UNKNOWN_APPLICATION: lambda: self.env._(
                "no admitted application «%(name)s» that you may mark", name=value
            ),
            marks_import.AMBIGUOUS_APPLICATION: lambda: self.env._(
                "«%(name)s» may be any of %(candidates)s: write the code",
                name=value,
                candidates=", ".join(candidates),
            ),
            marks_import.UNKNOWN_CRITERION: lambda: self.env._(
                "no criterion «%(name)s» in this contest", name=value
            ),
            marks_import.UNKNOWN_JUROR: lambda: self.env._(
                "«%(name)s» is not a member of this jury", name=value
            ),
            marks_import.AMBIGUOUS_JUROR: lambda: self.env._(
                "several jurors are called «%(name)s»: write the full name",
                name=value,
            ),
            marks_import.NO_JUROR: lambda: self.env._(
                "no juror: choose the juror or add a column «Член жюри»"
            ),
            marks_import.NO_VALUE: lambda: self.env._("no mark"),
            marks_import.BAD_VALUE: lambda: self.env._(
                "«%(value)s» is not a mark", value=value
            ),
            marks_import.NEGATIVE_VALUE: lambda: self.env._(
                "the mark %(value)s is negative", value=value
            ),
            marks_import.ABOVE_MAX: lambda: self.env._(
                "the mark %(value)s is above the maximum of %(max)s for "
                "«%(criterion)s»",
                value=value,
                criterion=candidates[0],
                max=candidates[1],
            ),
            marks_import.CONFLICT: lambda: self.env._(
                "the juror declared a conflict of interest with «%(name)s»", name=value
            ),
            marks_import.DUPLICATE: lambda: self.env._(
                "«%(name)s», «%(criterion)s» is already marked in row %(row)s",
                name=value,
                criterion=candidates[0],
                row=candidates[1],
            ),
        }
        text = texts[problem.kind]()
        if not problem.row:
            return text
        return self.env._("Row %(row)s: %(problem)s", row=problem.row, problem=text)

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the spreadsheet to import."))
        result = self._match(self._read_sheet())
        if result.problems:
            self.problems = "\n".join(self._problem_text(p) for p in result.problems)
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": self.id,
                "view_mode": "form",
                "target": "new",
                "name": self.env._("Import Jury Marks"),
            }
        if not result.marks:
            raise UserError(self.env._("The spreadsheet holds no marks."))
        count = self._save(result.marks)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s marks imported.", count=count),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_download_template(self):
        """A CSV sheet to fill in: the applications the user may mark (by
        code, with the label jurors see) and a column per criterion."""
        self.ensure_one()
        if self.env.user.has_group(USER_GROUP):
            applications = self.contest_id.application_ids
        else:
            applications = self.contest_id.application_ids.filtered("my_score_ids")
        rows = marks_import.template_rows(
            [
                (app.code or "", app.display_label or "")
                for app in applications.filtered(lambda a: a.state == "admitted")
            ],
            self.contest_id.criterion_ids.sorted(lambda c: (c.sequence, c.id)).mapped(
                "name"
            ),
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Marks - %(contest)s.csv", contest=self.contest_id.name
                ),
                "raw": marks_import.write_csv(rows),
                "mimetype": "text/csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _save(self, marks):
        Score = self.env["vsms.contest.score"]
        existing = {
            (s.application_id.id, s.criterion_id.id, s.juror_id.id): s
            for s in Score.search(
                [
                    ("application_id", "in", list({m.application for m in marks})),
                    ("juror_id", "in", list({m.juror for m in marks})),
                ]
            )
        }
        to_create = []
        for mark in marks:
            score = existing.get((mark.application, mark.criterion, mark.juror))
            values = {"value": mark.value}
            if mark.comment:
                values["comment"] = mark.comment
            if score:
                if (
                    not score.is_marked
                    or score.value != mark.value
                    or (mark.comment and mark.comment != score.comment)
                ):
                    score.write(values)
            else:
                to_create.append(
                    values
                    | {
                        "application_id": mark.application,
                        "criterion_id": mark.criterion,
                        "juror_id": mark.juror,
                    }
                )
        Score.create(to_create)
        return len(marks)
