import random

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round, format_date

from ..const import USER_GROUP
from ..tools import contest_scoring, guard

CONTEST_STATES = [
    ("draft", "Draft"),
    ("open", "Applications open"),
    ("judging", "Judging"),
    ("done", "Results final"),
    ("cancelled", "Cancelled"),
]
# Allowed moves of a contest's status (only through the buttons).
CONTEST_TRANSITIONS = {
    "draft": {"open", "cancelled"},
    "open": {"draft", "judging", "cancelled"},
    "judging": {"done", "cancelled"},
    "done": set(),
    "cancelled": {"draft"},
}
# Held (tools/guard.py) while a button changes the status of a contest.
STATE_CHANGE = "vsms.contest.state_change"
# Held while the results (score, rank, place, result, code) are written.
RESULTS = "vsms.contest.results"
# A refusal lists at most this many missing marks, then says how many more.
MISSING_LIST_LIMIT = 20


class VsmsContest(models.Model):
    _name = "vsms.contest"
    _description = "Contest"
    _inherit = ["mail.thread", "mail.activity.mixin", "vsms.plan.realization.mixin"]
    _order = "date_open desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("contest", "Contest"), ("olympiad", "Olympiad")],
        required=True,
        default="contest",
        index=True,
        tracking=True,
        help="An olympiad's participants are pupils (school, grade), its works "
        "are marked blind and its results are winners and prize-winners.",
    )
    state = fields.Selection(
        CONTEST_STATES,
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_open = fields.Date(
        string="Applications from", index=True, tracking=True, copy=False
    )
    date_close = fields.Date(string="Applications until", tracking=True, copy=False)
    date_results = fields.Date(
        string="Results date", index=True, tracking=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    description = fields.Html()
    regulations_file = fields.Binary(
        string="Regulations", attachment=True, groups=USER_GROUP, copy=False
    )
    regulations_filename = fields.Char(groups=USER_GROUP, copy=False)
    nomination_ids = fields.One2many(
        "vsms.contest.nomination", "contest_id", string="Nominations", copy=True
    )
    criterion_ids = fields.One2many(
        "vsms.contest.criterion", "contest_id", string="Criteria", copy=True
    )
    juror_ids = fields.One2many("vsms.contest.juror", "contest_id", string="Jury")
    application_ids = fields.One2many(
        "vsms.contest.application", "contest_id", string="Applications"
    )
    appeal_ids = fields.One2many("vsms.contest.appeal", "contest_id", string="Appeals")
    prize_places = fields.Integer(
        default=3,
        tracking=True,
        help="Ranks that get a place (1, 1, 3 with three places gives places "
        "1, 1 and 3). The default of new nominations.",
    )
    tie_break = fields.Selection(
        [
            ("shared", "Equal scores share the rank"),
            ("earlier", "Earlier submission ranks higher"),
            ("chair", "The chair's marks decide"),
        ],
        string="Tie-break",
        required=True,
        default="shared",
        tracking=True,
    )
    rank_by_grade = fields.Boolean(
        string="Rank by grade",
        default=True,
        help="Olympiad: rank each grade separately (otherwise all together).",
    )
    winner_min_ratio = fields.Float(
        string="Winner minimum (share of maximum)",
        default=0.5,
        digits=(3, 2),
        help="Olympiad: winners and prize-winners score at least this share of "
        "the maximum possible score.",
    )
    prize_quota_ratio = fields.Float(
        string="Quota of winners and prize-winners",
        default=0.3,
        digits=(3, 2),
        help="Olympiad: winners and prize-winners together are at most this "
        "share of the group's participants (rounded down).",
    )
    results_published = fields.Boolean(
        string="Preliminary results published",
        readonly=True,
        copy=False,
        tracking=True,
        help="Once the preliminary results are published, marks change only "
        "after an upheld appeal.",
    )
    max_score = fields.Float(
        string="Maximum possible score",
        compute="_compute_max_score",
        store=True,
        help="Σ weight × maximum score of the criteria.",
    )
    application_count = fields.Integer(compute="_compute_counts")
    admitted_count = fields.Integer(string="Admitted", compute="_compute_counts")
    juror_count = fields.Integer(compute="_compute_counts")
    open_appeal_count = fields.Integer(string="Open appeals", compute="_compute_counts")
    my_juror_id = fields.Many2one(
        "vsms.contest.juror",
        string="My seat on the jury",
        compute="_compute_my_juror_id",
    )
    my_mark_done = fields.Integer(string="Marked by me", compute="_compute_my_progress")
    my_mark_total = fields.Integer(string="To mark", compute="_compute_my_progress")
    my_progress_text = fields.Char(string="Progress", compute="_compute_my_progress")
    mark_done = fields.Integer(
        string="Marks given", compute="_compute_mark_progress", groups=USER_GROUP
    )
    mark_total = fields.Integer(
        string="Marks expected", compute="_compute_mark_progress", groups=USER_GROUP
    )

    _prize_places_positive = models.Constraint(
        "CHECK(prize_places >= 1)",
        "A contest has at least one prize place.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("criterion_ids.weight", "criterion_ids.max_score")
    def _compute_max_score(self):
        for contest in self:
            contest.max_score = contest_scoring.max_possible(
                {c.id: (c.weight, c.max_score) for c in contest.criterion_ids}
            )

    @api.depends("application_ids.state", "juror_ids", "appeal_ids.state")
    def _compute_counts(self):
        Application = self.env["vsms.contest.application"]
        domain = [("contest_id", "in", self.ids)]
        apps = Application._read_group(domain, ["contest_id", "state"], ["__count"])
        total, admitted = {}, {}
        for contest, state, count in apps:
            total[contest] = total.get(contest, 0) + count
            if state == "admitted":
                admitted[contest] = count
        jurors = dict(
            self.env["vsms.contest.juror"]._read_group(
                domain, ["contest_id"], ["__count"]
            )
        )
        appeals = dict(
            self.env["vsms.contest.appeal"]._read_group(
                [*domain, ("state", "=", "open")], ["contest_id"], ["__count"]
            )
        )
        for contest in self:
            origin = contest._origin
            contest.application_count = total.get(origin, 0)
            contest.admitted_count = admitted.get(origin, 0)
            contest.juror_count = jurors.get(origin, 0)
            contest.open_appeal_count = appeals.get(origin, 0)

    @api.depends("juror_ids.user_id")
    @api.depends_context("uid")
    def _compute_my_juror_id(self):
        for contest in self:
            contest.my_juror_id = contest.juror_ids.filtered(
                lambda juror: juror.user_id == self.env.user
            )[:1]

    @api.depends_context("uid", "lang")
    def _compute_my_progress(self):
        groups = self.env["vsms.contest.score"]._read_group(
            [
                ("contest_id", "in", self.ids),
                ("juror_user_id", "=", self.env.uid),
            ],
            ["contest_id", "is_marked"],
            ["__count"],
        )
        done, total = {}, {}
        for contest, is_marked, count in groups:
            total[contest] = total.get(contest, 0) + count
            if is_marked:
                done[contest] = count
        for contest in self:
            origin = contest._origin
            contest.my_mark_done = done.get(origin, 0)
            contest.my_mark_total = total.get(origin, 0)
            contest.my_progress_text = self.env._(
                "%(done)s of %(total)s marked",
                done=contest.my_mark_done,
                total=contest.my_mark_total,
            )

    def _compute_mark_progress(self):
        groups = (
            self.env["vsms.contest.score"]
            .sudo()
            ._read_group(
                [("contest_id", "in", self.ids)],
                ["contest_id", "is_marked"],
                ["__count"],
            )
        )
        done, total = {}, {}
        for contest, is_marked, count in groups:
            total[contest.id] = total.get(contest.id, 0) + count
            if is_marked:
                done[contest.id] = count
        for contest in self:
            contest.mark_done = done.get(contest._origin.id, 0)
            contest.mark_total = total.get(contest._origin.id, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date_open", "date_close", "date_results")
    def _check_dates(self):
        for contest in self:
            if (
                contest.date_open
                and contest.date_close
                and contest.date_close < contest.date_open
            ):
                raise ValidationError(
                    self.env._(
                        "«%(contest)s»: applications cannot close (%(close)s) "
                        "before they open (%(open)s).",
                        contest=contest.name,
                        close=format_date(self.env, contest.date_close),
                        open=format_date(self.env, contest.date_open),
                    )
                )
            if (
                contest.date_close
                and contest.date_results
                and contest.date_results < contest.date_close
            ):
                raise ValidationError(
                    self.env._(
                        "«%(contest)s»: the results (%(results)s) cannot come "
                        "before applications close (%(close)s).",
                        contest=contest.name,
                        results=format_date(self.env, contest.date_results),
                        close=format_date(self.env, contest.date_close),
                    )
                )

    @api.constrains("winner_min_ratio", "prize_quota_ratio")
    def _check_ratios(self):
        for contest in self:
            for ratio in (contest.winner_min_ratio, contest.prize_quota_ratio):
                if not 0 <= ratio <= 1:
                    raise ValidationError(
                        self.env._(
                            "«%(contest)s»: a share must lie between 0 and 1 "
                            "(%(value)s).",
                            contest=contest.name,
                            value=ratio,
                        )
                    )

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id", "date_results")
    def _check_vsms_occurrence(self):
        self.sudo()._vsms_check_occurrence()

    def _vsms_start_day(self):
        self.ensure_one()
        return self.date_results or self.date_close or self.date_open

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "draft") != "draft":
                raise UserError(self.env._("A new contest starts as a draft."))
            if vals.get("results_published"):
                raise UserError(self.env._("A new contest has no results to publish."))
            self._vsms_default_occurrence(vals)
        return super().create(vals_list)

    @api.model
    def _vsms_default_occurrence(self, vals):
        """An item held once (the 2021 contests): its only occurrence."""
        if vals.get("vsms_plan_item_id") and "vsms_occurrence_id" not in vals:
            item = self.env["vsms.plan.item"].browse(vals["vsms_plan_item_id"])
            occurrences = item.sudo().occurrence_ids
            if len(occurrences) == 1:
                vals["vsms_occurrence_id"] = occurrences.id

    def write(self, vals):
        if ("state" in vals or "results_published" in vals) and not guard.allowed(
            STATE_CHANGE
        ):
            raise UserError(
                self.env._(
                    "The status of a contest changes only through its buttons "
                    "(open applications, start judging, publish, final results)."
                )
            )
        if "state" in vals:
            self._check_transition(vals["state"])
        self._check_locked(vals)
        vals = dict(vals)
        self._vsms_default_occurrence(vals)
        res = super().write(vals)
        rules = {"tie_break", "rank_by_grade", "winner_min_ratio", "prize_quota_ratio"}
        if rules & set(vals) or "prize_places" in vals:
            judging = self.filtered(lambda c: c.state == "judging")
            if rules & set(vals):
                # the ties the jury decided were ties under the old rules
                with guard.allowing(RESULTS):
                    judging.sudo().application_ids.filtered("result_override").write(
                        {"result_override": False}
                    )
            judging._vsms_compute_results()
        return res

    def _check_transition(self, new_state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for contest in self:
            if new_state not in CONTEST_TRANSITIONS[contest.state]:
                raise UserError(
                    self.env._(
                        "«%(contest)s» cannot go from «%(old)s» to «%(new)s».",
                        contest=contest.name,
                        old=labels[contest.state],
                        new=labels[new_state],
                    )
                )

    def _check_locked(self, vals):
        """Once judging has started, what the marks mean stays as it is."""
        locked = {"kind", "rank_by_grade", "winner_min_ratio", "prize_quota_ratio"}
        locked |= {"tie_break", "prize_places"}
        changed = locked & set(vals)
        if not changed or guard.allowed(STATE_CHANGE):
            return
        for contest in self.filtered(lambda c: c.state in ("done", "cancelled")):
            raise UserError(
                self.env._(
                    "The results of «%(contest)s» are final: its rules "
                    "(%(fields)s) cannot change.",
                    contest=contest.name,
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(changed)
                    ),
                )
            )
        if "kind" in vals:
            for contest in self.filtered(lambda c: c.state != "draft"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is no longer a draft: whether it is a "
                        "contest or an olympiad cannot change.",
                        contest=contest.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for contest in self:
            if contest.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» has started: cancel it instead of deleting it.",
                        contest=contest.name,
                    )
                )

    def _vsms_check_accepting(self, day, label=None):
        """Refuse an application on ``day`` unless the contest is open and
        ``day`` lies within the application period."""
        if not self:
            raise ValidationError(self.env._("An application needs a contest."))
        self.ensure_one()
        label = label or self.env._("the application")
        if self.state != "open":
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "«%(contest)s» does not accept applications (status "
                    "«%(state)s»): %(application)s refused.",
                    contest=self.name,
                    state=labels[self.state],
                    application=label,
                )
            )
        if (self.date_open and day < self.date_open) or (
            self.date_close and day > self.date_close
        ):
            raise UserError(
                self.env._(
                    "«%(contest)s» accepts applications from %(open)s to "
                    "%(close)s: %(application)s of %(day)s refused.",
                    contest=self.name,
                    open=format_date(self.env, self.date_open) or "…",
                    close=format_date(self.env, self.date_close) or "…",
                    application=label,
                    day=format_date(self.env, day),
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _set_state(self, state, extra=None):
        with guard.allowing(STATE_CHANGE):
            self.write({"state": state, **(extra or {})})
        return True

    def action_open(self):
        """Accept applications (draft → open)."""
        self.check_access("write")
        for contest in self:
            if not contest.nomination_ids and contest.kind == "contest":
                raise UserError(
                    self.env._(
                        "«%(contest)s» has no nominations: add them before "
                        "accepting applications.",
                        contest=contest.name,
                    )
                )
        return self._set_state("open")

    def action_draft(self):
        """Back to draft (open or cancelled → draft)."""
        self.check_access("write")
        return self._set_state("draft")

    def action_cancel(self):
        self.check_access("write")
        return self._set_state("cancelled")

    def action_start_judging(self):
        """Close the applications and create the jurors' score sheets: one
        line per marking juror × admitted application without a conflict ×
        criterion (open → judging)."""
        self.check_access("write")
        for contest in self:
            problems = []
            if not contest.criterion_ids:
                problems.append(self.env._("no criteria"))
            if not contest.juror_ids.filtered("is_marking"):
                problems.append(self.env._("no juror who marks"))
            if not contest.application_ids.filtered(lambda a: a.state == "admitted"):
                problems.append(self.env._("no admitted application"))
            pending = contest.application_ids.filtered(lambda a: a.state == "submitted")
            if pending:
                problems.append(
                    self.env._(
                        "%(count)s submitted applications neither admitted nor "
                        "rejected",
                        count=len(pending),
                    )
                )
            if problems:
                raise UserError(
                    self.env._(
                        "«%(contest)s» cannot start judging: %(problems)s.",
                        contest=contest.name,
                        problems="; ".join(problems),
                    )
                )
        self._set_state("judging")
        self._vsms_create_score_lines()
        self._vsms_compute_results()
        return True

    def _vsms_create_score_lines(self):
        """The missing score lines of the marking jurors (none for conflicts)."""
        Score = self.env["vsms.contest.score"].sudo()
        existing = set()
        for app_id, juror_id, crit_id in Score.search_fetch(
            [("contest_id", "in", self.ids)],
            ["application_id", "juror_id", "criterion_id"],
        ).mapped(lambda s: (s.application_id.id, s.juror_id.id, s.criterion_id.id)):
            existing.add((app_id, juror_id, crit_id))
        vals_list = []
        for contest in self.sudo():
            applications = contest.application_ids.filtered(
                lambda a: a.state == "admitted"
            )
            for juror in contest.juror_ids.filtered("is_marking"):
                for application in applications - juror.conflict_application_ids:
                    for criterion in contest.criterion_ids:
                        key = (application.id, juror.id, criterion.id)
                        if key not in existing:
                            vals_list.append(
                                {
                                    "application_id": application.id,
                                    "juror_id": juror.id,
                                    "criterion_id": criterion.id,
                                }
                            )
        with guard.allowing(RESULTS):
            Score.create(vals_list)

    def _vsms_missing_marks(self):
        """``[(juror, application, criterion)]`` of the marks still missing:
        every admitted application needs a mark of every criterion from
        every marking juror without a conflict."""
        self.ensure_one()
        contest = self.sudo()
        marked = {
            (s.application_id.id, s.juror_id.id, s.criterion_id.id)
            for s in self.env["vsms.contest.score"]
            .sudo()
            .search_fetch(
                [("contest_id", "=", contest.id), ("is_marked", "=", True)],
                ["application_id", "juror_id", "criterion_id"],
            )
        }
        missing = []
        applications = contest.application_ids.filtered(lambda a: a.state == "admitted")
        for juror in contest.juror_ids.filtered("is_marking"):
            for application in applications - juror.conflict_application_ids:
                for criterion in contest.criterion_ids:
                    if (application.id, juror.id, criterion.id) not in marked:
                        missing.append((juror, application, criterion))
        return missing

    def _vsms_conflicted_marks(self):
        """Marks given by a juror on an application they declared a conflict
        with (they must be deleted before the results are final)."""
        self.ensure_one()
        scores = (
            self.env["vsms.contest.score"]
            .sudo()
            .search([("contest_id", "=", self.id), ("is_marked", "=", True)])
        )
        return scores.filtered(
            lambda s: s.application_id in s.juror_id.conflict_application_ids
        )

    def _vsms_check_complete(self):
        for contest in self:
            if contest.state != "judging":
                raise UserError(
                    self.env._(
                        "«%(contest)s» is not being judged.", contest=contest.name
                    )
                )
            conflicted = contest._vsms_conflicted_marks()
            if conflicted:
                raise UserError(
                    self.env._(
                        "«%(contest)s»: jurors marked applications they declared a "
                        "conflict of interest with; delete these marks first: "
                        "%(marks)s.",
                        contest=contest.name,
                        marks="; ".join(
                            f"{s.juror_id.display_name} × "
                            f"{s.application_id.display_name} × "
                            f"{s.criterion_id.name}"
                            for s in conflicted[:MISSING_LIST_LIMIT]
                        ),
                    )
                )
            missing = contest._vsms_missing_marks()
            if missing:
                lines = [
                    f"{juror.display_name} × {application.display_name} × "
                    f"{criterion.name}"
                    for juror, application, criterion in missing[:MISSING_LIST_LIMIT]
                ]
                message = self.env._(
                    "«%(contest)s»: %(count)s marks are missing (juror × "
                    "application × criterion): %(marks)s",
                    contest=contest.name,
                    count=len(missing),
                    marks="; ".join(lines),
                )
                if len(missing) > MISSING_LIST_LIMIT:
                    message += " " + self.env._(
                        "… and %(count)s more.",
                        count=len(missing) - MISSING_LIST_LIMIT,
                    )
                raise UserError(message)

    def action_publish_results(self):
        """Publish the preliminary results (every mark given): from now on
        marks change only after an upheld appeal."""
        self.check_access("write")
        self._vsms_check_complete()
        self._vsms_compute_results()
        with guard.allowing(STATE_CHANGE):
            self.write({"results_published": True})
        return True

    def action_done(self):
        """Make the results final (judging → done): every admitted
        application has every mark of every juror without a conflict, no
        conflicted juror's mark remains and no appeal is open. Marks the
        plan occurrence done."""
        self.check_access("write")
        self._vsms_check_complete()
        for contest in self:
            open_appeals = contest.sudo().appeal_ids.filtered(
                lambda a: a.state == "open"
            )
            if open_appeals:
                raise UserError(
                    self.env._(
                        "«%(contest)s»: decide the open appeals first (%(appeals)s).",
                        contest=contest.name,
                        appeals=", ".join(
                            open_appeals.application_id.mapped("display_name")
                        ),
                    )
                )
        self._vsms_compute_results()
        for contest in self:
            contest._set_state(
                "done",
                {
                    "date_results": contest.date_results
                    or fields.Date.context_today(self)
                },
            )
        self.sudo().vsms_occurrence_id._vsms_mark_done()
        return True

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def _vsms_compute_results(self):
        """Compute score, score ratio, rank, place and (olympiad) result of
        every admitted application of these contests, from one read of their
        marks (no query per mark), and write what changed."""
        contests = self.sudo().filtered(lambda c: c.state in ("judging", "done"))
        if not contests:
            return
        marks_by_contest = {contest.id: contest._vsms_marks() for contest in contests}
        # prefetch what the loop reads, for all contests at once
        contests.criterion_ids.mapped("weight")
        contests.juror_ids.mapped("role")
        contests.juror_ids.mapped("conflict_application_ids")
        applications = contests.application_ids
        applications.mapped("state")
        for contest in contests:
            contest._vsms_write_results(marks_by_contest.get(contest.id, []))

    def _vsms_write_results(self, marks):
        self.ensure_one()
        weights = {c.id: c.weight for c in self.criterion_ids}
        conflicts = {
            (juror.id, app.id)
            for juror in self.juror_ids
            for app in juror.conflict_application_ids
        }
        # ranked as stored and printed (2 decimals): equal scores on paper
        # share a rank
        digits = (
            self.env["vsms.contest.application"]
            ._fields["score"]
            .get_digits(self.env)[1]
        )
        scores = {
            key: float_round(value, precision_digits=digits)
            for key, value in contest_scoring.weighted_scores(
                weights, marks, conflicts
            ).items()
        }
        chair = self.juror_ids.filtered(lambda j: j.role == "chair")[:1]
        chair_scores = (
            contest_scoring.juror_scores(weights, marks, chair.id) if chair else {}
        )
        applications = self.application_ids.filtered(lambda a: a.state == "admitted")
        groups = {}
        for app in applications:
            grade = app.grade if self.kind == "olympiad" and self.rank_by_grade else 0
            groups.setdefault((app.nomination_id.id, grade), []).append(app)
        max_score = self.max_score
        values = {}
        for group in groups.values():
            entries = []
            for app in group:
                chair_score = None
                if chair and (chair.id, app.id) not in conflicts:
                    chair_score = chair_scores.get(app.id)
                entries.append(
                    (app.id, scores.get(app.id, 0.0), app.date_submitted, chair_score)
                )
            ranks = contest_scoring.rank(entries, self.tie_break)
            prize_places = group[0].nomination_id.prize_places or self.prize_places
            places = contest_scoring.places(ranks, prize_places)
            results = {}
            if self.kind == "olympiad":
                results = contest_scoring.olympiad_results(
                    [(app.id, scores.get(app.id, 0.0), ranks[app.id]) for app in group],
                    max_score,
                    self.winner_min_ratio,
                    self.prize_quota_ratio,
                )
            for app in group:
                score = scores.get(app.id, 0.0)
                vals = {
                    "score": score,
                    "score_ratio": score / max_score if max_score else 0.0,
                    "rank": ranks[app.id],
                    "place": places[app.id],
                }
                if self.kind == "olympiad":
                    result, tie = results[app.id]
                    vals["result_tie"] = tie
                    vals["result"] = (app.result_override or result) if tie else result
                    if not tie:
                        vals["result_override"] = False
                    # an olympiad's places are those of its winners and
                    # prize-winners
                    vals["place"] = (
                        ranks[app.id] if vals["result"] in ("winner", "prize") else 0
                    )
                values[app] = vals
        # the applications no longer admitted lose their results
        for app in self.application_ids - applications:
            values[app] = {
                "score": 0.0,
                "score_ratio": 0.0,
                "rank": 0,
                "place": 0,
                "result": False,
                "result_tie": False,
                "result_override": False,
            }
        with guard.allowing(RESULTS):
            for app, vals in values.items():
                changed = {
                    name: value
                    for name, value in vals.items()
                    if app[name] != value
                    and not (
                        isinstance(value, float)
                        and abs((app[name] or 0.0) - value) < 1e-9
                    )
                }
                if changed:
                    app.write(changed)

    def _vsms_marks(self):
        """``[(application, juror, criterion, value)]`` ids of the marks
        given in this contest, from one query."""
        self.ensure_one()
        Score = self.env["vsms.contest.score"].sudo()
        Score.flush_model()
        return [
            (app_id, juror_id, criterion_id, value or 0.0)
            for app_id, juror_id, criterion_id, value in self.env.execute_query(
                Score._search(
                    [("contest_id", "=", self.id), ("is_marked", "=", True)]
                ).select(
                    '"vsms_contest_score"."application_id"',
                    '"vsms_contest_score"."juror_id"',
                    '"vsms_contest_score"."criterion_id"',
                    '"vsms_contest_score"."value"',
                )
            )
        ]

    def _vsms_protocol_data(self):
        """What the jury protocol prints, computed as the scoring does:
        ``{"nominations": [{"nomination": nomination (or empty), "grade": int
        or 0, "applications": [application, …] ordered by rank}], "means":
        {(application id, criterion id): mean}, "criteria": criteria,
        "jurors": jurors, "conflicts": [(juror, application)], "appeals":
        appeals}`` (sudo records: for staff and the report only)."""
        self.ensure_one()
        contest = self.sudo()
        conflicts = [
            (juror, app)
            for juror in contest.juror_ids
            for app in juror.conflict_application_ids
        ]
        means = contest_scoring.criterion_means(
            contest._vsms_marks(), {(j.id, a.id) for j, a in conflicts}
        )
        groups = {}
        for app in contest.application_ids.filtered(lambda a: a.state == "admitted"):
            grade = (
                app.grade if contest.kind == "olympiad" and contest.rank_by_grade else 0
            )
            groups.setdefault((app.nomination_id, grade), app.browse())
            groups[app.nomination_id, grade] |= app
        ordered = sorted(
            groups.items(),
            key=lambda item: (item[0][0].sequence, item[0][0].id or 0, item[0][1]),
        )
        return {
            "nominations": [
                {
                    "nomination": nomination,
                    "grade": grade,
                    "applications": apps.sorted(
                        lambda a: (a.rank or 10**6, a.display_label or "")
                    ),
                }
                for (nomination, grade), apps in ordered
            ],
            "means": means,
            "criteria": contest.criterion_ids,
            "jurors": contest.juror_ids,
            "conflicts": conflicts,
            "appeals": contest.appeal_ids.filtered(lambda a: a.state != "open"),
        }

    def action_recompute_results(self):
        """Compute the scores and ranks again (they follow every mark anyway)."""
        self._vsms_compute_results()
        return True

    # ------------------------------------------------------------------
    # Blind codes
    # ------------------------------------------------------------------
    def _vsms_code_prefix(self):
        self.ensure_one()
        day = self.date_open or self.date_results or fields.Date.context_today(self)
        kind = "ОЛ" if self.kind == "olympiad" else "К"
        return f"{kind}-{day.year % 100:02d}-"

    def _vsms_new_codes(self, count):
        """``count`` random codes not yet used in the contest (ОЛ-21-047)."""
        self.ensure_one()
        prefix = self._vsms_code_prefix()
        used = set(self.sudo().application_ids.filtered("code").mapped("code"))
        width = 3
        while True:
            free = [
                f"{prefix}{number:0{width}d}"
                for number in range(1, 10**width)
                if f"{prefix}{number:0{width}d}" not in used
            ]
            if len(free) >= count * 2 or width >= 6:
                break
            width += 1
        return random.SystemRandom().sample(free, count)

    # ------------------------------------------------------------------
    # After the results
    # ------------------------------------------------------------------
    def _vsms_prize_winners(self):
        """Admitted applications with a place, or (olympiad) winners and
        prize-winners."""
        return self.sudo().application_ids.filtered(
            lambda a: a.state == "admitted"
            and (
                a.result in ("winner", "prize")
                if a.contest_id.kind == "olympiad"
                else a.place
            )
        )

    def action_invite_to_vsms(self):
        """Open admission leads for the prize-winners of final contests."""
        for contest in self:
            if contest.state != "done":
                raise UserError(
                    self.env._(
                        "The results of «%(contest)s» are not final yet.",
                        contest=contest.name,
                    )
                )
        winners = self.with_env(self.env)._vsms_prize_winners()
        return winners.with_env(
            self.env
        ).partner_id.action_vsms_create_admission_leads()

    def action_open_applications(self):
        self.ensure_one()
        name = self.env._("Applications")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "vsms.contest.application",
            "view_mode": "list,form",
            "domain": [("contest_id", "=", self.id)],
            "context": {"default_contest_id": self.id},
        }
