"""Electoral districts: the voters' mandates given there, and their register."""

from odoo import fields, models
from odoo.exceptions import UserError

REGISTER_REPORT = "vsms_regional.vsms_mandate_report_register"


class VsmsElectionDistrict(models.Model):
    _inherit = "vsms.election.district"

    mandate_count = fields.Integer(
        string="Voters' Mandates", compute="_compute_mandate_count"
    )

    def _compute_mandate_count(self):
        counts = dict(
            self.env["vsms.mandate"]._read_group(
                [("district_id", "in", self.ids)], ["district_id"], ["__count"]
            )
        )
        for district in self:
            district.mandate_count = counts.get(district._origin, 0)

    def action_open_mandates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_mandate_action"
        )
        action["domain"] = [("district_id", "=", self.id)]
        action["context"] = {"default_district_id": self.id}
        return action

    def action_print_mandates(self):
        """The register of the voters' mandates given in the district."""
        self.ensure_one()
        mandates = self.env["vsms.mandate"].search(
            [("district_id", "=", self.id)], order="date, number, id"
        )
        if not mandates:
            raise UserError(
                self.env._(
                    "No voters' mandates were given in the district %(district)s.",
                    district=self.display_name,
                )
            )
        return self.env.ref(REGISTER_REPORT).report_action(mandates, config=False)
