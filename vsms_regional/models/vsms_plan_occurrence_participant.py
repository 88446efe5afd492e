from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .event_registration import PARTICIPANT_CATEGORIES


class VsmsPlanOccurrenceParticipant(models.Model):
    """People who took part without registrations of our own, e.g. in events
    organised by partners, counted by category."""

    _name = "vsms.plan.occurrence.participant"
    _description = "Participants by Category"
    _order = "occurrence_id, category, id"

    occurrence_id = fields.Many2one(
        "vsms.plan.occurrence", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="occurrence_id.company_id", store=True, index=True
    )
    category = fields.Selection(
        PARTICIPANT_CATEGORIES, required=True, default="member", index=True
    )
    count = fields.Integer(required=True, default=1)
    note = fields.Char(string="Who / Where")

    @api.constrains("count")
    def _check_count(self):
        for line in self:
            if line.count <= 0:
                raise ValidationError(
                    self.env._(
                        "The number of participants must be positive, got %(count)s.",
                        count=line.count,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        occurrences = self.env["vsms.plan.occurrence"].browse(
            [vals["occurrence_id"] for vals in vals_list if vals.get("occurrence_id")]
        )
        occurrences.plan_id._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        plans = self.occurrence_id.plan_id
        if vals.get("occurrence_id"):
            # moving the line into another plan's occurrence changes that plan
            plans |= (
                self.env["vsms.plan.occurrence"].browse(vals["occurrence_id"]).plan_id
            )
        plans._check_editable()
        return super().write(vals)

    def unlink(self):
        self.occurrence_id.plan_id._check_editable()
        return super().unlink()
