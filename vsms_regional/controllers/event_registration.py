"""Public event registration: what the branch needs to know, a separate
personal-data consent (152-ФЗ), no duplicate registrations or contacts, and
a waitlist when the event is full."""

from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.website_event.controllers.main import WebsiteEventController

from ..models.event_registration import PARTICIPANT_CATEGORIES

# per-attendee keys of the form, besides Odoo's questions: "<n>-<field>"
ATTENDEE_FIELDS = ("vsms_category", "vsms_organization")
GUARDIAN_RELATIONS = ("mother", "father", "guardian", "other")
MAX_WAITLIST_ATTENDEES = 30


class VsmsWebsiteEventController(WebsiteEventController):
    # ------------------------------------------------------------------
    # form parsing
    # ------------------------------------------------------------------

    def _process_attendees_form(self, event, form_details):
        registrations = super()._process_attendees_form(event, form_details)
        # super() lists the attendees in the order their index first appears
        # among the posted keys that it uses: find that order again
        allowed_core = request.env[
            "event.registration"
        ]._get_website_registration_allowed_fields()
        indexes = []
        for key, value in form_details.items():
            parts = key.split("-")
            if not value or len(parts) not in (2, 3) or not parts[0].isdigit():
                continue
            if len(parts) == 2 and parts[1] not in allowed_core:
                continue
            if len(parts) == 3 and not int(parts[0]):
                continue
            if parts[0] not in indexes:
                indexes.append(parts[0])
        categories = {code for code, _label in PARTICIPANT_CATEGORIES}
        allowed = request.env["event.registration"]._vsms_website_fields()
        for index, values in zip(indexes, registrations, strict=False):
            for field in ATTENDEE_FIELDS:
                if field not in allowed:
                    continue
                value = (form_details.get(f"{index}-{field}") or "").strip()
                if field == "vsms_category" and value not in categories:
                    continue
                if value:
                    values[field] = value[:200]
        return registrations

    def _vsms_form_error(self, event, code, **params):
        query = url_encode({"registration_error_code": code, **params})
        return request.redirect(f"/event/{event.id}/register?{query}")

    # ------------------------------------------------------------------
    # confirm
    # ------------------------------------------------------------------

    @http.route()
    def registration_confirm(self, event, **post):
        """Odoo's confirm, with the consent, duplicates, contacts and the
        serialised seat decision (full: waitlist or a clear refusal)."""
        try:
            request.env["ir.http"]._verify_request_recaptcha_token(
                "website_event_registration"
            )
        except UserError:
            return self._vsms_form_error(event, "recaptcha_failed")
        try:
            registrations_data = self._process_attendees_form(event, post)
        except (UserError, ValueError):
            return self._vsms_form_error(event, "insufficient_seats")
        if not registrations_data:
            return self._vsms_form_error(event, "vsms_no_attendee")
        Consent = request.env["vsms.consent"].sudo()
        Text = request.env["vsms.consent.text"].sudo()
        text = Text.browse()
        if str(post.get("consent_text_id") or "").isdigit():
            text = Text.browse(int(post["consent_text_id"])).exists()
        if not text or text.kind != "processing" or not text.active:
            text = Text._vsms_current("processing")
        consent = event.vsms_consent_required
        if consent and (not post.get("vsms_consent") or not text):
            return self._vsms_form_error(event, "vsms_consent")
        minor = consent and bool(post.get("vsms_minor"))
        guardian_name = " ".join((post.get("vsms_guardian_name") or "").split())
        relation = post.get("vsms_guardian_relation")
        if relation not in GUARDIAN_RELATIONS:
            relation = "other"
        if minor and not guardian_name:
            return self._vsms_form_error(event, "vsms_guardian")
        Registration = request.env["event.registration"].sudo()
        # the same person twice (here or already registered): a clear message
        duplicate = Registration._vsms_find_duplicate(
            event, registrations_data, by_name=minor
        )
        if duplicate:
            return self._vsms_form_error(event, "vsms_duplicate", vsms_email=duplicate)
        Partner = request.env["res.partner"].sudo()
        try:
            # nothing is saved (not even a contact) if the event refuses them
            with request.env.cr.savepoint():
                guardian = Partner.browse()
                if minor:
                    guardian = Partner._vsms_match_or_create(
                        guardian_name,
                        email=post.get("vsms_guardian_email")
                        or registrations_data[0].get("email"),
                    )
                for values in registrations_data:
                    values["partner_id"] = Partner._vsms_match_or_create(
                        values.get("name"),
                        email=values.get("email"),
                        phone=values.get("phone"),
                        by_name=minor,
                    ).id
                attendees_sudo = self._create_attendees_from_registration_post(
                    event, registrations_data
                )
                for partner in attendees_sudo.partner_id if consent else ():
                    Consent._vsms_record_online(
                        partner,
                        "processing",
                        text=text,
                        guardian=guardian or None,
                        relation=relation if guardian else None,
                        source="website",
                        note=request.env._(
                            "Given when registering for «%(event)s».",
                            event=event.name,
                        ),
                    )
        except ValidationError:
            # full, and the event keeps no waitlist
            return self._vsms_form_error(event, "insufficient_seats")
        query = url_encode({"registration_ids": ",".join(map(str, attendees_sudo.ids))})
        return request.redirect(f"/event/{event.id}/registration/success?{query}")

    def _create_attendees_from_registration_post(self, event, registration_data):
        # our partner (matched to the contact base) beats the visitor's one
        partners = [values.get("partner_id") for values in registration_data]
        attendees = super()._create_attendees_from_registration_post(
            event, registration_data
        )
        for attendee, partner_id in zip(attendees, partners, strict=True):
            if partner_id and attendee.partner_id.id != partner_id:
                attendee.partner_id = partner_id
        return attendees

    # ------------------------------------------------------------------
    # waitlist page (the event is full)
    # ------------------------------------------------------------------

    @http.route(
        ['/event/<model("event.event"):event>/waitlist'],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def vsms_waitlist(self, event, quantity="1", **kwargs):
        if not event.vsms_waitlist_enabled or not event.website_published:
            raise request.not_found()
        quantity = int(quantity) if str(quantity).isdigit() else 1
        quantity = min(max(quantity, 1), MAX_WAITLIST_ATTENDEES)
        return request.render(
            "vsms_regional.event_waitlist_page",
            {
                "event": event,
                "main_object": event,
                "quantity": quantity,
                "ticket": event.event_ticket_ids[:1],
            },
        )
