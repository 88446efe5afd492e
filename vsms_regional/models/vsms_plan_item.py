from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.schedule import ScheduleError, parse_schedule

ITEM_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class VsmsPlanItem(models.Model):
    _name = "vsms.plan.item"
    _description = "Work Plan Item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, plan_id desc, section_sequence, number, id"
    _rec_names_search = ["name", "number"]

    plan_id = fields.Many2one(
        "vsms.plan", required=True, index=True, ondelete="cascade", tracking=True
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    section_id = fields.Many2one(
        "vsms.plan.section",
        index=True,
        tracking=True,
        domain="[('plan_id', '=', plan_id)]",
    )
    section_sequence = fields.Integer(
        related="section_id.sequence", store=True, string="Section Sequence"
    )
    number = fields.Integer(
        string="No.", required=True, tracking=True, help="Item number in the plan."
    )
    name = fields.Char(string="Event", required=True, tracking=True)
    schedule_text = fields.Char(
        string="Schedule",
        tracking=True,
        help="The date column as written in the plan, e.g. «март, июнь, сентябрь, "
        "декабрь», «I полугодие», «май – сентябрь», «весь период», «21 апреля», "
        "«по согласованию». Saving it computes the occurrences for the plan's year.",
    )
    occurrence_ids = fields.One2many(
        "vsms.plan.occurrence", "item_id", string="Occurrences"
    )
    date_start = fields.Date(
        compute="_compute_from_occurrences", store=True, index=True
    )
    date_end = fields.Date(compute="_compute_from_occurrences", store=True, index=True)
    is_unscheduled = fields.Boolean(
        string="Unscheduled",
        compute="_compute_from_occurrences",
        store=True,
        help="No dates yet: the schedule is empty or deferred («по согласованию»).",
    )
    state = fields.Selection(
        ITEM_STATES,
        string="Status",
        compute="_compute_from_occurrences",
        store=True,
        index=True,
        tracking=True,
    )
    progress = fields.Float(
        compute="_compute_from_occurrences",
        store=True,
        aggregator="avg",
        help="Share of the item's occurrences (not cancelled) that are done.",
    )
    occurrence_count = fields.Integer(compute="_compute_from_occurrences", store=True)
    done_count = fields.Integer(
        string="Done Occurrences", compute="_compute_from_occurrences", store=True
    )
    overdue_count = fields.Integer(string="Overdue", compute="_compute_overdue_count")
    is_overdue = fields.Boolean(
        string="Overdue Occurrences",
        compute="_compute_overdue_count",
        search="_search_is_overdue",
    )
    venue = fields.Char()
    participants_planned = fields.Integer(string="Planned Participants", tracking=True)
    participants_note = fields.Char(
        string="Participants", help="Participant categories as written in the plan."
    )
    participants_actual = fields.Integer(
        string="Actual Participants",
        compute="_compute_participants_actual",
        store=True,
        help="Sum of the participants recorded on the item's occurrences.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Organisations",
        help="Organisations taking part in or co-organising the event.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    description = fields.Html(string="Programme")

    _plan_number_uniq = models.Constraint(
        "UNIQUE(plan_id, number)",
        "Item numbers must be unique within a plan.",
    )

    @api.depends(
        "occurrence_ids.state", "occurrence_ids.date_start", "occurrence_ids.date_end"
    )
    def _compute_from_occurrences(self):
        for item in self:
            occurrences = item.occurrence_ids
            active = occurrences.filtered(lambda occ: occ.state != "cancelled")
            done = active.filtered(lambda occ: occ.state == "done")
            item.occurrence_count = len(occurrences)
            item.done_count = len(done)
            item.is_unscheduled = not occurrences
            item.date_start = min(occurrences.mapped("date_start"), default=False)
            item.date_end = max(occurrences.mapped("date_end"), default=False)
            item.progress = 100.0 * len(done) / len(active) if active else 0.0
            open_ = active.filtered(lambda occ: occ.state == "planned")
            if not occurrences or (open_ and open_ == active):
                item.state = "planned"
            elif open_:
                item.state = "in_progress"
            elif done:
                item.state = "done"
            else:
                item.state = "cancelled"

    @api.depends("occurrence_ids.participants_actual")
    def _compute_participants_actual(self):
        for item in self:
            item.participants_actual = sum(
                item.occurrence_ids.mapped("participants_actual")
            )

    @api.depends("occurrence_ids.state", "occurrence_ids.date_end")
    def _compute_overdue_count(self):
        Occurrence = self.env["vsms.plan.occurrence"]
        counts = dict(
            Occurrence._read_group(
                [("item_id", "in", self.ids), *Occurrence._overdue_domain()],
                ["item_id"],
                ["__count"],
            )
        )
        for item in self:
            item.overdue_count = counts.get(item._origin, 0)
            item.is_overdue = bool(item.overdue_count)

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = self.env["vsms.plan.occurrence"]._overdue_domain()
        if (True in value) == (operator == "in"):
            return [("occurrence_ids", "any", overdue)]
        return [("occurrence_ids", "not any", overdue)]

    @api.depends("number", "name")
    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.number}. {item.name}" if item.number else item.name or ""
            )

    @api.constrains("participants_planned")
    def _check_participants_planned(self):
        for item in self:
            if item.participants_planned < 0:
                raise ValidationError(
                    self.env._(
                        "Planned participants of «%(item)s» cannot be negative "
                        "(%(value)s).",
                        item=item.name,
                        value=item.participants_planned,
                    )
                )

    @api.constrains("number")
    def _check_number(self):
        for item in self:
            if item.number <= 0:
                raise ValidationError(
                    self.env._(
                        "Item number must be positive, got %(number)s.",
                        number=item.number,
                    )
                )

    @api.constrains("section_id", "plan_id")
    def _check_section_plan(self):
        for item in self:
            if item.section_id and item.section_id.plan_id != item.plan_id:
                raise ValidationError(
                    self.env._(
                        "Section «%(section)s» belongs to another plan.",
                        section=item.section_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Schedule → occurrences
    # ------------------------------------------------------------------
    def _parse_schedule(self):
        self.ensure_one()
        try:
            return parse_schedule(self.schedule_text or "", self.plan_id.year)
        except ScheduleError as error:
            if error.reason == "year":
                message = self.env._(
                    "Schedule of «%(item)s»: «%(part)s» is outside the plan's "
                    "year %(year)s.",
                    item=self.name,
                    part=error.fragment,
                    year=self.plan_id.year,
                )
            elif error.reason == "order":
                message = self.env._(
                    "Schedule of «%(item)s»: in «%(part)s» the period ends before "
                    "it starts.",
                    item=self.name,
                    part=error.fragment,
                )
            elif error.reason == "date":
                message = self.env._(
                    "Schedule of «%(item)s»: «%(part)s» is not a valid date in "
                    "%(year)s.",
                    item=self.name,
                    part=error.fragment,
                    year=self.plan_id.year,
                )
            else:
                message = self.env._(
                    "Schedule of «%(item)s»: «%(part)s» is not understood. Write "
                    "months («март, июнь»), ranges («май – сентябрь»), quarters "
                    "(«II квартал»), half-years («I полугодие»), «весь период», "
                    "«ежемесячно», «ежеквартально», dates («21 апреля») or "
                    "«по согласованию».",
                    item=self.name,
                    part=error.fragment,
                )
            raise ValidationError(message) from error

    def _sync_occurrences(self):
        """Make the occurrences match the schedule text for the plan's year.

        Occurrences whose period is still in the schedule are kept with their
        state; new periods are added; planned occurrences that are no longer
        in the schedule are removed.  An occurrence that is already done,
        missed or cancelled is history and blocks a schedule that drops it.
        """
        Occurrence = self.env["vsms.plan.occurrence"]
        to_create = []
        to_unlink = Occurrence
        for item in self:
            periods = {
                (period.date_start, period.date_end): period
                for period in item._parse_schedule().periods
            }
            existing = {
                (occ.date_start, occ.date_end): occ for occ in item.occurrence_ids
            }
            for key, occurrence in existing.items():
                if key in periods:
                    label = periods[key].label
                    if occurrence.name != label:
                        occurrence.name = label
                elif occurrence.state == "planned":
                    to_unlink |= occurrence
                else:
                    raise ValidationError(
                        self.env._(
                            "Schedule of «%(item)s» no longer includes «%(period)s», "
                            "which is already marked «%(state)s». Reset that "
                            "occurrence to planned first.",
                            item=item.name,
                            period=occurrence.name,
                            state=dict(
                                occurrence._fields["state"]._description_selection(
                                    self.env
                                )
                            )[occurrence.state],
                        )
                    )
            to_create += [
                {
                    "item_id": item.id,
                    "date_start": period.date_start,
                    "date_end": period.date_end,
                    "name": period.label,
                    "kind": period.kind,
                }
                for key, period in periods.items()
                if key not in existing
            ]
        to_unlink.unlink()
        Occurrence.create(to_create)

    @api.onchange("schedule_text")
    def _onchange_schedule_text(self):
        if not self.plan_id:
            return None
        try:
            self._parse_schedule()
        except ValidationError as error:
            return {
                "warning": {
                    "title": self.env._("Schedule not understood"),
                    "message": error.args[0],
                }
            }
        return None

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["vsms.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._check_editable()
        items = super().create(vals_list)
        items._sync_occurrences()
        return items

    def write(self, vals):
        self.plan_id._check_editable()
        result = super().write(vals)
        if "schedule_text" in vals or "plan_id" in vals:
            self.plan_id._check_editable()
            self._sync_occurrences()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(item.plan_id.state != "draft" for item in self):
            raise UserError(
                self.env._(
                    "Items can be deleted only from a draft plan; cancel the item "
                    "instead."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_cancel(self):
        """Cancel the item: its occurrences that are still planned."""
        self.occurrence_ids.filtered(lambda occ: occ.state == "planned").write(
            {"state": "cancelled"}
        )
        return True

    def action_reset(self):
        """Bring cancelled occurrences of the item back to planned."""
        self.occurrence_ids.filtered(lambda occ: occ.state == "cancelled").write(
            {"state": "planned"}
        )
        return True

    def action_open_occurrences(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_plan_occurrence_action"
        )
        action["domain"] = [("item_id", "in", self.ids)]
        action["context"] = {}
        return action
