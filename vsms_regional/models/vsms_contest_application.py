from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..const import USER_GROUP
from ..tools import guard
from .vsms_contest import RESULTS

APPLICATION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("admitted", "Admitted"),
    ("rejected", "Rejected"),
    ("withdrawn", "Withdrawn"),
]
APPLICATION_TRANSITIONS = {
    "draft": {"submitted", "withdrawn"},
    "submitted": {"admitted", "rejected", "withdrawn"},
    "admitted": {"submitted", "withdrawn"},
    "rejected": {"submitted"},
    "withdrawn": set(),
}
RESULT_SELECTION = [
    ("winner", "Winner"),
    ("prize", "Prize-winner"),
    ("participant", "Participant"),
]
# Written by the results computation only (tools/guard.py RESULTS).
RESULT_FIELDS = {
    "score",
    "score_ratio",
    "rank",
    "place",
    "result_tie",
    "result_override",
    "code",
    "is_fully_marked",
}
# Held while a button changes an application's status.
STATE_CHANGE = "vsms.contest.application.state_change"
ADULT_AGE = 18


class VsmsContestApplication(models.Model):
    _name = "vsms.contest.application"
    _description = "Contest Application"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "contest_id, nomination_id, rank, display_label, id"
    _rec_name = "display_label"
    _check_company_auto = True

    contest_id = fields.Many2one(
        "vsms.contest",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="contest_id.company_id", store=True, index=True, string="Company"
    )
    kind = fields.Selection(related="contest_id.kind", string="Kind")
    contest_state = fields.Selection(
        related="contest_id.state", string="Contest status"
    )
    nomination_id = fields.Many2one(
        "vsms.contest.nomination",
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('contest_id', '=', contest_id)]",
    )
    display_label = fields.Char(
        string="Application",
        compute="_compute_display_label",
        store=True,
        index="trigram",
        help="What the jurors see: the applicant's name, or the blind code of "
        "an olympiad work until the results are final.",
    )
    state = fields.Selection(
        APPLICATION_STATES,
        string="Status",
        required=True,
        default="submitted",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_submitted = fields.Datetime(
        string="Submitted on",
        default=fields.Datetime.now,
        index=True,
        tracking=True,
        copy=False,
        help="With the «earlier submission» tie-break, the earlier one ranks higher.",
    )
    rejection_reason = fields.Text(tracking=True, groups=USER_GROUP, copy=False)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vsms_contest_application_attachment_rel",
        "application_id",
        "attachment_id",
        string="Documents",
        help="The application form, the participant's passport, the report, "
        "reviews … or the olympiad work.",
    )
    # --- the applicant (ВСМС staff only: jurors see display_label) ---
    partner_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        groups=USER_GROUP,
    )
    applicant_name = fields.Char(
        string="Applicant's name (as written)",
        groups=USER_GROUP,
        help="When no contact is chosen, the applicant is matched in the contact "
        "base by name and municipality or e-mail, or created.",
    )
    applicant_email = fields.Char(string="Applicant's e-mail", groups=USER_GROUP)
    applicant_phone = fields.Char(string="Applicant's phone", groups=USER_GROUP)
    birthdate = fields.Date(
        related="partner_id.birthdate_date",
        readonly=False,
        string="Birth date",
        groups=USER_GROUP,
    )
    is_minor = fields.Boolean(
        string="Under 18", compute="_compute_is_minor", groups=USER_GROUP
    )
    guardian_consent_id = fields.Many2one(
        "vsms.consent",
        string="Guardian's consent",
        compute="_compute_guardian_consent_id",
        groups=USER_GROUP,
        help="The processing consent in force given for the minor by a parent "
        "or guardian.",
    )
    organization = fields.Char(
        string="Organisation (as written)",
        tracking=True,
        groups=USER_GROUP,
        help="The ТОС, the house council or the school, as written.",
    )
    organization_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        tracking=True,
        groups=USER_GROUP,
    )
    municipality_id = fields.Many2one(
        "vsms.municipality",
        index=True,
        ondelete="restrict",
        tracking=True,
        groups=USER_GROUP,
    )
    school_id = fields.Many2one(
        "res.partner",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        tracking=True,
        groups=USER_GROUP,
    )
    grade = fields.Integer(tracking=True, groups=USER_GROUP, help="Olympiad: 1–11.")
    teacher = fields.Char(
        tracking=True,
        groups=USER_GROUP,
        help="Olympiad: the teacher who prepared them.",
    )
    # --- marks and results ---
    code = fields.Char(
        readonly=True,
        index=True,
        copy=False,
        help="Given at admission, random and unique within the contest "
        "(ОЛ-21-047): olympiad works are marked under it.",
    )
    score_ids = fields.One2many("vsms.contest.score", "application_id", string="Marks")
    my_score_ids = fields.One2many(
        "vsms.contest.score",
        "application_id",
        string="My marks",
        domain=lambda self: [("juror_user_id", "=", self.env.uid)],
    )
    appeal_ids = fields.One2many(
        "vsms.contest.appeal", "application_id", string="Appeals"
    )
    conflict_juror_ids = fields.Many2many(
        "vsms.contest.juror",
        "vsms_contest_juror_conflict_rel",
        "application_id",
        "juror_id",
        string="Jurors with a conflict",
        groups=USER_GROUP,
    )
    score = fields.Float(
        readonly=True,
        digits=(16, 2),
        copy=False,
        aggregator="avg",
        help="Σ over criteria of weight × mean of the marks of the jurors "
        "without a conflict.",
    )
    score_ratio = fields.Float(
        string="Share of maximum", readonly=True, copy=False, aggregator="avg"
    )
    rank = fields.Integer(readonly=True, copy=False, index=True, aggregator=False)
    place = fields.Integer(
        readonly=True,
        copy=False,
        index=True,
        aggregator=False,
        help="The rank when within the prize places, otherwise 0 (olympiad: "
        "the rank of winners and prize-winners).",
    )
    result = fields.Selection(
        RESULT_SELECTION,
        readonly=True,
        copy=False,
        index=True,
        help="Olympiad: winner, prize-winner or participant.",
    )
    result_tie = fields.Boolean(
        string="Tie at the quota's edge",
        readonly=True,
        copy=False,
        help="Equal scores only partly within the quota of winners and "
        "prize-winners: the jury sets the result by hand.",
    )
    result_override = fields.Selection(
        RESULT_SELECTION,
        string="Result set by the jury",
        readonly=True,
        copy=False,
    )
    is_fully_marked = fields.Boolean(
        string="Fully marked",
        compute="_compute_is_fully_marked",
        store=True,
        index=True,
    )
    contest_my_progress_text = fields.Char(
        related="contest_id.my_progress_text", string="My progress"
    )
    my_mark_done = fields.Integer(string="Marked by me", compute="_compute_my_progress")
    my_mark_total = fields.Integer(string="To mark", compute="_compute_my_progress")
    my_marked = fields.Boolean(
        string="Marked by me (all)",
        compute="_compute_my_progress",
        search="_search_my_marked",
    )
    has_upheld_appeal = fields.Boolean(
        compute="_compute_has_upheld_appeal",
        help="An upheld appeal lets the jury change the marks after the "
        "preliminary results.",
    )

    _person_nomination_uniq = models.UniqueIndex(
        "(contest_id, partner_id, COALESCE(nomination_id, 0)) "
        "WHERE state != 'withdrawn'",
        "A person applies once per nomination.",
    )
    _contest_code_uniq = models.UniqueIndex(
        "(contest_id, code) WHERE code IS NOT NULL",
        "A code is unique within a contest.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "partner_id.name",
        "code",
        "contest_id.kind",
        "contest_id.state",
        "applicant_name",
    )
    def _compute_display_label(self):
        for application in self:
            # sudo: what the jurors may see, computed from what they may not
            app = application.sudo()
            name = app.partner_id.name or app.applicant_name or ""
            if app.contest_id.kind == "olympiad" and app.contest_id.state != "done":
                # stored: no translated text (the code comes at admission)
                application.display_label = app.code or "—"
            else:
                application.display_label = name

    @api.depends("display_label", "code")
    @api.depends_context("uid")
    def _compute_display_name(self):
        staff = self.env.su or self.env.user.has_group(USER_GROUP)
        for application in self:
            label = application.display_label or ""
            if staff and application.kind == "olympiad":
                name = application.sudo().partner_id.name or ""
                label = " ".join(part for part in (application.code, name) if part)
            application.display_name = label

    @api.depends("birthdate")
    @api.depends_context("date")
    def _compute_is_minor(self):
        today = fields.Date.context_today(self)
        for application in self:
            born = application.birthdate
            application.is_minor = bool(
                born and relativedelta(today, born).years < ADULT_AGE
            )

    @api.depends("partner_id")
    def _compute_guardian_consent_id(self):
        Consent = self.env["vsms.consent"].sudo()
        consents = Consent.search(
            Domain("partner_id", "in", self.sudo().partner_id.ids)
            & Consent._active_domain("processing")
            & Domain("guardian_partner_id", "!=", False)
        )
        for application in self:
            application.guardian_consent_id = consents.filtered(
                lambda c, app=application: c.partner_id == app.sudo().partner_id
            )[:1]

    @api.depends("score_ids.is_marked")
    def _compute_is_fully_marked(self):
        for application in self:
            lines = application.sudo().score_ids
            application.is_fully_marked = bool(lines) and all(lines.mapped("is_marked"))

    @api.depends_context("uid")
    def _compute_my_progress(self):
        groups = self.env["vsms.contest.score"]._read_group(
            [
                ("application_id", "in", self.ids),
                ("juror_user_id", "=", self.env.uid),
            ],
            ["application_id", "is_marked"],
            ["__count"],
        )
        done, total = {}, {}
        for application, is_marked, count in groups:
            total[application] = total.get(application, 0) + count
            if is_marked:
                done[application] = count
        for application in self:
            origin = application._origin
            application.my_mark_done = done.get(origin, 0)
            application.my_mark_total = total.get(origin, 0)
            application.my_marked = application.my_mark_total == (
                application.my_mark_done
            )

    def _search_my_marked(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        unmarked = Domain(
            "score_ids",
            "any",
            [("juror_user_id", "=", self.env.uid), ("is_marked", "=", False)],
        )
        mine = Domain("score_ids.juror_user_id", "=", self.env.uid)
        if (True in value) == (operator == "in"):
            return mine & ~unmarked
        return unmarked

    @api.depends("appeal_ids.state")
    def _compute_has_upheld_appeal(self):
        for application in self:
            application.has_upheld_appeal = any(
                state == "upheld"
                for state in application.sudo().appeal_ids.mapped("state")
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("contest_id", "nomination_id", "partner_id", "state")
    def _check_one_per_nomination(self):
        for application in self.sudo():
            if application.state == "withdrawn":
                continue
            if application.nomination_id.contest_id not in (
                application.contest_id,
                self.env["vsms.contest"],
            ):
                raise ValidationError(
                    self.env._(
                        "«%(nomination)s» is a nomination of another contest.",
                        nomination=application.nomination_id.name,
                    )
                )
            if (
                not application.nomination_id
                and application.contest_id.kind == "contest"
                and application.contest_id.nomination_ids
            ):
                raise ValidationError(
                    self.env._(
                        "The application of %(person)s to «%(contest)s» needs a "
                        "nomination.",
                        person=application.partner_id.name,
                        contest=application.contest_id.name,
                    )
                )
            application._vsms_check_no_twin(
                application.contest_id.id,
                application.partner_id.id,
                application.nomination_id.id,
                application.id,
            )

    @api.model
    def _vsms_check_no_twin(self, contest_id, partner_id, nomination_id, own_id=0):
        """One application per person per nomination (withdrawn ones aside)."""
        twin = self.sudo().search(
            [
                ("id", "!=", own_id),
                ("contest_id", "=", contest_id),
                ("partner_id", "=", partner_id),
                ("nomination_id", "=", nomination_id or False),
                ("state", "!=", "withdrawn"),
            ],
            limit=1,
        )
        if twin:
            raise ValidationError(
                self.env._(
                    "%(person)s has already applied to «%(contest)s» in the "
                    "nomination «%(nomination)s».",
                    person=twin.partner_id.name,
                    contest=twin.contest_id.name,
                    nomination=twin.nomination_id.name or self.env._("(none)"),
                )
            )

    @api.constrains("grade")
    def _check_grade(self):
        for application in self.sudo():
            if application.grade and not 1 <= application.grade <= 11:
                raise ValidationError(
                    self.env._(
                        "%(person)s: the grade must lie between 1 and 11 (%(grade)s).",
                        person=application.partner_id.name,
                        grade=application.grade,
                    )
                )

    @api.constrains("state", "rejection_reason")
    def _check_rejection_reason(self):
        for application in self.sudo():
            if (
                application.state == "rejected"
                and not (application.rejection_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "The rejection of the application of %(person)s needs a "
                        "reason.",
                        person=application.partner_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        for vals in vals_list:
            if vals.get("state", "submitted") not in ("draft", "submitted"):
                raise UserError(
                    self.env._(
                        "A new application is a draft or submitted; staff admit "
                        "or reject it afterwards."
                    )
                )
            if RESULT_FIELDS & set(vals) and not guard.allowed(RESULTS):
                raise UserError(
                    self.env._("Scores, ranks, places and codes are computed.")
                )
            contest = self.env["vsms.contest"].browse(vals.get("contest_id"))
            when = fields.Datetime.to_datetime(vals.get("date_submitted")) or (
                fields.Datetime.now()
            )
            contest._vsms_check_accepting(
                fields.Date.context_today(self, when), vals.get("applicant_name")
            )
            if not vals.get("partner_id"):
                vals["partner_id"] = self._vsms_match_applicant(vals).id
            self._vsms_check_no_twin(
                contest.id, vals["partner_id"], vals.get("nomination_id")
            )
        return super().create(vals_list)

    @api.model
    def _vsms_match_applicant(self, vals):
        """The contact of the applicant described in ``vals``: a contact the
        duplicate rules of the contact base find (same name and municipality,
        or same e-mail), else a new one."""
        name = (vals.get("applicant_name") or "").strip()
        if not name:
            raise ValidationError(
                self.env._("An application needs an applicant: a contact or a name.")
            )
        Partner = self.env["res.partner"]
        probe = Partner.new(
            {
                "name": name,
                "email": vals.get("applicant_email") or False,
                "vsms_municipality_id": vals.get("municipality_id") or False,
            }
        )
        found = Partner.search(probe._vsms_duplicate_domain(), order="id", limit=1)
        if found:
            if vals.get("birthdate") and not found.birthdate_date:
                found.birthdate_date = vals["birthdate"]
            return found
        return Partner.create(
            {
                "name": name,
                "email": vals.get("applicant_email") or False,
                "phone": vals.get("applicant_phone") or False,
                "vsms_municipality_id": vals.get("municipality_id") or False,
                "birthdate_date": vals.get("birthdate") or False,
            }
        )

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            self._check_jury_write(vals)
        if "state" in vals and not guard.allowed(STATE_CHANGE):
            raise UserError(
                self.env._(
                    "The status of an application changes only through its "
                    "buttons (submit, admit, reject, withdraw)."
                )
            )
        if "state" in vals:
            self._check_transition(vals["state"])
        if RESULT_FIELDS & set(vals) and not guard.allowed(RESULTS):
            raise UserError(
                self.env._(
                    "Scores, ranks, places and codes are computed: %(fields)s "
                    "cannot be written.",
                    fields=", ".join(sorted(RESULT_FIELDS & set(vals))),
                )
            )
        if "result" in vals and not guard.allowed(RESULTS):
            return self._vsms_set_result_by_hand(vals)
        if {"contest_id", "nomination_id"} & set(vals):
            for application in self.filtered(
                lambda a: a.contest_id.state in ("judging", "done")
            ):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is being judged: the application "
                        "«%(application)s» cannot move to another contest or "
                        "nomination.",
                        contest=application.contest_id.name,
                        application=application.display_name,
                    )
                )
        return super().write(vals)

    def _check_jury_write(self, vals):
        """A juror who is not staff only marks (updates of their own lines
        through ``my_score_ids``; the marks' own rules apply) and, as the
        chair, sets the result of an edge tie."""
        if set(vals) - {"result", "my_score_ids"}:
            raise AccessError(
                self.env._("Jurors cannot change applications, only mark them.")
            )
        for command in vals.get("my_score_ids") or []:
            if (
                not isinstance(command, (list, tuple))
                or command[0] not in (fields.Command.UPDATE, fields.Command.LINK)
                or (
                    command[0] == fields.Command.UPDATE
                    and set(command[2] or {}) - {"value", "comment", "is_marked"}
                )
            ):
                raise AccessError(
                    self.env._(
                        "Jurors only give or change their own marks and comments."
                    )
                )

    def _vsms_set_result_by_hand(self, vals):
        """The jury sets the result of the participants tied at the quota's
        edge (olympiad), while judging; staff or the chair only."""
        if set(vals) - {"result"}:
            raise UserError(
                self.env._("Set the result by hand on its own, without other changes.")
            )
        staff = self.env.su or self.env.user.has_group(USER_GROUP)
        for application in self.sudo():
            if not application.result_tie or application.contest_id.state != "judging":
                raise UserError(
                    self.env._(
                        "The result of «%(application)s» is computed: only ties "
                        "at the quota's edge are decided by hand, while judging.",
                        application=application.display_label,
                    )
                )
            chair = application.contest_id.juror_ids.filtered(
                lambda j: j.role == "chair"
            )
            if not staff and chair.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the chair of the jury or staff decide the result of "
                        "«%(application)s».",
                        application=application.display_label,
                    )
                )
        with guard.allowing(RESULTS):
            for application in self.sudo():
                application.write(
                    {
                        "result": vals["result"],
                        "result_override": vals["result"],
                        "place": application.rank
                        if vals["result"] in ("winner", "prize")
                        else 0,
                    }
                )
        return True

    def _check_transition(self, new_state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for application in self:
            if new_state not in APPLICATION_TRANSITIONS[application.state]:
                raise UserError(
                    self.env._(
                        "The application «%(application)s» cannot go from "
                        "«%(old)s» to «%(new)s».",
                        application=application.display_name,
                        old=labels[application.state],
                        new=labels[new_state],
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unjudged(self):
        for application in self:
            if application.contest_id.state in ("judging", "done"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is being judged or final: withdraw the "
                        "application «%(application)s» instead of deleting it.",
                        contest=application.contest_id.name,
                        application=application.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _set_state(self, state, extra=None):
        with guard.allowing(STATE_CHANGE):
            self.write({"state": state, **(extra or {})})
        return True

    def action_submit(self):
        """Submit a draft (the contest accepts applications)."""
        now = fields.Datetime.now()
        for application in self:
            application.contest_id._vsms_check_accepting(
                fields.Date.context_today(self, now), application.display_name
            )
        return self._set_state("submitted", {"date_submitted": now})

    def action_admit(self):
        """Admit submitted applications (staff, while applications are open);
        a minor needs a guardian's consent; an admitted application gets its
        random code."""
        for application in self:
            if application.contest_id.state != "open":
                raise UserError(
                    self.env._(
                        "«%(contest)s» does not accept applications: "
                        "«%(application)s» cannot be admitted now.",
                        contest=application.contest_id.name,
                        application=application.display_name,
                    )
                )
            application._vsms_check_participant()
        self._set_state("admitted")
        self._vsms_assign_codes()
        return True

    def _vsms_check_participant(self):
        self.ensure_one()
        person = self.partner_id.name
        if self.kind == "olympiad":
            missing = []
            if not self.birthdate:
                missing.append(self._fields["birthdate"]._description_string(self.env))
            if not self.grade:
                missing.append(self._fields["grade"]._description_string(self.env))
            if not self.school_id:
                missing.append(self._fields["school_id"]._description_string(self.env))
            if missing:
                raise UserError(
                    self.env._(
                        "%(person)s cannot be admitted to the olympiad: fill in "
                        "%(fields)s.",
                        person=person,
                        fields=", ".join(missing),
                    )
                )
        if self.is_minor and not self.guardian_consent_id:
            raise UserError(
                self.env._(
                    "%(person)s is under 18 (born %(date)s): record the consent to "
                    "the processing of personal data given by a parent or guardian "
                    "before admitting them.",
                    person=person,
                    date=format_date(self.env, self.birthdate),
                )
            )

    def _vsms_assign_codes(self):
        for contest in self.contest_id:
            uncoded = self.filtered(
                lambda a, c=contest: a.contest_id == c and not a.code
            )
            codes = contest._vsms_new_codes(len(uncoded))
            with guard.allowing(RESULTS):
                for application, code in zip(uncoded, codes, strict=True):
                    application.write({"code": code})

    def action_reject(self, reason=None):
        """Reject submitted or admitted applications; the reason is required
        (given here or already written on the application)."""
        extra = {"rejection_reason": reason} if reason else {}
        for application in self:
            if application.contest_id.state not in ("open", "judging") or (
                application.contest_id.state == "judging"
                and application.state == "admitted"
            ):
                raise UserError(
                    self.env._(
                        "«%(application)s» can be rejected only while "
                        "applications are open.",
                        application=application.display_name,
                    )
                )
            if application.state == "admitted":
                application._set_state("submitted")
        return self._set_state("rejected", extra)

    def action_withdraw(self):
        """The applicant withdraws (before judging)."""
        for application in self:
            if application.contest_id.state not in ("draft", "open"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is being judged or closed: "
                        "«%(application)s» cannot be withdrawn now.",
                        contest=application.contest_id.name,
                        application=application.display_name,
                    )
                )
            if application.state == "admitted":
                application._set_state("submitted")
        return self._set_state("withdrawn")

    def action_reconsider(self):
        """A rejected or admitted application goes back to submitted (while
        applications are open)."""
        for application in self:
            if application.contest_id.state != "open":
                raise UserError(
                    self.env._(
                        "«%(contest)s» does not accept applications.",
                        contest=application.contest_id.name,
                    )
                )
        return self._set_state("submitted")

    def action_declare_conflict(self):
        """The current user declares a conflict of interest with these
        applications (as a juror of their contest): their unmarked lines go
        away and they no longer see the applications."""
        for application in self:
            juror = application.contest_id.juror_ids.filtered(
                lambda j: j.user_id == self.env.user
            )
            if not juror:
                raise UserError(
                    self.env._(
                        "You do not sit on the jury of «%(contest)s».",
                        contest=application.contest_id.name,
                    )
                )
            juror.write(
                {"conflict_application_ids": [fields.Command.link(application.id)]}
            )
        return self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_contest_application_action_my_marks"
        )

    def action_invite_to_vsms(self):
        """Open admission leads for these applicants (prize-winners)."""
        return self.partner_id.action_vsms_create_admission_leads()
