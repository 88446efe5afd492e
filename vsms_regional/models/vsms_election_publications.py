from odoo import api, fields, models


class VsmsElection(models.Model):
    """Elections: the publications about them."""

    _inherit = "vsms.election"  # pylint: disable=consider-merging-classes-inherited

    publication_ids = fields.One2many(
        "vsms.publication", "election_id", string="Publications List"
    )
    publication_count = fields.Integer(
        compute="_compute_publication_count",
        help="Published publications about the election.",
    )

    @api.depends("publication_ids.state")
    def _compute_publication_count(self):
        counts = dict(
            self.env["vsms.publication"]._read_group(
                [
                    ("election_id", "in", self._origin.ids),
                    ("state", "=", "published"),
                ],
                ["election_id"],
                ["__count"],
            )
        )
        for election in self:
            election.publication_count = counts.get(election._origin, 0)

    def action_open_publications(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_publication_action"
        )
        action["domain"] = [("election_id", "in", self.ids)]
        action["context"] = {
            "default_election_id": self[:1].id,
            "default_name": self[:1].display_name,
            "default_municipality_id": self[:1].municipality_id.id,
        }
        return action
