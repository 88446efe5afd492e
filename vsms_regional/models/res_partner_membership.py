"""Contacts: ВСМС membership — status, number, history, admission."""

from types import MappingProxyType

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..const import MEMBER_STATES, MEMBER_TRANSITIONS, REASON_REQUIRED, USER_GROUP
from ..tools import guard

# The change ``_vsms_set_member_state`` is making in this request: its people,
# status, reason, lead and decision.  Held by tools/guard.py, not in a context
# key: no client can set it, so none can skip the transition table or put a
# reason, lead or decision of its choosing into the history.
STATE_CHANGE = "res.partner.member_state_change"
# What a plain write (or a creation) records: no reason, lead or decision.
_PLAIN_CHANGE = MappingProxyType(
    {
        "reason": False,
        "lead_id": False,
        "decision_id": False,
        "check_transitions": True,
        "explicit": False,
    }
)


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_member_state = fields.Selection(
        MEMBER_STATES,
        string="Member status",
        # «none» for a new contact, set by a stored compute (run as sudo)
        # rather than a default or a precompute: both are evaluated as the
        # current user, and a default is even sent along with the partner of
        # every new user (res.users inherits res.partner), which would refuse
        # to create contacts and users for whoever is not ВСМС staff.
        compute="_compute_vsms_member_state",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        copy=False,
        groups=USER_GROUP,
    )
    vsms_member_since = fields.Date(
        string="Member since", index=True, copy=False, tracking=True, groups=USER_GROUP
    )
    vsms_member_number = fields.Char(
        string="Member number", copy=False, tracking=True, groups=USER_GROUP
    )
    vsms_membership_log_ids = fields.One2many(
        "vsms.membership.log",
        "partner_id",
        string="Membership history",
        groups=USER_GROUP,
    )
    vsms_admission_lead_ids = fields.One2many(
        "crm.lead",
        "partner_id",
        string="Admission leads",
        domain=[("team_id.vsms_is_admission", "=", True)],
        groups=USER_GROUP,
    )
    vsms_admission_count = fields.Integer(
        string="Admissions", compute="_compute_vsms_admission_count", groups=USER_GROUP
    )

    _vsms_member_number_uniq = models.UniqueIndex(
        "(vsms_member_number) WHERE vsms_member_number IS NOT NULL",
        "This member number is already assigned.",
    )

    def _compute_vsms_admission_count(self):
        counts = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("team_id.vsms_is_admission", "=", True),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.vsms_admission_count = counts.get(partner, 0)

    # Any dependency would do: a compute without one never runs for a new
    # record; is_company is part of every creation.
    @api.depends("is_company")
    def _compute_vsms_member_state(self):
        for partner in self:
            partner.vsms_member_state = partner.vsms_member_state or "none"

    # ------------------------------------------------------------------
    # Hooks of create() and write() (res_partner.py)
    # ------------------------------------------------------------------
    @api.model
    def _vsms_prepare_create_vals(self, vals_list):
        vals_list = super()._vsms_prepare_create_vals(vals_list)
        self._vsms_check_member_numbers(
            [
                vals["vsms_member_number"]
                for vals in vals_list
                if vals.get("vsms_member_number")
            ]
        )
        return vals_list

    def _vsms_after_create(self, vals_list):
        res = super()._vsms_after_create(vals_list)
        # Any status is allowed at creation (e.g. importing a member list).
        joining = self.sudo().filtered(lambda p: p.vsms_member_state != "none")
        if joining:
            joining._vsms_assign_member_data()
            joining._vsms_log_member_states(
                {p.id: "none" for p in joining}, _PLAIN_CHANGE
            )
        return res

    def _vsms_before_write(self, vals):
        before = super()._vsms_before_write(vals)
        if "vsms_member_state" in vals:
            change = self._vsms_member_state_change(vals["vsms_member_state"])
            before["vsms_member_state_change"] = change
            before["vsms_old_states"] = self._vsms_check_member_state(
                vals["vsms_member_state"], change
            )
        return before

    def _vsms_after_write(self, vals, before):
        res = super()._vsms_after_write(vals, before)
        old_states = before.get("vsms_old_states")
        if old_states:
            changed = self.browse(old_states).sudo()
            changed._vsms_assign_member_data()
            changed._vsms_log_member_states(
                old_states, before["vsms_member_state_change"]
            )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vsms_members(self):
        """Who is or was a member is kept, with their history: archive them.

        Only superuser code may go on (e.g. merging contacts, which moves the
        history to the merged contact first); the history itself is never
        deleted with its person (``ondelete="restrict"``)."""
        if self.env.su:
            return
        partners = self.sudo().with_context(active_test=False)
        logged = {
            partner.id
            for [partner] in self.env["vsms.membership.log"]
            .sudo()
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"])
        }
        kept = partners.filtered(
            lambda p: p.vsms_member_state != "none" or p.id in logged
        )
        if kept:
            raise UserError(
                self.env._(
                    "%(people)s cannot be deleted: who is or was a ВСМС member is "
                    "kept with their membership history. Archive the contact "
                    "instead.",
                    people=", ".join(kept.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Member status changes
    # ------------------------------------------------------------------
    def _vsms_set_member_state(
        self, state, reason=None, lead=None, decision=None, check_transitions=True
    ):
        """Change the member status of these people, recording in the history
        why (``reason``), through which admission (``lead``: a ``crm.lead``, or
        several, one per person, when the pipeline moves many at once) and by
        which decision of a governing body (``decision``).

        The one way to give a reason, a lead or a decision: the status wizard,
        the admission pipeline, decisions and merges call it.  A plain
        ``write`` of ``vsms_member_state`` (e.g. over RPC) records none and
        cannot reach a status that needs a reason.  Only merges pass
        ``check_transitions=False`` (the merged person keeps the status of
        whichever contact had gone furthest)."""
        change = {
            "ids": frozenset(self.ids),
            "state": state,
            "reason": (reason or "").strip() or False,
            "lead_id": lead.id if lead and len(lead) == 1 else False,
            "lead_by_partner": {rec.partner_id.id: rec.id for rec in lead or ()},
            "decision_id": decision.id if decision else False,
            "check_transitions": check_transitions,
            "explicit": True,
        }
        with guard.setting({STATE_CHANGE: change}):
            self.write({"vsms_member_state": state})
        return True

    def _vsms_member_state_change(self, state):
        """The change :meth:`_vsms_set_member_state` is making of these
        records to ``state``, or that of a plain ``write``."""
        change = guard.get(STATE_CHANGE)
        if change and change["state"] == state and change["ids"] >= set(self.ids):
            return change
        return _PLAIN_CHANGE

    def _vsms_check_member_state(self, new_state, change=_PLAIN_CHANGE):
        """Refuse impossible changes; return ``{partner id: old state}``."""
        labels = dict(
            self._fields["vsms_member_state"]._description_selection(self.env)
        )
        old_states = {}
        for partner in self.sudo():
            old = partner.vsms_member_state
            if old == new_state:
                continue
            if partner.is_company:
                raise ValidationError(
                    self.env._(
                        "%(name)s is an organisation: only people are members.",
                        name=partner.name,
                    )
                )
            if change["check_transitions"] and new_state not in MEMBER_TRANSITIONS[old]:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot go from «%(old)s» to «%(new)s».",
                        person=partner.name,
                        old=labels[old],
                        new=labels[new_state],
                    )
                )
            old_states[partner.id] = old
        if new_state in REASON_REQUIRED and old_states and not change["reason"]:
            people = ", ".join(self.browse(old_states).sudo().mapped("name"))
            if not change["explicit"]:
                raise ValidationError(
                    self.env._(
                        "%(people)s: the status «%(state)s» needs a reason, "
                        "which the membership history keeps. Use «Change member "
                        "status» on the contact.",
                        people=people,
                        state=labels[new_state],
                    )
                )
            raise ValidationError(
                self.env._(
                    "Give a reason to set %(people)s to «%(state)s».",
                    people=people,
                    state=labels[new_state],
                )
            )
        return old_states

    def _vsms_assign_member_data(self):
        """Becoming a member gives a number and a date when not yet set."""
        today = fields.Date.context_today(self)
        for partner in self.filtered(lambda p: p.vsms_member_state == "member"):
            values = {}
            if not partner.vsms_member_number:
                values["vsms_member_number"] = self.env["ir.sequence"].next_by_code(
                    "vsms.member.number"
                )
            if not partner.vsms_member_since:
                values["vsms_member_since"] = today
            if values:
                partner.write(values)

    def _vsms_log_member_states(self, old_states, change):
        self.env["vsms.membership.log"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": self.env.uid,
                    "old_state": old_states[partner.id],
                    "new_state": partner.vsms_member_state,
                    "reason": change["reason"],
                    "lead_id": change.get("lead_by_partner", {}).get(
                        partner.id, change["lead_id"]
                    ),
                    "decision_id": change["decision_id"],
                    "member_number": partner.vsms_member_number,
                }
                for partner in self
            ]
        )

    @api.constrains("vsms_member_number")
    def _check_vsms_member_number(self):
        numbered = self.sudo().filtered("vsms_member_number")
        self._vsms_check_member_numbers(
            numbered.mapped("vsms_member_number"), numbered.ids
        )

    @api.model
    def _vsms_check_member_numbers(self, numbers, own_ids=()):
        """A clear message before the unique index refuses the row.

        Plain SQL on purpose: a search would flush the new numbers first and
        let the database raise its raw error instead."""
        if not numbers:
            return
        clash = None
        seen = set()
        for number in numbers:
            if number in seen:
                clash = (number, self.env._("another contact in the same batch"))
                break
            seen.add(number)
        if not clash:
            self.env.cr.execute(
                SQL(
                    "SELECT vsms_member_number, name FROM res_partner "
                    "WHERE vsms_member_number IN %s AND id NOT IN %s LIMIT 1",
                    tuple(numbers),
                    tuple(own_ids) or (0,),
                )
            )
            clash = self.env.cr.fetchone()
        if clash:
            raise ValidationError(
                self.env._(
                    "Member number %(number)s is already assigned to %(person)s.",
                    number=clash[0],
                    person=clash[1],
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _vsms_admission_team(self):
        team = self.env.ref(
            "vsms_regional.crm_team_vsms_admission", raise_if_not_found=False
        )
        if not team:
            raise UserError(self.env._("The admission pipeline is not configured."))
        return team

    def action_vsms_create_admission_leads(self):
        """Open an admission lead for each selected non-member (at most one open)."""
        leads, open_leads = self._vsms_open_admission_leads()
        skipped = len(self) - len(leads)
        message = self.env._("%(count)s admission leads created.", count=len(leads))
        if skipped:
            message += " " + self.env._(
                "%(count)s skipped: organisations, members, or people who "
                "already have an open admission lead.",
                count=skipped,
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.crm_lead_action_vsms_admission"
        )
        action["domain"] = [("id", "in", (leads | open_leads).ids)]
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Invitation to join ВСМС"),
                "message": message,
                "type": "success" if leads else "warning",
                "sticky": False,
                "next": action,
            },
        }

    def _vsms_open_admission_leads(self):
        """Create the missing admission leads of these people.

        Organisations and members are skipped; a person has at most one open
        admission lead.  Returns ``(created leads, leads that were open)``.
        """
        team = self._vsms_admission_team()
        Lead = self.env["crm.lead"]
        candidates = self.filtered(
            lambda p: not p.is_company
            and p.vsms_member_state in ("none", "prospect", "applicant", "former")
        )
        open_leads = Lead.search(
            [
                ("partner_id", "in", candidates.ids),
                ("team_id", "=", team.id),
                ("won_status", "=", "pending"),
            ]
        )
        candidates -= open_leads.partner_id
        first_stage = team._vsms_admission_stages()[:1]
        leads = Lead.create(
            [
                {
                    "name": self.env._("Admission: %(person)s", person=partner.name),
                    "type": "opportunity",
                    "team_id": team.id,
                    "stage_id": first_stage.id,
                    "partner_id": partner.id,
                    "user_id": self.env.user.id,
                }
                for partner in candidates
            ]
        )
        return leads, open_leads

    def action_vsms_member_state(self):
        """Open the status wizard with the state given in the context."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change member status"),
            "res_model": "vsms.member.state.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_ids": self.ids,
                "default_new_state": self.env.context.get("vsms_new_state"),
            },
        }

    def action_vsms_open_admissions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.crm_lead_action_vsms_admission"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "active_test": False,
        }
        return action
