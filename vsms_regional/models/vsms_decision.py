from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..tools.guard import allowed, allowing
from ..tools.records import changed_fields

DECISION_STATES = [
    ("draft", "Proposed"),
    ("adopted", "Adopted"),
    ("done", "Carried Out"),
    ("rejected", "Not Adopted"),
]
# How a decision's status moves, whoever writes it (the buttons do the same):
# adopted (only through the quorum check, which also gives its number) or
# not adopted, then carried out; only a decision not adopted goes back to
# draft.  An adopted decision is never un-adopted.
DECISION_TRANSITIONS = {
    ("draft", "adopted"),
    ("draft", "rejected"),
    ("adopted", "done"),
    ("rejected", "draft"),
}
# What the protocol records: fixed once the decision is adopted.
ADOPTED_FIXED = {"name", "meeting_id", "admission_partner_ids"}
# Written only by the adoption itself.
ADOPTION_FIELDS = {"number", "admission_lead_ids"}
ADOPTING = "vsms.decision.adopt"


class VsmsDecision(models.Model):
    _name = "vsms.decision"
    _description = "Decision of a Governing Body"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, meeting_id desc, sequence, id"
    _rec_names_search = ["number", "name"]

    meeting_id = fields.Many2one(
        "calendar.event",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('vsms_body_id', '!=', False)]",
    )
    body_id = fields.Many2one(
        "vsms.body",
        compute="_compute_from_meeting",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(related="body_id.company_id", store=True, index=True)
    date = fields.Date(compute="_compute_from_meeting", store=True, index=True)
    sequence = fields.Integer(default=10)
    number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Given when the decision is adopted: «№ 3/2021», numbered per body "
        "and year.",
    )
    name = fields.Text(string="Decision", tracking=True)
    short_name = fields.Char(compute="_compute_short_name")
    responsible_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    deadline = fields.Date(index=True, tracking=True)
    state = fields.Selection(
        DECISION_STATES,
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    admission_partner_ids = fields.Many2many(
        "res.partner",
        "vsms_decision_admission_partner_rel",
        "decision_id",
        "partner_id",
        string="Admits as Members",
        # No field domain: a many2many hides what falls outside its domain on
        # reading, so the people admitted would vanish from the decision once
        # they are members.  The views offer only people who are not members;
        # the adoption refuses members and organisations.
        help="Adopting the decision wins these people's admission leads: they "
        "become members, and their membership history cites this decision.",
    )
    admission_lead_ids = fields.Many2many(
        "crm.lead",
        "vsms_decision_admission_lead_rel",
        "decision_id",
        "lead_id",
        string="Admissions",
        readonly=True,
        copy=False,
    )
    result = fields.Text(string="Execution Report")

    @api.depends("meeting_id.vsms_body_id", "meeting_id.start", "meeting_id.allday")
    def _compute_from_meeting(self):
        for decision in self:
            meeting = decision.meeting_id
            decision.body_id = meeting.vsms_body_id
            decision.date = meeting._vsms_meeting_date() if meeting else False

    @api.depends("number", "name")
    def _compute_short_name(self):
        for decision in self:
            text = " ".join((decision.name or "").split())
            if len(text) > 60:
                text = text[:57].rstrip() + "…"
            decision.short_name = " ".join(filter(None, [decision.number, text]))

    @api.depends("number", "name")
    def _compute_display_name(self):
        for decision in self:
            decision.display_name = decision.short_name or self.env._("New decision")

    @api.model
    def _overdue_domain(self):
        today = fields.Date.context_today(self)
        return [("state", "=", "adopted"), ("deadline", "<", today)]

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for decision in self:
            decision.is_overdue = bool(
                decision.state == "adopted"
                and decision.deadline
                and decision.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain(self._overdue_domain())
        return overdue if (True in value) == (operator == "in") else ~overdue

    @api.constrains("name")
    def _check_name(self):
        for decision in self:
            if not (decision.name or "").strip():
                raise ValidationError(
                    self.env._(
                        "A decision of «%(meeting)s» needs its text: write what "
                        "was decided.",
                        meeting=decision.meeting_id.name,
                    )
                )

    @api.constrains("meeting_id")
    def _check_meeting(self):
        for decision in self:
            if not decision.meeting_id.vsms_body_id:
                raise ValidationError(
                    self.env._(
                        "«%(event)s» is not a meeting of a governing body: "
                        "decisions belong to meetings of a body.",
                        event=decision.meeting_id.name,
                    )
                )

    @api.constrains("deadline", "meeting_id")
    def _check_deadline(self):
        for decision in self:
            if (
                decision.deadline
                and decision.date
                and decision.deadline < decision.date
            ):
                raise ValidationError(
                    self.env._(
                        "The deadline of %(decision)s (%(deadline)s) is before the "
                        "meeting (%(date)s).",
                        decision=decision.display_name,
                        deadline=format_date(self.env, decision.deadline),
                        date=format_date(self.env, decision.date),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        numbered = self.filtered("number")
        if numbered:
            raise UserError(
                self.env._(
                    "Adopted decisions are part of the protocol and cannot be "
                    "deleted (%(decisions)s).",
                    decisions=", ".join(numbered.mapped("number")),
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_adopt(self):
        self.write({"state": "adopted"})
        return True

    def _check_can_adopt(self):
        self.ensure_one()
        meeting = self.meeting_id
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(decision)s is not a draft any more.",
                    decision=self.display_name,
                )
            )
        if meeting.vsms_meeting_state != "planned":
            raise UserError(
                self.env._(
                    "«%(meeting)s» is closed or cancelled: it cannot adopt decisions "
                    "any more.",
                    meeting=meeting.name,
                )
            )
        if not meeting.vsms_has_quorum:
            raise UserError(
                self.env._(
                    "«%(meeting)s» has no quorum: %(present)s of %(total)s members "
                    "are present and %(needed)s are needed, so it cannot adopt "
                    "decisions. Record who is present first.",
                    meeting=meeting.name,
                    present=meeting.vsms_present_member_count,
                    total=meeting.vsms_member_count,
                    needed=meeting.vsms_quorum_required,
                )
            )

    def _admit_members(self):
        """Win the admission leads of the people the decision admits."""
        self.ensure_one()
        partners = self.admission_partner_ids
        if not partners:
            return
        cannot = partners.filtered(
            lambda p: p.is_company or p.vsms_member_state in ("member", "suspended")
        )
        if cannot:
            raise UserError(
                self.env._(
                    "%(decision)s cannot admit %(people)s: they are already members "
                    "(or suspended) or organisations.",
                    decision=self.display_name,
                    people=", ".join(cannot.mapped("name")),
                )
            )
        partners._vsms_open_admission_leads()
        leads = self.env["crm.lead"].search(
            [
                ("partner_id", "in", partners.ids),
                ("team_id.vsms_is_admission", "=", True),
                ("won_status", "=", "pending"),
            ]
        )
        reason = self.env._(
            "Admitted by decision %(number)s of «%(body)s»",
            number=self.number,
            body=self.body_id.name,
        )
        # the status first, so that the history names the decision
        for lead in leads:
            lead.partner_id.sudo()._vsms_set_member_state(
                "member", reason=reason, lead=lead, decision=self
            )
        leads.action_set_won()
        self.admission_lead_ids = [fields.Command.link(lead.id) for lead in leads]

    def _schedule_follow_up(self):
        self.ensure_one()
        if not self.responsible_id:
            return
        self.activity_schedule(
            "vsms_regional.mail_activity_type_vsms_decision",
            date_deadline=self.deadline or fields.Date.context_today(self),
            summary=self.env._("Carry out decision %(number)s", number=self.number),
            note=self.name,
            user_id=self.responsible_id.id,
        )

    def action_done(self):
        not_adopted = self.filtered(lambda d: d.state != "adopted")
        if not_adopted:
            raise UserError(
                self.env._(
                    "Only adopted decisions can be carried out (%(decision)s).",
                    decision=not_adopted[0].display_name,
                )
            )
        self.write({"state": "done"})
        return True

    def action_reject(self):
        not_draft = self.filtered(lambda d: d.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "Only a draft can be recorded as not adopted (%(decision)s).",
                    decision=not_draft[0].display_name,
                )
            )
        self.write({"state": "rejected"})
        return True

    def action_reset_draft(self):
        rejected = self.filtered(lambda d: d.state == "rejected")
        rejected.write({"state": "draft"})
        return True

    # The rules of the workflow live in create/write, not in the buttons, so a
    # client writing over RPC meets the same checks.  Only the adoption may
    # write the number and the admissions: it does so inside
    # ``allowing((ADOPTING, id))``, a flag held in a ContextVar of the running
    # request (tools/guard.py), which no client can set (unlike a context key).
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft" or ADOPTION_FIELDS & vals.keys():
                raise UserError(
                    self.env._(
                        "A new decision is a proposal: record it as a draft, then "
                        "adopt it (which checks the quorum and gives its number) "
                        "or record it as not adopted («%(decision)s»).",
                        decision=vals.get("name") or "",
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if all(allowed((ADOPTING, decision_id)) for decision_id in self.ids):
            # the adoption itself (number, admissions) and what it triggers
            return super().write(vals)
        self._check_write(vals)
        if vals.get("state") == "adopted":
            return self._adopt(vals)
        res = super().write(vals)
        if vals.get("state") == "done":
            self.activity_feedback(
                ["vsms_regional.mail_activity_type_vsms_decision"], only_automated=False
            )
        if {"responsible_id", "deadline"} & set(vals):
            self.filtered(lambda d: d.state == "adopted")._move_follow_up()
        return res

    def _check_write(self, vals):
        """Refuse what only the workflow may do, and changes to the protocol."""
        for decision in self:
            if "number" in vals and (vals["number"] or False) != decision.number:
                raise UserError(
                    self.env._(
                        "The number of %(decision)s is given when it is adopted; "
                        "it cannot be written.",
                        decision=decision.display_name,
                    )
                )
            if "admission_lead_ids" in vals:
                raise UserError(
                    self.env._(
                        "The admissions of %(decision)s are recorded when it is "
                        "adopted; they cannot be written.",
                        decision=decision.display_name,
                    )
                )
            if decision.state in ("adopted", "done") and decision._changes_protocol(
                vals
            ):
                raise UserError(
                    self.env._(
                        "%(decision)s is adopted: its text, its meeting and the "
                        "people it admits are in the protocol and cannot change.",
                        decision=decision.display_name,
                    )
                )
            new = vals.get("state", decision.state)
            if new != decision.state and (decision.state, new) not in (
                DECISION_TRANSITIONS
            ):
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(decision)s cannot go from «%(old)s» to «%(new)s».",
                        decision=decision.display_name,
                        old=labels[decision.state],
                        new=labels.get(new, new),
                    )
                )

    def _changes_protocol(self, vals):
        """Whether ``vals`` change what the protocol records of the decision."""
        return bool(changed_fields(self, vals, ADOPTED_FIXED))

    def _adopt(self, vals):
        """Adopt the decisions: the quorum check, then the number, the
        admissions and the follow-up activity, in the order of the meetings."""
        rest = {name: value for name, value in vals.items() if name != "state"}
        if rest:
            self.write(rest)  # still drafts: the usual checks
        for decision in self:
            decision._check_can_adopt()
        for decision in self.sorted(lambda d: (d.meeting_id.start, d.sequence, d.id)):
            with allowing((ADOPTING, decision.id)):
                decision.write(
                    {
                        "state": "adopted",
                        "number": decision.number
                        or decision.body_id._next_decision_number(decision.date),
                    }
                )
                decision._admit_members()
            decision._schedule_follow_up()
        return True

    def _move_follow_up(self):
        """Keep the follow-up activity on the current responsible and deadline."""
        activity_type = self.env.ref("vsms_regional.mail_activity_type_vsms_decision")
        for decision in self:
            activity = decision.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if not decision.responsible_id:
                activity.unlink()
            elif activity:
                activity.write(
                    {
                        "user_id": decision.responsible_id.id,
                        "date_deadline": decision.deadline or activity[0].date_deadline,
                    }
                )
            else:
                decision._schedule_follow_up()
