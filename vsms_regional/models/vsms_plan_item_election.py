from odoo import fields, models


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    election_ids = fields.One2many(
        "vsms.election", "vsms_plan_item_id", string="Elections"
    )
    election_count = fields.Integer(compute="_compute_election_count")

    def _compute_election_count(self):
        counts = dict(
            self.env["vsms.election"]._read_group(
                [("vsms_plan_item_id", "in", self.ids)],
                ["vsms_plan_item_id"],
                ["__count"],
            )
        )
        for item in self:
            item.election_count = counts.get(item._origin, 0)

    def action_open_elections(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_election_action"
        )
        action["domain"] = [("vsms_plan_item_id", "in", self.ids)]
        action["context"] = {"default_vsms_plan_item_id": self[:1].id}
        return action
