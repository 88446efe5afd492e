"""Work plan items: the voters' mandates collected under an item (item 9 of
the 2021 plan: members' work in election campaigns)."""

from odoo import fields, models


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    mandate_count = fields.Integer(
        string="Voters' Mandates", compute="_compute_mandate_count"
    )

    def _compute_mandate_count(self):
        counts = dict(
            self.env["vsms.mandate"]._read_group(
                [("vsms_plan_item_id", "in", self.ids)],
                ["vsms_plan_item_id"],
                ["__count"],
            )
        )
        for item in self:
            item.mandate_count = counts.get(item._origin, 0)

    def action_open_mandates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_mandate_action"
        )
        action["domain"] = [("vsms_plan_item_id", "=", self.id)]
        action["context"] = {"default_vsms_plan_item_id": self.id}
        return action
