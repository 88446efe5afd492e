"""A candidate in an election: nomination, registration, results."""

from odoo import api, fields, models


CANDIDATE_STATES = [
    ("proposed", "Proposed"),
    ("nominated", "Nominated"),
    ("registered", "Registered"),
    ("refused", "Registration refused"),
    ("withdrawn", "Withdrawn"),
    ("cancelled", "Registration annulled/cancelled"),
    ("elected", "Elected"),
    ("not_elected", "Not elected"),
]
NOMINATED_BY = [
    ("self", "Self-nomination"),
    ("party", "Political party"),
    ("branch", "ВСМС branch"),
    ("association", "Other association"),
]
BRANCH_SUPPORT = [
    ("none", "None"),
    ("nominated", "Nominated by the branch"),
    ("supported", "Supported by the branch"),
]


class VsmsCandidate(models.Model):
    _name = "vsms.candidate"
    _description = "Candidate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "election_id, district_id, district_rank, id"
    _check_company_auto = True

    election_id = fields.Many2one(
        "vsms.election", required=True, index=True, ondelete="cascade", tracking=True
    )
    election_state = fields.Selection(
        related="election_id.state", string="Election Status"
    )
    company_id = fields.Many2one(
        related="election_id.company_id", store=True, index=True
    )
    district_id = fields.Many2one(
        "vsms.election.district",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('election_id', '=', election_id)]",
    )
    district_kind = fields.Selection(related="district_id.kind", string="District Kind")
    partner_id = fields.Many2one(
        "res.partner",
        string="Candidate",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("is_company", "=", False)],
    )
    nominated_by = fields.Selection(
        NOMINATED_BY, required=True, default="self", tracking=True
    )
    nominator_id = fields.Many2one(
        "res.partner",
        string="Nominator",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The party or association that nominated the candidate.",
    )
    branch_support = fields.Selection(
        BRANCH_SUPPORT,
        string="Branch's Role",
        required=True,
        default="none",
        index=True,
        tracking=True,
    )
    decision_id = fields.Many2one(
        "vsms.decision",
        string="Decision",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The presidium decision that nominated or supported the candidate.",
    )
    state = fields.Selection(
        CANDIDATE_STATES,
        string="Status",
        required=True,
        default="proposed",
        index=True,
        tracking=True,
        copy=False,
    )
    date_state = fields.Date(
        string="Status Since", copy=False, readonly=True, tracking=True
    )
    date_nominated = fields.Date(string="Nominated on", copy=False, tracking=True)
    date_registered = fields.Date(string="Registered on", copy=False, tracking=True)
    votes = fields.Integer(tracking=True, copy=False)
    vote_share = fields.Float(
        string="Vote Share (%)",
        compute="_compute_results",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        help="Share of all votes cast for the district's candidates.",
    )
    district_rank = fields.Integer(
        string="Rank",
        compute="_compute_results",
        store=True,
        aggregator=None,
        help="Place in the district by votes; equal votes share a rank.",
    )
    position_id = fields.Many2one(
        "vsms.position",
        string="Elected Office",
        copy=False,
        readonly=True,
        ondelete="set null",
    )
    note = fields.Text()

    _district_partner_uniq = models.UniqueIndex(
        "(district_id, partner_id)",
        "A person stands only once in a district.",
    )

    def _vsms_on_ballot(self):
        """The candidates whose votes count: registered, elected, not elected."""
        return self.filtered(
            lambda c: c.state in ("registered", "elected", "not_elected")
        )

    @api.depends(
        "votes",
        "state",
        "district_id.candidate_ids.votes",
        "district_id.candidate_ids.state",
    )
    def _compute_results(self):
        for candidate in self:
            candidate.vote_share = 0.0
            candidate.district_rank = 0
