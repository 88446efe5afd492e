from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..const import USER_GROUP
from ..tools import guard
from .vsms_contest import RESULTS

# What a juror writes on their own lines (``is_marked``: a mark of 0 given
# over the line's initial 0).
MARK_FIELDS = {"value", "comment", "is_marked"}


class VsmsContestScore(models.Model):
    _name = "vsms.contest.score"
    _description = "Contest Mark"
    _order = "application_id, juror_id, criterion_sequence, criterion_id"

    application_id = fields.Many2one(
        "vsms.contest.application",
        required=True,
        index=True,
        ondelete="cascade",
    )
    juror_id = fields.Many2one(
        "vsms.contest.juror",
        required=True,
        index=True,
        ondelete="cascade",
    )
    criterion_id = fields.Many2one(
        "vsms.contest.criterion",
        required=True,
        index=True,
        ondelete="cascade",
    )
    contest_id = fields.Many2one(
        related="application_id.contest_id", store=True, index=True, string="Contest"
    )
    company_id = fields.Many2one(
        related="application_id.company_id", store=True, index=True, string="Company"
    )
    contest_state = fields.Selection(
        related="application_id.contest_id.state", string="Contest status"
    )
    juror_user_id = fields.Many2one(
        related="juror_id.user_id", store=True, index=True, string="Juror (user)"
    )
    application_label = fields.Char(
        related="application_id.display_label", string="Application label"
    )
    nomination_id = fields.Many2one(
        related="application_id.nomination_id", string="Nomination"
    )
    criterion_sequence = fields.Integer(
        related="criterion_id.sequence", store=True, string="Criterion order"
    )
    criterion_description = fields.Text(
        related="criterion_id.description", string="Description"
    )
    max_score = fields.Float(related="criterion_id.max_score", string="Maximum")
    weight = fields.Float(related="criterion_id.weight")
    value = fields.Float(string="Mark", digits=(16, 2))
    is_marked = fields.Boolean(
        string="Marked",
        readonly=True,
        index=True,
        help="Set when the juror gives the mark (a mark of 0 counts).",
    )
    comment = fields.Text()

    _mark_uniq = models.UniqueIndex(
        "(application_id, juror_id, criterion_id)",
        "A juror gives one mark per application and criterion.",
    )

    @api.constrains("value", "criterion_id")
    def _check_value(self):
        for score in self:
            maximum = score.criterion_id.max_score
            if not 0 <= score.value <= maximum:
                raise ValidationError(
                    self.env._(
                        "The mark %(value)s for «%(criterion)s» must lie between 0 "
                        "and %(max)s.",
                        value=score.value,
                        criterion=score.criterion_id.name,
                        max=maximum,
                    )
                )

    @api.constrains("application_id", "juror_id", "criterion_id")
    def _check_same_contest(self):
        for score in self.sudo():
            contest = score.application_id.contest_id
            if score.juror_id.contest_id != contest or (
                score.criterion_id.contest_id != contest
            ):
                raise ValidationError(
                    self.env._(
                        "A mark joins an application, a juror and a criterion of "
                        "the same contest."
                    )
                )

    def _check_markable(self):
        """Marks only while judging, on admitted applications, by marking
        jurors without a conflict; after the preliminary results only on
        applications with an upheld appeal."""
        for score in self.sudo():
            application = score.application_id
            contest = application.contest_id
            label = application.display_label
            if contest.state != "judging":
                raise UserError(
                    self.env._(
                        "«%(contest)s» is not being judged: marks cannot be given "
                        "or changed (%(application)s).",
                        contest=contest.name,
                        application=label,
                    )
                )
            if application.state != "admitted":
                raise UserError(
                    self.env._(
                        "«%(application)s» is not admitted: it is not marked.",
                        application=label,
                    )
                )
            if application in score.juror_id.conflict_application_ids:
                raise UserError(
                    self.env._(
                        "%(juror)s declared a conflict of interest with "
                        "«%(application)s» and cannot mark it.",
                        juror=score.juror_id.name,
                        application=label,
                    )
                )
            if not score.juror_id.is_marking:
                raise UserError(
                    self.env._(
                        "%(juror)s does not mark applications.",
                        juror=score.juror_id.name,
                    )
                )
            if contest.results_published and not application.has_upheld_appeal:
                raise UserError(
                    self.env._(
                        "The preliminary results of «%(contest)s» are published: "
                        "the marks of «%(application)s» change only after an "
                        "upheld appeal.",
                        contest=contest.name,
                        application=label,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if guard.allowed(RESULTS):
            return super().create(vals_list)
        for vals in vals_list:
            if "value" in vals:
                vals.setdefault("is_marked", True)
        scores = super().create(vals_list)
        scores._check_markable()
        scores._check_own()
        scores.contest_id._vsms_compute_results()
        return scores

    def write(self, vals):
        if guard.allowed(RESULTS):
            return super().write(vals)
        self.check_access("write")
        if set(vals) - MARK_FIELDS:
            raise UserError(
                self.env._(
                    "A mark's application, juror and criterion are fixed; only "
                    "the mark and the comment change."
                )
            )
        self._check_own()
        self._check_markable()
        if "value" in vals and "is_marked" not in vals:
            vals = dict(vals, is_marked=True)
        with guard.allowing(RESULTS):
            res = super().write(vals)
        if {"value", "is_marked"} & set(vals):
            self.contest_id._vsms_compute_results()
        return res

    def _check_own(self):
        if self.env.su or self.env.user.has_group(USER_GROUP):
            return
        for score in self.sudo():
            if score.juror_user_id != self.env.user:
                raise AccessError(self.env._("A juror gives only their own marks."))

    @api.ondelete(at_uninstall=False)
    def _unlink_while_judging(self):
        if guard.allowed(RESULTS):
            return
        for score in self.sudo():
            if score.contest_id.state == "done":
                raise UserError(
                    self.env._(
                        "The results of «%(contest)s» are final: its marks stay.",
                        contest=score.contest_id.name,
                    )
                )

    def unlink(self):
        contests = self.sudo().contest_id
        res = super().unlink()
        if not guard.allowed(RESULTS):
            contests._vsms_compute_results()
        return res
