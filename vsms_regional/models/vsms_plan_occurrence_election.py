from odoo import api, fields, models


class VsmsPlanOccurrence(models.Model):
    _inherit = "vsms.plan.occurrence"  # pylint: disable=consider-merging-classes-inherited

    election_ids = fields.One2many(
        "vsms.election", "vsms_occurrence_id", string="Elections"
    )

    @api.model
    def _vsms_realization_models(self):
        return [*super()._vsms_realization_models(), "vsms.election"]

    @api.depends("election_ids")
    def _compute_is_realized(self):
        res = super()._compute_is_realized()
        for occurrence in self:
            occurrence.is_realized = occurrence.is_realized or bool(
                occurrence.election_ids
            )
        return res

    @api.depends(
        "election_ids.state",
        "election_ids.participation_ids",
        "election_ids.participation_ids.partner_id",
    )
    def _compute_participants(self):
        """The members who work in the occurrence's campaigns count as
        registered participants; once voting is over (results confirmed), as
        actual participants too.  A person counts once per occurrence
        whatever their roles."""
        res = super()._compute_participants()
        self.election_ids.participation_ids.mapped("partner_id")
        for occurrence in self:
            elections = occurrence.election_ids
            people = elections.participation_ids.partner_id
            done = elections.filtered(lambda e: e.state in ("results", "closed"))
            occurrence.participants_registered += len(people)
            occurrence.participants_actual += len(done.participation_ids.partner_id)
        return res
