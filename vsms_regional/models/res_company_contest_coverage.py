from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_coverage_gap_sections(self):
        """Contests whose results are final, without a published publication."""
        sections = super()._vsms_coverage_gap_sections()
        env = self.with_company(self).env
        contests = env["vsms.contest"].search(
            [("coverage_gap", "=", True)], order="date_results"
        )
        sections.append(
            {
                "title": env._("Contests"),
                "rows": [
                    {
                        "name": contest.name,
                        "date": contest.date_results,
                        "where": "",
                        "responsible": "",
                    }
                    for contest in contests
                ],
            }
        )
        return sections
