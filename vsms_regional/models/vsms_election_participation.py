from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

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
    election_state = fields.Selection(
        related="election_id.state", string="Election Status"
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
        index="btree_not_null",
        ondelete="set null",
        domain="[('election_id', '=', election_id)]",
        help="The candidate the member worked for (proxy, agitator, programme).",
    )
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    note = fields.Text()

    _work_uniq = models.UniqueIndex(
        "(election_id, partner_id, role, COALESCE(district_id, 0))",
        "This person already has this role in this district of the election.",
    )

    @api.depends("partner_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for work in self:
            work.display_name = " — ".join(
                filter(None, [work.partner_id.name, roles.get(work.role)])
            )

    @api.constrains("election_id", "district_id", "candidate_id")
    def _check_district(self):
        for work in self:
            if work.district_id and work.district_id.election_id != work.election_id:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s» belongs to the election "
                        "«%(other)s», not to «%(election)s».",
                        district=work.district_id.display_name,
                        other=work.district_id.election_id.name,
                        election=work.election_id.name,
                    )
                )
            if work.candidate_id and work.candidate_id.election_id != work.election_id:
                raise ValidationError(
                    self.env._(
                        "Candidate %(candidate)s stands in «%(other)s», not in "
                        "«%(election)s».",
                        candidate=work.candidate_id.partner_id.name,
                        other=work.candidate_id.election_id.name,
                        election=work.election_id.name,
                    )
                )

    @api.constrains("date_start", "date_end", "election_id")
    def _check_dates(self):
        for work in self:
            election = work.election_id
            if work.date_start and work.date_end and work.date_end < work.date_start:
                raise ValidationError(
                    self.env._(
                        "Campaign work of %(person)s ends (%(end)s) before it "
                        "starts (%(start)s).",
                        person=work.partner_id.name,
                        end=format_date(self.env, work.date_end),
                        start=format_date(self.env, work.date_start),
                    )
                )
            for day in filter(None, (work.date_start, work.date_end)):
                if day > election.date_end or (
                    election.date_campaign_start and day < election.date_campaign_start
                ):
                    raise ValidationError(
                        self.env._(
                            "Campaign work of %(person)s on %(date)s lies outside "
                            "the campaign of «%(election)s» (%(start)s – %(end)s).",
                            person=work.partner_id.name,
                            date=format_date(self.env, day),
                            election=election.name,
                            start=format_date(self.env, election.date_campaign_start)
                            or "…",
                            end=format_date(self.env, election.date_end),
                        )
                    )
