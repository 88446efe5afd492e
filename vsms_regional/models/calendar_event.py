import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools.schedule import MONTHS_GENITIVE

DEFAULT_TZ = "Europe/Moscow"

MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
VSMS_GROUP = "vsms_regional.group_vsms_user"


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "vsms.plan.realization.mixin"]

    vsms_body_id = fields.Many2one(
        "vsms.body",
        string="Governing Body",
        index=True,
        ondelete="restrict",
        groups=VSMS_GROUP,
        help="Makes this a meeting of the body: agenda, presence, quorum, "
        "decisions and protocol.",
    )
    vsms_meeting_state = fields.Selection(
        MEETING_STATES,
        string="Meeting Status",
        default="planned",
        groups=VSMS_GROUP,
        tracking=True,
    )
    vsms_agenda = fields.Html(string="Agenda", groups=VSMS_GROUP)
    vsms_protocol_number = fields.Integer(
        string="Protocol No.",
        copy=False,
        readonly=True,
        groups=VSMS_GROUP,
        help="Numbered per body and year when the meeting is closed.",
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
        """``{partner id: role}`` of the body's members on the meeting day."""
        self.ensure_one()
        if not self.vsms_body_id or not self.start:
            return {}
        members = self.vsms_body_id._members_at(self._vsms_meeting_date())
        return {member.partner_id.id: member.role for member in members}

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
    )
    def _compute_vsms_quorum(self):
        for meeting in self:
            members = meeting._vsms_members_at_meeting()
            present = meeting.attendee_ids.filtered("vsms_present").partner_id
            body = meeting.vsms_body_id
            meeting.vsms_present_count = len(present)
            meeting.vsms_member_count = len(members)
            meeting.vsms_present_member_count = len(set(present.ids) & set(members))
            if body:
                meeting.vsms_quorum_required = body._quorum_required(len(members))
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
        self._vsms_check_occurrence()

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
            meeting.write(
                {
                    "vsms_meeting_state": "held",
                    "vsms_protocol_number": meeting.vsms_protocol_number
                    or meeting._vsms_next_protocol_number(),
                }
            )
        self.vsms_occurrence_id._vsms_mark_done()
        return True

    def _vsms_next_protocol_number(self):
        self.ensure_one()
        year = self._vsms_meeting_date().year
        held = self.search(
            [
                ("vsms_body_id", "=", self.vsms_body_id.id),
                ("vsms_meeting_state", "=", "held"),
                ("start", ">=", f"{year}-01-01"),
                ("start", "<", f"{year + 1}-01-01"),
            ]
        )
        return max(held.mapped("vsms_protocol_number"), default=0) + 1

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
        self.vsms_meeting_state = "cancelled"
        return True

    def action_vsms_reopen(self):
        self._vsms_check_meeting()
        self.vsms_meeting_state = "planned"
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
        members = self.vsms_body_id._members_at(self._vsms_meeting_date())
        present = self.attendee_ids.filtered("vsms_present").partner_id
        rows = [
            {"partner": member.partner_id, "role": roles[member.role]}
            for member in members
        ]
        return {
            "present": [row for row in rows if row["partner"] in present],
            "absent": [row for row in rows if row["partner"] not in present],
            "guests": present - members.partner_id,
            "chair": members.filtered(lambda m: m.role == "chair").partner_id[:1],
            "secretary": members.filtered(lambda m: m.role == "secretary").partner_id[
                :1
            ],
        }

    @api.onchange("vsms_body_id", "start", "start_date")
    def _onchange_vsms_body_id(self):
        """Invite the members of the body in office on the meeting day."""
        if self.vsms_body_id and self.start:
            members = self.env["res.partner"].browse(
                list(self._vsms_members_at_meeting())
            )
            self.partner_ids |= members
