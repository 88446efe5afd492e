from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..const import USER_GROUP


class VsmsPlanRealizationMixin(models.AbstractModel):
    """A meeting or an event that realises an occurrence of the work plan."""

    _name = "vsms.plan.realization.mixin"
    _description = "Realisation of a Work Plan Occurrence"

    vsms_occurrence_id = fields.Many2one(
        "vsms.plan.occurrence",
        string="Plan Occurrence",
        index=True,
        ondelete="set null",
        copy=False,
        groups=USER_GROUP,
        domain="[('item_id', '=?', vsms_plan_item_id)]",
        help="The period of the work plan that this realises.",
    )
    vsms_plan_item_id = fields.Many2one(
        "vsms.plan.item",
        string="Plan Item",
        compute="_compute_vsms_plan_item_id",
        store=True,
        readonly=False,
        index=True,
        copy=False,
        groups=USER_GROUP,
    )

    @api.depends("vsms_occurrence_id")
    def _compute_vsms_plan_item_id(self):
        for record in self:
            if record.vsms_occurrence_id:
                record.vsms_plan_item_id = record.vsms_occurrence_id.item_id

    def _vsms_start_day(self):
        """The local day the meeting or event starts on."""
        raise NotImplementedError

    def _vsms_check_occurrence(self):
        """The occurrence belongs to the plan item, and the start day lies in
        the occurrence's period."""
        for record in self.filtered("vsms_occurrence_id"):
            occurrence = record.vsms_occurrence_id
            item = record.vsms_plan_item_id
            if item and occurrence.item_id != item:
                raise ValidationError(
                    self.env._(
                        "«%(occurrence)s» is not an occurrence of «%(item)s».",
                        occurrence=occurrence.display_name,
                        item=item.display_name,
                    )
                )
            day = record._vsms_start_day()
            if day and not occurrence.date_start <= day <= occurrence.date_end:
                raise ValidationError(
                    self.env._(
                        "«%(name)s» on %(date)s lies outside its plan period "
                        "«%(period)s» (%(start)s – %(end)s).",
                        name=record.display_name,
                        date=format_date(self.env, day),
                        period=occurrence.name,
                        start=format_date(self.env, occurrence.date_start),
                        end=format_date(self.env, occurrence.date_end),
                    )
                )
