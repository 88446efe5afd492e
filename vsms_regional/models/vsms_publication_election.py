from odoo import api, fields, models


class VsmsPublication(models.Model):
    """Publications about an election (the campaign, the results)."""

    _inherit = "vsms.publication"  # pylint: disable=consider-merging-classes-inherited

    election_id = fields.Many2one(
        "vsms.election", index=True, ondelete="set null", check_company=True
    )

    @api.model
    def _vsms_source_fields(self):
        return [*super()._vsms_source_fields(), "election_id"]

    @api.depends("election_id")
    def _compute_vsms_occurrence_id(self):
        return super()._compute_vsms_occurrence_id()

    @api.depends("election_id")
    def _compute_vsms_plan_item_id(self):
        return super()._compute_vsms_plan_item_id()
