"""A candidate in an election: nomination, registration, results."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..tools.election_results import ranks, vote_shares

CANDIDATE_STATES = [
    ("proposed", "Put forward"),
    ("nominated", "Nominated"),
    ("registered", "Registered to stand"),
    ("refused", "Registration refused"),
    ("withdrawn", "Withdrew"),
    ("cancelled", "Registration annulled/cancelled"),
    ("elected", "Elected"),
    ("not_elected", "Not elected"),
]
# The official lifecycle (67-ФЗ): a nominated person may still withdraw before
# registration («выбыл»); a registered one withdraws or loses registration
# (annulled by the commission, cancelled by a court); the result comes after
# voting and may be corrected by hand later (a court decision).
CANDIDATE_TRANSITIONS = {
    "proposed": {"nominated"},
    "nominated": {"registered", "refused", "withdrawn"},
    "registered": {"withdrawn", "cancelled", "elected", "not_elected"},
    "refused": set(),
    "withdrawn": set(),
    "cancelled": set(),
    "elected": {"not_elected"},
    "not_elected": {"elected"},
}
# The election statuses in which a candidate may be put into a status (by a
# creation or a move).  Results are set by «Утвердить итоги», or by hand from
# the voting on: a tie decided by lot before confirming, a court decision after.
ELECTION_STATES_FOR = {
    "proposed": {"planned", "campaign", "voting", "results"},
    "nominated": {"campaign"},
    "registered": {"campaign"},
    "refused": {"campaign"},
    "withdrawn": {"campaign", "voting"},
    "cancelled": {"campaign", "voting"},
    "elected": {"voting", "results"},
    "not_elected": {"voting", "results"},
}
ON_BALLOT = ("registered", "elected", "not_elected")
# The day a status was reached, filled in when it is reached during the
# campaign (staff type it when recording a past election).
DATE_FIELDS = {"nominated": "date_nominated", "registered": "date_registered"}
# «Утвердить итоги» is making its changes (tools/guard.py).
CONFIRM_RESULTS = "vsms.election.confirm_results"
# What a closed election's candidates can no longer change.
FROZEN_FIELDS = {
    "election_id",
    "district_id",
    "partner_id",
    "state",
    "votes",
    "nominated_by",
    "nominator_id",
    "branch_support",
    "decision_id",
    "date_nominated",
    "date_registered",
}
# What a candidate with a result keeps (their office follows from it).
RESULT_FIELDS = {"election_id", "district_id", "partner_id"}
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
    _rec_names_search = ["partner_id"]

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
        group_expand=True,
    )
    date_state = fields.Date(
        string="Status Since", copy=False, readonly=True, index=True
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
        index="btree_not_null",
        ondelete="set null",
    )
    note = fields.Text()

    _district_partner_uniq = models.UniqueIndex(
        "(district_id, partner_id)",
        "A person stands only once in a district.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_display_name(self):
        for candidate in self:
            candidate.display_name = candidate.partner_id.name or ""

    def _vsms_on_ballot(self):
        """The candidates whose votes count: registered, elected, not elected."""
        return self.filtered(lambda c: c.state in ON_BALLOT)

    @api.depends(
        "votes",
        "state",
        "district_id",
        "district_id.candidate_ids.votes",
        "district_id.candidate_ids.state",
    )
    def _compute_results(self):
        # One pass per district over the candidates loaded together: no query
        # per candidate.
        shares, places = {}, {}
        for district in self.district_id:
            votes = {
                candidate.id: candidate.votes
                for candidate in district.candidate_ids._vsms_on_ballot()
            }
            shares.update(vote_shares(votes))
            places.update(ranks(votes))
        for candidate in self:
            on_ballot = candidate.state in ON_BALLOT
            candidate.vote_share = shares.get(candidate.id, 0.0) if on_ballot else 0.0
            candidate.district_rank = places.get(candidate.id, 0) if on_ballot else 0

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env)).get(
            state, state
        )

    @api.constrains("election_id", "district_id")
    def _check_district(self):
        for candidate in self:
            if candidate.district_id.election_id != candidate.election_id:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s» belongs to the election "
                        "«%(other)s», not to «%(election)s» of candidate "
                        "%(candidate)s.",
                        district=candidate.district_id.display_name,
                        other=candidate.district_id.election_id.name,
                        election=candidate.election_id.name,
                        candidate=candidate.partner_id.name,
                    )
                )

    @api.constrains("partner_id")
    def _check_person(self):
        for candidate in self:
            if candidate.partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is an organisation: candidates are people.",
                        name=candidate.partner_id.name,
                    )
                )

    @api.constrains("votes")
    def _check_votes(self):
        for candidate in self:
            if candidate.votes < 0:
                raise ValidationError(
                    self.env._(
                        "Candidate %(candidate)s: the number of votes cannot be "
                        "negative (%(votes)s).",
                        candidate=candidate.partner_id.name,
                        votes=candidate.votes,
                    )
                )
            if candidate.votes and candidate.election_id.state in (
                "planned",
                "campaign",
            ):
                raise ValidationError(
                    self.env._(
                        "Candidate %(candidate)s: votes (%(votes)s) are entered "
                        "once voting has started; the election «%(election)s» "
                        "is at the status «%(state)s».",
                        candidate=candidate.partner_id.name,
                        votes=candidate.votes,
                        election=candidate.election_id.name,
                        state=candidate.election_id._state_label(
                            candidate.election_id.state
                        ),
                    )
                )

    @api.constrains("date_nominated", "date_registered", "election_id")
    def _check_dates(self):
        for candidate in self:
            election = candidate.election_id
            for field in ("date_nominated", "date_registered"):
                day = candidate[field]
                if not day:
                    continue
                if day > election.date_end or (
                    election.date_campaign_start and day < election.date_campaign_start
                ):
                    raise ValidationError(
                        self.env._(
                            "Candidate %(candidate)s: %(what)s %(date)s lies "
                            "outside the campaign of «%(election)s» "
                            "(%(start)s – %(end)s).",
                            candidate=candidate.partner_id.name,
                            what=self._fields[field].get_description(self.env)[
                                "string"
                            ],
                            date=format_date(self.env, day),
                            election=election.name,
                            start=format_date(self.env, election.date_campaign_start)
                            or "…",
                            end=format_date(self.env, election.date_end),
                        )
                    )
            if (
                candidate.date_nominated
                and candidate.date_registered
                and candidate.date_registered < candidate.date_nominated
            ):
                raise ValidationError(
                    self.env._(
                        "Candidate %(candidate)s cannot be registered "
                        "(%(registered)s) before being nominated (%(nominated)s).",
                        candidate=candidate.partner_id.name,
                        registered=format_date(self.env, candidate.date_registered),
                        nominated=format_date(self.env, candidate.date_nominated),
                    )
                )

    @api.constrains("state", "district_id")
    def _check_seats(self):
        districts = self.filtered(lambda c: c.state == "elected").district_id
        if not districts:
            return
        counts = dict(
            self._read_group(
                [("district_id", "in", districts.ids), ("state", "=", "elected")],
                ["district_id"],
                ["__count"],
            )
        )
        for district in districts:
            if counts.get(district, 0) > district.seats:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s» has %(seats)s seat(s): "
                        "%(count)s candidates cannot all be elected.",
                        district=district.display_name,
                        seats=district.seats,
                        count=counts[district],
                    )
                )

    def _vsms_check_move(self, old_state, new_state):
        """Refuse a status change the lifecycle or the election does not
        allow, naming both statuses."""
        self.ensure_one()
        if old_state != new_state and new_state not in CANDIDATE_TRANSITIONS.get(
            old_state, ()
        ):
            raise UserError(
                self.env._(
                    "Candidate %(candidate)s cannot move from «%(old)s» to «%(new)s».",
                    candidate=self.partner_id.name,
                    old=self._state_label(old_state),
                    new=self._state_label(new_state),
                )
            )
        self._vsms_check_election_state(new_state)

    def _vsms_check_election_state(self, new_state):
        self.ensure_one()
        election = self.election_id
        if election.state not in ELECTION_STATES_FOR[new_state]:
            raise UserError(
                self.env._(
                    "Candidate %(candidate)s cannot become «%(new)s» while the "
                    "election «%(election)s» is at the status «%(state)s».",
                    candidate=self.partner_id.name,
                    new=self._state_label(new_state),
                    election=election.name,
                    state=election._state_label(election.state),
                )
            )

    def _vsms_check_not_closed(self, election=None):
        for candidate in self:
            closed = election or candidate.election_id
            if closed.state == "closed":
                raise UserError(
                    self.env._(
                        "The election «%(election)s» is closed: its candidates "
                        "(%(candidate)s) can no longer change.",
                        election=closed.name,
                        candidate=candidate.partner_id.name
                        or self.env._("a new candidate"),
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            vals["date_state"] = today
        candidates = super().create(vals_list)
        for candidate in candidates:
            candidate._vsms_check_not_closed()
            candidate._vsms_check_election_state(candidate.state)
        candidates.filtered(lambda c: c.state == "elected")._vsms_take_office()
        return candidates

    def write(self, vals):
        if RESULT_FIELDS.intersection(vals):
            self._vsms_check_result_kept(vals)
        if FROZEN_FIELDS.intersection(vals):
            self._vsms_check_not_closed()
            if vals.get("election_id"):
                self._vsms_check_not_closed(
                    self.election_id.browse(vals["election_id"])
                )
        new_state = vals.get("state")
        moving = self.browse()
        if new_state:
            moving = self.filtered(lambda c: c.state != new_state)
            for candidate in moving:
                candidate._vsms_check_move(candidate.state, new_state)
            if moving:
                super(VsmsCandidate, moving).write(
                    {"date_state": fields.Date.context_today(self)}
                )
                field = DATE_FIELDS.get(new_state)
                if field and field not in vals:
                    moving.filtered(lambda c: not c[field])._vsms_date_today(field)
        res = super().write(vals)
        if new_state == "elected":
            moving._vsms_take_office()
        elif new_state == "not_elected":
            moving._vsms_leave_office()
        return res

    def _vsms_check_result_kept(self, vals):
        for candidate in self.filtered(lambda c: c.state in ("elected", "not_elected")):
            if any(
                candidate[field].id != vals[field]
                for field in RESULT_FIELDS.intersection(vals)
            ):
                raise UserError(
                    self.env._(
                        "Candidate %(candidate)s is «%(state)s»: the election, "
                        "the district and the person stay with the result.",
                        candidate=candidate.partner_id.name,
                        state=candidate._state_label(candidate.state),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_results(self):
        for candidate in self:
            if candidate.state in ("elected", "not_elected"):
                raise UserError(
                    self.env._(
                        "Candidate %(candidate)s is «%(state)s»: the results "
                        "of «%(election)s» are kept.",
                        candidate=candidate.partner_id.name,
                        state=candidate._state_label(candidate.state),
                        election=candidate.election_id.name,
                    )
                )

    def _vsms_date_today(self, field):
        """Put today into ``field`` of the candidates whose campaign is on
        today."""
        today = fields.Date.context_today(self)
        current = self.filtered(
            lambda c: c.election_id.date_end >= today
            and (
                not c.election_id.date_campaign_start
                or c.election_id.date_campaign_start <= today
            )
        )
        current.write({field: today})

    # ------------------------------------------------------------------
    # Elected → office and admission
    # ------------------------------------------------------------------

    def _vsms_take_office(self):
        """The elected get their office (``vsms.position``), and those who are
        not members an admission lead; batched over all candidates."""
        if not self:
            return
        reopen = self.filtered("position_id")
        reopen.position_id.write({"date_end": False})
        new = self - reopen
        missing_role = new.election_id.filtered(lambda e: not e.position_role_id)
        if missing_role:
            raise UserError(
                self.env._(
                    "Set the office of the elected on «%(election)s» first.",
                    election=missing_role[0].name,
                )
            )
        vals_list = []
        for candidate in new:
            election = candidate.election_id
            vals = {
                "partner_id": candidate.partner_id.id,
                "role_id": election.position_role_id.id,
                "organization": election.body_name or election.name,
                "date_start": election.date_end,
                "elected": True,
            }
            municipality = (
                candidate.district_id.municipality_id or election.municipality_id
            )
            if municipality:
                vals["municipality_id"] = municipality.id
            vals_list.append(vals)
        positions = self.env["vsms.position"].create(vals_list)
        for candidate, position in zip(new, positions, strict=True):
            candidate.position_id = position
        self.partner_id._vsms_open_admission_leads()

    def _vsms_leave_office(self):
        """A result corrected to «not elected» ends the office it gave."""
        today = fields.Date.context_today(self)
        for candidate in self.filtered("position_id"):
            position = candidate.position_id
            position.date_end = max(today, position.date_start or today)

    def _vsms_log_results(self, old_states):
        """One chatter note per candidate, created in one batch."""
        bodies = {
            candidate.id: Markup("%s → %s")
            % (
                candidate._state_label(old_states[candidate.id]),
                candidate._state_label(candidate.state),
            )
            for candidate in self
        }
        self._message_log_batch(bodies=bodies)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _vsms_set_state(self, state):
        self.write({"state": state})
        return True

    def action_nominate(self):
        return self._vsms_set_state("nominated")

    def action_register(self):
        return self._vsms_set_state("registered")

    def action_refuse(self):
        return self._vsms_set_state("refused")

    def action_withdraw(self):
        return self._vsms_set_state("withdrawn")

    def action_cancel_registration(self):
        return self._vsms_set_state("cancelled")

    def action_set_elected(self):
        return self._vsms_set_state("elected")

    def action_set_not_elected(self):
        return self._vsms_set_state("not_elected")
