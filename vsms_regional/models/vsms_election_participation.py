from odoo import fields, models

PARTICIPATION_ROLES = [
    ("agitator", "Agitator"),
    ("observer", "Observer"),
    ("proxy", "Proxy"),
    ("commission_member", "Election commission member"),
    ("programme", "Programme writer"),
]


class VsmsElectionParticipation(models.Model):
    _name = "vsms.election.participation"
    _description = "Campaign Work"
    _inherit = ["mail.thread"]
    _order = "election_id, district_id, partner_id, id"
    _check_company_auto = True

    election_id = fields.Many2one(
        "vsms.election", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="election_id.company_id", store=True, index=True
    )
    district_id = fields.Many2one(
        "vsms.election.district",
        index=True,
        ondelete="restrict",
        domain="[('election_id', '=', election_id)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", False)],
    )
    role = fields.Selection(PARTICIPATION_ROLES, required=True, index=True)
    candidate_id = fields.Many2one(
        "vsms.candidate",
        index=True,
        ondelete="set null",
        domain="[('election_id', '=', election_id)]",
        help="The candidate the member worked for (proxy, agitator, programme).",
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    note = fields.Text()
