from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import USER_GROUP

DATE_OPERATORS = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}


class VsmsMunicipality(models.Model):
    """Municipal monitoring: when the branch last learnt something about the
    municipality (ВСМС staff only: the notes are theirs)."""

    _inherit = "vsms.municipality"  # pylint: disable=consider-merging-classes-inherited

    monitoring_note_ids = fields.One2many(
        "vsms.monitoring.note",
        "municipality_id",
        string="Monitoring Notes",
        groups=USER_GROUP,
    )
    monitoring_note_count = fields.Integer(
        compute="_compute_monitoring",
        groups=USER_GROUP,
    )
    last_monitoring_date = fields.Date(
        string="Last Monitoring Note",
        compute="_compute_monitoring",
        search="_search_last_monitoring_date",
        groups=USER_GROUP,
    )
    monitoring_gap = fields.Boolean(
        string="Not Monitored",
        compute="_compute_monitoring",
        search="_search_monitoring_gap",
        groups=USER_GROUP,
        help="No monitoring note in the last N months (see the ВСМС settings).",
    )

    @api.model
    def _monitoring_cutoff(self):
        months = self.env.company.vsms_monitoring_gap_months
        return fields.Date.context_today(self) - relativedelta(months=months)

    def _compute_monitoring(self):
        stats = {
            municipality.id: (count, last)
            for municipality, count, last in self.env[
                "vsms.monitoring.note"
            ]._read_group(
                [("municipality_id", "in", self._origin.ids)],
                ["municipality_id"],
                ["__count", "date:max"],
            )
        }
        cutoff = self._monitoring_cutoff()
        for municipality in self:
            count, last = stats.get(municipality._origin.id, (0, False))
            municipality.monitoring_note_count = count
            municipality.last_monitoring_date = last
            municipality.monitoring_gap = not last or last < cutoff

    def _search_monitoring_gap(self, operator, value):
        self._check_field_access(self._fields["monitoring_gap"], "read")
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(val) for val in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if len(wanted) != 1:
            return Domain(bool(wanted))
        recent = Domain(
            "monitoring_note_ids", "any", [("date", ">=", self._monitoring_cutoff())]
        )
        return ~recent if True in wanted else recent

    def _search_last_monitoring_date(self, operator, value):
        self._check_field_access(self._fields["last_monitoring_date"], "read")
        if operator in ("in", "not in") and set(value) == {False}:
            # «is set» / «is not set»: any note at all
            notes = Domain("monitoring_note_ids", "any", [])
            return ~notes if operator == "in" else notes
        if operator not in DATE_OPERATORS:
            return NotImplemented
        day = fields.Date.to_date(value)
        Note = self.env["vsms.monitoring.note"]

        def last_date_sql(model, alias, query):
            notes = Note._search([])
            notes.add_where(
                SQL(
                    "%s = %s",
                    Note._field_to_sql(notes.table, "municipality_id", notes),
                    SQL.identifier(alias, "id"),
                )
            )
            return SQL(
                "(%s) %s %s",
                notes.subselect(
                    SQL("max(%s)", Note._field_to_sql(notes.table, "date", notes))
                ),
                SQL(DATE_OPERATORS[operator]),
                day,
            )

        return Domain.custom(to_sql=last_date_sql)

    def action_open_monitoring_notes(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_monitoring_note_action"
        )
        action["domain"] = [("municipality_id", "in", self.ids)]
        action["context"] = {"default_municipality_id": self[:1].id}
        return action
