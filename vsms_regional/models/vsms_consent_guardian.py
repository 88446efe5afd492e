"""Consents given for a minor by a parent or guardian."""

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.records import changed_fields

GUARDIAN_FIELDS = ("guardian_partner_id", "guardian_relation")


class VsmsConsent(models.Model):
    _inherit = "vsms.consent"

    guardian_partner_id = fields.Many2one(
        "res.partner",
        string="Given by (parent or guardian)",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="For a minor: the parent or legal guardian who gave the consent.",
    )
    guardian_relation = fields.Selection(
        [
            ("mother", "Mother"),
            ("father", "Father"),
            ("guardian", "Guardian"),
            ("other", "Other legal representative"),
        ],
        string="Relation",
        tracking=True,
    )

    def write(self, vals):
        # who consented is evidence, like the rest of the consent
        for consent in self:
            if consent.guardian_partner_id and changed_fields(
                consent, vals, GUARDIAN_FIELDS
            ):
                raise UserError(
                    self.env._(
                        "The consent «%(consent)s» is evidence: who gave it "
                        "cannot change once it is saved. Record a new consent "
                        "instead.",
                        consent=consent.display_name,
                    )
                )
        return super().write(vals)
