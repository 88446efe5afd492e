from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
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
            ("deadline", "By a deadline"),
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
    meeting_ids = fields.One2many(
        "calendar.event", "vsms_occurrence_id", string="Meetings"
    )
    event_ids = fields.One2many("event.event", "vsms_occurrence_id", string="Events")
    participant_ids = fields.One2many(
        "vsms.plan.occurrence.participant",
        "occurrence_id",
        string="Participants by Category",
    )
    is_realized = fields.Boolean(
        string="Has Meeting or Event",
        compute="_compute_is_realized",
        store=True,
        index=True,
    )
    participants_registered = fields.Integer(
        string="Registered",
        compute="_compute_participants",
        store=True,
        help="Confirmed registrations of the events (registered or attended) and "
        "invitees of the meetings who did not decline.",
    )
    participants_actual = fields.Integer(
        string="Attended",
        compute="_compute_participants",
        store=True,
        help="Attendees of the events, people present at the meetings, and the "
        "participants counted by category.",
    )
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

    @api.depends("meeting_ids", "event_ids")
    def _compute_is_realized(self):
        for occurrence in self:
            occurrence.is_realized = bool(
                occurrence.meeting_ids or occurrence.event_ids
            )

    @api.depends(
        "event_ids.registration_ids.state",
        "event_ids.registration_ids.active",
        "meeting_ids.attendee_ids.state",
        "meeting_ids.attendee_ids.vsms_present",
        "meeting_ids.vsms_meeting_state",
        "participant_ids.count",
    )
    def _compute_participants(self):
        # Load what the loop reads for all occurrences at once: a fixed number
        # of queries whatever the number of occurrences, events and meetings.
        self.event_ids.registration_ids.mapped("state")
        self.meeting_ids.mapped("vsms_meeting_state")
        self.meeting_ids.attendee_ids.mapped("state")
        self.meeting_ids.attendee_ids.mapped("vsms_present")
        for occurrence in self:
            registrations = occurrence.event_ids.registration_ids
            meetings = occurrence.meeting_ids.filtered(
                lambda meeting: meeting.vsms_meeting_state != "cancelled"
            )
            attendees = meetings.attendee_ids
            occurrence.participants_registered = len(
                registrations.filtered(lambda reg: reg.state in ("open", "done"))
            ) + len(attendees.filtered(lambda att: att.state != "declined"))
            occurrence.participants_actual = (
                len(registrations.filtered(lambda reg: reg.state == "done"))
                + len(attendees.filtered("vsms_present"))
                + sum(occurrence.participant_ids.mapped("count"))
            )

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

    @api.model_create_multi
    def create(self, vals_list):
        items = self.env["vsms.plan.item"].browse(
            [vals["item_id"] for vals in vals_list if vals.get("item_id")]
        )
        items.plan_id._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_editable()
        if vals.get("item_id"):
            self.item_id.browse(vals["item_id"]).plan_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_check_plan_and_realizations(self):
        self.plan_id._check_editable()
        self._vsms_check_unrealized()

    def _vsms_check_unrealized(self):
        """Refuse to delete occurrences that a meeting or an event realises
        (also when their item or plan is deleted)."""
        realized = self._vsms_realization_names()
        if realized:
            occurrence = self.browse(next(iter(realized)))
            raise UserError(
                self.env._(
                    "Occurrence «%(period)s» of «%(item)s» already has a meeting or "
                    "event (%(realizations)s): move that to another period or "
                    "delete it first.",
                    period=occurrence.name,
                    item=occurrence.item_id.name,
                    realizations=realized[occurrence.id],
                )
            )

    @api.model
    def _vsms_realization_models(self):
        """The models whose records realise occurrences: each carries
        ``vsms_occurrence_id`` (``vsms.plan.realization.mixin``). Extensions
        add theirs (contests, elections)."""
        return ["calendar.event", "event.event"]

    def _vsms_realization_names(self):
        """``{occurrence id: "«meeting», «event»"}`` for the occurrences that a
        meeting, an event or another realisation realises, archived ones
        included, whoever may see them (a link dropped silently would lose the
        plan's history)."""
        names = {}
        for model in self._vsms_realization_models():
            records = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("vsms_occurrence_id", "in", self.ids)], order="id")
            )
            for record in records:
                names.setdefault(record.vsms_occurrence_id.id, []).append(
                    f"«{record.name}»"
                )
        return {occ_id: ", ".join(found) for occ_id, found in names.items()}

    def _vsms_mark_done(self):
        """A meeting or event took place: its occurrence is done (unless the
        plan is closed, or the occurrence is no longer planned)."""
        self.sudo().filtered(
            lambda occ: occ.state == "planned" and occ.plan_id.state != "closed"
        ).write({"state": "done"})

    def _vsms_default_day(self):
        """A working day to hold the occurrence's meeting or event: its first
        day, moved off the weekend while that stays inside the period."""
        self.ensure_one()
        day = self.date_start
        while day.weekday() >= 5 and day < self.date_end:
            day += timedelta(days=1)
        return day

    def action_open_meetings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.calendar_event_action_vsms_meetings"
        )
        action["domain"] = [("vsms_occurrence_id", "in", self.ids)]
        action["context"] = {}
        return action

    def action_open_events(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.event_event_action_vsms"
        )
        action["domain"] = [("vsms_occurrence_id", "in", self.ids)]
        action["context"] = {}
        return action

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
