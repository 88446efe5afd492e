"""Applications get a number (З-2026-00001) and say where they came from."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.records import changed_fields

SEQUENCE_CODE = "vsms.contest.application"


class VsmsContestApplication(models.Model):
    _inherit = "vsms.contest.application"

    number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        help="Given when the application is created; the applicant quotes it.",
    )
    source = fields.Selection(
        [("staff", "Entered by staff"), ("website", "Website form")],
        required=True,
        default="staff",
        readonly=True,
        copy=False,
        index=True,
    )

    _number_uniq = models.UniqueIndex(
        "(number) WHERE number IS NOT NULL",
        "Two applications cannot have the same number.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if vals.get("number"):
                raise UserError(self.env._("The number of an application is given."))
            vals["number"] = Sequence.next_by_code(SEQUENCE_CODE)
        return super().create(vals_list)

    @api.model
    def _vsms_number_missing(self):
        """Number the applications made before applications had numbers
        (in the order they came)."""
        Sequence = self.env["ir.sequence"].sudo()
        for application in self.sudo().search(
            [("number", "=", False)], order="date_submitted, id"
        ):
            application.number = Sequence.next_by_code(SEQUENCE_CODE)

    def write(self, vals):
        for application in self:
            if application.number and changed_fields(application, vals, ("number",)):
                raise UserError(
                    self.env._(
                        "The number of the application %(number)s cannot change.",
                        number=application.number,
                    )
                )
        return super().write(vals)
