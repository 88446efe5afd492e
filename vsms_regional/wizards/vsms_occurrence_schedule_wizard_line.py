from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class VsmsOccurrenceScheduleWizardLine(models.TransientModel):
    _name = "vsms.occurrence.schedule.wizard.line"
    _description = "Date of a Scheduled Meeting or Event"
    _order = "date, id"

    wizard_id = fields.Many2one(
        "vsms.occurrence.schedule.wizard", required=True, ondelete="cascade"
    )
    occurrence_id = fields.Many2one(
        "vsms.plan.occurrence", string="Period", required=True, ondelete="cascade"
    )
    date_start = fields.Date(related="occurrence_id.date_start")
    date_end = fields.Date(related="occurrence_id.date_end")
    date = fields.Date(required=True)

    def _check_date(self):
        for line in self:
            occurrence = line.occurrence_id
            if not occurrence.date_start <= line.date <= occurrence.date_end:
                raise ValidationError(
                    self.env._(
                        "%(date)s lies outside the period «%(period)s» (%(start)s – "
                        "%(end)s): choose a day inside it.",
                        date=format_date(self.env, line.date),
                        period=occurrence.name,
                        start=format_date(self.env, occurrence.date_start),
                        end=format_date(self.env, occurrence.date_end),
                    )
                )
