from odoo import api, fields, models


class VsmsPlanOccurrence(models.Model):
    _inherit = "vsms.plan.occurrence"

    contest_ids = fields.One2many(
        "vsms.contest", "vsms_occurrence_id", string="Contests"
    )

    @api.model
    def _vsms_realization_models(self):
        return [*super()._vsms_realization_models(), "vsms.contest"]

    @api.depends("contest_ids")
    def _compute_is_realized(self):
        res = super()._compute_is_realized()
        for occurrence in self:
            if occurrence.contest_ids:
                occurrence.is_realized = True
        return res

    @api.depends("contest_ids.state", "contest_ids.application_ids.state")
    def _compute_participants(self):
        """Applications of the contests count as registered participants,
        admitted ones as actual participants (cancelled contests count
        nothing)."""
        res = super()._compute_participants()
        contests = self.contest_ids.filtered(lambda c: c.state != "cancelled")
        applications = contests.application_ids
        applications.mapped("state")
        for occurrence in self:
            own = applications.filtered(
                lambda a, occ=occurrence: a.contest_id.vsms_occurrence_id == occ
            )
            occurrence.participants_registered += len(
                own.filtered(lambda a: a.state in ("submitted", "admitted", "rejected"))
            )
            occurrence.participants_actual += len(
                own.filtered(lambda a: a.state == "admitted")
            )
        return res
