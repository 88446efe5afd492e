from odoo import api, fields, models
from odoo.exceptions import UserError

from ..const import USER_GROUP


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    vsms_present = fields.Boolean(
        string="Present",
        copy=False,
        groups=USER_GROUP,
        help="Was at the meeting (whatever the answer to the invitation).",
    )
    vsms_body_role = fields.Selection(
        selection=lambda self: self.env["vsms.body.member"]
        ._fields["role"]
        ._description_selection(self.env),
        string="Role in the Body",
        compute="_compute_vsms_body_role",
        groups=USER_GROUP,
        help="Empty for invited guests who are not members of the body.",
    )

    @api.depends("partner_id", "event_id.vsms_body_id", "event_id.start")
    def _compute_vsms_body_role(self):
        for attendee in self:
            meeting = attendee.event_id
            roles = meeting._vsms_members_at_meeting()
            attendee.vsms_body_role = roles.get(attendee.partner_id._origin.id, False)

    def write(self, vals):
        if "vsms_present" in vals:
            held = self.sudo().event_id.filtered(
                lambda meeting: meeting.vsms_meeting_state == "held"
            )
            if held:
                raise UserError(
                    self.env._(
                        "«%(meeting)s» has been held: its presence list is part of "
                        "the protocol. Reopen the meeting to correct it.",
                        meeting=held[0].name,
                    )
                )
        return super().write(vals)
