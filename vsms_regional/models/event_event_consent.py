from odoo import api, fields, models


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    vsms_consent_required = fields.Boolean(
        string="Ask the personal-data consent",
        compute="_compute_vsms_consent_required",
        store=True,
        readonly=False,
        help="Website registrants tick a separate personal-data consent (152-ФЗ) "
        "next to its text; it is recorded as a ВСМС consent (source: website). "
        "Taken from the event type; events of the work plan always ask it.",
    )

    @api.depends("event_type_id", "vsms_plan_item_id")
    def _compute_vsms_consent_required(self):
        # the plan link is for ВСМС staff only: read it as superuser, so that
        # colleagues outside ВСМС can create and copy events
        for event in self:
            event.vsms_consent_required = bool(
                event.sudo().vsms_plan_item_id
                or event.event_type_id.vsms_consent_required
            )
