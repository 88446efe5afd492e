from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import USER_GROUP


class VsmsContest(models.Model):
    """Contests: their publications and their coverage gap (results final
    more than N days ago without a published publication). ВСМС staff only:
    jurors read contests, not publications."""

    _inherit = "vsms.contest"  # pylint: disable=consider-merging-classes-inherited

    publication_ids = fields.One2many(
        "vsms.publication", "contest_id", string="Publications List", groups=USER_GROUP
    )
    publication_count = fields.Integer(
        compute="_compute_publication_count",
        groups=USER_GROUP,
        help="Published publications about the contest.",
    )
    coverage_gap = fields.Boolean(
        string="Without Coverage",
        compute="_compute_publication_count",
        search="_search_coverage_gap",
        groups=USER_GROUP,
        help="Its results were announced more than N days ago (see the ВСМС "
        "settings) and no publication about it is published yet.",
    )

    @api.model
    def _coverage_cutoff(self):
        return fields.Date.context_today(self) - timedelta(
            days=self.env.company.vsms_coverage_gap_days
        )

    @api.depends("publication_ids.state", "state", "date_results")
    def _compute_publication_count(self):
        counts = dict(
            self.env["vsms.publication"]._read_group(
                [("contest_id", "in", self._origin.ids), ("state", "=", "published")],
                ["contest_id"],
                ["__count"],
            )
        )
        cutoff = self._coverage_cutoff()
        for contest in self:
            count = counts.get(contest._origin, 0)
            contest.publication_count = count
            contest.coverage_gap = bool(
                not count
                and contest.state == "done"
                and contest.date_results
                and contest.date_results <= cutoff
            )

    def _search_coverage_gap(self, operator, value):
        # jurors read contests, not their publications
        self._check_field_access(self._fields["coverage_gap"], "read")
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(val) for val in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if len(wanted) != 1:
            return Domain(bool(wanted))
        Publication = self.env["vsms.publication"]

        def not_covered(model, alias, query):
            published = Publication._search([("state", "=", "published")])
            published.add_where(
                SQL(
                    "%s = %s",
                    Publication._field_to_sql(published.table, "contest_id", published),
                    SQL.identifier(alias, "id"),
                )
            )
            return SQL("NOT EXISTS(%s)", published.subselect(SQL("1")))

        gap = (
            Domain("state", "=", "done")
            & Domain("date_results", "<=", self._coverage_cutoff())
            & Domain.custom(to_sql=not_covered)
        )
        return gap if True in wanted else ~gap

    def action_open_publications(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_publication_action"
        )
        action["domain"] = [("contest_id", "in", self.ids)]
        action["context"] = {
            "default_contest_id": self[:1].id,
            "default_name": self[:1].display_name,
        }
        return action
