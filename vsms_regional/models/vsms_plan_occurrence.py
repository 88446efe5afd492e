from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

OCCURRENCE_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("missed", "Missed"),
    ("cancelled", "Cancelled"),
]


class VsmsPlanOccurrence(models.Model):
    _name = "vsms.plan.occurrence"
    _description = "Work Plan Occurrence"
    _order = "date_start, date_end, item_id, id"

    item_id = fields.Many2one(
        "vsms.plan.item", required=True, index=True, ondelete="cascade"
    )
    plan_id = fields.Many2one(
        related="item_id.plan_id", store=True, index=True, string="Plan"
    )
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)
    section_id = fields.Many2one(
        related="item_id.section_id", store=True, index=True, string="Section"
    )
    user_id = fields.Many2one(
        related="item_id.user_id", store=True, index=True, string="Responsible"
    )
    item_number = fields.Integer(related="item_id.number", string="No.")
    name = fields.Char(string="Period", required=True)
    kind = fields.Selection(
        [
            ("month", "Month"),
            ("range", "Range"),
            ("quarter", "Quarter"),
            ("half", "Half-year"),
            ("year", "Whole year"),
            ("day", "Date"),
        ],
        required=True,
        default="day",
    )
    date_start = fields.Date(string="Start", required=True, index=True)
    date_end = fields.Date(string="End", required=True, index=True)
    state = fields.Selection(
        OCCURRENCE_STATES, string="Status", required=True, default="planned", index=True
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Still planned although its period has ended.",
    )
    participants_actual = fields.Integer(string="Actual Participants")
    note = fields.Text(string="Result")

    @api.model
    def _overdue_domain(self):
        today = fields.Date.context_today(self)
        return [("state", "=", "planned"), ("date_end", "<", today)]

    @api.depends("state", "date_end")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for occurrence in self:
            occurrence.is_overdue = (
                occurrence.state == "planned" and occurrence.date_end < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = self._overdue_domain()
        if (True in value) == (operator == "in"):
            return overdue
        return ["!", "&", *overdue]

    @api.depends("item_id.number", "name")
    def _compute_display_name(self):
        for occurrence in self:
            occurrence.display_name = (
                f"{occurrence.item_id.display_name} — {occurrence.name}"
                if occurrence.item_id
                else occurrence.name or ""
            )

    @api.constrains("date_start", "date_end", "item_id")
    def _check_dates(self):
        for occurrence in self:
            if occurrence.date_end < occurrence.date_start:
                raise ValidationError(
                    self.env._(
                        "Occurrence «%(name)s» ends (%(end)s) before it starts "
                        "(%(start)s).",
                        name=occurrence.name,
                        start=format_date(self.env, occurrence.date_start),
                        end=format_date(self.env, occurrence.date_end),
                    )
                )
            year = occurrence.item_id.plan_id.year
            if occurrence.date_start.year != year or occurrence.date_end.year != year:
                raise ValidationError(
                    self.env._(
                        "Occurrence «%(name)s» (%(start)s – %(end)s) lies outside "
                        "the plan's year %(year)s.",
                        name=occurrence.name,
                        start=format_date(self.env, occurrence.date_start),
                        end=format_date(self.env, occurrence.date_end),
                        year=year,
                    )
                )

    @api.constrains("participants_actual")
    def _check_participants_actual(self):
        for occurrence in self:
            if occurrence.participants_actual < 0:
                raise ValidationError(
                    self.env._(
                        "Actual participants cannot be negative (%(value)s).",
                        value=occurrence.participants_actual,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        items = self.env["vsms.plan.item"].browse(
            [vals["item_id"] for vals in vals_list if vals.get("item_id")]
        )
        items.plan_id._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_editable()
        return super().write(vals)

    def _set_state(self, state):
        self.write({"state": state})
        return True

    def action_done(self):
        return self._set_state("done")

    def action_missed(self):
        return self._set_state("missed")

    def action_cancel(self):
        return self._set_state("cancelled")

    def action_reset(self):
        return self._set_state("planned")
