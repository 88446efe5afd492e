from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..const import USER_GROUP
from ..tools.guard import allowed, allowing

MANDATE_STATES = [
    ("received", "Received"),
    ("accepted", "Accepted"),
    ("in_progress", "In Work"),
    ("done", "Fulfilled"),
    ("rejected", "Rejected"),
]
# How a mandate's status moves, whoever writes it (the buttons do the same):
# received → accepted (into the deputy's programme) → in progress → done; it
# may be rejected (with a reason) until it is done, and a rejected mandate
# may be taken up again as received.  A mandate carried out stays done.
MANDATE_TRANSITIONS = {
    ("received", "accepted"),
    ("accepted", "in_progress"),
    ("in_progress", "done"),
    ("received", "rejected"),
    ("accepted", "rejected"),
    ("in_progress", "rejected"),
    ("rejected", "received"),
}
CLOSED_STATES = ("done", "rejected")
ACTIVITY_TYPE = "vsms_regional.mail_activity_type_vsms_mandate"
SEQUENCE_CODE = "vsms.mandate"
# Only the numbering itself writes a number: on creation, and again when
# the date moves the mandate into another year.
NUMBERING = "vsms.mandate.number"


class VsmsMandate(models.Model):
    _name = "vsms.mandate"
    _description = "Voters' Mandate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, number desc, id desc"
    _rec_names_search = ["number", "name", "author_name"]
    _check_company_auto = True

    number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Given when the mandate is registered, numbered per year of its "
        "date: «Н-2021-014».",
    )
    date = fields.Date(
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
        help="When the voters gave the mandate.",
    )
    name = fields.Char(
        string="Subject", required=True, tracking=True, help="The mandate in short."
    )
    text = fields.Text(string="Full Text")
    author_partner_id = fields.Many2one(
        "res.partner",
        string="Author",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The voter, group of voters or organisation that gave the mandate, "
        "if they are in the contacts.",
    )
    author_name = fields.Char(
        tracking=True,
        help="Who gave the mandate, when they are not in the contacts: "
        "«Жители д. 5 по ул. Ленина», «Собрание жителей д. Михайловка».",
    )
    author_address = fields.Char(help="The authors' address or the object concerned.")
    signatures = fields.Integer(
        tracking=True, help="How many voters signed the mandate."
    )
    municipality_id = fields.Many2one(
        "vsms.municipality",
        compute="_compute_municipality_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    candidate_id = fields.Many2one(
        "vsms.candidate",
        index=True,
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="The candidate the voters gave the mandate to.",
    )
    deputy_partner_id = fields.Many2one(
        "res.partner",
        string="Deputy",
        compute="_compute_deputy_partner_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("is_company", "=", False)],
        help="The deputy (or candidate) the mandate is addressed to; the "
        "candidate's contact when a candidate is given.",
    )
    district_id = fields.Many2one(
        "vsms.election.district",
        compute="_compute_district_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    election_id = fields.Many2one(
        related="district_id.election_id", store=True, index=True
    )
    topic_ids = fields.Many2many(
        "vsms.mandate.topic",
        "vsms_mandate_topic_rel",
        "mandate_id",
        "topic_id",
        string="Topics",
    )
    state = fields.Selection(
        MANDATE_STATES,
        string="Status",
        required=True,
        default="received",
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    deadline = fields.Date(index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref(USER_GROUP).ids),
        ],
    )
    rejection_reason = fields.Text(tracking=True, copy=False)
    result = fields.Text(
        string="Result of Execution",
        copy=False,
        help="What was done to carry the mandate out; needed to mark it done.",
    )
    date_done = fields.Date(string="Done on", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    vsms_plan_item_id = fields.Many2one(
        "vsms.plan.item",
        string="Plan Item",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    decision_id = fields.Many2one(
        "vsms.decision",
        index=True,
        ondelete="set null",
        tracking=True,
        check_company=True,
        help="The decision that accepted the mandate (into a programme of "
        "mandates, for example).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _number_uniq = models.UniqueIndex(
        "(company_id, number) WHERE number IS NOT NULL",
        "Another voters' mandate already has this number.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("number", "name")
    def _compute_display_name(self):
        for mandate in self:
            mandate.display_name = " ".join(
                filter(None, [mandate.number, mandate.name])
            ) or self.env._("New mandate")

    # Two computes, not one: a value given for one of the fields computed by
    # a method keeps the method from computing the other one.
    @api.depends("candidate_id")
    def _compute_deputy_partner_id(self):
        for mandate in self.filtered("candidate_id"):
            mandate.deputy_partner_id = mandate.candidate_id.partner_id

    @api.depends("candidate_id")
    def _compute_district_id(self):
        for mandate in self.filtered("candidate_id"):
            mandate.district_id = mandate.candidate_id.district_id

    @api.depends("district_id", "author_partner_id")
    def _compute_municipality_id(self):
        for mandate in self:
            if mandate.district_id.municipality_id:
                mandate.municipality_id = mandate.district_id.municipality_id
            elif not mandate.municipality_id and mandate.author_partner_id:
                mandate.municipality_id = (
                    mandate.author_partner_id.sudo().vsms_municipality_id
                )

    @api.model
    def _overdue_domain(self):
        today = fields.Date.context_today(self)
        return [("state", "not in", CLOSED_STATES), ("deadline", "<", today)]

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for mandate in self:
            mandate.is_overdue = bool(
                mandate.state not in CLOSED_STATES
                and mandate.deadline
                and mandate.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain(self._overdue_domain())
        return overdue if (True in value) == (operator == "in") else ~overdue

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("signatures")
    def _check_signatures(self):
        for mandate in self:
            if mandate.signatures < 0:
                raise ValidationError(
                    self.env._(
                        "The number of signatures under «%(mandate)s» cannot be "
                        "negative (%(signatures)s).",
                        mandate=mandate.name,
                        signatures=mandate.signatures,
                    )
                )

    @api.constrains("author_partner_id", "author_name")
    def _check_author(self):
        for mandate in self:
            if (
                not mandate.author_partner_id
                and not (mandate.author_name or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Who gave the mandate «%(mandate)s»? Choose the author "
                        "among the contacts or write their name.",
                        mandate=mandate.name,
                    )
                )

    @api.constrains("state", "rejection_reason")
    def _check_rejection_reason(self):
        for mandate in self:
            if (
                mandate.state == "rejected"
                and not (mandate.rejection_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Write why the mandate %(mandate)s is rejected.",
                        mandate=mandate.display_name,
                    )
                )

    @api.constrains("state", "result")
    def _check_result(self):
        for mandate in self:
            if mandate.state == "done" and not (mandate.result or "").strip():
                raise ValidationError(
                    self.env._(
                        "Write the result of execution of the mandate %(mandate)s "
                        "before marking it done.",
                        mandate=mandate.display_name,
                    )
                )

    @api.constrains("date", "deadline")
    def _check_deadline(self):
        for mandate in self:
            if mandate.deadline and mandate.date and mandate.deadline < mandate.date:
                raise ValidationError(
                    self.env._(
                        "The deadline of the mandate «%(mandate)s» (%(deadline)s) "
                        "is before the mandate was given (%(date)s).",
                        mandate=mandate.name,
                        deadline=format_date(self.env, mandate.deadline),
                        date=format_date(self.env, mandate.date),
                    )
                )

    @api.constrains("candidate_id", "deputy_partner_id", "district_id")
    def _check_candidate(self):
        for mandate in self.filtered("candidate_id"):
            candidate = mandate.candidate_id
            if mandate.deputy_partner_id != candidate.partner_id:
                raise ValidationError(
                    self.env._(
                        "The mandate «%(mandate)s» is given to the candidate "
                        "%(candidate)s, not to %(deputy)s.",
                        mandate=mandate.name,
                        candidate=candidate.partner_id.name,
                        deputy=mandate.deputy_partner_id.name or "—",
                    )
                )
            if mandate.district_id != candidate.district_id:
                raise ValidationError(
                    self.env._(
                        "The candidate %(candidate)s runs in the district "
                        "%(candidate_district)s, not in %(district)s (mandate "
                        "«%(mandate)s»).",
                        candidate=candidate.partner_id.name,
                        candidate_district=candidate.district_id.display_name,
                        district=mandate.district_id.display_name or "—",
                        mandate=mandate.name,
                    )
                )

    @api.constrains("district_id", "municipality_id")
    def _check_district_municipality(self):
        for mandate in self:
            district_municipality = mandate.district_id.municipality_id
            if (
                district_municipality
                and mandate.municipality_id
                and mandate.municipality_id != district_municipality
            ):
                raise ValidationError(
                    self.env._(
                        "The district %(district)s lies in %(district_municipality)s, "
                        "not in %(municipality)s (mandate «%(mandate)s»).",
                        district=mandate.district_id.display_name,
                        district_municipality=district_municipality.display_name,
                        municipality=mandate.municipality_id.display_name,
                        mandate=mandate.name,
                    )
                )

    @api.constrains("user_id")
    def _check_user(self):
        for mandate in self.filtered("user_id"):
            if not mandate.user_id.has_group(USER_GROUP):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not on the ВСМС staff and cannot be "
                        "responsible for the mandate «%(mandate)s».",
                        user=mandate.user_id.name,
                        mandate=mandate.name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow buttons (the rules themselves are in create/write)
    # ------------------------------------------------------------------
    def action_accept(self):
        self.write({"state": "accepted"})
        return True

    def action_start(self):
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_reject(self):
        """Ask for the reason (the form shows it), then reject."""
        missing = self.filtered(lambda m: not (m.rejection_reason or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Write why the mandate %(mandate)s is rejected in «Rejection "
                    "Reason», then reject it.",
                    mandate=missing[0].display_name,
                )
            )
        self.write({"state": "rejected"})
        return True

    def action_reset_received(self):
        self.write({"state": "received"})
        return True

    def action_print_register(self):
        return self.env.ref("vsms_regional.vsms_mandate_report_register").report_action(
            self.sorted(lambda m: (m.date, m.number or "", m.id)), config=False
        )

    # ------------------------------------------------------------------
    # Rules: numbering, status moves, the deadline activity
    # ------------------------------------------------------------------
    # The number is given here and never written by a client: a change of
    # the number (or of the status outside the workflow) is refused for
    # create and write alike, over RPC too.  Renumbering on a change of year
    # is allowed by ``allowing((NUMBERING, id))`` (tools/guard.py), which no
    # client can set.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("number"):
                raise UserError(
                    self.env._(
                        "The number of a voters' mandate is given when it is "
                        "registered; it cannot be written («%(number)s»).",
                        number=vals["number"],
                    )
                )
            if vals.get("state", "received") != "received" or vals.get("date_done"):
                labels = dict(self._fields["state"]._description_selection(self.env))
                # a date of execution claims a fulfilled mandate
                state = vals.get("state") or "done"
                raise UserError(
                    self.env._(
                        "A new voters' mandate is registered as received, not "
                        "«%(state)s»; it then moves through its statuses "
                        "(«%(mandate)s»).",
                        state=labels.get(state, state),
                        mandate=vals.get("name") or "",
                    )
                )
        mandates = super().create(vals_list)
        for mandate in mandates:
            mandate._assign_number()
        mandates._sync_deadline_activity()
        return mandates

    def write(self, vals):
        if all(allowed((NUMBERING, mandate_id)) for mandate_id in self.ids):
            return super().write(vals)
        self._check_write(vals)
        vals = dict(vals)
        if vals.get("state") == "received":
            # taken up again: the old reason stays in the chatter only
            vals.setdefault("rejection_reason", False)
        if vals.get("state") == "done":
            vals.setdefault("date_done", fields.Date.context_today(self))
        years = (
            {mandate: mandate.date.year for mandate in self} if "date" in vals else {}
        )
        res = super().write(vals)
        for mandate, year in years.items():
            if mandate.date.year != year:
                mandate._assign_number()
        if {"state", "deadline", "user_id"} & vals.keys():
            self._sync_deadline_activity()
        return res

    def _check_write(self, vals):
        labels = None
        for mandate in self:
            if "number" in vals and (vals["number"] or False) != mandate.number:
                raise UserError(
                    self.env._(
                        "The number of the mandate %(mandate)s is given when it is "
                        "registered; it cannot be changed to «%(number)s».",
                        mandate=mandate.display_name,
                        number=vals["number"] or "",
                    )
                )
            if (
                "date_done" in vals
                and mandate.state != "done"
                and vals.get("state") != "done"
            ):
                raise UserError(
                    self.env._(
                        "The mandate %(mandate)s is not done: it has no date of "
                        "execution.",
                        mandate=mandate.display_name,
                    )
                )
            new = vals.get("state", mandate.state)
            if new != mandate.state and (mandate.state, new) not in MANDATE_TRANSITIONS:
                labels = labels or dict(
                    self._fields["state"]._description_selection(self.env)
                )
                raise UserError(
                    self.env._(
                        "The mandate %(mandate)s cannot go from «%(old)s» to "
                        "«%(new)s».",
                        mandate=mandate.display_name,
                        old=labels[mandate.state],
                        new=labels.get(new, new),
                    )
                )

    def _assign_number(self):
        """Number the mandate from the sequence of its date's year."""
        self.ensure_one()
        number = (
            self.env["ir.sequence"]
            .sudo()
            .with_company(self.company_id)
            .next_by_code(SEQUENCE_CODE, sequence_date=self.date)
        )
        if not number:
            raise UserError(
                self.env._(
                    "The numbering of voters' mandates (sequence «%(code)s») is "
                    "missing: ask an administrator to restore it.",
                    code=SEQUENCE_CODE,
                )
            )
        with allowing((NUMBERING, self.id)):
            self.write({"number": number})

    def _sync_deadline_activity(self):
        """One «carry out the mandate» activity for the responsible user by
        the deadline while the mandate is open; marked done when the mandate
        is done or rejected."""
        activity_type = self.env.ref(ACTIVITY_TYPE)
        for mandate in self:
            activities = mandate.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if mandate.state in CLOSED_STATES:
                if activities:
                    activities.action_feedback(
                        feedback=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[mandate.state]
                    )
            elif not (mandate.deadline and mandate.user_id):
                activities.unlink()
            elif activities:
                activities.write(
                    {
                        "user_id": mandate.user_id.id,
                        "date_deadline": mandate.deadline,
                    }
                )
            else:
                mandate.activity_schedule(
                    ACTIVITY_TYPE,
                    date_deadline=mandate.deadline,
                    summary=self.env._(
                        "Carry out the voters' mandate %(number)s",
                        number=mandate.number,
                    ),
                    note=mandate.name,
                    user_id=mandate.user_id.id,
                )
