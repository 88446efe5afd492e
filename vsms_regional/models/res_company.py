from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    vsms_privacy_user_id = fields.Many2one(
        "res.users",
        string="Personal data officer",
        help="Gets the activities to delete, anonymise or unpublish a "
        "person's data when they withdraw a consent.",
    )
    vsms_contacts_user_id = fields.Many2one(
        "res.users",
        string="Contact base keeper",
        help="Gets the yearly re-verification activities of contacts that "
        "have no responsible salesperson.",
    )
