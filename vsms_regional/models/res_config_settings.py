from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vsms_privacy_user_id = fields.Many2one(
        related="company_id.vsms_privacy_user_id", readonly=False
    )
    vsms_contacts_user_id = fields.Many2one(
        related="company_id.vsms_contacts_user_id", readonly=False
    )
