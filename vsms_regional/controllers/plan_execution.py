from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.http import request

from ..const import USER_GROUP

DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class VsmsPlanExecution(http.Controller):
    @http.route(
        "/vsms_regional/plan_execution/<int:wizard_id>/docx",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def plan_execution_docx(self, wizard_id):
        """Download the plan-execution report chosen in the wizard as .docx
        (ВСМС staff, their own wizard only)."""
        if not request.env.user.has_group(USER_GROUP):
            raise request.not_found()
        wizard = request.env["vsms.plan.execution.report.wizard"].browse(wizard_id)
        try:
            if not wizard.exists():
                raise request.not_found()
            wizard.check_access("read")
            content = wizard._docx_content()
        except (AccessError, ValidationError):
            raise request.not_found() from None
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                (
                    "Content-Disposition",
                    http.content_disposition(wizard._docx_filename()),
                ),
            ],
        )
