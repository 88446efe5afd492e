from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..tools.records import changed_fields

CONSENT_KINDS = [
    ("processing", "Processing of personal data"),
    ("publication", "Publication (dissemination)"),
    ("mailing", "Mailings"),
]

# What the law asks of the operator once a consent is withdrawn (152-ФЗ):
# destroy the data within 30 days (art. 21 p. 5); stop publishing at the
# subject's demand, within 3 working days (art. 10.1 p. 14).  A withdrawn
# mailing consent needs no staff action: the person leaves every segment.
WITHDRAWAL_DEADLINE_DAYS = {"processing": 30, "publication": 3}
# What a consent is: fixed once saved (another consent is another record).
FIXED_FIELDS = ("partner_id", "kind", "date_given")


class VsmsConsent(models.Model):
    _name = "vsms.consent"
    _description = "Personal Data Consent"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_given desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        # consents are evidence: deleting their person never deletes them (a
        # person with consents is archived instead)
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, index=True, string="Company"
    )
    kind = fields.Selection(CONSENT_KINDS, required=True, index=True, tracking=True)
    date_given = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
    )
    valid_until = fields.Date(index=True, tracking=True)
    date_withdrawn = fields.Date(string="Withdrawn on", index=True, tracking=True)
    source = fields.Selection(
        [
            ("paper", "Signed on paper"),
            ("website", "Website form"),
            ("email", "E-mail"),
            ("event", "Event registration"),
            ("other", "Other"),
        ],
        required=True,
        default="paper",
        tracking=True,
    )
    document = fields.Binary(string="Scanned document", attachment=True)
    document_name = fields.Char()
    note = fields.Text()
    state = fields.Selection(
        [
            ("active", "Active"),
            ("pending", "Not yet valid"),
            ("expired", "Expired"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Status",
        compute="_compute_state",
        search="_search_state",
    )

    @api.depends("partner_id", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for consent in self:
            consent.display_name = (
                f"{consent.partner_id.name} — {labels.get(consent.kind, '')}"
            )

    @api.depends("date_given", "valid_until", "date_withdrawn")
    @api.depends_context("date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for consent in self:
            if consent.date_withdrawn and consent.date_withdrawn <= today:
                consent.state = "withdrawn"
            elif consent.date_given and consent.date_given > today:
                consent.state = "pending"
            elif consent.valid_until and consent.valid_until < today:
                consent.state = "expired"
            else:
                consent.state = "active"

    @api.model
    def _active_domain(self, kind=None):
        """Consents in force today (optionally of one kind)."""
        today = fields.Date.context_today(self)
        domain = (
            Domain("date_given", "<=", today)
            & (Domain("valid_until", "=", False) | Domain("valid_until", ">=", today))
            & (
                Domain("date_withdrawn", "=", False)
                | Domain("date_withdrawn", ">", today)
            )
        )
        if kind:
            domain &= Domain("kind", "=", kind)
        return domain

    def _search_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        withdrawn = Domain("date_withdrawn", "<=", today)
        by_state = {
            "active": self._active_domain(),
            "withdrawn": withdrawn,
            "pending": ~withdrawn & Domain("date_given", ">", today),
            "expired": ~withdrawn
            & Domain("date_given", "<=", today)
            & Domain("valid_until", "<", today),
        }
        return Domain.OR([by_state[state] for state in value if state in by_state])

    @api.constrains("date_given", "valid_until", "date_withdrawn")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for consent in self:
            given = format_date(self.env, consent.date_given)
            if consent.date_withdrawn and consent.date_withdrawn < consent.date_given:
                raise ValidationError(
                    self.env._(
                        "The consent of %(person)s cannot be withdrawn "
                        "(%(withdrawn)s) before it was given (%(given)s).",
                        person=consent.partner_id.name,
                        withdrawn=format_date(self.env, consent.date_withdrawn),
                        given=given,
                    )
                )
            if consent.date_withdrawn and consent.date_withdrawn > today:
                raise ValidationError(
                    self.env._(
                        "A withdrawal takes effect at once: %(date)s is in the future.",
                        date=format_date(self.env, consent.date_withdrawn),
                    )
                )
            if consent.valid_until and consent.valid_until < consent.date_given:
                raise ValidationError(
                    self.env._(
                        "The consent of %(person)s cannot expire (%(until)s) "
                        "before it was given (%(given)s).",
                        person=consent.partner_id.name,
                        until=format_date(self.env, consent.valid_until),
                        given=given,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        consents = super().create(vals_list)
        consents.filtered("date_withdrawn")._on_withdrawal()
        return consents

    def write(self, vals):
        # Evidence of consent holds whoever writes (even a manager, even over
        # RPC): who consented to what since when never changes, and a
        # withdrawal is final.
        self._check_evidence_kept(vals)
        newly_withdrawn = (
            self.filtered(lambda consent: not consent.date_withdrawn)
            if vals.get("date_withdrawn")
            else self.browse()
        )
        res = super().write(vals)
        newly_withdrawn._on_withdrawal()
        return res

    def _check_evidence_kept(self, vals):
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name in FIXED_FIELDS
        }
        for consent in self:
            for name in changed_fields(consent, vals, FIXED_FIELDS)[:1]:
                raise UserError(
                    self.env._(
                        "The consent «%(consent)s» is evidence: its field "
                        "«%(field)s» cannot change once it is saved. Record a "
                        "new consent instead.",
                        field=labels[name],
                        consent=consent.display_name,
                    )
                )
            if (
                "date_withdrawn" in vals
                and consent.date_withdrawn
                and changed_fields(consent, vals, ["date_withdrawn"])
            ):
                raise UserError(
                    self.env._(
                        "The consent «%(consent)s» was withdrawn on %(date)s; a "
                        "withdrawal cannot be undone or moved: record a new "
                        "consent instead.",
                        consent=consent.display_name,
                        date=format_date(self.env, consent.date_withdrawn),
                    )
                )

    def action_withdraw(self):
        self.filtered(lambda consent: consent.state != "withdrawn").write(
            {"date_withdrawn": fields.Date.context_today(self)}
        )
        return True

    def _on_withdrawal(self):
        """Schedule the deletion or anonymisation the law requires, as a
        to-do on the consent itself: only ВСМС staff see consents, whereas
        anyone who sees the contact would see a to-do on the contact."""
        activity_type = self.env.ref(
            "vsms_regional.mail_activity_type_vsms_personal_data",
            raise_if_not_found=False,
        )
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for consent in self:
            days = WITHDRAWAL_DEADLINE_DAYS.get(consent.kind)
            consent.message_post(
                body=self.env._("Consent withdrawn."), subtype_xmlid="mail.mt_note"
            )
            if days is None or not activity_type:
                continue
            if consent.kind == "processing":
                summary = self.env._("Delete or anonymise personal data (152-FZ)")
            else:
                summary = self.env._("Remove published personal data (152-FZ)")
            user = consent.partner_id.company_id.vsms_privacy_user_id or (
                self.env.company.vsms_privacy_user_id
            )
            consent.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=consent.date_withdrawn + timedelta(days=days),
                summary=summary,
                note=self.env._(
                    "%(person)s withdrew the consent «%(kind)s» on %(date)s.",
                    person=consent.partner_id.name,
                    kind=labels[consent.kind],
                    date=format_date(self.env, consent.date_withdrawn),
                ),
                user_id=(user or self._vsms_withdrawal_fallback_user()).id,
            )

    def _vsms_withdrawal_fallback_user(self):
        """Who gets the to-do of a withdrawal when no privacy officer is set:
        the staff member recording it, never the person withdrawing it
        themselves in the portal (then the administrator)."""
        if not self.env.user.share:
            return self.env.user
        return self.env.ref("base.user_admin")
