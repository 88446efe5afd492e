from odoo import api, fields, models


class VsmsContestNomination(models.Model):
    _name = "vsms.contest.nomination"
    _description = "Contest Nomination"
    _order = "contest_id, sequence, id"

    contest_id = fields.Many2one(
        "vsms.contest", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="contest_id.company_id", store=True, index=True, string="Company"
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    prize_places = fields.Integer(
        help="Ranks that get a place in this nomination (by default the "
        "contest's prize places)."
    )
    application_ids = fields.One2many(
        "vsms.contest.application", "nomination_id", string="Applications"
    )
    application_count = fields.Integer(compute="_compute_application_count")

    _prize_places_positive = models.Constraint(
        "CHECK(prize_places >= 1)",
        "A nomination has at least one prize place.",
    )
    _contest_name_uniq = models.UniqueIndex(
        "(contest_id, lower(name))",
        "A contest cannot have two nominations with the same name.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        contests = self.env["vsms.contest"].browse(
            [vals["contest_id"] for vals in vals_list if vals.get("contest_id")]
        )
        places = {contest.id: contest.prize_places for contest in contests}
        for vals in vals_list:
            if not vals.get("prize_places"):
                vals["prize_places"] = places.get(vals.get("contest_id")) or 3
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "prize_places" in vals:
            self.contest_id.filtered(
                lambda c: c.state == "judging"
            )._vsms_compute_results()
        return res

    def _compute_application_count(self):
        counts = dict(
            self.env["vsms.contest.application"]._read_group(
                [("nomination_id", "in", self.ids)], ["nomination_id"], ["__count"]
            )
        )
        for nomination in self:
            nomination.application_count = counts.get(nomination._origin, 0)
