from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class VsmsOccurrenceScheduleWizard(models.TransientModel):
    _name = "vsms.occurrence.schedule.wizard"
    _description = "Schedule Meetings or Events for Plan Occurrences"

    item_id = fields.Many2one("vsms.plan.item", string="Plan Item", required=True)
    mode = fields.Selection(
        [("meeting", "Meetings of a body"), ("event", "Events")],
        required=True,
        default="meeting",
    )
    body_id = fields.Many2one(related="item_id.body_id")
    event_type_id = fields.Many2one(
        "event.type",
        string="Event Format",
        compute="_compute_from_item",
        store=True,
        readonly=False,
    )
    hour = fields.Float(string="Start Time", default=10.0)
    duration = fields.Float(default=2.0, help="Length in hours.")
    location = fields.Char(compute="_compute_from_item", store=True, readonly=False)
    invite = fields.Boolean(
        string="Send Invitations",
        help="E-mail the invitation to the attendees now. Leave it unchecked to "
        "invite later from each meeting.",
    )
    address_id = fields.Many2one("res.partner", string="Venue")
    organizer_id = fields.Many2one(
        "res.partner",
        default=lambda self: self.env.company.partner_id,
    )
    seats_max = fields.Integer(
        string="Seats",
        compute="_compute_from_item",
        store=True,
        readonly=False,
        help="0 means no limit.",
    )
    line_ids = fields.One2many(
        "vsms.occurrence.schedule.wizard.line",
        "wizard_id",
        string="Dates",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("item_id")
    def _compute_from_item(self):
        for wizard in self:
            wizard.event_type_id = wizard.item_id.event_type_id
            wizard.location = wizard.item_id.venue
            wizard.seats_max = wizard.item_id.participants_planned

    @api.depends("item_id", "mode")
    def _compute_line_ids(self):
        for wizard in self:
            occurrences = wizard.item_id._vsms_open_occurrences(wizard.mode)
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {"occurrence_id": occ.id, "date": occ._vsms_default_day()}
                )
                for occ in occurrences
            ]

    @api.constrains("seats_max", "hour", "duration")
    def _check_values(self):
        for wizard in self:
            if wizard.seats_max < 0:
                raise ValidationError(
                    self.env._(
                        "The number of seats cannot be negative (%(seats)s).",
                        seats=wizard.seats_max,
                    )
                )
            if not 0 <= wizard.hour < 24:
                raise ValidationError(
                    self.env._("The start time must be between 00:00 and 23:59.")
                )
            if wizard.duration <= 0:
                raise ValidationError(self.env._("The duration must be positive."))

    def action_confirm(self):
        self.ensure_one()
        lines = self.line_ids.filtered("occurrence_id")
        if not lines:
            raise UserError(
                self.env._(
                    "Every occurrence of «%(item)s» already has its meeting or "
                    "event, or is no longer planned.",
                    item=self.item_id.name,
                )
            )
        for line in lines:
            line._check_date()
        days = {line.occurrence_id.id: line.date for line in lines}
        # Occurrences removed from the list are left alone.
        item = self.item_id.with_context(
            vsms_schedule_occurrence_ids=lines.occurrence_id.ids
        )
        if self.mode == "meeting":
            records = item._vsms_generate_meetings(
                days=days,
                hour=self.hour,
                duration=self.duration,
                location=self.location,
                invite=self.invite,
            )
            action = self.item_id.action_open_meetings()
        else:
            records = item._vsms_generate_events(
                days=days,
                event_type=self.event_type_id,
                hour=self.hour,
                duration=self.duration,
                address=self.address_id,
                organizer=self.organizer_id,
                seats=self.seats_max,
            )
            action = self.item_id.action_open_events()
        action["domain"] = [("id", "in", records.ids)]
        return action
