from odoo import api, fields, models

from .vsms_contest_protocol import initials_name, long_date

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class ReportVsmsContestDiploma(models.AbstractModel):
    _name = "report.vsms_regional.vsms_contest_report_diploma_document"
    _description = "Contest Diplomas"

    @api.model
    def _get_report_values(self, docids, data=None):
        contests = self.env["vsms.contest"].browse(docids)
        diplomas = []
        for contest in contests:
            chair = contest.juror_ids.filtered(lambda j: j.role == "chair")[:1]
            winners = contest._vsms_prize_winners().with_env(self.env)
            for app in winners.sorted(
                lambda a: (
                    a.nomination_id.sequence,
                    a.nomination_id.id or 0,
                    a.grade if a.contest_id.kind == "olympiad" else 0,
                    a.place or a.rank or 0,
                    a.partner_id.name or "",
                )
            ):
                diplomas.append(
                    {
                        "application": app,
                        "contest": contest,
                        "title": self._title(app),
                        "name": app.partner_id.name,
                        "nomination": app.nomination_id.name or "",
                        "school": app.school_id.name or "",
                        "grade": app.grade if contest.kind == "olympiad" else 0,
                        "date": long_date(
                            self.env,
                            contest.date_results or fields.Date.context_today(self),
                        ),
                        "chair": chair.name or "",
                        "chair_signature": initials_name(chair.name),
                        "company": contest.company_id,
                    }
                )
        return {
            "doc_ids": docids,
            "doc_model": "vsms.contest",
            "docs": contests,
            "diplomas": diplomas,
        }

    def _title(self, app):
        if app.contest_id.kind == "olympiad":
            if app.result == "winner":
                return self.env._("Winner's Diploma")
            return self.env._("Prize-winner's Diploma")
        degree = ROMAN[app.place - 1] if app.place <= len(ROMAN) else str(app.place)
        return self.env._("Diploma of the %(degree)s degree", degree=degree)
