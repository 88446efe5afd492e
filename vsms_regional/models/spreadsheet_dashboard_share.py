"""Public links to the «ВСМС» dashboards: managers only.

A shared dashboard is a frozen copy anyone with the link can open without
logging in; the ВСМС dashboards list people (the newly elected, winners, the
elected), so only ВСМС managers may publish them. Checked on create, so it
holds for the «Share» button and for RPC alike.
"""

from odoo import api, models
from odoo.exceptions import UserError

from ..const import MANAGER_GROUP

VSMS_DASHBOARD_GROUP = "vsms_regional.spreadsheet_dashboard_group_vsms"


class SpreadsheetDashboardShare(models.Model):
    _inherit = "spreadsheet.dashboard.share"

    @api.model_create_multi
    def create(self, vals_list):
        group = self.env.ref(VSMS_DASHBOARD_GROUP, raise_if_not_found=False)
        dashboards = (
            self.env["spreadsheet.dashboard"]
            .sudo()
            .browse(
                [vals["dashboard_id"] for vals in vals_list if vals.get("dashboard_id")]
            )
        )
        restricted = dashboards.filtered(
            lambda d: group and d.dashboard_group_id == group
        )
        if restricted and not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only ВСМС managers may share the dashboard «%(name)s»: anyone "
                    "with the link could see the people it lists.",
                    name=restricted[0].name,
                )
            )
        return super().create(vals_list)
