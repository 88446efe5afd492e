from odoo import api, fields, models


class VsmsPlanOccurrence(models.Model):
    _inherit = "vsms.plan.occurrence"  # pylint: disable=consider-merging-classes-inherited

    publication_ids = fields.One2many(
        "vsms.publication", "vsms_occurrence_id", string="Publications"
    )
    publication_count = fields.Integer(
        compute="_compute_publication_count",
        store=True,
        help="Published publications about the occurrence.",
    )

    @api.depends("publication_ids.state")
    def _compute_publication_count(self):
        for occurrence in self:
            occurrence.publication_count = len(
                occurrence.publication_ids.filtered(
                    lambda pub: pub.state == "published"
                )
            )

    def action_open_publications(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_publication_action"
        )
        action["domain"] = [("vsms_occurrence_id", "in", self.ids)]
        action["context"] = {
            "default_vsms_occurrence_id": self[:1].id,
            "default_vsms_plan_item_id": self[:1].item_id.id,
        }
        return action
