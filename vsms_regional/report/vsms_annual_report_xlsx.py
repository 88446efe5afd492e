"""The annual report as an XLSX workbook (OCA report_xlsx): a cover sheet and
one sheet per block."""

from odoo import fields, models

# Excel's limit on a sheet's name.
SHEET_NAME_MAX = 31


class VsmsAnnualReportXlsx(models.AbstractModel):
    _name = "report.vsms_regional.vsms_annual_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Annual Report to the Central ВСМС (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        for report in objs:
            self._vsms_write_report(workbook, report)

    def _vsms_formats(self, workbook):
        base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
        cell = {**base, "border": 1}
        return {
            "title": workbook.add_format({**base, "bold": True, "font_size": 14}),
            "subtitle": workbook.add_format({**base, "bold": True, "font_size": 12}),
            "text": workbook.add_format({**base, "text_wrap": True}),
            "head": workbook.add_format(
                {
                    **cell,
                    "bold": True,
                    "text_wrap": True,
                    "align": "center",
                    "bg_color": "#D9D9D9",
                }
            ),
            "label": workbook.add_format({**cell, "text_wrap": True}),
            "number": workbook.add_format({**cell, "num_format": "#,##0"}),
            "total_label": workbook.add_format({**cell, "bold": True}),
            "total": workbook.add_format({**cell, "bold": True, "num_format": "#,##0"}),
        }

    def _vsms_write_report(self, workbook, report):
        formats = self._vsms_formats(workbook)
        blocks = report._vsms_annual_blocks()
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        today = fields.Date.context_today(self)

        cover = workbook.add_worksheet(self._vsms_sheet_name(self.env._("Cover")))
        cover.set_column(0, 0, 60)
        cover.set_column(1, 1, 20)
        cover.write(0, 0, report.company_id.name, formats["subtitle"])
        cover.write(
            2,
            0,
            self.env._(
                "Annual report to the central ВСМС for %(year)s", year=report.year
            ),
            formats["title"],
        )
        cover.write(
            3,
            0,
            self.env._("Prepared on %(date)s", date=today.strftime(lang.date_format)),
            formats["text"],
        )
        cover.write(5, 0, self.env._("Contents"), formats["subtitle"])
        for row, block in enumerate(blocks, start=6):
            cover.write(row, 0, block["title"], formats["text"])

        for block in blocks:
            sheet = workbook.add_worksheet(self._vsms_sheet_name(block["title"]))
            width = max(len(table["columns"]) for table in block["tables"])
            sheet.set_column(0, 0, 50)
            sheet.set_column(1, max(width - 1, 1), 16)
            sheet.write(0, 0, block["title"], formats["title"])
            sheet.write(
                1,
                0,
                self.env._(
                    "%(company)s, %(year)s",
                    company=report.company_id.name,
                    year=report.year,
                ),
                formats["text"],
            )
            row = 3
            for table in block["tables"]:
                row = self._vsms_write_table(sheet, row, table, formats) + 1

    def _vsms_write_table(self, sheet, row, table, formats):
        sheet.write(row, 0, table["title"], formats["subtitle"])
        row += 1
        sheet.write_row(row, 0, table["columns"], formats["head"])
        row += 1
        lines = [(line, "label", "number") for line in table["rows"]]
        if table["total"]:
            lines.append((table["total"], "total_label", "total"))
        for line, label_format, number_format in lines:
            sheet.write(row, 0, line[0], formats[label_format])
            sheet.write_row(row, 1, line[1:], formats[number_format])
            row += 1
        return row

    def _vsms_sheet_name(self, title):
        # Excel forbids []:*?/\ in sheet names
        for char in "[]:*?/\\":
            title = title.replace(char, " ")
        return title[:SHEET_NAME_MAX]
