import pytz

from odoo import api, models
from odoo.exceptions import ValidationError


class EventEvent(models.Model):
    _name = "event.event"
    _inherit = ["event.event", "vsms.plan.realization.mixin"]

    def _vsms_start_day(self):
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or "UTC")
        return pytz.utc.localize(self.date_begin).astimezone(tz).date()

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id", "date_begin", "date_tz")
    def _check_vsms_occurrence(self):
        # sudo: runs for colleagues outside ВСМС who move their events too
        self.sudo()._vsms_check_occurrence()

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
