from odoo import api, fields, models


class VsmsPublication(models.Model):
    """Publications about a contest (its results, its announcement)."""

    _inherit = "vsms.publication"  # pylint: disable=consider-merging-classes-inherited

    contest_id = fields.Many2one(
        "vsms.contest", index=True, ondelete="set null", check_company=True
    )

    @api.model
    def _vsms_source_fields(self):
        return [*super()._vsms_source_fields(), "contest_id"]

    @api.depends("contest_id")
    def _compute_vsms_occurrence_id(self):
        return super()._compute_vsms_occurrence_id()

    @api.depends("contest_id")
    def _compute_vsms_plan_item_id(self):
        return super()._compute_vsms_plan_item_id()
