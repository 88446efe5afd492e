from odoo import api, fields, models

from ..const import ROLE_CATEGORIES

PARTICIPANT_CATEGORIES = [
    ("pupil", "School pupil"),
    ("student", "Student"),
    ("teacher", "Teacher"),
    ("member", "ВСМС member"),
    ("head", "Head of a municipality"),
    ("deputy", "Deputy"),
    ("tos", "ТОС representative"),
    ("official", "Civil servant"),
    ("expert", "Expert"),
    ("guest", "Guest"),
    ("other", "Other"),
]


class EventRegistration(models.Model):
    _inherit = "event.registration"

    vsms_category = fields.Selection(
        PARTICIPANT_CATEGORIES,
        string="Participant Category",
        compute="_compute_vsms_category",
        store=True,
        readonly=False,
        index=True,
        help="Taken from the contact's office or membership; change it as needed.",
    )
    vsms_organization = fields.Char(
        string="Organisation",
        help="School, municipality or organisation the participant represents.",
    )
    vsms_municipality_id = fields.Many2one(
        related="partner_id.vsms_municipality_id",
        string="Municipality",
        store=True,
        index=True,
    )
    vsms_occurrence_id = fields.Many2one(
        related="event_id.vsms_occurrence_id",
        string="Plan Occurrence",
        store=True,
        index=True,
    )

    @api.depends("partner_id")
    def _compute_vsms_category(self):
        for registration in self:
            partner = registration.partner_id
            if registration.vsms_category or not partner:
                continue
            role = ROLE_CATEGORIES.get(partner.vsms_main_role_id.code)
            if role:
                registration.vsms_category = role
            elif partner.vsms_member_state == "member":
                registration.vsms_category = "member"
