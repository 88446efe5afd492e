"""Elections: a campaign the branch follows, its districts and candidates."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools import guard
from ..tools.election_results import TieAtCutoff, winners
from .vsms_candidate import CONFIRM_RESULTS

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

    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env)).get(
            state, state
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("date_start", "date_end", "date_campaign_start")
    def _check_dates(self):
        for election in self:
            if election.date_end < election.date_start:
                raise ValidationError(
                    self.env._(
                        "Election «%(election)s»: the last voting day "
                        "(%(end)s) is before the first (%(start)s).",
                        election=election.name,
                        end=format_date(self.env, election.date_end),
                        start=format_date(self.env, election.date_start),
                    )
                )
            if (
                election.date_campaign_start
                and election.date_campaign_start > election.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Election «%(election)s»: it cannot be called "
                        "(%(called)s) after voting starts (%(start)s).",
                        election=election.name,
                        called=format_date(self.env, election.date_campaign_start),
                        start=format_date(self.env, election.date_start),
                    )
                )
        # the dates of the candidates and of the campaign work lie in the
        # campaign
        self.candidate_ids._check_dates()
        self.participation_ids._check_dates()

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id", "date_start", "date_end")
    def _check_vsms_occurrence(self):
        self._vsms_check_occurrence()

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            vals["date_state"] = today
        elections = super().create(vals_list)
        elections._vsms_fill_occurrence()
        for election in elections:
            if election.state in ("results", "closed"):
                raise UserError(
                    self.env._(
                        "Election «%(election)s» cannot start at the status "
                        "«%(state)s»: results are confirmed with «Confirm "
                        "Results».",
                        election=election.name,
                        state=election._state_label(election.state),
                    )
                )
        return elections

    def write(self, vals):
        new_state = vals.get("state")
        if new_state:
            moving = self.filtered(lambda e: e.state != new_state)
            for election in moving:
                allowed = ELECTION_TRANSITIONS[election.state]
                if new_state == "results" and not guard.allowed(CONFIRM_RESULTS):
                    allowed = allowed - {"results"}
                if new_state not in allowed:
                    hint = ""
                    if new_state == "results" and election.state == "voting":
                        hint = " " + self.env._(
                            "Use «Confirm Results»: it elects the candidates."
                        )
                    raise UserError(
                        self.env._(
                            "Election «%(election)s» cannot move from "
                            "«%(old)s» to «%(new)s».",
                            election=election.name,
                            old=election._state_label(election.state),
                            new=election._state_label(new_state),
                        )
                        + hint
                    )
            if moving:
                super(VsmsElection, moving).write(
                    {"date_state": fields.Date.context_today(self)}
                )
        res = super().write(vals)
        if vals.get("vsms_plan_item_id") or "date_start" in vals:
            self._vsms_fill_occurrence()
        return res

    def _vsms_fill_occurrence(self):
        """An election linked to a plan item realises the item's occurrence
        whose period holds the first voting day."""
        for election in self.filtered(
            lambda e: e.vsms_plan_item_id and not e.vsms_occurrence_id
        ):
            occurrence = election.vsms_plan_item_id.occurrence_ids.filtered(
                lambda o, e=election: o.date_start <= e.date_start <= o.date_end
            )[:1]
            if occurrence:
                election.vsms_occurrence_id = occurrence

    @api.ondelete(at_uninstall=False)
    def _unlink_except_results(self):
        for election in self:
            if election.state in ("results", "closed"):
                raise UserError(
                    self.env._(
                        "Election «%(election)s» has confirmed results: it is kept.",
                        election=election.name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_campaign(self):
        self.write({"state": "campaign"})
        return True

    def action_voting(self):
        self.write({"state": "voting"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def _vsms_results_by_votes(self):
        """``(elected, not elected)`` candidates of the single- and
        multi-mandate districts: the registered candidates with the most votes
        take the seats that are not yet given by hand.  A tie at the cutoff
        raises a UserError naming the district and the tied candidates."""
        Candidate = self.env["vsms.candidate"]
        elected, not_elected = Candidate, Candidate
        for election in self:
            if election.state != "voting":
                raise UserError(
                    self.env._(
                        "Results of «%(election)s» are confirmed after voting; "
                        "it is at the status «%(state)s».",
                        election=election.name,
                        state=election._state_label(election.state),
                    )
                )
        districts = self.district_ids.filtered(lambda d: d.kind != "list")
        # load every candidate's state and votes at once
        districts.candidate_ids.mapped("votes")
        for district in districts:
            ballot = district.candidate_ids.filtered(lambda c: c.state == "registered")
            if not ballot:
                continue
            # seats already given by hand (a tie decided by lot)
            seats = district.seats - len(
                district.candidate_ids.filtered(lambda c: c.state == "elected")
            )
            if seats <= 0:
                not_elected |= ballot
                continue
            votes = {candidate: candidate.votes for candidate in ballot}
            try:
                won = winners(votes, seats)
            except TieAtCutoff as tie:
                raise UserError(
                    self.env._(
                        "District «%(district)s»: %(candidates)s have %(votes)s "
                        "votes each and cannot all take the %(seats)s remaining "
                        "seat(s). Decide who is elected (by lot or a repeat "
                        "vote), mark them «Elected» by hand and confirm the "
                        "results again, or correct the votes.",
                        district=district.display_name,
                        candidates=", ".join(c.partner_id.name for c in tie.keys),
                        votes=tie.votes,
                        seats=seats,
                    )
                ) from None
            won = Candidate.union(*won)
            elected |= won
            not_elected |= ballot - won
        return elected, not_elected

    def action_confirm_results(self):
        """«Утвердить итоги»: the registered candidates with the most votes of
        each single- and multi-mandate district are elected, the others not
        elected (party-list districts are decided by hand); the elected get
        their office and, if not members, an admission lead; the election
        moves to «Results» and its plan occurrence is done.  A tie at the cutoff
        changes nothing."""
        elected, not_elected = self._vsms_results_by_votes()
        changed = elected | not_elected
        old_states = {candidate.id: candidate.state for candidate in changed}
        with guard.allowing(CONFIRM_RESULTS):
            # The status changes are logged on each candidate in one batch
            # below rather than tracked one message at a time.
            quiet = {"mail_notrack": True}
            elected.with_context(**quiet).write({"state": "elected"})
            not_elected.with_context(**quiet).write({"state": "not_elected"})
            self.write({"state": "results"})
        changed._vsms_log_results(old_states)
        for election in self:
            won = elected.filtered(lambda c, e=election: c.election_id == e)
            election.message_post(
                body=self.env._(
                    "Results confirmed. Elected: %(names)s.",
                    names=", ".join(won.partner_id.mapped("name"))
                    or self.env._("nobody by votes"),
                )
            )
        self.vsms_occurrence_id._vsms_mark_done()
        return True

    def _action_open(self, xmlid):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("election_id", "in", self.ids)]
        action["context"] = {
            "default_election_id": self[:1].id,
            "search_default_group_district": 1,
        }
        return action

    def action_open_candidates(self):
        return self._action_open("vsms_regional.vsms_candidate_action")

    def action_open_participations(self):
        return self._action_open("vsms_regional.vsms_election_participation_action")
