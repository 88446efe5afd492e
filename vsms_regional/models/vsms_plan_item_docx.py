from odoo import fields, models
from odoo.exceptions import ValidationError

from ..tools.guard import allowed

# Opened by the Word import (``tools.guard.allowing``): items whose schedule
# cannot be parsed are created with the error shown on them, not refused.
KEEP_SCHEDULE_ERRORS = "vsms_plan_keep_schedule_errors"


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    schedule_error = fields.Char(
        readonly=True,
        copy=False,
        help="Why the schedule imported from a document was not understood. "
        "The item has no occurrences until its schedule is corrected.",
    )

    def _sync_occurrences(self):
        """Within the Word import, an item whose schedule is not understood
        keeps the text as written and the error, and gets no occurrences;
        anywhere else such a schedule is refused as before.  A schedule that
        is understood clears the error."""
        failed = self.browse()
        if allowed(KEEP_SCHEDULE_ERRORS):
            for item in self:
                try:
                    item._parse_schedule()
                except ValidationError as error:
                    item.schedule_error = error.args[0]
                    failed |= item
        parsed = self - failed
        result = super(VsmsPlanItem, parsed)._sync_occurrences()
        parsed.filtered("schedule_error").schedule_error = False
        return result
