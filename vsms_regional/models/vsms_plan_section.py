from odoo import api, fields, models
from odoo.exceptions import UserError


class VsmsPlanSection(models.Model):
    _name = "vsms.plan.section"
    _description = "Work Plan Section"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "vsms.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    item_ids = fields.One2many("vsms.plan.item", "section_id", string="Items")
    item_count = fields.Integer(compute="_compute_item_count")

    def _compute_item_count(self):
        counts = dict(
            self.env["vsms.plan.item"]._read_group(
                [("section_id", "in", self.ids)], ["section_id"], ["__count"]
            )
        )
        for section in self:
            section.item_count = counts.get(section._origin, 0)

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["vsms.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_editable()
        if vals.get("plan_id"):
            self.plan_id.browse(vals["plan_id"])._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_check_plan(self):
        self.plan_id._check_editable()
        with_items = self.filtered("item_ids")
        if with_items:
            raise UserError(
                self.env._(
                    "Section «%(name)s» still has items: move or delete them first.",
                    name=with_items[0].name,
                )
            )
