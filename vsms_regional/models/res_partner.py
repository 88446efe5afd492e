from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, email_normalize_all, format_date

from ..tools import names
from .vsms_membership_log import MEMBER_STATES

NAME_PARTS = ("vsms_last_name", "vsms_first_name", "vsms_patronymic")
USER_GROUP = "vsms_regional.group_vsms_user"
MANAGER_GROUP = "vsms_regional.group_vsms_manager"

# Which member-state changes make sense (anything is allowed at creation,
# e.g. when importing an existing member list).
MEMBER_TRANSITIONS = {
    "none": {"prospect", "applicant", "member"},
    "prospect": {"none", "applicant", "member", "former"},
    "applicant": {"none", "prospect", "member", "former"},
    "member": {"suspended", "former"},
    "suspended": {"member", "former"},
    "former": {"prospect", "applicant", "member"},
}
REASON_REQUIRED = {"suspended", "former"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # -- Person -----------------------------------------------------------
    vsms_last_name = fields.Char(string="Last name", index=True)
    vsms_first_name = fields.Char(string="First name")
    vsms_patronymic = fields.Char(string="Patronymic")
    vsms_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        string="Gender",
        compute="_compute_vsms_gender",
        store=True,
        readonly=False,
        help="Guessed from the patronymic when not set.",
    )
    vsms_salutation = fields.Char(
        string="Salutation",
        compute="_compute_vsms_salutation",
        help="How letters and mailings address the person, e.g. "
        "«Уважаемый Иван Петрович».",
    )
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
        groups=USER_GROUP,
        help="When staff last checked that the contact's details are current.",
    )
    # -- Membership ----------------------------------------------------------
    vsms_member_state = fields.Selection(
        MEMBER_STATES,
        string="Member status",
        required=True,
        default="none",
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
    # -- Consent (152-ФЗ) -------------------------------------------------------
    vsms_consent_ids = fields.One2many(
        "vsms.consent", "partner_id", string="Consents", groups=USER_GROUP
    )
    vsms_processing_allowed = fields.Boolean(
        string="Processing allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_processing_allowed",
    )
    vsms_publication_allowed = fields.Boolean(
        string="Publication allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_publication_allowed",
    )
    vsms_mailing_allowed = fields.Boolean(
        string="Mailing allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_mailing_allowed",
        help="An active mailing consent and an e-mail that is not blacklisted.",
    )
    # -- Duplicates -----------------------------------------------------------
    vsms_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Possible duplicates",
        compute="_compute_vsms_duplicate_ids",
        search="_search_vsms_duplicate_ids",
    )
    vsms_duplicate_count = fields.Integer(compute="_compute_vsms_duplicate_ids")

    _vsms_member_number_uniq = models.UniqueIndex(
        "(vsms_member_number) WHERE vsms_member_number IS NOT NULL",
        "This member number is already assigned.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("vsms_patronymic")
    def _compute_vsms_gender(self):
        for partner in self:
            partner.vsms_gender = partner.vsms_gender or names.guess_gender(
                partner.vsms_patronymic
            )

    @api.depends(
        "is_company",
        "name",
        "vsms_last_name",
        "vsms_first_name",
        "vsms_patronymic",
        "vsms_gender",
    )
    def _compute_vsms_salutation(self):
        for partner in self:
            if partner.is_company:
                partner.vsms_salutation = "Уважаемые коллеги"
                continue
            partner.vsms_salutation = names.salutation(
                partner.vsms_first_name,
                partner.vsms_patronymic,
                partner.vsms_gender,
                partner.vsms_last_name or partner.name,
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
                lambda p: (not p.date_start or p.date_start <= today)
                and (not p.date_end or p.date_end >= today)
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

    @api.model
    def _vsms_consent_domain(self, kind):
        """Partners holding a consent of ``kind`` in force today."""
        # sudo: the consents are hidden from users outside ВСМС, yet a mailing
        # they send must still honour them.
        partners = self.sudo().with_context(active_test=False)
        active = self.env["vsms.consent"]._active_domain(kind)
        return Domain(
            "id", "in", partners._search([("vsms_consent_ids", "any", active)])
        )

    @api.model
    def _vsms_mailable_domain(self):
        """Who may receive a mailing: active consent, address not blacklisted."""
        return self._vsms_consent_domain("mailing") & Domain(
            "is_blacklisted", "=", False
        )

    @api.depends("vsms_consent_ids.kind", "vsms_consent_ids.state", "is_blacklisted")
    @api.depends_context("date")
    def _compute_vsms_consents(self):
        Consent = self.env["vsms.consent"].sudo()
        allowed = {
            (partner.id, kind)
            for partner, kind in Consent._read_group(
                Domain("partner_id", "in", self.ids) & Consent._active_domain(),
                ["partner_id", "kind"],
            )
        }
        for partner in self:
            pid = partner._origin.id
            partner.vsms_processing_allowed = (pid, "processing") in allowed
            partner.vsms_publication_allowed = (pid, "publication") in allowed
            partner.vsms_mailing_allowed = (
                pid,
                "mailing",
            ) in allowed and not partner.is_blacklisted

    def _search_vsms_processing_allowed(self, operator, value):
        return self._vsms_search_consent("processing", operator, value)

    def _search_vsms_publication_allowed(self, operator, value):
        return self._vsms_search_consent("publication", operator, value)

    def _search_vsms_mailing_allowed(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._vsms_mailable_domain()
        return domain if True in value else ~domain

    def _vsms_search_consent(self, kind, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._vsms_consent_domain(kind)
        return domain if True in value else ~domain

    def _vsms_duplicate_domain(self):
        """Others with the same full name and municipality, or the same e-mail."""
        self.ensure_one()
        conditions = []
        if self.name and not self.is_company and self.vsms_municipality_id:
            conditions.append(
                Domain("name", "=ilike", self.name.strip())
                & Domain("vsms_municipality_id", "=", self.vsms_municipality_id.id)
            )
        if self.email_normalized:
            conditions.append(Domain("email_normalized", "=", self.email_normalized))
        if not conditions:
            return Domain.FALSE
        domain = Domain.OR(conditions) & Domain("is_company", "=", self.is_company)
        if self._origin.id:
            domain &= Domain("id", "!=", self._origin.id)
            # A contact and the company it works for share e-mails often.
            domain &= Domain(
                "id", "not in", (self._origin.parent_id | self._origin.child_ids).ids
            )
        return domain

    @api.depends("name", "email", "vsms_municipality_id", "is_company")
    def _compute_vsms_duplicate_ids(self):
        for partner in self:
            duplicates = self.search(partner._vsms_duplicate_domain(), limit=20)
            partner.vsms_duplicate_ids = duplicates
            partner.vsms_duplicate_count = len(duplicates)

    def _search_vsms_duplicate_ids(self, operator, value):
        """``('vsms_duplicate_ids', '!=', False)``: contacts having a likely twin."""
        if operator not in ("in", "not in") or value != {False}:
            return NotImplemented
        self.env["res.partner"].flush_model(
            ["name", "is_company", "vsms_municipality_id", "email_normalized", "active"]
        )
        self.env.cr.execute(
            """
            SELECT unnest(array_agg(id)) FROM res_partner
             WHERE active AND NOT is_company AND vsms_municipality_id IS NOT NULL
             GROUP BY lower(trim(name)), vsms_municipality_id HAVING count(*) > 1
            UNION
            SELECT unnest(array_agg(id)) FROM res_partner
             WHERE active AND email_normalized IS NOT NULL
             GROUP BY email_normalized, is_company HAVING count(*) > 1
            """
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        # "in {False}" means "has no duplicate", "not in {False}" the opposite.
        return Domain("id", "not in" if operator == "in" else "in", ids)

    # ------------------------------------------------------------------
    # Name parts kept in step with the display name
    # ------------------------------------------------------------------
    @api.onchange(*NAME_PARTS)
    def _onchange_vsms_name_parts(self):
        if not self.is_company and any(self[part] for part in NAME_PARTS):
            self.name = names.join_full_name(*(self[part] for part in NAME_PARTS))

    @api.onchange("name")
    def _onchange_vsms_name(self):
        if not self.is_company and self.name:
            parts = names.split_full_name(self.name)
            if names.join_full_name(*parts) != names.join_full_name(
                *(self[part] for part in NAME_PARTS)
            ):
                for field, value in zip(NAME_PARTS, parts, strict=True):
                    self[field] = value

    @api.onchange("name", "email", "vsms_municipality_id")
    def _onchange_vsms_duplicates(self):
        if not (self.name or self.email):
            return None
        duplicates = self.search(self._vsms_duplicate_domain(), limit=5)
        if not duplicates:
            return None
        return {
            "warning": {
                "title": self.env._("Possible duplicate"),
                "message": self.env._(
                    "These contacts have the same name and municipality or the "
                    "same e-mail: %(names)s. Check them before saving; you can "
                    "merge contacts afterwards.",
                    names=", ".join(duplicates.mapped("display_name")),
                ),
                "type": "notification",
            }
        }

    @api.model
    def _vsms_name_vals(self, vals, is_company):
        """Complete ``vals`` so that the name and its parts agree."""
        if is_company:
            return vals
        if any(vals.get(part) for part in NAME_PARTS):
            return vals  # handled per record in write(), at once in create()
        if vals.get("name"):
            vals = dict(vals)
            vals.update(
                zip(NAME_PARTS, names.split_full_name(vals["name"]), strict=True)
            )
        return vals

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        prepared = []
        for given in vals_list:
            # An empty gender (e.g. an import column): guess from the patronymic.
            vals = {
                key: value
                for key, value in given.items()
                if key != "vsms_gender" or value
            }
            is_company = vals.get("is_company") or vals.get("company_type") == "company"
            if not is_company and any(vals.get(part) for part in NAME_PARTS):
                full_name = names.join_full_name(
                    *(vals.get(part) for part in NAME_PARTS)
                )
                prepared.append(dict(vals, name=full_name))
            else:
                prepared.append(self._vsms_name_vals(vals, is_company))
        self._vsms_check_member_numbers(
            [
                vals["vsms_member_number"]
                for vals in prepared
                if vals.get("vsms_member_number")
            ]
        )
        partners = super().create(prepared)
        joining = partners.sudo().filtered(lambda p: p.vsms_member_state != "none")
        if joining:
            joining._vsms_assign_member_data()
            joining._vsms_log_member_states({p.id: "none" for p in joining})
        return partners

    def write(self, vals):
        old_states = {}
        if "vsms_member_state" in vals:
            old_states = self._vsms_check_member_state(vals["vsms_member_state"])
        # Keep the name and its parts in step (people only).
        persons = self.browse()
        if any(part in vals for part in NAME_PARTS) or (
            vals.get("name") and "is_company" not in vals
        ):
            persons = self.filtered(lambda p: not p.is_company)
        if not persons:
            res = super().write(vals)
        elif any(part in vals for part in NAME_PARTS):
            res = super(ResPartner, self - persons).write(vals)
            for partner in persons:
                merged = [vals.get(part, partner[part]) for part in NAME_PARTS]
                super(ResPartner, partner).write(
                    dict(vals, name=names.join_full_name(*merged))
                    if any(merged)
                    else vals
                )
        else:
            res = super(ResPartner, self - persons).write(vals)
            super(ResPartner, persons).write(self._vsms_name_vals(vals, False))
        if old_states:
            changed = self.browse(old_states).sudo()
            changed._vsms_assign_member_data()
            changed._vsms_log_member_states(old_states)
        return res

    def _vsms_check_member_state(self, new_state):
        """Refuse impossible changes; return ``{partner id: old state}``."""
        reason = self.env.context.get("vsms_member_state_reason")
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
            merging = self.env.context.get("vsms_member_state_merge")
            if new_state not in MEMBER_TRANSITIONS[old] and not merging:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot go from «%(old)s» to «%(new)s».",
                        person=partner.name,
                        old=labels[old],
                        new=labels[new_state],
                    )
                )
            old_states[partner.id] = old
        if new_state in REASON_REQUIRED and old_states and not (reason or "").strip():
            raise ValidationError(
                self.env._(
                    "Give a reason to set %(people)s to «%(state)s».",
                    people=", ".join(self.browse(old_states).mapped("name")),
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

    def _vsms_log_member_states(self, old_states):
        context = self.env.context
        self.env["vsms.membership.log"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": self.env.uid,
                    "old_state": old_states[partner.id],
                    "new_state": partner.vsms_member_state,
                    "reason": context.get("vsms_member_state_reason") or False,
                    "lead_id": context.get("vsms_member_state_lead_id") or False,
                    "decision_id": context.get("vsms_member_state_decision_id")
                    or False,
                    "member_number": partner.vsms_member_number,
                }
                for partner in self
            ]
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("email")
    def _check_vsms_email(self):
        for partner in self.filtered("email"):
            if not email_normalize_all(partner.email):
                raise ValidationError(
                    self.env._(
                        "«%(email)s» is not a valid e-mail address (%(name)s).",
                        email=partner.email,
                        name=partner.name or "",
                    )
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

    def action_vsms_merge_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge contacts"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": (self | self.vsms_duplicate_ids).ids,
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

    def action_vsms_export_personal_data(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._("Only ВСМС managers can export a person's data.")
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/vsms/partner/{self.id}/personal_data",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Personal data export (152-ФЗ art. 14)
    # ------------------------------------------------------------------
    def _vsms_personal_data(self):
        """Everything the addon stores about the person, labelled for people."""
        self.ensure_one()
        partner = self.sudo()

        def rows(records, field_names):
            result = []
            for record in records:
                row = {}
                for name in field_names:
                    field = record._fields[name]
                    value = record[name]
                    if field.type == "many2one":
                        value = value.display_name or ""
                    elif field.type == "selection":
                        value = dict(field._description_selection(self.env)).get(
                            value, ""
                        )
                    elif field.type in ("date", "datetime"):
                        value = str(value) if value else ""
                    elif field.type == "binary":
                        value = bool(value)
                    row[field._description_string(self.env)] = (
                        value if value is not False else ""
                    )
                result.append(row)
            return result

        return {
            self.env._("Person"): rows(
                partner,
                [
                    "name",
                    "vsms_last_name",
                    "vsms_first_name",
                    "vsms_patronymic",
                    "vsms_gender",
                    "vsms_salutation",
                    "email",
                    "phone",
                    "street",
                    "city",
                    "state_id",
                    "function",
                    "parent_id",
                    "vsms_municipality_id",
                    "vsms_member_state",
                    "vsms_member_number",
                    "vsms_member_since",
                    "vsms_verified_on",
                ],
            )[0],
            self.env._("Offices"): rows(
                partner.vsms_position_ids,
                [
                    "role_id",
                    "organization",
                    "municipality_id",
                    "date_start",
                    "date_end",
                    "elected",
                ],
            ),
            self.env._("Consents"): rows(
                partner.vsms_consent_ids,
                [
                    "kind",
                    "date_given",
                    "valid_until",
                    "date_withdrawn",
                    "source",
                    "document",
                    "note",
                ],
            ),
            self.env._("Membership history"): rows(
                partner.vsms_membership_log_ids,
                ["date", "old_state", "new_state", "reason", "user_id"],
            ),
            self.env._("Admission leads"): rows(
                partner.vsms_admission_lead_ids.with_context(active_test=False),
                ["name", "stage_id", "won_status", "lost_reason_id", "create_date"],
            ),
            self.env._("Exported"): {
                self.env._("Date"): format_date(
                    self.env, fields.Date.context_today(self)
                ),
                self.env._("By"): self.env.user.name,
            },
        }

    @api.model
    def _cron_vsms_contact_upkeep(self):
        """Daily: re-verification activities, and main offices whose term moved."""
        today = fields.Date.context_today(self)
        # Offices that started or ended recently change who holds what.
        Position = self.env["vsms.position"]
        window = fields.Date.subtract(today, days=31)
        moved = Position.search(
            [
                "|",
                "&",
                ("date_end", ">=", window),
                ("date_end", "<", today),
                "&",
                ("date_start", ">", window),
                ("date_start", "<=", today),
            ]
        ).partner_id
        if moved:
            self.env.add_to_compute(self._fields["vsms_main_role_id"], moved)
            moved.flush_recordset(["vsms_main_role_id"])
        self._vsms_schedule_reverification()

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
        fallback = self.env.company.vsms_contacts_user_id or self.env.ref(
            "base.user_admin"
        )
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
                    "user_id": (partner.user_id or fallback).id,
                    "automated": True,
                }
                for partner in partners
            ]
        )
        return partners
