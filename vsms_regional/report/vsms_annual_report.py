from odoo import api, models


class VsmsAnnualReportDocument(models.AbstractModel):
    _name = "report.vsms_regional.vsms_annual_report_document"
    _description = "Annual Report to the Central ВСМС (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        reports = self.env["vsms.annual.report"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "vsms.annual.report",
            "docs": reports,
            "blocks_of": {
                report.id: report._vsms_annual_blocks() for report in reports
            },
        }
