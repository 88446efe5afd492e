from odoo import fields, models


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"

    contest_ids = fields.One2many(
        "vsms.contest", "vsms_plan_item_id", string="Contests"
    )
    contest_count = fields.Integer(compute="_compute_contest_count")

    def _compute_contest_count(self):
        counts = dict(
            self.env["vsms.contest"]._read_group(
                [("vsms_plan_item_id", "in", self.ids)],
                ["vsms_plan_item_id"],
                ["__count"],
            )
        )
        for item in self:
            item.contest_count = counts.get(item._origin, 0)

    def action_open_contests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_contest_action"
        )
        action["domain"] = [("vsms_plan_item_id", "=", self.id)]
        action["context"] = {"default_vsms_plan_item_id": self.id}
        return action
