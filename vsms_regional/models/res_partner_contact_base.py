"""Contacts: the ВСМС contact base — municipality, offices, upkeep."""

import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import USER_GROUP

# An address: a local part, then a domain of at least two labels whose last
# one (the top-level domain) has letters only, e.g. «ivan@mail.ru»,
# «ivan@почта.рф» or an IDN «xn--p1ai».
EMAIL_ADDRESS = re.compile(
    r"[^@\s<>,;\"()\[\]]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[^\W\d_]{2,}|xn--[\w-]+)"
)
# «Иван Петров <ivan@mail.ru>»
NAMED_ADDRESS = re.compile(r"[^<>]*<\s*([^<>]*?)\s*>")


def valid_email_list(email):
    """Whether ``email`` is one address, or several separated by commas or
    semicolons, each maybe with a name («Иван <ivan@mail.ru>»), and nothing
    else (no «ivan@mail», no «ivan@mail.ru нет»)."""
    for item in re.split(r"[,;]", email):
        part = item.strip()
        named = NAMED_ADDRESS.fullmatch(part)
        if not EMAIL_ADDRESS.fullmatch(named.group(1) if named else part):
            return False
    return True


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_municipality_id = fields.Many2one(
        "vsms.municipality",
        string="Municipality",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    vsms_in_base = fields.Boolean(
        string="In ВСМС contact base",
        compute="_compute_vsms_in_base",
        store=True,
        readonly=False,
        index=True,
    )
    vsms_position_ids = fields.One2many(
        "vsms.position", "partner_id", string="Offices", groups=USER_GROUP
    )
    vsms_main_role_id = fields.Many2one(
        "vsms.position.role",
        string="Main office",
        compute="_compute_vsms_main_role_id",
        store=True,
        index=True,
        groups=USER_GROUP,
        help="The most senior office the person currently holds.",
    )
    vsms_newly_elected = fields.Boolean(
        string="Newly elected",
        compute="_compute_vsms_newly_elected",
        search="_search_vsms_newly_elected",
        groups=USER_GROUP,
        help="Holds an elected office that started within the last 12 months.",
    )
    vsms_verified_on = fields.Date(
        string="Verified on",
        tracking=True,
        copy=False,
        groups=USER_GROUP,
        help="When staff last checked that the contact's details are current.",
    )

    @api.depends("vsms_municipality_id", "vsms_position_ids", "vsms_member_state")
    def _compute_vsms_in_base(self):
        for partner in self:
            partner.vsms_in_base = partner.vsms_in_base or bool(
                partner.vsms_municipality_id
                or partner.vsms_position_ids
                or partner.vsms_member_state != "none"
            )

    @api.depends(
        "vsms_position_ids.role_id",
        "vsms_position_ids.date_start",
        "vsms_position_ids.date_end",
    )
    def _compute_vsms_main_role_id(self):
        today = fields.Date.context_today(self)
        for partner in self:
            current = partner.vsms_position_ids.filtered(
                lambda p: p._in_office_at(today)
            )
            partner.vsms_main_role_id = current.sorted(
                lambda p: (p.role_id.sequence, p.role_id.id)
            )[:1].role_id

    @api.depends("vsms_position_ids.is_newly_elected")
    @api.depends_context("date")
    def _compute_vsms_newly_elected(self):
        for partner in self:
            partner.vsms_newly_elected = any(
                partner.vsms_position_ids.mapped("is_newly_elected")
            )

    def _search_vsms_newly_elected(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain(
            "vsms_position_ids",
            "any",
            self.env["vsms.position"]._newly_elected_domain(),
        )
        return domain if True in value else ~domain

    # ------------------------------------------------------------------
    # E-mail: trimmed and checked for the contact base
    # ------------------------------------------------------------------
    @api.model
    def _vsms_vals_join_base(self, vals):
        """Whether these values put a contact in the ВСМС contact base."""
        return bool(
            vals.get("vsms_in_base")
            or vals.get("vsms_municipality_id")
            or vals.get("vsms_position_ids")
            or vals.get("vsms_member_state") not in (None, False, "none")
        )

    @api.model
    def _vsms_prepare_create_vals(self, vals_list):
        vals_list = super()._vsms_prepare_create_vals(vals_list)
        for vals in vals_list:
            if isinstance(vals.get("email"), str) and self._vsms_vals_join_base(vals):
                vals["email"] = vals["email"].strip()
        return vals_list

    def _vsms_prepare_write_vals(self, vals):
        """Addresses of the contact base are trimmed; other contacts keep what
        Odoo keeps (core behaviour for everyone else)."""
        vals = super()._vsms_prepare_write_vals(vals)
        if isinstance(vals.get("email"), str) and (
            self._vsms_vals_join_base(vals) or any(self.sudo().mapped("vsms_in_base"))
        ):
            vals["email"] = vals["email"].strip()
        return vals

    @api.constrains("email", "vsms_in_base", "vsms_municipality_id")
    def _check_vsms_email(self):
        """People of the contact base are written to: their address must be
        one (or a list of addresses separated by commas).  Other contacts are
        not checked (an import of them is never blocked by one bad row)."""
        for partner in self.filtered(lambda p: p.email and p.vsms_in_base):
            if not valid_email_list(partner.email):
                raise ValidationError(
                    self.env._(
                        "«%(email)s» is not a valid e-mail address (%(name)s).",
                        email=partner.email,
                        name=partner.name or "",
                    )
                )

    def action_vsms_mark_verified(self):
        today = fields.Date.context_today(self)
        self.write({"vsms_verified_on": today})
        activity_type = self.env.ref(
            "vsms_regional.mail_activity_type_vsms_verify", raise_if_not_found=False
        )
        if activity_type:
            self.activity_feedback(
                ["vsms_regional.mail_activity_type_vsms_verify"],
                feedback=self.env._("Contact details verified."),
                only_automated=False,
            )
        return True

    @api.model
    def _cron_vsms_contact_upkeep(self):
        """Daily: main offices whose term started or ended, and re-verification
        activities."""
        self._vsms_fix_main_roles()
        self._vsms_schedule_reverification()

    @api.model
    def _vsms_fix_main_roles(self):
        """Recompute the main office of everyone whose stored one is not the
        one their offices give today.

        It compares with the truth instead of looking at a window of recent
        term changes, so it heals whatever the job missed, even if it did not
        run for months.  Returns the partners fixed."""
        today = fields.Date.context_today(self)
        self.env["vsms.position"].flush_model(
            ["partner_id", "role_id", "date_start", "date_end"]
        )
        self.env["vsms.position.role"].flush_model(["sequence"])
        self.flush_model(["vsms_main_role_id"])
        self.env.cr.execute(
            SQL(
                """
                WITH expected AS (
                    SELECT DISTINCT ON (pos.partner_id)
                           pos.partner_id, pos.role_id
                      FROM vsms_position pos
                      JOIN vsms_position_role role ON role.id = pos.role_id
                     WHERE (pos.date_start IS NULL OR pos.date_start <= %(today)s)
                       AND (pos.date_end IS NULL OR pos.date_end >= %(today)s)
                  ORDER BY pos.partner_id, role.sequence, role.id
                )
                SELECT partner.id
                  FROM res_partner partner
             LEFT JOIN expected ON expected.partner_id = partner.id
                 WHERE partner.vsms_main_role_id IS DISTINCT FROM expected.role_id
                """,
                today=today,
            )
        )
        partners = self.browse(row[0] for row in self.env.cr.fetchall())
        if partners:
            self.env.add_to_compute(self._fields["vsms_main_role_id"], partners)
            partners.flush_recordset(["vsms_main_role_id"])
        return partners

    @api.model
    def _vsms_schedule_reverification(self, limit=2000):
        """A to-do for each contact not verified for a year (one open at a time)."""
        activity_type = self.env.ref("vsms_regional.mail_activity_type_vsms_verify")
        today = fields.Date.context_today(self)
        year_ago = fields.Date.subtract(today, years=1)
        partners = self.search(
            [
                ("vsms_in_base", "=", True),
                "|",
                ("vsms_verified_on", "=", False),
                ("vsms_verified_on", "<=", year_ago),
                (
                    "activity_ids",
                    "not any",
                    [("activity_type_id", "=", activity_type.id)],
                ),
            ],
            limit=limit,
            order="vsms_verified_on asc nulls first, id",
        )
        if not partners:
            return partners
        model_id = self.env["ir.model"]._get_id("res.partner")
        admin = self.env.ref("base.user_admin")

        def keeper(partner):
            """The salesperson, else the contact base keeper of the person's
            company (of the running company for shared contacts), else admin."""
            company = partner.company_id or self.env.company
            return partner.user_id or company.vsms_contacts_user_id or admin

        # One digest-free batch: no e-mail per assigned to-do (there can be
        # thousands on the first run).
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Verify the contact details"),
                    "date_deadline": today,
                    "user_id": keeper(partner).id,
                    "automated": True,
                }
                for partner in partners
            ]
        )
        return partners
