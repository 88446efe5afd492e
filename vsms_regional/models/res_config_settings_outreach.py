from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    vsms_coverage_gap_days = fields.Integer(
        related="company_id.vsms_coverage_gap_days", readonly=False
    )
    vsms_monitoring_gap_months = fields.Integer(
        related="company_id.vsms_monitoring_gap_months", readonly=False
    )
