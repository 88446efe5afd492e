"""Contacts: what a person does about themselves in the member portal.

The portal controllers (controllers/portal.py) call these methods on the
partner of the logged-in user only, as the superuser: ВСМС fields are hidden
from portal users, and no portal ACL opens them.  Each method checks again
that the partner is the current user's own.
"""

from odoo import models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..tools import names
from .res_partner_contact_base import EMAIL_ADDRESS

# What a person may change about themselves in the portal.
PORTAL_FIELDS = ("name", "phone", "email", "vsms_municipality_id")
# The consents a person may give online from the portal (processing is given
# with what it is for: an event registration, a contest application).
PORTAL_CONSENT_KINDS = ("mailing", "publication")


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_check_portal_owner(self):
        """Only the person may act on their own contact in the portal."""
        self.ensure_one()
        if self.env.user.partner_id != self:
            raise AccessError(
                self.env._("You can only change your own data in «My account».")
            )

    def _vsms_portal_values(self, form):
        """The values to write from the portal form ``form`` (a dict of
        strings): checked and formatted; ValidationError names the bad value."""
        self._vsms_check_portal_owner()
        partner = self.sudo()
        name = names.clean(form.get("name"))
        if not names.is_cyrillic_full_name(name):
            raise ValidationError(
                self.env._(
                    "«%(name)s» is not a full name: write your last name, first "
                    "name and patronymic in Cyrillic letters, e.g. «Иванов Иван "
                    "Иванович».",
                    name=name,
                )
            )
        email = (form.get("email") or "").strip()
        if not EMAIL_ADDRESS.fullmatch(email):
            raise ValidationError(
                self.env._("«%(email)s» is not a valid e-mail address.", email=email)
            )
        phone = (form.get("phone") or "").strip()
        if phone:
            country = partner.country_id or self.env.ref("base.ru")
            try:
                phone = partner._phone_format(
                    number=phone,
                    country=country,
                    force_format="INTERNATIONAL",
                    raise_exception=True,
                )
            except UserError as error:
                raise ValidationError(
                    self.env._("«%(phone)s» is not a valid phone number.", phone=phone)
                ) from error
        municipality = self.env["vsms.municipality"]
        raw_municipality = (form.get("municipality_id") or "").strip()
        if raw_municipality:
            if raw_municipality.isdigit():
                # one of the list offered (archived ones are not)
                municipality = municipality.sudo().search(
                    [("id", "=", int(raw_municipality))], limit=1
                )
            if not municipality:
                raise ValidationError(
                    self.env._(
                        "Unknown municipality «%(municipality)s».",
                        municipality=raw_municipality,
                    )
                )
        return {
            "name": name,
            "email": email,
            "phone": phone or False,
            "vsms_municipality_id": municipality.id,
        }

    def _vsms_portal_update(self, form):
        """Save the person's own data from the portal form: the same checks
        as staff edits (name parts, e-mail of the contact base, constraints),
        then a note for staff with what changed and any likely duplicates.
        Returns the fields that changed."""
        vals = self._vsms_portal_values(form)
        partner = self.sudo()
        changed = [
            name
            for name in PORTAL_FIELDS
            if (
                partner[name].id
                if partner._fields[name].type == "many2one"
                else (partner[name] or False)
            )
            != vals[name]
        ]
        if not changed:
            return []
        before = {name: partner[name] for name in changed}
        partner.write({name: vals[name] for name in changed})
        partner.flush_recordset()
        lines = []
        for name in changed:
            field = partner._fields[name]

            def show(value, field=field):
                if field.type == "many2one":
                    return value.display_name or "—"
                return value or "—"

            lines.append(
                f"{field._description_string(self.env)}: "
                f"{show(before[name])} → {show(partner[name])}"
            )
        body = self.env._(
            "The person changed their data in «My account»: %(changes)s.",
            changes="; ".join(lines),
        )
        duplicates = partner.search(partner._vsms_duplicate_domain(), limit=5)
        if duplicates:
            body += " " + self.env._(
                "Possible duplicates: %(names)s.",
                names=", ".join(duplicates.mapped("display_name")),
            )
        partner.message_post(body=body, subtype_xmlid="mail.mt_note")
        return changed

    def _vsms_portal_consents(self):
        """The person's consents, newest first (as the superuser)."""
        self._vsms_check_portal_owner()
        return (
            self.env["vsms.consent"]
            .sudo()
            .search([("partner_id", "=", self.id)], order="date_given desc, id desc")
        )

    def _vsms_portal_give_consent(self, kind, text_id):
        """Record a consent the person gives online in the portal, with the
        text shown to them (``text_id``: the one in force when they ticked)."""
        self._vsms_check_portal_owner()
        Consent = self.env["vsms.consent"].sudo()
        labels = dict(Consent._fields["kind"]._description_selection(self.env))
        if kind not in PORTAL_CONSENT_KINDS:
            raise UserError(
                self.env._(
                    "A consent «%(kind)s» cannot be given online.",
                    kind=labels.get(kind, kind),
                )
            )
        text = self.env["vsms.consent.text"].sudo()._vsms_current(kind)
        if not text or text.id != text_id:
            raise UserError(
                self.env._(
                    "The text of the consent «%(kind)s» has changed: read it "
                    "again and tick the box.",
                    kind=labels[kind],
                )
            )
        if Consent.search_count(
            Domain("partner_id", "=", self.id) & Consent._active_domain(kind), limit=1
        ):
            raise UserError(
                self.env._(
                    "You have already given the consent «%(kind)s».",
                    kind=labels[kind],
                )
            )
        return Consent._vsms_record_online(self, kind, text=text, source="website")

    def _vsms_portal_withdraw_consent(self, consent_id):
        """Withdraw one of the person's own consents at once (as staff do)."""
        self._vsms_check_portal_owner()
        consent = self._vsms_portal_consents().filtered(
            lambda consent: consent.id == consent_id
        )
        if not consent:
            raise AccessError(self.env._("This consent is not yours."))
        if consent.state == "withdrawn":
            raise UserError(
                self.env._(
                    "This consent was already withdrawn on %(date)s.",
                    date=format_date(self.env, consent.date_withdrawn),
                )
            )
        consent.action_withdraw()
        return consent
