from odoo import api, fields, models


class VsmsPlanItem(models.Model):
    """Publications about the item (item 14 of the 2021 plan is measured by
    them)."""

    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    publication_ids = fields.One2many(
        "vsms.publication", "vsms_plan_item_id", string="Publications"
    )
    publication_count = fields.Integer(
        compute="_compute_publication_count",
        store=True,
        help="Published publications about the item.",
    )

    @api.depends("publication_ids.state")
    def _compute_publication_count(self):
        for item in self:
            item.publication_count = len(
                item.publication_ids.filtered(lambda pub: pub.state == "published")
            )

    def action_open_publications(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_publication_action"
        )
        action["domain"] = [("vsms_plan_item_id", "in", self.ids)]
        action["context"] = {"default_vsms_plan_item_id": self[:1].id}
        return action
