from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..const import JURY_GROUP, USER_GROUP
from ..tools import guard
from .vsms_contest import RESULTS

# What a juror who is not ВСМС staff may change on their own seat.
JUROR_WRITABLE = {"conflict_application_ids"}


class VsmsContestJuror(models.Model):
    _name = "vsms.contest.juror"
    _description = "Contest Juror"
    _order = "contest_id, role_sequence, id"

    contest_id = fields.Many2one(
        "vsms.contest", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="contest_id.company_id", store=True, index=True, string="Company"
    )
    user_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        ondelete="restrict",
        domain=lambda self: [("all_group_ids", "in", self.env.ref(JURY_GROUP).ids)],
        help="A user of the Jury group (or ВСМС staff).",
    )
    partner_id = fields.Many2one(
        related="user_id.partner_id", store=True, index=True, string="Person"
    )
    name = fields.Char(related="user_id.name", string="Name")
    role = fields.Selection(
        [
            ("chair", "Chair of the jury"),
            ("member", "Jury member"),
            ("secretary", "Secretary"),
        ],
        required=True,
        default="member",
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    is_marking = fields.Boolean(
        string="Marks applications",
        compute="_compute_is_marking",
        store=True,
        readonly=False,
        help="The chair and the members mark; the secretary keeps the protocol "
        "and marks only when ticked.",
    )
    conflict_application_ids = fields.Many2many(
        "vsms.contest.application",
        "vsms_contest_juror_conflict_rel",
        "juror_id",
        "application_id",
        string="Conflicts of interest",
        domain="[('contest_id', '=', contest_id)]",
        help="Applications the juror abstains from: they cannot see or mark "
        "them and are left out of their means.",
    )
    proposed_conflict_ids = fields.Many2many(
        "vsms.contest.application",
        string="Proposed conflicts",
        compute="_compute_proposed_conflict_ids",
        groups=USER_GROUP,
        help="Applications by the juror themselves, or from the juror's "
        "organisation or municipality, not yet declared.",
    )

    _contest_user_uniq = models.UniqueIndex(
        "(contest_id, user_id)",
        "A person sits on a contest's jury only once.",
    )
    _one_chair = models.UniqueIndex(
        "(contest_id) WHERE role = 'chair'",
        "A jury has one chair.",
    )

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"chair": 1, "member": 2, "secretary": 3}
        for juror in self:
            juror.role_sequence = order.get(juror.role, 9)

    @api.depends("role")
    def _compute_is_marking(self):
        for juror in self:
            juror.is_marking = juror.role != "secretary"

    @api.depends("contest_id.application_ids", "user_id", "conflict_application_ids")
    def _compute_proposed_conflict_ids(self):
        for juror in self:
            juror.proposed_conflict_ids = (
                juror.sudo()._vsms_conflict_candidates()
                - juror.sudo().conflict_application_ids
            )

    def _vsms_conflict_candidates(self):
        """Applications of the contest by the juror themselves, or sharing the
        juror's organisation or municipality."""
        self.ensure_one()
        person = self.user_id.partner_id
        organisations = person.parent_id | person.commercial_partner_id
        organisations = organisations.filtered("is_company")
        org_names = {
            name.strip().lower()
            for name in person.vsms_position_ids.mapped("organization")
            + [org.name for org in organisations]
            if name
        }
        municipality = person.vsms_municipality_id
        applications = self.contest_id.application_ids.filtered(
            lambda a: a.state not in ("withdrawn", "rejected")
        )
        return applications.filtered(
            lambda a: a.partner_id == person
            or (a.organization_id and a.organization_id in organisations)
            or (a.school_id and a.school_id in organisations)
            or (a.organization and a.organization.strip().lower() in org_names)
            or (municipality and a.municipality_id == municipality)
        )

    @api.constrains("user_id")
    def _check_user_is_juror(self):
        jury = self.env.ref(JURY_GROUP)
        for juror in self:
            if jury not in juror.user_id.all_group_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not in the Jury group: give them the Jury "
                        "access first.",
                        user=juror.user_id.name,
                    )
                )

    @api.constrains("conflict_application_ids", "contest_id")
    def _check_conflict_contest(self):
        for juror in self:
            other = juror.conflict_application_ids.filtered(
                lambda a, juror=juror: a.contest_id != juror.contest_id
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(juror)s: «%(application)s» is an application of "
                        "another contest.",
                        juror=juror.name,
                        application=other[0].display_label,
                    )
                )

    def _check_contest_editable(self, contests):
        for contest in contests:
            if contest.state in ("done", "cancelled"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is closed: its jury cannot change.",
                        contest=contest.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        contests = self.env["vsms.contest"].browse(
            [vals["contest_id"] for vals in vals_list if vals.get("contest_id")]
        )
        self._check_contest_editable(contests)
        jurors = super().create(vals_list)
        jurors._vsms_sync_score_lines()
        return jurors

    def write(self, vals):
        juror_only = not self.env.su and not self.env.user.has_group(USER_GROUP)
        if juror_only and (
            set(vals) - JUROR_WRITABLE
            or self.filtered(lambda j: j.user_id != self.env.user)
        ):
            raise AccessError(
                self.env._("A juror may only declare their own conflicts of interest.")
            )
        self._check_contest_editable(self.contest_id)
        if "contest_id" in vals or "user_id" in vals:
            for juror in self.filtered(lambda j: j.contest_id.state == "judging"):
                raise UserError(
                    self.env._(
                        "%(juror)s is marking «%(contest)s»: remove the seat and "
                        "add another instead.",
                        juror=juror.name,
                        contest=juror.contest_id.name,
                    )
                )
        res = super().write(vals)
        if {"conflict_application_ids", "is_marking", "role"} & set(vals):
            self._vsms_sync_score_lines()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_not_closed(self):
        self._check_contest_editable(self.contest_id)

    def unlink(self):
        contests = self.contest_id
        res = super().unlink()
        contests._vsms_compute_results()
        return res

    def _vsms_sync_score_lines(self):
        """During judging: drop the unmarked lines the jurors no longer owe
        (conflicts, not marking), add the lines they now owe, and rank again.
        Marks already given by a juror who then declares a conflict are kept
        (left out of the means) until deleted: the results cannot be final
        while they exist."""
        judging = self.sudo().filtered(lambda j: j.contest_id.state == "judging")
        if not judging:
            return
        Score = self.env["vsms.contest.score"].sudo()
        stale = Score.search(
            [("juror_id", "in", judging.ids), ("is_marked", "=", False)]
        ).filtered(
            lambda s: not s.juror_id.is_marking
            or s.application_id in s.juror_id.conflict_application_ids
        )
        with guard.allowing(RESULTS):
            stale.unlink()
        judging.contest_id._vsms_create_score_lines()
        judging.contest_id._vsms_compute_results()

    def action_accept_proposed_conflicts(self):
        """Declare the proposed conflicts of interest."""
        for juror in self:
            proposed = juror.proposed_conflict_ids
            if proposed:
                juror.conflict_application_ids = [
                    fields.Command.link(app.id) for app in proposed
                ]
        return True
