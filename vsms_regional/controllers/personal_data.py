import json

from odoo import http
from odoo.http import request

from ..const import MANAGER_GROUP


class VsmsPersonalData(http.Controller):
    @http.route(
        "/vsms/partner/<int:partner_id>/personal_data",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def personal_data(self, partner_id):
        """Download, as JSON, all the addon stores about one person (managers)."""
        if not request.env.user.has_group(MANAGER_GROUP):
            raise request.not_found()
        partner = request.env["res.partner"].browse(partner_id).exists()
        if not partner:
            raise request.not_found()
        partner.check_access("read")
        data = partner._vsms_personal_data()
        partner.sudo().message_post(
            body=request.env._(
                "Personal data exported by %(user)s.", user=request.env.user.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        filename = f"personal_data_{partner.id}.json"
        return request.make_response(
            body.encode(),
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
