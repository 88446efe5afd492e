from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..const import DEFAULT_TZ
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
    body_id = fields.Many2one(
        "vsms.body",
        string="Governing Body",
        index=True,
        tracking=True,
        help="For meetings of a body: each occurrence becomes a meeting of it.",
    )
    event_type_id = fields.Many2one(
        "event.type",
        string="Event Format",
        index=True,
        help="Format of the events created for the item's occurrences.",
    )
    meeting_ids = fields.One2many(
        "calendar.event", "vsms_plan_item_id", string="Meetings"
    )
    event_ids = fields.One2many("event.event", "vsms_plan_item_id", string="Events")
    meeting_count = fields.Integer(compute="_compute_realization_counts")
    event_count = fields.Integer(compute="_compute_realization_counts")
    participants_registered = fields.Integer(
        string="Registered Participants",
        compute="_compute_participants_actual",
        store=True,
        help="Sum of the registrations and invitations of the item's occurrences.",
    )

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

    @api.depends(
        "occurrence_ids.participants_actual", "occurrence_ids.participants_registered"
    )
    def _compute_participants_actual(self):
        for item in self:
            item.participants_actual = sum(
                item.occurrence_ids.mapped("participants_actual")
            )
            item.participants_registered = sum(
                item.occurrence_ids.mapped("participants_registered")
            )

    def _compute_realization_counts(self):
        meetings = dict(
            self.env["calendar.event"]._read_group(
                [("vsms_plan_item_id", "in", self.ids)],
                ["vsms_plan_item_id"],
                ["__count"],
            )
        )
        events = dict(
            self.env["event.event"]._read_group(
                [("vsms_plan_item_id", "in", self.ids)],
                ["vsms_plan_item_id"],
                ["__count"],
            )
        )
        for item in self:
            item.meeting_count = meetings.get(item._origin, 0)
            item.event_count = events.get(item._origin, 0)

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
        missed or cancelled, or that a meeting or an event realises, is
        history and blocks a schedule that drops it.
        """
        Occurrence = self.env["vsms.plan.occurrence"]
        to_create = []
        to_unlink = Occurrence
        realized = self.occurrence_ids._vsms_realization_names()
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
                elif occurrence.id in realized:
                    raise ValidationError(
                        self.env._(
                            "Schedule of «%(item)s» no longer includes «%(period)s», "
                            "which already has a meeting or event (%(realizations)s). "
                            "Move that to another period or delete it first.",
                            item=item.name,
                            period=occurrence.name,
                            realizations=realized[occurrence.id],
                        )
                    )
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
        if vals.get("plan_id"):
            self.plan_id.browse(vals["plan_id"])._check_editable()
        result = super().write(vals)
        if "schedule_text" in vals or "plan_id" in vals:
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
        # the database deletes the occurrences without asking them
        self.occurrence_ids._vsms_check_unrealized()

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

    def _vsms_open_occurrences(self, kind):
        """Planned occurrences that have no meeting (``kind='meeting'``) or no
        event (``kind='event'``) yet."""
        field = "meeting_ids" if kind == "meeting" else "event_ids"
        only = self.env.context.get("vsms_schedule_occurrence_ids")
        return self.occurrence_ids.filtered(
            lambda occ: occ.state == "planned"
            and not occ[field]
            and (only is None or occ.id in only)
        )

    @api.model
    def _vsms_local_moment(self, day, hour):
        """UTC datetime of ``hour`` (a float, 10.5 = 10:30) on ``day`` in the
        user's time zone (Moscow time by default)."""
        tz = pytz.timezone(self.env.user.tz or DEFAULT_TZ)
        local = datetime.combine(day, time()) + timedelta(hours=hour)
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _vsms_generate_meetings(
        self, days=None, hour=10.0, duration=2.0, location=None, invite=False
    ):
        """Create a meeting of the item's body for each planned occurrence that
        has none, on ``days[occurrence id]`` (or a default working day), with
        the body's members in office on that day as attendees."""
        days = days or {}
        no_body = self.filtered(lambda item: not item.body_id)
        if no_body:
            raise UserError(
                self.env._(
                    "Choose the governing body of «%(item)s» first: its meetings "
                    "are meetings of that body.",
                    item=no_body[0].name,
                )
            )
        self.plan_id._check_editable()
        vals_list = []
        for item in self:
            for occurrence in item._vsms_open_occurrences("meeting"):
                day = days.get(occurrence.id) or occurrence._vsms_default_day()
                start = self._vsms_local_moment(day, hour)
                members = item.body_id._members_at(day).partner_id
                vals_list.append(
                    {
                        "name": self.env._(
                            "%(body)s: meeting (%(period)s)",
                            body=item.body_id.name,
                            period=occurrence.name,
                        ),
                        "start": start,
                        "stop": start + timedelta(hours=duration),
                        "duration": duration,
                        "partner_ids": [Command.set(members.ids)],
                        "location": location or item.venue or False,
                        "description": item.description,
                        "privacy": "public",
                        "vsms_body_id": item.body_id.id,
                        "vsms_occurrence_id": occurrence.id,
                    }
                )
        return (
            self.env["calendar.event"]
            .with_context(no_mail_to_attendees=not invite)
            .create(vals_list)
        )

    def _vsms_generate_events(
        self,
        days=None,
        event_type=None,
        hour=10.0,
        duration=3.0,
        address=None,
        organizer=None,
        seats=None,
    ):
        """Create an event for each planned occurrence that has none."""
        days = days or {}
        if seats is not None and seats < 0:
            raise ValidationError(
                self.env._(
                    "The number of seats cannot be negative (%(seats)s).",
                    seats=seats,
                )
            )
        self.plan_id._check_editable()
        tz = self.env.user.tz or DEFAULT_TZ
        vals_list = []
        for item in self:
            occurrences = item._vsms_open_occurrences("event")
            several = len(item.occurrence_ids) > 1
            for occurrence in occurrences:
                day = days.get(occurrence.id) or occurrence._vsms_default_day()
                start = self._vsms_local_moment(day, hour)
                kind = event_type or item.event_type_id
                vals = {
                    "name": f"{item.name} ({occurrence.name})"
                    if several
                    else item.name,
                    "date_begin": start,
                    "date_end": start + timedelta(hours=duration),
                    "date_tz": tz,
                    "user_id": (item.user_id or self.env.user).id,
                    "vsms_occurrence_id": occurrence.id,
                }
                if kind:
                    vals["event_type_id"] = kind.id
                if address:
                    vals["address_id"] = address.id
                if organizer:
                    vals["organizer_id"] = organizer.id
                planned = item.participants_planned if seats is None else seats
                if planned:
                    vals |= {"seats_max": planned, "seats_limited": True}
                vals_list.append(vals)
        return self.env["event.event"].create(vals_list)

    def action_vsms_schedule(self):
        """Open the wizard that creates meetings or events for the occurrences."""
        self.ensure_one()
        mode = self.env.context.get("vsms_schedule_mode") or (
            "meeting" if self.body_id else "event"
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule Meetings")
            if mode == "meeting"
            else self.env._("Create Events"),
            "res_model": "vsms.occurrence.schedule.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id, "default_mode": mode},
        }

    def action_open_meetings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.calendar_event_action_vsms_meetings"
        )
        action["domain"] = [("vsms_plan_item_id", "in", self.ids)]
        action["context"] = {
            "default_vsms_plan_item_id": self[:1].id,
            "default_vsms_body_id": self[:1].body_id.id,
        }
        return action

    def action_open_events(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.event_event_action_vsms"
        )
        action["domain"] = [("vsms_plan_item_id", "in", self.ids)]
        action["context"] = {
            "default_vsms_plan_item_id": self[:1].id,
            "default_event_type_id": self[:1].event_type_id.id,
        }
        return action

    def action_open_occurrences(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_plan_occurrence_action"
        )
        action["domain"] = [("item_id", "in", self.ids)]
        action["context"] = {}
        return action
