from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.quorum import quorum_required

BODY_KINDS = [
    ("regional_council", "Regional council"),
    ("presidium", "Presidium"),
    ("audit_commission", "Audit commission"),
    ("other", "Other"),
]


class VsmsBody(models.Model):
    _name = "vsms.body"
    _description = "Governing Body"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(BODY_KINDS, required=True, default="other", tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    parent_id = fields.Many2one(
        "vsms.body",
        string="Elected by",
        index=True,
        check_company=True,
        help="The body that forms this one, e.g. the regional council for its "
        "presidium.",
    )
    member_ids = fields.One2many("vsms.body.member", "body_id", string="Members")
    member_count = fields.Integer(string="Members Now", compute="_compute_member_count")
    quorum_ratio = fields.Float(
        string="Quorum Share",
        default=0.5,
        digits=(3, 3),
        tracking=True,
        help="Share of the members in office that must be present, e.g. 0.5 for "
        "half or 0.667 for two thirds.",
    )
    quorum_strict = fields.Boolean(
        string="More Than the Share",
        default=True,
        help="Checked: a quorum needs more than the share («более половины»). "
        "Unchecked: at least the share («не менее двух третей»).",
    )
    quorum_rule = fields.Char(compute="_compute_quorum_rule")
    decision_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Decision Numbering",
        readonly=True,
        copy=False,
        help="Numbers decisions «№ 1/2021», «№ 2/2021»…, restarting each year.",
    )
    meeting_ids = fields.One2many("calendar.event", "vsms_body_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")
    decision_count = fields.Integer(compute="_compute_meeting_count")
    note = fields.Html(string="Regulations")

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)",
        "A body with this name already exists.",
    )

    @api.constrains("quorum_ratio")
    def _check_quorum_ratio(self):
        for body in self:
            if not 0 < body.quorum_ratio <= 1:
                raise ValidationError(
                    self.env._(
                        "The quorum share of «%(body)s» must be above 0 and at most "
                        "1, got %(value)s.",
                        body=body.name,
                        value=body.quorum_ratio,
                    )
                )

    @api.depends("member_ids.date_start", "member_ids.date_end")
    def _compute_member_count(self):
        today = fields.Date.context_today(self)
        for body in self:
            body.member_count = len(body._members_at(today))

    def _compute_meeting_count(self):
        meetings = dict(
            self.env["calendar.event"]._read_group(
                [("vsms_body_id", "in", self.ids)], ["vsms_body_id"], ["__count"]
            )
        )
        decisions = dict(
            self.env["vsms.decision"]._read_group(
                [("body_id", "in", self.ids)], ["body_id"], ["__count"]
            )
        )
        for body in self:
            body.meeting_count = meetings.get(body._origin, 0)
            body.decision_count = decisions.get(body._origin, 0)

    @api.depends("quorum_ratio", "quorum_strict", "member_count")
    def _compute_quorum_rule(self):
        for body in self:
            if not 0 < body.quorum_ratio <= 1:
                body.quorum_rule = False
                continue
            percent = round(body.quorum_ratio * 100, 1)
            template = (
                self.env._(
                    "more than %(percent)s%% of the members: %(needed)s of %(total)s"
                )
                if body.quorum_strict
                else self.env._(
                    "at least %(percent)s%% of the members: %(needed)s of %(total)s"
                )
            )
            body.quorum_rule = template % {
                "percent": f"{percent:g}",
                "needed": body._quorum_required(body.member_count),
                "total": body.member_count,
            }

    def _quorum_required(self, total):
        self.ensure_one()
        return quorum_required(total, self.quorum_ratio, self.quorum_strict)

    def _members_at(self, date):
        """The body's memberships in force on ``date`` (a date)."""
        self.ensure_one()
        return self.member_ids.filtered(lambda member: member._in_office_at(date))

    @api.model_create_multi
    def create(self, vals_list):
        bodies = super().create(vals_list)
        for body in bodies:
            body.decision_sequence_id = body.sudo()._create_decision_sequence()
        return bodies

    def _create_decision_sequence(self):
        self.ensure_one()
        return self.env["ir.sequence"].create(
            {
                "name": self.env._("Decisions: %(body)s", body=self.name),
                "prefix": "№ ",
                "suffix": "/%(range_year)s",
                "padding": 0,
                "use_date_range": True,
                "company_id": self.company_id.id,
            }
        )

    def _next_decision_number(self, date):
        """The next number «№ n/YYYY» for a decision taken on ``date``."""
        self.ensure_one()
        sequence = self.sudo().decision_sequence_id
        if not sequence:
            sequence = self.sudo()._create_decision_sequence()
            self.sudo().decision_sequence_id = sequence
        return sequence.with_context(ir_sequence_date=date).next_by_id()

    def action_open_meetings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.calendar_event_action_vsms_meetings"
        )
        action["domain"] = [("vsms_body_id", "in", self.ids)]
        action["context"] = {"default_vsms_body_id": self[:1].id}
        return action

    def action_open_decisions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_decision_action"
        )
        action["domain"] = [("body_id", "in", self.ids)]
        action["context"] = {}
        return action
