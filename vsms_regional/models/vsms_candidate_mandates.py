"""Candidates: the voters' mandates given to them."""

from odoo import fields, models


class VsmsCandidate(models.Model):
    _inherit = "vsms.candidate"

    mandate_count = fields.Integer(
        string="Voters' Mandates", compute="_compute_mandate_count"
    )

    def _compute_mandate_count(self):
        counts = dict(
            self.env["vsms.mandate"]._read_group(
                [("candidate_id", "in", self.ids)], ["candidate_id"], ["__count"]
            )
        )
        for candidate in self:
            candidate.mandate_count = counts.get(candidate._origin, 0)

    def action_open_mandates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_mandate_action"
        )
        action["domain"] = [("candidate_id", "=", self.id)]
        action["context"] = {"default_candidate_id": self.id}
        return action
