"""Elections: a campaign the branch follows, its districts and candidates."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools import guard

ELECTION_LEVELS = [
    ("federal", "Federal"),
    ("regional", "Regional"),
    ("municipal", "Municipal"),
]
ELECTION_STATES = [
    ("planned", "Planned"),
    ("campaign", "Campaign"),
    ("voting", "Voting"),
    ("results", "Results"),
    ("closed", "Closed"),
]
# The moves a plain write may make; voting → results only through
# «Утвердить итоги» (action_confirm_results).
ELECTION_TRANSITIONS = {
    "planned": {"campaign"},
    "campaign": {"voting"},
    "voting": {"results"},
    "results": {"closed"},
    "closed": set(),
}
CONFIRM_RESULTS = "vsms.election.confirm_results"
# The office an elected candidate takes, by the election's level (codes of
# vsms.position.role).
LEVEL_ROLE_CODES = {
    "federal": "state_duma_deputy",
    "regional": "regional_deputy",
    "municipal": "deputy",
}


class VsmsElection(models.Model):
    _name = "vsms.election"
    _description = "Election"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vsms.plan.realization.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    level = fields.Selection(
        ELECTION_LEVELS, required=True, default="municipal", index=True, tracking=True
    )
    body_name = fields.Char(
        string="Body Elected",
        tracking=True,
        help="The body or office elected, e.g. «Государственная Дума ФС РФ VIII "
        "созыва» or «Совет депутатов Вяземского муниципального округа».",
    )
    municipality_id = fields.Many2one(
        "vsms.municipality", index=True, tracking=True, ondelete="restrict"
    )
    date_start = fields.Date(
        string="First Voting Day", required=True, index=True, tracking=True
    )
    date_end = fields.Date(
        string="Last Voting Day", required=True, index=True, tracking=True
    )
    date_campaign_start = fields.Date(
        string="Election Called",
        tracking=True,
        help="Day the election was called: the campaign starts. Nominations, "
        "registrations and members' campaign work lie between this day and "
        "the last voting day.",
    )
    state = fields.Selection(
        ELECTION_STATES,
        string="Status",
        required=True,
        default="planned",
        index=True,
        tracking=True,
        copy=False,
    )
    date_state = fields.Date(
        string="Status Since", readonly=True, copy=False, tracking=True
    )
    position_role_id = fields.Many2one(
        "vsms.position.role",
        string="Office of the Elected",
        compute="_compute_position_role_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        help="The office given to the elected candidates (deputy of the State "
        "Duma, of the oblast Duma, of a representative body, head).",
    )
    district_ids = fields.One2many(
        "vsms.election.district", "election_id", string="Districts", copy=False
    )
    candidate_ids = fields.One2many(
        "vsms.candidate", "election_id", string="Candidates", copy=False
    )
    participation_ids = fields.One2many(
        "vsms.election.participation",
        "election_id",
        string="Campaign Work",
        copy=False,
    )
    district_count = fields.Integer(compute="_compute_counts")
    candidate_count = fields.Integer(compute="_compute_counts")
    elected_count = fields.Integer(string="Elected", compute="_compute_counts")
    participation_count = fields.Integer(
        string="Campaign Work Count", compute="_compute_counts"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    note = fields.Html()

    @api.depends("level")
    def _compute_position_role_id(self):
        roles = self.env["vsms.position.role"].search(
            [("code", "in", list(LEVEL_ROLE_CODES.values()))]
        )
        by_code = {role.code: role for role in roles}
        for election in self:
            election.position_role_id = by_code.get(
                LEVEL_ROLE_CODES.get(election.level),
                self.env["vsms.position.role"],
            )

    def _compute_counts(self):
        Candidate = self.env["vsms.candidate"]
        candidates = dict(
            Candidate._read_group(
                [("election_id", "in", self.ids)], ["election_id"], ["__count"]
            )
        )
        elected = dict(
            Candidate._read_group(
                [("election_id", "in", self.ids), ("state", "=", "elected")],
                ["election_id"],
                ["__count"],
            )
        )
        districts = dict(
            self.env["vsms.election.district"]._read_group(
                [("election_id", "in", self.ids)], ["election_id"], ["__count"]
            )
        )
        participations = dict(
            self.env["vsms.election.participation"]._read_group(
                [("election_id", "in", self.ids)], ["election_id"], ["__count"]
            )
        )
        for election in self:
            key = election._origin
            election.candidate_count = candidates.get(key, 0)
            election.elected_count = elected.get(key, 0)
            election.district_count = districts.get(key, 0)
            election.participation_count = participations.get(key, 0)

    def _vsms_start_day(self):
        self.ensure_one()
        return self.date_start
