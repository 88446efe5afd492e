import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

VSMS_GROUP = "vsms_regional.group_vsms_user"


class EventEvent(models.Model):
    _inherit = "event.event"

    vsms_occurrence_id = fields.Many2one(
        "vsms.plan.occurrence",
        string="Plan Occurrence",
        index=True,
        ondelete="set null",
        groups=VSMS_GROUP,
        domain="[('item_id', '=?', vsms_plan_item_id)]",
        help="The period of the work plan this event realises.",
    )
    vsms_plan_item_id = fields.Many2one(
        "vsms.plan.item",
        string="Plan Item",
        compute="_compute_vsms_plan_item_id",
        store=True,
        readonly=False,
        index=True,
        groups=VSMS_GROUP,
    )

    @api.depends("vsms_occurrence_id")
    def _compute_vsms_plan_item_id(self):
        for event in self:
            if event.vsms_occurrence_id:
                event.vsms_plan_item_id = event.vsms_occurrence_id.item_id

    def _vsms_local_day(self, moment):
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or "UTC")
        return pytz.utc.localize(moment).astimezone(tz).date()

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id", "date_begin", "date_tz")
    def _check_vsms_occurrence(self):
        for event in self.filtered("vsms_occurrence_id"):
            occurrence = event.vsms_occurrence_id
            if (
                event.vsms_plan_item_id
                and occurrence.item_id != event.vsms_plan_item_id
            ):
                raise ValidationError(
                    self.env._(
                        "«%(occurrence)s» is not an occurrence of «%(item)s».",
                        occurrence=occurrence.display_name,
                        item=event.vsms_plan_item_id.display_name,
                    )
                )
            day = event._vsms_local_day(event.date_begin)
            if not occurrence.date_start <= day <= occurrence.date_end:
                raise ValidationError(
                    self.env._(
                        "«%(event)s» starts on %(date)s, outside its plan period "
                        "«%(period)s» (%(start)s – %(end)s).",
                        event=event.name,
                        date=format_date(self.env, day),
                        period=occurrence.name,
                        start=format_date(self.env, occurrence.date_start),
                        end=format_date(self.env, occurrence.date_end),
                    )
                )

    @api.constrains("seats_max")
    def _check_vsms_seats_max(self):
        for event in self:
            if event.seats_max < 0:
                raise ValidationError(
                    self.env._(
                        "«%(event)s»: the number of seats cannot be negative "
                        "(%(seats)s).",
                        event=event.name,
                        seats=event.seats_max,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals:
            self._vsms_mark_occurrences_done()
        return res

    def _vsms_mark_occurrences_done(self):
        """An occurrence is done once every one of its events has ended."""
        occurrences = self.sudo().vsms_occurrence_id.filtered(
            lambda occ: occ.state == "planned"
            and all(occ.event_ids.stage_id.mapped("pipe_end"))
        )
        occurrences._vsms_mark_done()
