"""What the jury protocol and the diplomas of a contest print.

Both reports are for ВСМС staff (the report actions are restricted to them):
they read the applicants' names. An olympiad's works are listed by code while
judging, and by code and name once the results are final.
"""

from odoo import api, fields, models
from odoo.tools import format_date

from ..tools.schedule import MONTHS_GENITIVE


def long_date(env, day):
    """«15 декабря 2021 г.» in Russian, the local long format otherwise."""
    if not day:
        return ""
    if (env.lang or "").startswith("ru"):
        return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} г."
    return format_date(env, day, date_format="long")


def initials_name(name):
    """«И. П. Иванов» from «Иванов Иван Петрович», as signatures are written."""
    words = (name or "").split()
    if len(words) < 2:
        return name or ""
    return " ".join([f"{word[0]}." for word in words[1:3]] + [words[0]])


class ReportVsmsContestProtocol(models.AbstractModel):
    _name = "report.vsms_regional.vsms_contest_report_protocol_document"
    _description = "Contest Jury Protocol"

    @api.model
    def _get_report_values(self, docids, data=None):
        contests = self.env["vsms.contest"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "vsms.contest",
            "docs": contests,
            "protocols": {contest.id: self._protocol(contest) for contest in contests},
        }

    def _label(self, application, final):
        """How the protocol names an application: an olympiad's works by
        code while judging, by code and name once the results are final."""
        if application.contest_id.kind != "olympiad":
            return application.partner_id.name or application.display_label
        if final and application.code:
            return f"{application.code} — {application.partner_id.name}"
        return application.code or application.display_label

    def _organization(self, application):
        if application.contest_id.kind == "olympiad":
            return application.school_id.name or ""
        return application.organization_id.name or application.organization or ""

    def _protocol(self, contest):
        final = contest.state == "done"
        olympiad = contest.kind == "olympiad"
        data = contest._vsms_protocol_data()
        criteria = data["criteria"].sorted(lambda c: (c.sequence, c.id))
        means = data["means"]
        sections = []
        for group in data["nominations"]:
            title = group["nomination"].name or ""
            if group["grade"]:
                grade = self.env._("grade %(grade)s", grade=group["grade"])
                title = f"{title}, {grade}" if title else grade
            sections.append(
                {
                    "title": title,
                    "rows": [
                        {
                            "application": app,
                            "label": self._label(app, final),
                            "organization": self._organization(app),
                            "means": [means.get((app.id, c.id)) for c in criteria],
                            "result": self._result_text(app),
                        }
                        for app in group["applications"]
                    ],
                }
            )
        appeal_states = dict(
            self.env["vsms.contest.appeal"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        roles = dict(
            self.env["vsms.contest.juror"]
            ._fields["role"]
            ._description_selection(self.env)
        )
        return {
            "final": final,
            "criteria": criteria,
            "sections": sections,
            "conflicts": [
                {"juror": juror.name, "application": self._label(app, final)}
                for juror, app in data["conflicts"]
            ],
            "appeals": [
                {
                    "application": self._label(appeal.application_id, final),
                    "date": format_date(self.env, appeal.date.date()),
                    "reason": appeal.reason,
                    "state": appeal_states[appeal.state],
                    "decision": appeal.decision_note or "",
                }
                for appeal in data["appeals"].sorted(lambda a: (a.date, a.id))
            ]
            if olympiad
            else [],
            "jurors": [
                {
                    "role": roles[juror.role],
                    "name": juror.name,
                    "signature": initials_name(juror.name),
                }
                for juror in data["jurors"].sorted(lambda j: (j.role_sequence, j.id))
            ],
            "date": long_date(
                self.env, contest.date_results or fields.Date.context_today(self)
            ),
        }

    def _result_text(self, app):
        if app.contest_id.kind == "olympiad":
            if not app.result:
                return ""
            return dict(app._fields["result"]._description_selection(self.env))[
                app.result
            ]
        return str(app.place) if app.place else "—"
