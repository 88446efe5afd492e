"""Contacts: candidacies in elections (ВСМС staff only)."""

from odoo import fields, models

from ..const import USER_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_candidate_ids = fields.One2many(
        "vsms.candidate",
        "partner_id",
        string="Candidacies",
        copy=False,
        groups=USER_GROUP,
    )
    vsms_candidate_count = fields.Integer(
        string="Candidacy Count",
        compute="_compute_vsms_candidate_count",
        groups=USER_GROUP,
    )

    def _compute_vsms_candidate_count(self):
        counts = dict(
            self.env["vsms.candidate"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.vsms_candidate_count = counts.get(partner._origin, 0)

    def action_vsms_open_candidacies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_candidate_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {}
        return action
