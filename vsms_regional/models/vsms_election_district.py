from odoo import api, fields, models
from odoo.exceptions import ValidationError

DISTRICT_KINDS = [
    ("single", "Single-mandate"),
    ("multi", "Multi-mandate"),
    ("list", "Party list"),
]


class VsmsElectionDistrict(models.Model):
    _name = "vsms.election.district"
    _description = "Electoral District"
    _order = "election_id, number, id"

    election_id = fields.Many2one(
        "vsms.election", required=True, index=True, ondelete="cascade"
    )
    election_state = fields.Selection(related="election_id.state")
    company_id = fields.Many2one(
        related="election_id.company_id", store=True, index=True
    )
    number = fields.Integer(
        help="The district's number («№ 175»); empty for a party-list district."
    )
    name = fields.Char(required=True)
    kind = fields.Selection(DISTRICT_KINDS, required=True, default="single")
    seats = fields.Integer(required=True, default=1)
    municipality_id = fields.Many2one(
        "vsms.municipality", index=True, ondelete="restrict"
    )
    voters_count = fields.Integer(string="Voters")
    candidate_ids = fields.One2many(
        "vsms.candidate", "district_id", string="Candidates"
    )
    votes_total = fields.Integer(
        string="Votes Cast for Candidates",
        compute="_compute_votes_total",
        store=True,
    )

    _election_number_uniq = models.UniqueIndex(
        "(election_id, number) WHERE number IS NOT NULL AND number != 0",
        "An election has one district of each number.",
    )

    @api.depends("number", "name")
    def _compute_display_name(self):
        for district in self:
            if district.number:
                district.display_name = f"№ {district.number} «{district.name}»"
            else:
                district.display_name = district.name or ""

    @api.depends("candidate_ids.votes", "candidate_ids.state")
    def _compute_votes_total(self):
        for district in self:
            district.votes_total = sum(
                district.candidate_ids._vsms_on_ballot().mapped("votes")
            )

    @api.constrains("seats", "kind", "voters_count")
    def _check_seats(self):
        for district in self:
            if district.seats < 1:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s»: the number of seats must be at "
                        "least 1 (%(seats)s).",
                        district=district.display_name,
                        seats=district.seats,
                    )
                )
            if district.kind == "single" and district.seats != 1:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s» is single-mandate: it has one "
                        "seat, not %(seats)s.",
                        district=district.display_name,
                        seats=district.seats,
                    )
                )
            if district.voters_count < 0:
                raise ValidationError(
                    self.env._(
                        "District «%(district)s»: the number of voters cannot be "
                        "negative (%(voters)s).",
                        district=district.display_name,
                        voters=district.voters_count,
                    )
                )
