from odoo import api, fields, models

from ..const import MEMBER_STATES, REASON_REQUIRED


class VsmsMemberStateWizard(models.TransientModel):
    _name = "vsms.member.state.wizard"
    _description = "Change Member Status"

    partner_ids = fields.Many2many("res.partner", string="People", required=True)
    new_state = fields.Selection(MEMBER_STATES, string="New status", required=True)
    reason = fields.Text(
        help="Required to suspend a member or record that they left, e.g. "
        "«Решение Президиума № 3/2026» or «личное заявление».",
    )
    reason_required = fields.Boolean(compute="_compute_reason_required")

    @api.depends("new_state")
    def _compute_reason_required(self):
        for wizard in self:
            wizard.reason_required = wizard.new_state in REASON_REQUIRED

    def action_apply(self):
        self.ensure_one()
        self.partner_ids._vsms_set_member_state(self.new_state, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
