from odoo import fields, models


class EventType(models.Model):
    _inherit = "event.type"

    vsms_consent_required = fields.Boolean(
        string="Ask the personal-data consent",
        default=True,
        help="Events of this type ask website registrants for a separate "
        "personal-data consent (152-ФЗ), recorded as a ВСМС consent.",
    )
