from odoo import fields, models

from ..tools import guard

# Writing only the execution comment is allowed on a closed plan: the report
# on how the plan was carried out is written after the year is closed.
COMMENT_KEY = "vsms.plan.item.execution_comment"


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    execution_comment = fields.Text(
        tracking=True,
        help="How the item was carried out, in a few words: printed in the "
        "plan-execution report.",
    )

    def write(self, vals):
        if vals and vals.keys() <= {"execution_comment"}:
            with guard.allowing(COMMENT_KEY):
                return super().write(vals)
        return super().write(vals)
