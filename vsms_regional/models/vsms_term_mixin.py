from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class VsmsTermMixin(models.AbstractModel):
    """A term of office: from ``date_start`` to ``date_end``, both days
    included; an empty date means an open end.

    Shared by the offices a person holds (``vsms.position``) and the terms of
    governing-body members (``vsms.body.member``)."""

    _name = "vsms.term.mixin"
    _description = "Term of Office"

    date_start = fields.Date(string="Since")
    date_end = fields.Date(string="Until")
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
    )

    def _in_office_at(self, date):
        """Whether the term covers ``date``."""
        self.ensure_one()
        return (not self.date_start or self.date_start <= date) and (
            not self.date_end or self.date_end >= date
        )

    @api.model
    def _in_office_domain(self, date):
        """The terms covering ``date``."""
        return (Domain("date_start", "=", False) | Domain("date_start", "<=", date)) & (
            Domain("date_end", "=", False) | Domain("date_end", ">=", date)
        )

    @api.model
    def _current_domain(self):
        return self._in_office_domain(fields.Date.context_today(self))

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for term in self:
            term.is_current = term._in_office_at(today)

    def _search_is_current(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._current_domain()
        return domain if True in value else ~domain

    def _overlaps(self, other):
        """Whether two terms share at least one day."""
        return (
            not self.date_end
            or not other.date_start
            or other.date_start <= self.date_end
        ) and (
            not other.date_end
            or not self.date_start
            or self.date_start <= other.date_end
        )

    @api.constrains("date_start", "date_end")
    def _check_term_dates(self):
        for term in self:
            if term.date_start and term.date_end and term.date_end < term.date_start:
                raise ValidationError(term._term_dates_error())

    def _term_dates_error(self):
        """The message refusing a term that ends before it starts."""
        raise NotImplementedError
