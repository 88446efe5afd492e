from odoo import fields, models, tools

CALENDAR_KINDS = [
    ("occurrence", "Planned"),
    ("meeting", "Meeting"),
    ("event", "Event"),
]


class VsmsPlanCalendar(models.Model):
    """Everything planned for the year in one calendar: occurrences that have
    no meeting or event yet, meetings of the governing bodies and events."""

    _name = "vsms.plan.calendar"
    _description = "Work Plan Calendar Entry"
    _auto = False
    _order = "start, id"
    _depends = {
        "vsms.plan.occurrence": [
            "item_id",
            "name",
            "kind",
            "date_start",
            "date_end",
            "state",
            "is_realized",
        ],
        "vsms.plan.item": [
            "plan_id",
            "section_id",
            "number",
            "name",
            "body_id",
            "event_type_id",
            "user_id",
            "company_id",
            "venue",
        ],
        "vsms.body": ["company_id"],
        "calendar.event": [
            "name",
            "start",
            "stop",
            "start_date",
            "stop_date",
            "allday",
            "active",
            "user_id",
            "location",
            "vsms_body_id",
            "vsms_plan_item_id",
            "vsms_occurrence_id",
        ],
        "event.event": [
            "name",
            "date_begin",
            "date_end",
            "active",
            "user_id",
            "company_id",
            "event_type_id",
            "vsms_plan_item_id",
            "vsms_occurrence_id",
        ],
    }

    name = fields.Char(string="Entry", translate=True, readonly=True)
    kind = fields.Selection(CALENDAR_KINDS, readonly=True)
    period_kind = fields.Selection(
        selection=lambda self: self.env["vsms.plan.occurrence"]
        ._fields["kind"]
        ._description_selection(self.env),
        string="Period",
        readonly=True,
        help="For entries still only planned: a month, a quarter, a whole year…",
    )
    start = fields.Datetime(readonly=True)
    stop = fields.Datetime(readonly=True)
    allday = fields.Boolean(string="All Day", readonly=True)
    plan_id = fields.Many2one("vsms.plan", readonly=True)
    section_id = fields.Many2one("vsms.plan.section", readonly=True)
    item_id = fields.Many2one("vsms.plan.item", string="Plan Item", readonly=True)
    occurrence_id = fields.Many2one("vsms.plan.occurrence", readonly=True)
    body_id = fields.Many2one("vsms.body", readonly=True)
    event_type_id = fields.Many2one("event.type", string="Format", readonly=True)
    meeting_id = fields.Many2one("calendar.event", readonly=True)
    event_id = fields.Many2one("event.event", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    location = fields.Char(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT occ.id * 3 AS id,
                       jsonb_build_object(
                           'en_US', item.number || '. ' || item.name
                                    || ' (' || occ.name || ')'
                       ) AS name,
                       'occurrence' AS kind,
                       occ.kind AS period_kind,
                       occ.date_start::timestamp AS start,
                       occ.date_end::timestamp AS stop,
                       TRUE AS allday,
                       item.plan_id, item.section_id, item.id AS item_id,
                       occ.id AS occurrence_id, item.body_id,
                       item.event_type_id,
                       NULL::integer AS meeting_id, NULL::integer AS event_id,
                       item.user_id, item.company_id, item.venue AS location
                  FROM vsms_plan_occurrence occ
                  JOIN vsms_plan_item item ON item.id = occ.item_id
                 WHERE occ.state != 'cancelled' AND NOT occ.is_realized
                UNION ALL
                SELECT ce.id * 3 + 1,
                       jsonb_build_object('en_US', ce.name),
                       'meeting',
                       NULL::varchar,
                       CASE WHEN ce.allday THEN ce.start_date::timestamp
                            ELSE ce.start END,
                       CASE WHEN ce.allday THEN ce.stop_date::timestamp
                            ELSE ce.stop END,
                       ce.allday,
                       item.plan_id, item.section_id, item.id,
                       ce.vsms_occurrence_id, ce.vsms_body_id,
                       NULL::integer,
                       ce.id, NULL::integer,
                       ce.user_id, COALESCE(item.company_id, body.company_id),
                       ce.location
                  FROM calendar_event ce
             LEFT JOIN vsms_plan_item item ON item.id = ce.vsms_plan_item_id
             LEFT JOIN vsms_body body ON body.id = ce.vsms_body_id
                 WHERE ce.active
                   AND (ce.vsms_body_id IS NOT NULL
                        OR ce.vsms_plan_item_id IS NOT NULL)
                UNION ALL
                SELECT ev.id * 3 + 2,
                       ev.name,
                       'event',
                       NULL::varchar,
                       ev.date_begin,
                       ev.date_end,
                       FALSE,
                       item.plan_id, item.section_id, item.id,
                       ev.vsms_occurrence_id, item.body_id,
                       ev.event_type_id,
                       NULL::integer, ev.id,
                       ev.user_id, ev.company_id,
                       NULL::varchar
                  FROM event_event ev
             LEFT JOIN vsms_plan_item item ON item.id = ev.vsms_plan_item_id
                 WHERE ev.active
            )
            """
        )

    def action_open_source(self):
        """Open the occurrence, meeting or event behind the entry."""
        self.ensure_one()
        record = self.meeting_id or self.event_id or self.occurrence_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
