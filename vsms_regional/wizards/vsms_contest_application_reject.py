from odoo import fields, models


class VsmsContestApplicationReject(models.TransientModel):
    """Reject applications with the reason the applicant will be told."""

    _name = "vsms.contest.application.reject"
    _description = "Reject Contest Applications"

    application_ids = fields.Many2many(
        "vsms.contest.application",
        string="Applications",
        required=True,
        default=lambda self: self._default_application_ids(),
    )
    reason = fields.Text(
        required=True,
        help="e.g. «Заявка поступила после окончания приёма» or «Не представлен "
        "отчёт о деятельности ТОС».",
    )

    def _default_application_ids(self):
        if self.env.context.get("active_model") != "vsms.contest.application":
            return False
        return self.env["vsms.contest.application"].browse(
            self.env.context.get("active_ids") or []
        )

    def action_reject(self):
        self.ensure_one()
        self.application_ids.action_reject(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
