import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ..const import DEFAULT_TZ, MANAGER_GROUP
from ..const import USER_GROUP as VSMS_GROUP
from ..tools import guard
from ..tools.records import changed_fields
from ..tools.schedule import MONTHS_GENITIVE

MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
# Written only by the meeting's actions (close, cancel, reopen).
GUARDED_FIELDS = (
    "vsms_meeting_state",
    "vsms_protocol_number",
    "vsms_protocol_year",
    "vsms_snapshot",
)
GUARD_KEY = "calendar.event.vsms_state"
# What the protocol of a held meeting records.
HELD_FIXED_FIELDS = {"vsms_body_id", "start", "start_date", "allday"}


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "vsms.plan.realization.mixin"]

    vsms_body_id = fields.Many2one(
        "vsms.body",
        string="Governing Body",
        index=True,
        ondelete="restrict",
        copy=False,
        groups=VSMS_GROUP,
        help="Makes this a meeting of the body: agenda, presence, quorum, "
        "decisions and protocol.",
    )
    vsms_meeting_state = fields.Selection(
        MEETING_STATES,
        string="Meeting Status",
        default="planned",
        copy=False,
        readonly=True,
        groups=VSMS_GROUP,
        tracking=True,
        help="Changes only through «Close Meeting», «Cancel Meeting» and «Reopen».",
    )
    vsms_agenda = fields.Html(string="Agenda", copy=False, groups=VSMS_GROUP)
    vsms_protocol_number = fields.Integer(
        string="Protocol No.",
        copy=False,
        readonly=True,
        groups=VSMS_GROUP,
        help="Numbered per body and year when the meeting is closed.",
    )
    vsms_protocol_year = fields.Integer(
        string="Protocol Year",
        copy=False,
        readonly=True,
        groups=VSMS_GROUP,
        help="The local year of the meeting its protocol is numbered in.",
    )
    vsms_snapshot = fields.Json(
        string="Composition at Closing",
        copy=False,
        readonly=True,
        groups=VSMS_GROUP,
        help="Members in office (with their roles) and who was present when "
        "the meeting was closed: a held meeting is history.",
    )
    vsms_decision_ids = fields.One2many(
        "vsms.decision", "meeting_id", string="Decisions", groups=VSMS_GROUP
    )
    vsms_decision_count = fields.Integer(
        string="Decision Count",
        compute="_compute_vsms_decision_count",
        groups=VSMS_GROUP,
    )
    vsms_member_count = fields.Integer(
        string="Members in Office",
        compute="_compute_vsms_quorum",
        store=True,
        groups=VSMS_GROUP,
    )
    vsms_present_member_count = fields.Integer(
        string="Members Present",
        compute="_compute_vsms_quorum",
        store=True,
        groups=VSMS_GROUP,
    )
    vsms_present_count = fields.Integer(
        string="Present",
        compute="_compute_vsms_quorum",
        store=True,
        groups=VSMS_GROUP,
        help="Everyone present: members and invited guests.",
    )
    vsms_quorum_required = fields.Integer(
        string="Quorum",
        compute="_compute_vsms_quorum",
        store=True,
        groups=VSMS_GROUP,
        help="Members who must be present for the meeting to take decisions.",
    )
    vsms_has_quorum = fields.Boolean(
        string="Has Quorum",
        compute="_compute_vsms_quorum",
        store=True,
        groups=VSMS_GROUP,
    )

    _vsms_protocol_number_uniq = models.UniqueIndex(
        "(vsms_body_id, vsms_protocol_year, vsms_protocol_number) "
        "WHERE vsms_protocol_number > 0",
        "This protocol number is already taken by another meeting of the body "
        "in the same year.",
    )

    def _vsms_tz(self):
        self.ensure_one()
        return pytz.timezone(self.event_tz or self.user_id.tz or DEFAULT_TZ)

    def _vsms_start_day(self):
        return self._vsms_meeting_date()

    def _vsms_meeting_date(self):
        """The day of the meeting, in the meeting's time zone (Moscow time
        unless the meeting or its organiser says otherwise)."""
        self.ensure_one()
        if self.allday:
            return self.start_date
        if not self.start:
            return False
        return pytz.utc.localize(self.start).astimezone(self._vsms_tz()).date()

    def _vsms_protocol_when(self):
        """«1 марта 2021 г., 10:00» in Russian, the local format otherwise."""
        self.ensure_one()
        day = self._vsms_meeting_date()
        if (self.env.lang or "").startswith("ru"):
            text = f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} г."
        else:
            text = format_date(self.env, day, date_format="long")
        if not self.allday:
            local = pytz.utc.localize(self.start).astimezone(self._vsms_tz())
            text += local.strftime(", %H:%M")
        return text

    def _vsms_members_at_meeting(self):
        """``{partner id: role}`` of the body's members on the meeting day, in
        the body's order; for a held meeting, as they were at closing."""
        self.ensure_one()
        if self.vsms_snapshot:
            return dict(self.vsms_snapshot["members"])
        if not self.vsms_body_id or not self.start:
            return {}
        members = self.vsms_body_id._members_at(self._vsms_meeting_date())
        return {member.partner_id.id: member.role for member in members}

    def _vsms_present_partners(self):
        """Who was present; for a held meeting, as recorded at closing."""
        self.ensure_one()
        if self.vsms_snapshot:
            return self.env["res.partner"].browse(self.vsms_snapshot["present"])
        return self.attendee_ids.filtered("vsms_present").partner_id

    def _vsms_take_snapshot(self):
        self.ensure_one()
        return {
            "members": [
                [partner_id, role]
                for partner_id, role in self._vsms_members_at_meeting().items()
            ],
            "present": self.attendee_ids.filtered("vsms_present").partner_id.ids,
            "quorum": self.vsms_body_id._quorum_required(
                len(self._vsms_members_at_meeting())
            ),
        }

    @api.depends(
        "vsms_body_id.member_ids.partner_id",
        "vsms_body_id.member_ids.date_start",
        "vsms_body_id.member_ids.date_end",
        "vsms_body_id.quorum_ratio",
        "vsms_body_id.quorum_strict",
        "start",
        "start_date",
        "allday",
        "attendee_ids.partner_id",
        "attendee_ids.vsms_present",
        "vsms_snapshot",
    )
    def _compute_vsms_quorum(self):
        for meeting in self:
            members = meeting._vsms_members_at_meeting()
            present = meeting._vsms_present_partners()
            body = meeting.vsms_body_id
            meeting.vsms_present_count = len(present)
            meeting.vsms_member_count = len(members)
            meeting.vsms_present_member_count = len(set(present.ids) & set(members))
            if body:
                meeting.vsms_quorum_required = (
                    meeting.vsms_snapshot["quorum"]
                    if meeting.vsms_snapshot
                    else body._quorum_required(len(members))
                )
                meeting.vsms_has_quorum = bool(members) and (
                    meeting.vsms_present_member_count >= meeting.vsms_quorum_required
                )
            else:
                meeting.vsms_quorum_required = 0
                meeting.vsms_has_quorum = False

    def _compute_vsms_decision_count(self):
        counts = dict(
            self.env["vsms.decision"]._read_group(
                [("meeting_id", "in", self.ids)], ["meeting_id"], ["__count"]
            )
        )
        for meeting in self:
            meeting.vsms_decision_count = counts.get(meeting._origin, 0)

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id", "start", "allday")
    def _check_vsms_occurrence(self):
        # sudo: runs for colleagues outside ВСМС who move their events too
        self.sudo()._vsms_check_occurrence()

    # ------------------------------------------------------------------
    # Core behaviour kept for everyone
    # ------------------------------------------------------------------
    def copy_data(self, default=None):
        """ВСМС fields are not copied (they are hidden from colleagues outside
        ВСМС and a copy is a new meeting); staff keep the body and the agenda
        of the meeting they duplicate.  Recurrences are built from copies too."""
        vals_list = super().copy_data(default=default)
        if not self.env.user.has_group(VSMS_GROUP):
            return vals_list
        default = default or {}
        for event, vals in zip(self.sudo(), vals_list, strict=True):
            if vals is None:
                continue
            if event.vsms_body_id and "vsms_body_id" not in default:
                vals["vsms_body_id"] = event.vsms_body_id.id
            if event.vsms_agenda and "vsms_agenda" not in default:
                vals["vsms_agenda"] = event.vsms_agenda
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        if not guard.allowed(GUARD_KEY):
            for vals in vals_list:
                self._vsms_check_guarded_vals(vals, create=True)
        return super().create(vals_list)

    def write(self, vals):
        if not guard.allowed(GUARD_KEY):
            self._vsms_check_guarded_vals(vals)
            self._vsms_check_held_kept(vals)
        return super().write(vals)

    def _vsms_check_held_kept(self, vals):
        """A held meeting is history: its body and its date stay as they were
        recorded in the protocol (reopen it to correct them)."""
        if not HELD_FIXED_FIELDS & vals.keys():
            return
        for meeting in self.sudo().filtered("vsms_snapshot"):
            changed = changed_fields(meeting, vals, HELD_FIXED_FIELDS)
            if changed:
                raise UserError(
                    self.env._(
                        "«%(meeting)s» has been held: its «%(field)s» is part "
                        "of the protocol and cannot change. Reopen the "
                        "meeting to correct it.",
                        meeting=meeting.name,
                        field=meeting._fields[changed[0]]._description_string(self.env),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vsms_history(self):
        """Held meetings and meetings with adopted decisions are history:
        cancel them instead (deleting would take the decisions along)."""
        for meeting in self.sudo():
            adopted = meeting.vsms_decision_ids.filtered(
                lambda decision: decision.state in ("adopted", "done")
            )
            if meeting.vsms_meeting_state == "held" or adopted:
                raise UserError(
                    self.env._(
                        "«%(meeting)s» has been held or has adopted decisions: it "
                        "is part of the branch's records and cannot be deleted.",
                        meeting=meeting.name,
                    )
                )

    def _vsms_check_guarded_vals(self, vals, create=False):
        """Status and protocol number change only through the meeting's actions."""
        for name in GUARDED_FIELDS:
            if name not in vals:
                continue
            value = vals[name]
            if create and (not value or value == "planned"):
                continue
            if not create and all(
                (event[name] or False) == (value or False) for event in self.sudo()
            ):
                continue
            field = self._fields[name]
            if field.type == "selection":
                value = dict(field._description_selection(self.env)).get(value, value)
            raise UserError(
                self.env._(
                    "The meeting status and the protocol number change only "
                    "through «Close Meeting», «Cancel Meeting» and «Reopen» "
                    "(field «%(field)s», value «%(value)s»).",
                    field=field._description_string(self.env),
                    value=value,
                )
            )

    # ------------------------------------------------------------------
    # Presence and closing
    # ------------------------------------------------------------------
    def _vsms_check_meeting(self):
        not_meetings = self.filtered(lambda meeting: not meeting.vsms_body_id)
        if not_meetings:
            raise UserError(
                self.env._(
                    "«%(event)s» is not a meeting of a governing body.",
                    event=not_meetings[0].name,
                )
            )

    def action_vsms_mark_all_present(self):
        """Mark every member of the body invited to the meeting as present."""
        self._vsms_check_meeting()
        for meeting in self:
            members = meeting._vsms_members_at_meeting()
            meeting.attendee_ids.filtered(
                lambda attendee, ids=members: attendee.partner_id.id in ids
            ).vsms_present = True
        return True

    def action_vsms_close(self):
        """The meeting took place: number its protocol, mark its occurrence done."""
        self._vsms_check_meeting()
        for meeting in self:
            if meeting.vsms_meeting_state != "planned":
                raise UserError(
                    self.env._(
                        "«%(meeting)s» is already closed or cancelled.",
                        meeting=meeting.name,
                    )
                )
            drafts = meeting.vsms_decision_ids.filtered(
                lambda decision: decision.state == "draft"
            )
            if drafts:
                raise UserError(
                    self.env._(
                        "«%(meeting)s» still has draft decisions: adopt or reject "
                        "them before closing the meeting (%(decisions)s).",
                        meeting=meeting.name,
                        decisions="; ".join(drafts.mapped("short_name")),
                    )
                )
            year = meeting._vsms_meeting_date().year
            keep = meeting.vsms_protocol_number and meeting.vsms_protocol_year == year
            with guard.allowing(GUARD_KEY):
                meeting.write(
                    {
                        "vsms_meeting_state": "held",
                        "vsms_protocol_year": year,
                        "vsms_protocol_number": meeting.vsms_protocol_number
                        if keep
                        else meeting._vsms_next_protocol_number(year),
                        "vsms_snapshot": meeting._vsms_take_snapshot(),
                    }
                )
        self.vsms_occurrence_id._vsms_mark_done()
        return True

    def _vsms_next_protocol_number(self, year):
        """The next free protocol number of the body in the meeting's local year
        (numbers kept by reopened meetings stay taken)."""
        self.ensure_one()
        self.env["calendar.event"].flush_model(
            ["vsms_body_id", "vsms_protocol_year", "vsms_protocol_number"]
        )
        self.env.cr.execute(
            "SELECT max(vsms_protocol_number) FROM calendar_event "
            "WHERE vsms_body_id = %s AND vsms_protocol_year = %s",
            (self.vsms_body_id.id, year),
        )
        return (self.env.cr.fetchone()[0] or 0) + 1

    def action_vsms_cancel_meeting(self):
        self._vsms_check_meeting()
        adopted = self.vsms_decision_ids.filtered(
            lambda decision: decision.state in ("adopted", "done")
        )
        if adopted:
            raise UserError(
                self.env._(
                    "A meeting that adopted decisions cannot be cancelled "
                    "(%(decisions)s).",
                    decisions="; ".join(adopted.mapped("short_name")),
                )
            )
        with guard.allowing(GUARD_KEY):
            self.write({"vsms_meeting_state": "cancelled", "vsms_snapshot": False})
        return True

    def action_vsms_reopen(self):
        """Back to planned: a cancelled meeting by staff, a held one (whose
        protocol exists) by a ВСМС manager only."""
        self._vsms_check_meeting()
        held = self.filtered(lambda meeting: meeting.vsms_meeting_state == "held")
        if held and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a ВСМС manager can reopen a held meeting (%(meeting)s).",
                    meeting=held[0].name,
                )
            )
        with guard.allowing(GUARD_KEY):
            self.write({"vsms_meeting_state": "planned", "vsms_snapshot": False})
        return True

    def action_vsms_open_decisions(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_decision_action"
        )
        action["domain"] = [("meeting_id", "in", self.ids)]
        action["context"] = {"default_meeting_id": self[:1].id}
        return action

    def action_vsms_print_protocol(self):
        self._vsms_check_meeting()
        return self.env.ref(
            "vsms_regional.calendar_event_report_vsms_protocol"
        ).report_action(self, config=False)

    # ------------------------------------------------------------------
    # Protocol
    # ------------------------------------------------------------------
    def _vsms_protocol_lines(self):
        """Members present and absent, and guests, for the protocol."""
        self.ensure_one()
        roles = dict(
            self.env["vsms.body.member"]
            ._fields["role"]
            ._description_selection(self.env)
        )
        members = self._vsms_members_at_meeting()
        Partner = self.env["res.partner"]
        present = self._vsms_present_partners()
        rows = [
            {"partner": Partner.browse(partner_id), "role": roles[role]}
            for partner_id, role in members.items()
        ]

        def holder(role):
            return Partner.browse(
                [pid for pid, member_role in members.items() if member_role == role][:1]
            )

        return {
            "present": [row for row in rows if row["partner"] in present],
            "absent": [row for row in rows if row["partner"] not in present],
            "guests": present - Partner.browse(list(members)),
            "chair": holder("chair"),
            "secretary": holder("secretary"),
        }

    @api.onchange("vsms_body_id", "start", "start_date")
    def _onchange_vsms_body_id(self):
        """Invite the members of the body in office on the meeting day.

        Runs for everyone who moves the event, so it reads the body as sudo:
        a colleague outside ВСМС may organise a body's meeting."""
        meeting = self.sudo()
        if meeting.vsms_body_id and meeting.start and not meeting.vsms_snapshot:
            self.partner_ids |= self.env["res.partner"].browse(
                list(meeting._vsms_members_at_meeting())
            )
