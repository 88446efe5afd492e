from odoo import http
from odoo.http import request

from ..const import USER_GROUP

DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class VsmsPlanDocx(http.Controller):
    @http.route(
        "/vsms/plan/<int:plan_id>/docx", type="http", auth="user", methods=["GET"]
    )
    def plan_docx(self, plan_id):
        """Download the work plan as a Word document (ВСМС staff)."""
        if not request.env.user.has_group(USER_GROUP):
            raise request.not_found()
        plan = request.env["vsms.plan"].browse(plan_id).exists()
        if not plan:
            raise request.not_found()
        plan.check_access("read")
        filename, content = plan._vsms_export_docx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
