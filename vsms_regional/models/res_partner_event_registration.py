"""Contacts of people who register on the website: matched to the contact
base, never duplicated."""

from odoo import api, models
from odoo.tools import email_normalize


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _vsms_match_or_create(self, name, email=None, phone=None, by_name=False):
        """The contact of a person who gave ``name`` and ``email`` on a
        public form: an existing one found by the contact base's duplicate
        rules (same e-mail, or same name and municipality), else a new one.

        With ``by_name`` (a pupil registered under a teacher's or parent's
        e-mail) only a contact with that e-mail AND that name matches, and a
        new pupil does not take the adult's e-mail."""
        Partner = self.sudo()
        name = " ".join((name or "").split())
        normalized = email_normalize(email or "")
        if not name and not normalized:
            return Partner.browse()
        probe = Partner.new({"name": name or normalized, "email": normalized or False})
        candidates = Partner.search(probe._vsms_duplicate_domain(), order="id")

        def same_name(partner):
            return (partner.name or "").strip().lower() == name.lower()

        if by_name or not normalized:
            candidates = candidates.filtered(same_name)
        else:
            candidates = candidates.filtered(
                lambda partner: partner.email_normalized == normalized
            )
            candidates = candidates.filtered(same_name) or candidates
        if candidates:
            return candidates[0]
        email_taken = (
            by_name
            and normalized
            and Partner.search_count([("email_normalized", "=", normalized)], limit=1)
        )
        return Partner.create(
            {
                "name": name or normalized,
                "email": False if email_taken else (normalized or False),
                "phone": phone or False,
            }
        )
