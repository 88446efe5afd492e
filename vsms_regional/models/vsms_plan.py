import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..const import MANAGER_GROUP

# How a plan's status moves: approved, then closed; a manager may reset an
# approved or closed plan to draft.  Any other move is refused.
PLAN_TRANSITIONS = {
    ("draft", "approved"),
    ("approved", "closed"),
    ("approved", "draft"),
    ("closed", "draft"),
}
# Written only by a manager (through the buttons, or directly): the status
# and who approved the plan when.
MANAGER_FIELDS = {"state", "approval_date", "approver_id"}


class VsmsPlan(models.Model):
    _name = "vsms.plan"
    _description = "Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    approval_date = fields.Date(readonly=True, copy=False, tracking=True)
    approver_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    note = fields.Html(string="Notes")
    section_ids = fields.One2many("vsms.plan.section", "plan_id", string="Sections")
    item_ids = fields.One2many("vsms.plan.item", "plan_id", string="Items")
    occurrence_ids = fields.One2many(
        "vsms.plan.occurrence", "plan_id", string="Occurrences"
    )
    item_count = fields.Integer(compute="_compute_statistics")
    occurrence_count = fields.Integer(compute="_compute_statistics")
    done_count = fields.Integer(
        string="Done Occurrences", compute="_compute_statistics"
    )
    overdue_count = fields.Integer(string="Overdue", compute="_compute_statistics")
    progress = fields.Float(
        compute="_compute_statistics",
        help="Share of the plan's occurrences (not cancelled) that are done.",
    )

    _year_company_uniq = models.Constraint(
        "UNIQUE(year, company_id)",
        "A company can have only one work plan per year.",
    )
    _year_range = models.Constraint(
        "CHECK(year BETWEEN 1990 AND 2200)",
        "The plan's year must be between 1990 and 2200.",
    )

    @api.depends("item_ids", "occurrence_ids.state", "occurrence_ids.date_end")
    def _compute_statistics(self):
        Occurrence = self.env["vsms.plan.occurrence"]
        domain = [("plan_id", "in", self.ids)]
        by_state = {}
        for plan, state, count in Occurrence._read_group(
            domain, ["plan_id", "state"], ["__count"]
        ):
            by_state.setdefault(plan, {})[state] = count
        overdue = dict(
            Occurrence._read_group(
                domain + Occurrence._overdue_domain(), ["plan_id"], ["__count"]
            )
        )
        items = dict(
            self.env["vsms.plan.item"]._read_group(domain, ["plan_id"], ["__count"])
        )
        for plan in self:
            stats = by_state.get(plan._origin, {})
            active = sum(stats.get(state, 0) for state in ("planned", "done", "missed"))
            plan.item_count = items.get(plan._origin, 0)
            plan.occurrence_count = active + stats.get("cancelled", 0)
            plan.done_count = stats.get("done", 0)
            plan.overdue_count = overdue.get(plan._origin, 0)
            plan.progress = 100.0 * plan.done_count / active if active else 0.0

    # The rules of the status live in create/write, not in the buttons, so
    # that a client writing ``state`` over RPC meets the same checks: the
    # status, approver and approval date are the manager's (checked on the
    # caller's groups, never on a context key a client could send), the
    # status moves only along PLAN_TRANSITIONS whoever writes it, and the
    # effects of a move (approver and date, occurrences still planned counted
    # as missed at closing) happen in ``write`` itself.  The buttons only add
    # clearer messages.
    @api.model_create_multi
    def create(self, vals_list):
        if any(
            vals.get("state", "draft") != "draft"
            or vals.keys() & {"approval_date", "approver_id"}
            for vals in vals_list
        ):
            self._check_manager()
        return super().create(vals_list)

    def write(self, vals):
        if MANAGER_FIELDS & vals.keys():
            self._check_manager()
        if "state" in vals and len(self) > 1:
            # each plan moves from its own status
            for plan in self:
                plan.write(vals)
            return True
        self._check_frozen(vals)
        if "state" in vals:
            vals = self._prepare_state_change(vals)
        if "year" in vals and any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("The year can be changed only on a draft plan."))
        result = super().write(vals)
        if "year" in vals:
            self.item_ids._sync_occurrences()
        return result

    def _check_frozen(self, vals):
        """A closed plan can only be reset to draft (its chatter still works)."""
        changed = {
            name
            for name in vals
            if name != "state" and not name.startswith(("message_", "activity_"))
        }
        if changed:
            self._check_editable()

    def _prepare_state_change(self, vals):
        """Check the move of one plan to ``vals['state']``; return the values
        to write with it."""
        self.ensure_one()
        old, new = self.state, vals["state"]
        if old == new or not self:
            return vals
        if (old, new) not in PLAN_TRANSITIONS:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Plan «%(name)s» cannot go from «%(old)s» to «%(new)s»: a plan "
                    "is approved, then closed, and a manager may reset it to draft.",
                    name=self.name,
                    old=labels[old],
                    new=labels.get(new, new),
                )
            )
        if new == "approved":
            if not self.item_ids:
                raise UserError(
                    self.env._(
                        "Plan «%(name)s» has no items: add them before approving.",
                        name=self.name,
                    )
                )
            return {
                "approval_date": fields.Date.context_today(self),
                "approver_id": self.env.user.id,
            } | vals
        if new == "closed":
            # closing the year: occurrences still planned count as missed
            self.occurrence_ids.filtered(lambda occ: occ.state == "planned").write(
                {"state": "missed"}
            )
            return vals
        return vals | {"approval_date": False, "approver_id": False}

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be deleted."))
        # the database deletes the items and occurrences without asking them
        self.occurrence_ids._vsms_check_unrealized()

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def _check_editable(self):
        """Closed plans are history: their contents can no longer change."""
        closed = self.filtered(lambda plan: plan.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Plan «%(name)s» is closed and can no longer be changed.",
                    name=closed[0].name,
                )
            )

    def _check_manager(self):
        # ``sudo()`` is reachable only from server code, never from a client
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a ВСМС manager can approve, close or reset a work plan "
                    "to draft."
                )
            )

    def action_approve(self):
        self._check_manager()
        not_draft = self.filtered(lambda plan: plan.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "Plan «%(name)s» is not a draft and cannot be approved.",
                    name=not_draft[0].name,
                )
            )
        self.write({"state": "approved"})
        return True

    def action_close(self):
        """Close the year: occurrences still planned count as missed."""
        self._check_manager()
        if any(plan.state != "approved" for plan in self):
            raise UserError(self.env._("Only an approved plan can be closed."))
        self.write({"state": "closed"})
        return True

    def action_reset_to_draft(self):
        self._check_manager()
        if any(plan.state == "draft" for plan in self):
            raise UserError(self.env._("The plan is already a draft."))
        self.write({"state": "draft"})
        return True

    def action_copy_to_next_year(self):
        """Copy the plan with its sections and items to the following year.

        Schedules are re-computed for the new year; an explicit year written
        in a name or schedule is moved forward too.
        """
        self.ensure_one()
        new_year = self.year + 1
        if self.search_count(
            [("year", "=", new_year), ("company_id", "=", self.company_id.id)]
        ):
            raise UserError(
                self.env._("There is already a work plan for %(year)s.", year=new_year)
            )

        def shift(text):
            return re.sub(rf"\b{self.year}\b", str(new_year), text) if text else text

        new_plan = self.copy(
            {"year": new_year, "name": shift(self.name), "state": "draft"}
        )
        sections = {
            section: section.copy({"plan_id": new_plan.id})
            for section in self.section_ids
        }
        vals_list = self.item_ids.copy_data()
        for item, vals in zip(self.item_ids, vals_list, strict=True):
            vals.update(
                plan_id=new_plan.id,
                section_id=sections[item.section_id].id if item.section_id else False,
                name=shift(item.name),
                schedule_text=shift(item.schedule_text),
            )
        # one chatter line on the new plan, not a notification per item
        self.env["vsms.plan.item"].with_context(
            mail_create_nolog=True, mail_auto_subscribe_no_notify=True
        ).create(vals_list)
        return {
            "type": "ir.actions.act_window",
            "res_model": "vsms.plan",
            "res_id": new_plan.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Navigation
    # ------------------------------------------------------------------
    def _action_open(self, xmlid, extra_domain=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("plan_id", "in", self.ids)] + (extra_domain or [])
        action["context"] = {
            "default_plan_id": self.id if len(self) == 1 else False,
        }
        return action

    def action_open_items(self):
        action = self._action_open("vsms_regional.vsms_plan_item_action")
        action["context"]["group_by"] = "section_id"
        return action

    def action_open_occurrences(self):
        return self._action_open("vsms_regional.vsms_plan_occurrence_action")

    def action_open_overdue(self):
        return self._action_open(
            "vsms_regional.vsms_plan_occurrence_action", [("is_overdue", "=", True)]
        )

    def action_print(self):
        return self.env.ref("vsms_regional.vsms_plan_report_action").report_action(
            self, config=False
        )

    def _report_groups(self):
        """Items in document order: those without a section, then by section."""
        self.ensure_one()
        items = self.item_ids.sorted(lambda item: item.number)
        groups = [
            {"section": False, "items": items.filtered(lambda i: not i.section_id)}
        ]
        groups += [
            {
                "section": section,
                "items": items.filtered(lambda i, s=section: i.section_id == s),
            }
            for section in self.section_ids.sorted(lambda s: (s.sequence, s.id))
        ]
        return [group for group in groups if group["items"] or group["section"]]
