from odoo import api, fields, models
from odoo.fields import Domain

from ..const import USER_GROUP


class CalendarEvent(models.Model):
    """Meetings (of a governing body, or realising the work plan): their
    publications and their coverage gap."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "vsms.publication.coverage.mixin"]

    vsms_publication_ids = fields.One2many(
        "vsms.publication", "meeting_id", string="Publications List", groups=USER_GROUP
    )

    @api.depends("vsms_publication_ids.state")
    def _compute_vsms_publication_count(self):
        return super()._compute_vsms_publication_count()

    @api.depends(
        "vsms_publication_ids.state",
        "stop",
        "vsms_body_id",
        "vsms_occurrence_id",
        "vsms_meeting_state",
    )
    def _compute_vsms_coverage_gap(self):
        return super()._compute_vsms_coverage_gap()

    @api.model
    def _vsms_publication_field(self):
        return "meeting_id"

    @api.model
    def _vsms_held_before_domain(self, cutoff):
        return (
            (
                Domain("vsms_body_id", "!=", False)
                | Domain("vsms_occurrence_id", "!=", False)
            )
            & Domain("vsms_meeting_state", "!=", "cancelled")
            & Domain("stop", "<=", cutoff)
        )

    def _vsms_held_before(self, cutoff):
        self.ensure_one()
        return bool(
            (self.vsms_body_id or self.vsms_occurrence_id)
            and self.vsms_meeting_state != "cancelled"
            and self.stop
            and self.stop <= cutoff
        )
