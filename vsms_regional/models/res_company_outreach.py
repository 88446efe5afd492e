from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    vsms_coverage_gap_days = fields.Integer(
        string="Days to cover an event",
        default=7,
        help="An event or meeting held this many days ago without a "
        "published publication is a coverage gap.",
    )
    vsms_monitoring_gap_months = fields.Integer(
        string="Months between monitoring notes",
        default=6,
        help="A municipality without a monitoring note in this many months "
        "is not covered by monitoring.",
    )

    @api.constrains("vsms_coverage_gap_days", "vsms_monitoring_gap_months")
    def _check_vsms_outreach_periods(self):
        for company in self:
            if company.vsms_coverage_gap_days < 0:
                raise ValidationError(
                    self.env._(
                        "The days to cover an event cannot be negative (%(days)s).",
                        days=company.vsms_coverage_gap_days,
                    )
                )
            if company.vsms_monitoring_gap_months < 1:
                raise ValidationError(
                    self.env._(
                        "The months between monitoring notes must be at least "
                        "one (%(months)s).",
                        months=company.vsms_monitoring_gap_months,
                    )
                )

    # ------------------------------------------------------------------
    # «Мероприятия без освещения» report
    # ------------------------------------------------------------------
    def _vsms_coverage_gap_sections(self):
        """What was held without a published publication: one section per
        kind of thing covered, each ``{"title", "rows"}`` with rows of
        ``{"name", "date", "where", "responsible"}`` (other modules append
        their own sections)."""
        self.ensure_one()
        env = self.with_company(self).env
        events = env["event.event"].search(
            [("vsms_coverage_gap", "=", True)], order="date_end"
        )
        meetings = env["calendar.event"].search(
            [("vsms_coverage_gap", "=", True)], order="stop"
        )
        return [
            {
                "title": env._("Events"),
                "rows": [
                    {
                        "name": event.name,
                        "date": event._vsms_start_day(),
                        "where": event.address_id.display_name or "",
                        "responsible": event.user_id.name or "",
                    }
                    for event in events
                ],
            },
            {
                "title": env._("Meetings"),
                "rows": [
                    {
                        "name": meeting.name,
                        "date": meeting._vsms_meeting_date(),
                        "where": meeting.location or "",
                        "responsible": meeting.user_id.name or "",
                    }
                    for meeting in meetings
                ],
            },
        ]

    def _vsms_coverage_gap_subtitle(self):
        """The report's subtitle: whose gaps, how many days, as of today."""
        self.ensure_one()
        return self.env._(
            "%(company)s: held more than %(days)s days ago without a published "
            "publication, as of %(date)s.",
            company=self.name,
            days=self.vsms_coverage_gap_days,
            date=fields.Date.context_today(self).strftime("%d.%m.%Y"),
        )

    def action_vsms_print_coverage_gaps(self):
        return self.env.ref(
            "vsms_regional.res_company_report_vsms_coverage_gap"
        ).report_action(self.env.company, config=False)
