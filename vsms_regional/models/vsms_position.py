from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

NEWLY_ELECTED_MONTHS = 12


class VsmsPosition(models.Model):
    _name = "vsms.position"
    _inherit = ["vsms.term.mixin"]
    _description = "Office Held"
    _order = "date_start desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", False)],
    )
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, index=True, string="Company"
    )
    role_id = fields.Many2one(
        "vsms.position.role",
        string="Office",
        required=True,
        index=True,
        ondelete="restrict",
    )
    organization = fields.Char(
        help="Body or organisation, e.g. «Совет депутатов Вяземского "
        "муниципального округа» or «ТОС „Заречье“».",
    )
    municipality_id = fields.Many2one(
        "vsms.municipality",
        index=True,
        ondelete="restrict",
        compute="_compute_municipality_id",
        store=True,
        readonly=False,
    )
    date_start = fields.Date(index=True)
    date_end = fields.Date(index=True)
    elected = fields.Boolean(
        compute="_compute_elected",
        store=True,
        readonly=False,
        index=True,
        help="Elected (rather than appointed) to this office.",
    )
    note = fields.Char()
    is_newly_elected = fields.Boolean(
        string="Newly elected",
        compute="_compute_is_newly_elected",
        search="_search_is_newly_elected",
        help="An elected office that started within the last 12 months.",
    )

    @api.depends("partner_id")
    def _compute_municipality_id(self):
        for position in self:
            if not position.municipality_id:
                position.municipality_id = position.partner_id.vsms_municipality_id

    @api.depends("role_id")
    def _compute_elected(self):
        for position in self:
            position.elected = position.role_id.elected

    @api.depends("date_start", "elected")
    @api.depends_context("date")
    def _compute_is_newly_elected(self):
        today = fields.Date.context_today(self)
        since = today - relativedelta(months=NEWLY_ELECTED_MONTHS)
        for position in self:
            position.is_newly_elected = bool(
                position.elected
                and position.date_start
                and since <= position.date_start <= today
            )

    @api.model
    def _newly_elected_domain(self):
        today = fields.Date.context_today(self)
        since = today - relativedelta(months=NEWLY_ELECTED_MONTHS)
        return (
            Domain("elected", "=", True)
            & Domain("date_start", ">=", since)
            & Domain("date_start", "<=", today)
        )

    def _search_is_newly_elected(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._newly_elected_domain()
        return domain if True in value else ~domain

    @api.depends("role_id", "organization", "municipality_id")
    def _compute_display_name(self):
        for position in self:
            where = position.organization or position.municipality_id.name
            position.display_name = ", ".join(
                name for name in (position.role_id.name, where) if name
            )

    def _term_dates_error(self):
        return self.env._(
            "The office «%(office)s» of %(person)s cannot end "
            "(%(end)s) before it starts (%(start)s).",
            office=self.role_id.name,
            person=self.partner_id.name,
            end=format_date(self.env, self.date_end),
            start=format_date(self.env, self.date_start),
        )

    @api.constrains("partner_id")
    def _check_person(self):
        for position in self:
            if position.partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is an organisation: offices are held by people.",
                        name=position.partner_id.name,
                    )
                )
