from odoo import api, fields, models
from odoo.fields import Domain

from ..const import USER_GROUP


class EventEvent(models.Model):
    """Events: their publications and their coverage gap."""

    _name = "event.event"
    _inherit = ["event.event", "vsms.publication.coverage.mixin"]

    vsms_publication_ids = fields.One2many(
        "vsms.publication", "event_id", string="Publications List", groups=USER_GROUP
    )

    @api.depends("vsms_publication_ids.state")
    def _compute_vsms_publication_count(self):
        return super()._compute_vsms_publication_count()

    @api.depends("vsms_publication_ids.state", "date_end")
    def _compute_vsms_coverage_gap(self):
        return super()._compute_vsms_coverage_gap()

    @api.model
    def _vsms_publication_field(self):
        return "event_id"

    @api.model
    def _vsms_held_before_domain(self, cutoff):
        return Domain("date_end", "<=", cutoff)

    def _vsms_held_before(self, cutoff):
        self.ensure_one()
        return bool(self.date_end and self.date_end <= cutoff)
