from odoo import fields, models


class VsmsPositionRole(models.Model):
    _name = "vsms.position.role"
    _description = "Office"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    code = fields.Char(
        help="Technical key used by filters and mailing segments "
        "(e.g. head, deputy, tos_chair).",
    )
    sequence = fields.Integer(
        default=10, help="Offices higher in the list are shown as a contact's main one."
    )
    active = fields.Boolean(default=True)
    elected = fields.Boolean(
        string="Elected by default",
        help="New offices of this kind are marked as elected.",
    )
    description = fields.Text()

    _name_uniq = models.Constraint("UNIQUE(name)", "This office already exists.")
    _code_uniq = models.UniqueIndex(
        "(code) WHERE code IS NOT NULL", "Another office already has this code."
    )
