from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..const import USER_GROUP
from ..tools import guard

# Held while a button decides an appeal.
DECISION = "vsms.contest.appeal.decision"


class VsmsContestAppeal(models.Model):
    _name = "vsms.contest.appeal"
    _description = "Contest Appeal"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    application_id = fields.Many2one(
        "vsms.contest.application",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    contest_id = fields.Many2one(
        related="application_id.contest_id", store=True, index=True, string="Contest"
    )
    company_id = fields.Many2one(
        related="application_id.company_id", store=True, index=True, string="Company"
    )
    date = fields.Datetime(
        string="Filed on", required=True, default=fields.Datetime.now, readonly=True
    )
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("upheld", "Upheld"), ("rejected", "Rejected")],
        string="Status",
        required=True,
        default="open",
        readonly=True,
        index=True,
        tracking=True,
    )
    decision_note = fields.Text(
        tracking=True,
        help="The jury's decision and what changed; printed in the protocol.",
    )
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, index=True
    )
    date_decided = fields.Datetime(string="Decided on", readonly=True)
    score_before = fields.Float(
        string="Score when filed", readonly=True, digits=(16, 2)
    )
    score_after = fields.Float(
        related="application_id.score", string="Score now", digits=(16, 2)
    )

    @api.depends("application_id.display_label", "date")
    def _compute_display_name(self):
        for appeal in self:
            appeal.display_name = self.env._(
                "Appeal of %(application)s",
                application=appeal.application_id.display_label or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "open") != "open" or {
                "decided_by_id",
                "date_decided",
                "score_before",
            } & set(vals):
                raise UserError(self.env._("A new appeal is open and undecided."))
        appeals = super().create(vals_list)
        for appeal in appeals.sudo():
            application = appeal.application_id
            if application.contest_id.state != "judging" or (
                application.state != "admitted"
            ):
                raise UserError(
                    self.env._(
                        "Appeals are filed while the contest is judged, on "
                        "admitted applications («%(application)s»).",
                        application=application.display_label,
                    )
                )
        with guard.allowing(DECISION):
            for appeal in appeals.sudo():
                appeal.score_before = appeal.application_id.score
        return appeals

    def write(self, vals):
        if not guard.allowed(DECISION) and not (
            self.env.su or self.env.user.has_group(USER_GROUP)
        ):
            for appeal in self.sudo():
                chair = appeal.contest_id.juror_ids.filtered(
                    lambda j: j.role == "chair"
                )
                if set(vals) - {"decision_note"} or chair.user_id != self.env.user:
                    raise AccessError(
                        self.env._(
                            "Only the chair of the jury or staff write the "
                            "decision on «%(appeal)s».",
                            appeal=appeal.display_name,
                        )
                    )
        if not guard.allowed(DECISION):
            protected = {"state", "decided_by_id", "date_decided", "score_before"}
            if protected & set(vals):
                raise UserError(
                    self.env._(
                        "An appeal is decided through its buttons (uphold, reject)."
                    )
                )
            for appeal in self:
                if appeal.state != "open" and {"reason", "application_id"} & set(vals):
                    raise UserError(
                        self.env._(
                            "«%(appeal)s» is decided: it cannot change.",
                            appeal=appeal.display_name,
                        )
                    )
                if appeal.contest_id.state == "done":
                    raise UserError(
                        self.env._(
                            "The results of «%(contest)s» are final: its appeals "
                            "stay as decided.",
                            contest=appeal.contest_id.name,
                        )
                    )
        return super().write(vals)

    def _decide(self, state, note=None):
        staff = self.env.su or self.env.user.has_group(USER_GROUP)
        for appeal in self:
            contest = appeal.sudo().contest_id
            if appeal.state != "open" or contest.state != "judging":
                raise UserError(
                    self.env._(
                        "«%(appeal)s» cannot be decided: it is not open or the "
                        "contest is not being judged.",
                        appeal=appeal.display_name,
                    )
                )
            chair = contest.juror_ids.filtered(lambda j: j.role == "chair")
            if not staff and chair.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the chair of the jury or staff decide «%(appeal)s».",
                        appeal=appeal.display_name,
                    )
                )
            if not (note or appeal.decision_note or "").strip():
                raise ValidationError(
                    self.env._(
                        "«%(appeal)s»: write the jury's decision (it goes into the "
                        "protocol).",
                        appeal=appeal.display_name,
                    )
                )
        vals = {
            "state": state,
            "decided_by_id": self.env.user.id,
            "date_decided": fields.Datetime.now(),
        }
        if note:
            vals["decision_note"] = note
        with guard.allowing(DECISION):
            self.write(vals)
        return True

    def action_uphold(self, note=None):
        """Uphold: the jury may change the application's marks (even after
        the preliminary results); the ranking follows."""
        return self._decide("upheld", note)

    def action_reject(self, note=None):
        """Reject the appeal: the marks stay."""
        return self._decide("rejected", note)
