from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.plan_execution_docx import build_docx
from ..tools.plan_period import PeriodError, period_label, period_range

REPORT_PDF = "vsms_regional.vsms_plan_execution_report_action"
REPORT_HTML = "vsms_regional.vsms_plan_execution_report_html_action"
DOCX_URL = "/vsms_regional/plan_execution/%s/docx"


class VsmsPlanExecutionReportWizard(models.TransientModel):
    _name = "vsms.plan.execution.report.wizard"
    _description = "Plan Execution Report"

    plan_id = fields.Many2one(
        "vsms.plan",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_plan(),
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        readonly=False,
        help="The year the report covers: the plan's year.",
    )
    period = fields.Selection(
        [
            ("year", "Year"),
            ("half", "Half-year"),
            ("quarter", "Quarter"),
            ("nine_months", "9 months"),
        ],
        default="year",
    )
    half = fields.Selection([("1", "I"), ("2", "II")], string="Half-year No.")
    quarter = fields.Selection(
        [("1", "I"), ("2", "II"), ("3", "III"), ("4", "IV")], string="Quarter No."
    )
    date_from = fields.Date(compute="_compute_period", string="Period Start")
    date_to = fields.Date(compute="_compute_period", string="Period End")
    period_label = fields.Char(compute="_compute_period", string="Title")

    @api.model
    def _default_plan(self):
        if self.env.context.get("active_model") == "vsms.plan":
            return self.env.context.get("active_id")
        return self.env["vsms.plan"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("plan_id")
    def _compute_year(self):
        for wizard in self:
            wizard.year = wizard.plan_id.year

    @api.depends("year", "period", "half", "quarter")
    def _compute_period(self):
        for wizard in self:
            try:
                args = wizard._period_args()
                wizard.date_from, wizard.date_to = period_range(*args)
                wizard.period_label = period_label(*args, labels=self._labels())
            except PeriodError:
                wizard.date_from = wizard.date_to = wizard.period_label = False

    def _period_args(self):
        self.ensure_one()
        number = {"half": self.half, "quarter": self.quarter}.get(self.period)
        return self.year, self.period, int(number) if number else None

    def _labels(self):
        return {
            "year": self.env._("for %(year)s"),
            "half": self.env._("for the %(number)s half of %(year)s"),
            "quarter": self.env._("for the %(number)s quarter of %(year)s"),
            "nine_months": self.env._("for 9 months of %(year)s"),
        }

    @api.constrains("plan_id", "year", "period", "half", "quarter")
    def _check_period(self):
        for wizard in self:
            wizard._check_input()

    def _check_input(self):
        """Refuse a period that is not set or not complete, and a plan of
        another year, naming the value."""
        self.ensure_one()
        periods = dict(self._fields["period"]._description_selection(self.env))
        if not self.period:
            raise ValidationError(
                self.env._(
                    "Choose the period of the report: the year, a half-year, a "
                    "quarter or 9 months (got «%(value)s»).",
                    value=self.period or "",
                )
            )
        try:
            period_range(*self._period_args())
        except PeriodError as error:
            if str(error) == "year":
                raise ValidationError(
                    self.env._(
                        "The year of the report «%(year)s» is not a year.",
                        year=error.value,
                    )
                ) from error
            raise ValidationError(
                self.env._(
                    "The period «%(period)s» needs its number: choose the %(what)s.",
                    period=periods[self.period],
                    what=self.env._("half-year")
                    if self.period == "half"
                    else self.env._("quarter"),
                )
            ) from error
        if self.plan_id.year != self.year:
            raise ValidationError(
                self.env._(
                    "Plan «%(plan)s» is the plan for %(plan_year)s, not for "
                    "%(year)s: choose the plan of %(year)s.",
                    plan=self.plan_id.name,
                    plan_year=self.plan_id.year,
                    year=self.year,
                )
            )

    # ------------------------------------------------------------------
    # Data and output
    # ------------------------------------------------------------------
    def _report_data(self):
        """The report's contents (see ``vsms.plan._execution_report_data``)."""
        self.ensure_one()
        self._check_input()
        date_from, date_to = period_range(*self._period_args())
        return self.plan_id._execution_report_data(
            date_from, date_to, label=period_label(*self._period_args(), self._labels())
        )

    def _docx_labels(self):
        return {
            "title": self.env._("Report on the execution of the work plan"),
            "summary": self.env._("Summary of the period"),
            "items": self.env._("Plan items"),
            "occurrences": self.env._("Occurrences done"),
            "held": self.env._("Meetings and events held"),
            "participants": self.env._("Participants planned / registered / actual"),
            "publications": self.env._("Publications"),
            "decisions": self.env._("Decisions adopted"),
            "number": self.env._("No."),
            "name": self.env._("Event"),
            "schedule": self.env._("Schedule"),
            "held_column": self.env._("Held"),
            "planned": self.env._("Plan"),
            "registered": self.env._("Reg."),
            "actual": self.env._("Actual"),
            "participants_column": self.env._("Participants"),
            "status": self.env._("Status"),
            "comment": self.env._("Comment"),
            "without_section": self.env._("Other items"),
        }

    def _docx_content(self):
        self.ensure_one()
        return build_docx(self._report_data(), self._docx_labels())

    def _docx_filename(self):
        self.ensure_one()
        label = self.period_label or str(self.year)
        name = self.env._("Plan execution %(period)s", period=label)
        return f"{name}.docx"

    def _report_action(self, xmlid):
        self.ensure_one()
        self._check_input()
        return self.env.ref(xmlid).report_action(self, config=False)

    def action_print_pdf(self):
        return self._report_action(REPORT_PDF)

    def action_print_html(self):
        return self._report_action(REPORT_HTML)

    def action_download_docx(self):
        self.ensure_one()
        self._check_input()
        return {
            "type": "ir.actions.act_url",
            "url": DOCX_URL % self.id,
            "target": "download",
        }
