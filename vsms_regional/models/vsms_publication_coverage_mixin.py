from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import USER_GROUP

# Searching an integer roll-up: operator → SQL
COUNT_OPERATORS = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}


class VsmsPublicationCoverageMixin(models.AbstractModel):
    """Something the branch must cover in the media (an event, a meeting):
    its published publications, and the coverage gap once it is held more
    than N days (a company setting) without any."""

    _name = "vsms.publication.coverage.mixin"
    _description = "Covered by Publications"

    vsms_publication_count = fields.Integer(
        string="Publications",
        compute="_compute_vsms_publication_count",
        search="_search_vsms_publication_count",
        groups=USER_GROUP,
        help="Published publications that cover it.",
    )
    vsms_coverage_gap = fields.Boolean(
        string="Without Coverage",
        compute="_compute_vsms_coverage_gap",
        search="_search_vsms_coverage_gap",
        groups=USER_GROUP,
        help="Held more than N days ago (see the ВСМС settings) and no "
        "publication about it is published yet.",
    )

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.model
    def _vsms_publication_field(self):
        """The field of vsms.publication that links to this model."""
        raise NotImplementedError

    @api.model
    def _vsms_held_before_domain(self, cutoff):
        """Records held (ended, not cancelled) before the UTC ``cutoff``."""
        raise NotImplementedError

    def _vsms_held_before(self, cutoff):
        """In memory: whether the record was held before ``cutoff``."""
        raise NotImplementedError

    # ------------------------------------------------------------------
    @api.model
    def _vsms_coverage_cutoff(self):
        days = self.env.company.vsms_coverage_gap_days
        return fields.Datetime.now() - timedelta(days=days)

    def _vsms_published_counts(self):
        fname = self._vsms_publication_field()
        return {
            record.id: count
            for record, count in self.env["vsms.publication"]._read_group(
                [(fname, "in", self._origin.ids), ("state", "=", "published")],
                [fname],
                ["__count"],
            )
        }

    def _compute_vsms_publication_count(self):
        counts = self._vsms_published_counts()
        for record in self:
            record.vsms_publication_count = counts.get(record._origin.id, 0)

    def _compute_vsms_coverage_gap(self):
        counts = self._vsms_published_counts()
        cutoff = self._vsms_coverage_cutoff()
        for record in self:
            record.vsms_coverage_gap = bool(
                record._origin.id
                and not counts.get(record._origin.id)
                and record._vsms_held_before(cutoff)
            )

    @api.model
    def _vsms_published_query(self, alias):
        """Query over the published publications of the record at ``alias``
        (as the current user: record rules apply)."""
        Publication = self.env["vsms.publication"]
        query = Publication._search([("state", "=", "published")])
        query.add_where(
            SQL(
                "%s = %s",
                Publication._field_to_sql(
                    query.table, self._vsms_publication_field(), query
                ),
                SQL.identifier(alias, "id"),
            )
        )
        return query

    def _search_vsms_coverage_gap(self, operator, value):
        # searching the gap tells as much as reading it: ВСМС staff only
        self._check_field_access(self._fields["vsms_coverage_gap"], "read")
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(val) for val in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if len(wanted) != 1:
            return Domain(bool(wanted))

        def not_covered(model, alias, query):
            return SQL(
                "NOT EXISTS(%s)", self._vsms_published_query(alias).subselect(SQL("1"))
            )

        gap = self._vsms_held_before_domain(
            self._vsms_coverage_cutoff()
        ) & Domain.custom(to_sql=not_covered)
        return gap if True in wanted else ~gap

    def _search_vsms_publication_count(self, operator, value):
        self._check_field_access(self._fields["vsms_publication_count"], "read")
        if operator in ("in", "not in"):
            values = tuple(int(val or 0) for val in value)
            if not values:
                return Domain(operator == "not in")
            sql_operator = SQL("IN" if operator == "in" else "NOT IN")
            sql_value = SQL("%s", values)
        elif operator in COUNT_OPERATORS:
            sql_operator = SQL(COUNT_OPERATORS[operator])
            sql_value = SQL("%s", int(value or 0))
        else:
            return NotImplemented

        def count_sql(model, alias, query):
            return SQL(
                "(%s) %s %s",
                self._vsms_published_query(alias).subselect(SQL("count(*)")),
                sql_operator,
                sql_value,
            )

        return Domain.custom(to_sql=count_sql)

    def action_vsms_open_publications(self):
        fname = self._vsms_publication_field()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_publication_action"
        )
        action["domain"] = [(fname, "in", self.ids)]
        action["context"] = {
            f"default_{fname}": self[:1].id,
            "default_name": self[:1].display_name,
        }
        return action
