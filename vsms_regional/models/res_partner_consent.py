"""Contacts: personal-data consents (152-ФЗ) and who may be mailed."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..const import USER_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

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

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vsms_consents(self):
        """Consents are evidence (152-ФЗ): their person is archived, not
        deleted (only superuser code may go on, e.g. merging contacts, which
        moves the consents to the merged contact first)."""
        if self.env.su:
            return
        consents = self.env["vsms.consent"].sudo().with_context(active_test=False)
        with_consents = consents.search([("partner_id", "in", self.ids)]).partner_id
        if with_consents:
            raise UserError(
                self.env._(
                    "%(people)s cannot be deleted: their consents to personal "
                    "data processing are kept as evidence. Archive the contact "
                    "instead.",
                    people=", ".join(with_consents.mapped("display_name")),
                )
            )
