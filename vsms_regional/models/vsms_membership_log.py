from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..const import MEMBER_STATES


class VsmsMembershipLog(models.Model):
    """Append-only history of a person's member status.

    Rows are written by the system (``sudo``) whenever ``vsms_member_state``
    changes; nobody edits or deletes them through the UI or the ORM.
    """

    _name = "vsms.membership.log"
    _description = "Membership History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        # the history is kept: its person is archived, never deleted with it
        ondelete="restrict",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="partner_id.company_id", store=True, index=True, string="Company"
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Changed by",
        default=lambda self: self.env.user,
        readonly=True,
        ondelete="set null",
    )
    old_state = fields.Selection(MEMBER_STATES, string="From", readonly=True)
    new_state = fields.Selection(
        MEMBER_STATES, string="To", required=True, readonly=True, index=True
    )
    reason = fields.Text(readonly=True)
    lead_id = fields.Many2one(
        "crm.lead", string="Admission", readonly=True, ondelete="set null"
    )
    decision_id = fields.Many2one(
        "vsms.decision",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The decision of a governing body that made the change.",
    )
    member_number = fields.Char(readonly=True)

    def _check_system(self, operation):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The membership history is kept by the system: it cannot "
                    "be %(operation)s by hand.",
                    operation=operation,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_system(self.env._("created"))
        return super().create(vals_list)

    def write(self, vals):
        self._check_system(self.env._("changed"))
        return super().write(vals)

    def unlink(self):
        self._check_system(self.env._("deleted"))
        return super().unlink()
