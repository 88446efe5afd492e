"""Elections: the voters' mandates given in their districts."""

from odoo import fields, models


class VsmsElection(models.Model):
    _inherit = "vsms.election"

    mandate_count = fields.Integer(
        string="Voters' Mandates", compute="_compute_mandate_count"
    )

    def _compute_mandate_count(self):
        counts = dict(
            self.env["vsms.mandate"]._read_group(
                [("election_id", "in", self.ids)], ["election_id"], ["__count"]
            )
        )
        for election in self:
            election.mandate_count = counts.get(election._origin, 0)

    def action_open_mandates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_mandate_action"
        )
        action["domain"] = [("election_id", "=", self.id)]
        action["context"] = {
            "search_default_groupby_district": 1,
            "default_municipality_id": self.municipality_id.id,
        }
        return action
