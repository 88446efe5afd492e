from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

BODY_ROLES = [
    ("chair", "Chair"),
    ("deputy_chair", "Deputy chair"),
    ("secretary", "Secretary"),
    ("member", "Member of the body"),
]
# Roles held by one person at a time.
SINGLE_ROLES = ("chair", "secretary")


class VsmsBodyMember(models.Model):
    _name = "vsms.body.member"
    _inherit = ["vsms.term.mixin"]
    _description = "Governing Body Member"
    _order = "body_id, role_sequence, date_start desc, id"
    _rec_name = "partner_id"

    body_id = fields.Many2one(
        "vsms.body", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="body_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", False)],
    )
    role = fields.Selection(BODY_ROLES, required=True, default="member")
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    date_start = fields.Date(string="Term Start")
    date_end = fields.Date(string="Term End")
    is_current = fields.Boolean(string="In Office")
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")
    note = fields.Char()

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {role: index for index, (role, _label) in enumerate(BODY_ROLES)}
        for member in self:
            member.role_sequence = order.get(member.role, len(order))

    @api.depends("partner_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            member.display_name = (
                f"{member.partner_id.name} ({roles[member.role]})"
                if member.partner_id and member.role
                else member.partner_id.name or ""
            )

    def _term_dates_error(self):
        return self.env._(
            "The term of %(person)s in «%(body)s» ends (%(end)s) before "
            "it starts (%(start)s).",
            person=self.partner_id.name,
            body=self.body_id.name,
            start=format_date(self.env, self.date_start),
            end=format_date(self.env, self.date_end),
        )

    @api.constrains("date_start", "date_end", "partner_id", "role", "body_id")
    def _check_terms(self):
        """One term of a person in a body at a time; one chair, one secretary."""
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            others = member.body_id.member_ids - member
            if any(
                other.partner_id == member.partner_id and member._overlaps(other)
                for other in others
            ):
                raise ValidationError(
                    self.env._(
                        "%(person)s already has a term in «%(body)s» for these "
                        "dates: end the previous term first.",
                        person=member.partner_id.name,
                        body=member.body_id.name,
                    )
                )
            if member.role in SINGLE_ROLES:
                holder = others.filtered(
                    lambda other, m=member: other.role == m.role and m._overlaps(other)
                )[:1]
                if holder:
                    raise ValidationError(
                        self.env._(
                            "«%(body)s» already has a %(role)s for these dates: "
                            "%(person)s. End that term first.",
                            body=member.body_id.name,
                            role=roles[member.role].lower(),
                            person=holder.partner_id.name,
                        )
                    )
