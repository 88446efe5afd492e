"""«Мой кабинет»: a person's own ВСМС data in Odoo's portal (/my/vsms/…).

Every page works on the partner of the logged-in user, never on an id sent by
the client: records are read as the superuser, limited to that partner (ВСМС
fields and models are hidden from portal users, and no portal ACL or rule
opens them).  The only ids taken from the client — a consent to withdraw, a
consent text, a municipality — are checked against that partner or the data
in force.  Public users are sent to the login page (``auth="user"``); every
POST carries Odoo's CSRF token.
"""

import json

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.res_partner_portal import PORTAL_CONSENT_KINDS


class VsmsMemberPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Home cards
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        partner = request.env.user.partner_id
        if "vsms_registration_count" in counters:
            values["vsms_registration_count"] = len(self._vsms_registrations(partner))
        if "vsms_application_count" in counters:
            values["vsms_application_count"] = len(self._vsms_applications(partner))
        return values

    # ------------------------------------------------------------------
    # The person's records (as the superuser, limited to the partner)
    # ------------------------------------------------------------------
    @staticmethod
    def _vsms_registrations(partner):
        return (
            request.env["event.registration"]
            .sudo()
            .search(
                # unconfirmed drafts are not shown, but a waitlist place is
                [
                    ("partner_id", "=", partner.id),
                    "|",
                    ("state", "!=", "draft"),
                    ("vsms_waitlisted", "=", True),
                ],
                order="create_date desc, id desc",
            )
        )

    @staticmethod
    def _vsms_applications(partner):
        return (
            request.env["vsms.contest.application"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("state", "!=", "draft")],
                order="date_submitted desc, id desc",
            )
        )

    def _vsms_values(self, page_name, **values):
        result = self._prepare_portal_layout_values()
        result.update(
            page_name=page_name,
            partner=request.env.user.partner_id.sudo(),
            **values,
        )
        return result

    # ------------------------------------------------------------------
    # My data: ФИО, phone, e-mail, municipality; membership and offices
    # ------------------------------------------------------------------
    @http.route(
        "/my/vsms", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def vsms_profile(self, **post):
        partner = request.env.user.partner_id
        error = None
        form = None
        if request.httprequest.method == "POST":
            form = {
                key: post.get(key, "")
                for key in ("name", "phone", "email", "municipality_id")
            }
            try:
                # nothing of a refused change is kept
                with request.env.cr.savepoint():
                    partner._vsms_portal_update(form)
            except (ValidationError, UserError) as exc:
                error = exc.args[0]
            else:
                return request.redirect("/my/vsms?saved=1")
        partner_sudo = partner.sudo()
        return request.render(
            "vsms_regional.portal_my_vsms",
            self._vsms_values(
                "vsms_profile",
                form=form,
                error=error,
                saved=bool(post.get("saved")) and not error,
                positions=partner_sudo.vsms_position_ids.sorted(
                    lambda position: (not position.is_current, position.id)
                ),
                municipalities=request.env["vsms.municipality"].sudo().search([]),
            ),
        )

    # ------------------------------------------------------------------
    # Event registrations and contest applications (read only)
    # ------------------------------------------------------------------
    @http.route(
        "/my/vsms/registrations",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def vsms_registrations(self, **kw):
        partner = request.env.user.partner_id
        return request.render(
            "vsms_regional.portal_my_vsms_registrations",
            self._vsms_values(
                "vsms_registrations",
                registrations=self._vsms_registrations(partner),
            ),
        )

    @http.route(
        "/my/vsms/applications",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def vsms_applications(self, **kw):
        partner = request.env.user.partner_id
        return request.render(
            "vsms_regional.portal_my_vsms_applications",
            self._vsms_values(
                "vsms_applications",
                applications=self._vsms_applications(partner),
            ),
        )

    # ------------------------------------------------------------------
    # Consents: give a mailing/publication consent, withdraw any
    # ------------------------------------------------------------------
    def _vsms_render_consents(self, error=None, message=None):
        partner = request.env.user.partner_id
        consents = partner._vsms_portal_consents()
        Text = request.env["vsms.consent.text"].sudo()
        held = set(consents.filtered(lambda c: c.state == "active").mapped("kind"))
        offers = [
            (kind, Text._vsms_current(kind))
            for kind in PORTAL_CONSENT_KINDS
            if kind not in held
        ]
        return request.render(
            "vsms_regional.portal_my_vsms_consents",
            self._vsms_values(
                "vsms_consents",
                consents=consents,
                offers=[(kind, text) for kind, text in offers if text],
                error=error,
                message=message,
            ),
        )

    @http.route(
        "/my/vsms/consents", type="http", auth="user", website=True, methods=["GET"]
    )
    def vsms_consents(self, **kw):
        message = None
        if kw.get("given"):
            message = request.env._("Thank you: your consent is recorded.")
        elif kw.get("withdrawn"):
            message = request.env._(
                "Your consent is withdrawn. It took effect at once."
            )
        return self._vsms_render_consents(message=message)

    @http.route(
        "/my/vsms/consents/give",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def vsms_consent_give(self, kind=None, consent_text_id=None, agree=None, **kw):
        partner = request.env.user.partner_id
        if not agree:
            return self._vsms_render_consents(
                error=request.env._(
                    "Tick the box to confirm that you give the consent."
                )
            )
        try:
            text_id = int(consent_text_id or 0)
        except ValueError:
            text_id = 0
        try:
            with request.env.cr.savepoint():
                partner._vsms_portal_give_consent(kind, text_id)
        except (UserError, ValidationError) as exc:
            return self._vsms_render_consents(error=exc.args[0])
        return request.redirect("/my/vsms/consents?given=1")

    @http.route(
        "/my/vsms/consents/<int:consent_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def vsms_consent_withdraw(self, consent_id, **kw):
        partner = request.env.user.partner_id
        try:
            with request.env.cr.savepoint():
                partner._vsms_portal_withdraw_consent(consent_id)
        except AccessError as exc:
            raise NotFound() from exc
        except UserError as exc:
            return self._vsms_render_consents(error=exc.args[0])
        return request.redirect("/my/vsms/consents?withdrawn=1")

    # ------------------------------------------------------------------
    # Everything the branch holds about me (152-ФЗ art. 14)
    # ------------------------------------------------------------------
    @http.route(
        "/my/vsms/personal_data",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def vsms_personal_data(self, **kw):
        partner = request.env.user.partner_id
        partner._vsms_check_portal_owner()
        data = partner.sudo()._vsms_personal_data()
        partner.sudo().message_post(
            body=request.env._(
                "Personal data downloaded by the person in «My account»."
            ),
            subtype_xmlid="mail.mt_note",
        )
        body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        return request.make_response(
            body.encode(),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                (
                    "Content-Disposition",
                    http.content_disposition(f"personal_data_{partner.id}.json"),
                ),
            ],
        )
