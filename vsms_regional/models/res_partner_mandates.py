"""Contacts: the voters' mandates a person gave or received as a deputy."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..const import USER_GROUP

REGISTER_REPORT = "vsms_regional.vsms_mandate_report_register"


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # Counts only, for ВСМС staff: nothing stored on the contact, nothing
    # copied, nothing a colleague outside ВСМС reads or writes.
    vsms_mandate_count = fields.Integer(
        string="Voters' Mandates",
        compute="_compute_vsms_mandate_counts",
        copy=False,
        groups=USER_GROUP,
        help="Voters' mandates this contact gave or received as a deputy.",
    )
    vsms_mandate_deputy_count = fields.Integer(
        string="Mandates Received",
        compute="_compute_vsms_mandate_counts",
        copy=False,
        groups=USER_GROUP,
    )

    def _vsms_mandate_domain(self):
        return Domain("author_partner_id", "in", self.ids) | Domain(
            "deputy_partner_id", "in", self.ids
        )

    def _compute_vsms_mandate_counts(self):
        Mandate = self.env["vsms.mandate"]
        authored = dict(
            Mandate._read_group(
                [("author_partner_id", "in", self.ids)],
                ["author_partner_id"],
                ["id:array_agg"],
            )
        )
        received = dict(
            Mandate._read_group(
                [("deputy_partner_id", "in", self.ids)],
                ["deputy_partner_id"],
                ["id:array_agg"],
            )
        )
        for partner in self:
            partner_received = received.get(partner._origin, [])
            partner.vsms_mandate_deputy_count = len(partner_received)
            partner.vsms_mandate_count = len(
                set(authored.get(partner._origin, [])) | set(partner_received)
            )

    def action_vsms_open_mandates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_mandate_action"
        )
        action["domain"] = list(self._vsms_mandate_domain())
        role = "deputy" if self.vsms_mandate_deputy_count else "author"
        action["context"] = {f"default_{role}_partner_id": self.id}
        return action

    def action_vsms_print_mandates(self):
        """The register of the mandates this deputy received."""
        self.ensure_one()
        mandates = self.env["vsms.mandate"].search(
            [("deputy_partner_id", "=", self.id)], order="date, number, id"
        )
        if not mandates:
            raise UserError(
                self.env._(
                    "%(partner)s has received no voters' mandates.",
                    partner=self.display_name,
                )
            )
        return self.env.ref(REGISTER_REPORT).report_action(mandates, config=False)
