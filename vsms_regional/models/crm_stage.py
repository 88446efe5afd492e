from odoo import fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    vsms_member_state = fields.Selection(
        [("prospect", "Prospect"), ("applicant", "Applicant")],
        string="Member status at this stage",
        help="Admission pipeline: the status a person gets when their lead "
        "reaches this stage. The won stage makes them a member.",
    )
