"""The annual report to the central ВСМС: the figures of a year, printed as
XLSX (one sheet per block) and PDF."""

import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..const import DEFAULT_TZ
from ..models.vsms_candidate import ON_BALLOT
from ..tools import annual_report as tools

# Filed applications (drafts and withdrawn ones are not counted).
FILED_APPLICATIONS = ("submitted", "admitted", "rejected")
# Decisions adopted (carried out ones were adopted first).
ADOPTED_DECISIONS = ("adopted", "done")
# Registrations counted as registered (Odoo's «Registered» and «Attended»).
REGISTERED = ("open", "done")


class VsmsAnnualReport(models.TransientModel):
    _name = "vsms.annual.report"
    _description = "Annual Report to the Central ВСМС"

    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            report._vsms_check_year()

    def _vsms_check_year(self):
        if not tools.year_in_range(self.year):
            raise ValidationError(
                self.env._(
                    "The annual report cannot be made for the year %(year)s: "
                    "choose a year from %(min)s to %(max)s.",
                    year=self.year,
                    min=tools.YEAR_MIN,
                    max=tools.YEAR_MAX,
                )
            )

    # ------------------------------------------------------------------
    # Periods and domains (the same as the dashboards and lists use)
    # ------------------------------------------------------------------
    def _vsms_tz(self):
        return self.company_id.partner_id.tz or DEFAULT_TZ

    def _vsms_period(self):
        """``(start, end, date_from, date_to)``: the year's moments (naive
        UTC datetimes, see tools/annual_report.py) and its first and last
        days."""
        start, end = tools.year_moments(self.year, self._vsms_tz())
        return (
            start,
            end,
            datetime.date(self.year, 1, 1),
            datetime.date(self.year, 12, 31),
        )

    def _vsms_company_domain(self, field="company_id", shared=False):
        companies = [self.company_id.id] + ([False] if shared else [])
        return Domain(field, "in", companies)

    def _vsms_domains(self):
        """The domain of each block's records for this year and company:
        what the lists behind the report's figures show."""
        self.ensure_one()
        start, end, date_from, date_to = self._vsms_period()
        # datetimes: after the close of the previous year, up to the close
        # of this one (to the second)
        in_year = {
            field: Domain(field, ">", start) & Domain(field, "<=", end)
            for field in ("date", "start", "date_begin", "date_submitted")
        }
        days = {
            field: Domain(field, ">=", date_from) & Domain(field, "<=", date_to)
            for field in ("date", "date_end", "date_done", "contest_id.date_results")
        }
        return {
            # up to the close of the year: the states on both dates come
            # from it
            "membership_log": Domain("date", "<=", end)
            & self._vsms_company_domain(shared=True),
            "meetings": in_year["start"]
            & Domain("vsms_body_id", "!=", False)
            & Domain("vsms_meeting_state", "=", "held")
            & self._vsms_company_domain("vsms_body_id.company_id"),
            "decisions": days["date"]
            & Domain("state", "in", ADOPTED_DECISIONS)
            & self._vsms_company_domain(),
            "events": in_year["date_begin"] & self._vsms_company_domain(shared=True),
            "applications": in_year["date_submitted"]
            & Domain("state", "in", FILED_APPLICATIONS)
            & self._vsms_company_domain(),
            "winners": Domain("place", ">", 0)
            & Domain("contest_id.state", "=", "done")
            & days["contest_id.date_results"]
            & self._vsms_company_domain(),
            "elections": days["date_end"] & self._vsms_company_domain(),
            "mandates_received": days["date"] & self._vsms_company_domain(),
            "mandates_done": days["date_done"]
            & Domain("state", "=", "done")
            & self._vsms_company_domain(),
            "publications": days["date"]
            & Domain("state", "=", "published")
            & self._vsms_company_domain(),
        }

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def _vsms_annual_figures(self):
        """Every figure of the report, computed with a fixed number of
        queries (grouped reads and one read of the history), whatever the
        number of records.  Read as the current user: the record rules of
        the lists apply."""
        self.ensure_one()
        self.check_access("read")
        self._vsms_check_year()
        domains = self._vsms_domains()
        env = self.env
        figures = {
            "year": self.year,
            "company": self.company_id,
            "membership": self._vsms_membership_figures(domains),
        }

        # governing bodies: meetings held and decisions adopted
        # Grouped reads of calendar.event leave out, for whoever is not their
        # organiser, meetings whose privacy follows the organiser's default
        # (calendar's privacy domain): the meetings are searched as the user
        # (record rules apply), then counted by body whatever their privacy.
        held = env["calendar.event"]._search(domains["meetings"])
        meetings = dict(
            env["calendar.event"]
            .sudo()
            ._read_group([("id", "in", held)], ["vsms_body_id"], ["__count"])
        )
        meetings = {body.with_env(env): count for body, count in meetings.items()}
        decisions = dict(
            env["vsms.decision"]._read_group(
                domains["decisions"], ["body_id"], ["__count"]
            )
        )
        figures["bodies"] = {
            body: (meetings.get(body, 0), decisions.get(body, 0))
            for body in self._vsms_sorted(
                env["vsms.body"].browse(), meetings, decisions
            )
        }

        # events by format, with their participants
        events = env["event.event"].search_fetch(domains["events"], ["event_type_id"])
        registrations = env["event.registration"]._read_group(
            [("event_id", "in", events.ids), ("state", "in", REGISTERED)],
            ["event_id", "state"],
            ["__count"],
        )
        by_type = {}
        for event in events:
            counts = by_type.setdefault(event.event_type_id, [0, 0, 0])
            counts[0] += 1
        for event, state, count in registrations:
            counts = by_type[event.event_type_id]
            counts[1] += count
            if state == "done":
                counts[2] += count
        figures["events"] = {
            event_type: tuple(by_type[event_type])
            for event_type in self._vsms_sorted(env["event.type"].browse(), by_type)
        }

        # contests: applications filed during the year (the dashboards'
        # applications by their submission date) and winners of the contests
        # whose results became final this year (the dashboards' winners)
        Application = env["vsms.contest.application"]
        filed = dict(
            Application._read_group(
                domains["applications"], ["contest_id"], ["__count"]
            )
        )
        winners = dict(
            Application._read_group(domains["winners"], ["contest_id"], ["__count"])
        )
        figures["contests"] = {
            contest: (filed.get(contest, 0), winners.get(contest, 0))
            for contest in self._vsms_sorted(
                env["vsms.contest"].browse(), filed, winners
            )
        }

        # election campaigns: the branch's candidates
        elections = env["vsms.election"].search(domains["elections"], order="id")
        candidates = env["vsms.candidate"]._read_group(
            [
                ("election_id", "in", elections.ids),
                ("branch_support", "in", ["nominated", "supported"]),
            ],
            ["election_id", "branch_support", "state"],
            ["__count"],
        )
        campaigns = {election: [0, 0, 0, 0] for election in elections}
        for election, support, state, count in candidates:
            counts = campaigns[election]
            counts[0 if support == "nominated" else 1] += count
            if state in ON_BALLOT:
                counts[2] += count
            if state == "elected":
                counts[3] += count
        figures["elections"] = {
            election: tuple(campaigns[election])
            for election in elections.sorted(lambda e: (e.date_end, e.id))
        }

        # voters' mandates
        Mandate = env["vsms.mandate"]
        received = dict(
            Mandate._read_group(domains["mandates_received"], ["state"], ["__count"])
        )
        figures["mandates"] = {
            "received": sum(received.values()),
            "by_state": received,
            "done": Mandate.search_count(domains["mandates_done"]),
        }

        # publications by channel
        figures["publications"] = dict(
            env["vsms.publication"]._read_group(
                domains["publications"], ["channel"], ["__count"]
            )
        )
        return figures

    def _vsms_membership_figures(self, domains):
        """Members on 1 January and 31 December, admitted and left, by
        category and municipality: one read of the history and one of the
        people in it."""
        env = self.env
        start, end, _from, _to = self._vsms_period()
        columns = ("id", "partner_id", "date", "new_state", "movement")
        rows = [
            dict(zip(columns, row, strict=True))
            for row in self._vsms_select(
                "vsms.membership.log", domains["membership_log"], columns
            )
        ]
        membership = tools.membership_figures(rows, start, end)
        people = list({row["partner_id"] for row in rows})
        partners = self._vsms_select(
            "res.partner",
            [("id", "in", people)],
            ("id", "vsms_municipality_id", "vsms_main_role_id"),
        )
        roles = (
            env["vsms.position.role"]
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", list({p[2] for p in partners if p[2]}))], ["code"]
            )
        )
        code_of = {role.id: role.code for role in roles}
        category_of = {
            pid: tools.member_category(code_of.get(role_id))
            for pid, _m, role_id in partners
        }
        municipality_of = {
            pid: municipality or False for pid, municipality, _r in partners
        }
        return {
            "start": len(membership["start"]),
            "end": len(membership["end"]),
            "admitted": len(membership["admitted"]),
            "left": len(membership["left"]),
            "suspended": len(membership["suspended"]),
            "by_category": tools.breakdown(
                membership, lambda pid: category_of.get(pid, "other")
            ),
            "by_municipality": tools.breakdown(
                membership, lambda pid: municipality_of.get(pid, False)
            ),
        }

    def _vsms_select(self, model, domain, fnames):
        """The raw values of ``fnames`` (ids for many2one fields) of the
        records of ``model`` matching ``domain``, in one query, without
        building records: for the thousands of history rows and people of
        the membership block.  Read as the current user: record rules and
        field access apply as to a search and a read."""
        Model = self.env[model].with_context(active_test=False)
        Model.flush_model(fnames)
        query = Model._search(domain)
        return self.env.execute_query(
            query.select(
                *(Model._field_to_sql(query.table, fname, query) for fname in fnames)
            )
        )

    @api.model
    def _vsms_sorted(self, empty, *counts):
        """The records (keys of ``counts``) in their model's order; an empty
        key (records without one) last."""
        keys = set().union(*counts)
        records = empty.union(*(key for key in keys if key))
        ordered = list(empty.browse(records._ids).sorted())
        if any(not key for key in keys):
            ordered.append(empty)
        return ordered

    # ------------------------------------------------------------------
    # What the XLSX and the PDF print
    # ------------------------------------------------------------------
    def _vsms_annual_blocks(self, figures=None):
        """The report's blocks, each ``{"key", "title", "tables"}``; a table
        is ``{"title", "columns", "rows", "total"}`` with rows of a label
        and numbers (the total row sums them, or is None)."""
        self.ensure_one()
        figures = figures or self._vsms_annual_figures()
        none = self.env._("Not set")
        membership = figures["membership"]
        flow = [
            self.env._("On 1 January"),
            self.env._("Admitted to membership"),
            self.env._("Left"),
            self.env._("On 31 December"),
        ]
        category_labels = {
            "head": self.env._("Heads of municipalities"),
            "deputy": self.env._("Deputies"),
            "tos": self.env._("Leaders of ТОС and other public self-government"),
            "other": self.env._("Others"),
        }
        municipalities = self.env["vsms.municipality"].with_context(active_test=False)
        by_municipality = membership["by_municipality"]
        municipality_rows = [
            [municipality.name or none, *by_municipality[municipality.id or False]]
            for municipality in self._vsms_sorted(
                municipalities.browse(),
                {municipalities.browse(key): 0 for key in by_municipality},
            )
        ]
        zero = (0, 0, 0, 0)
        selection = self._vsms_selection_labels
        blocks = [
            {
                "key": "membership",
                "title": self.env._("Membership"),
                "tables": [
                    {
                        "title": self.env._("Members of the branch"),
                        "columns": [self.env._("Figure"), self.env._("Count")],
                        "rows": [
                            [self.env._("Members on 1 January"), membership["start"]],
                            [
                                self.env._("Admitted during the year"),
                                membership["admitted"],
                            ],
                            [
                                self.env._("Left membership during the year"),
                                membership["left"],
                            ],
                            [self.env._("Members on 31 December"), membership["end"]],
                            [
                                self.env._("of them with a suspended membership"),
                                membership["suspended"],
                            ],
                        ],
                        "total": None,
                    },
                    self._vsms_table(
                        self.env._("By category (main office)"),
                        [self.env._("Category"), *flow],
                        [
                            [
                                category_labels[key],
                                *membership["by_category"].get(key, zero),
                            ]
                            for key in tools.CATEGORIES
                        ],
                    ),
                    self._vsms_table(
                        self.env._("By municipality"),
                        [self.env._("Municipality"), *flow],
                        municipality_rows,
                    ),
                ],
            },
            {
                "key": "bodies",
                "title": self.env._("Governing bodies"),
                "tables": [
                    self._vsms_table(
                        self.env._("Meetings held and decisions adopted"),
                        [
                            self.env._("Governing body"),
                            self.env._("Meetings"),
                            self.env._("Decisions"),
                        ],
                        [
                            [body.name or none, *counts]
                            for body, counts in figures["bodies"].items()
                        ],
                    )
                ],
            },
            {
                "key": "events",
                "title": self.env._("Events"),
                "tables": [
                    self._vsms_table(
                        self.env._("Events by format"),
                        [
                            self.env._("Format"),
                            self.env._("Events"),
                            self.env._("Registered"),
                            self.env._("Attended"),
                        ],
                        [
                            [event_type.name or none, *counts]
                            for event_type, counts in figures["events"].items()
                        ],
                    )
                ],
            },
            {
                "key": "contests",
                "title": self.env._("Contests"),
                "tables": [
                    self._vsms_table(
                        self.env._("Contests and olympiads"),
                        [
                            self.env._("Contest"),
                            self.env._("Applications"),
                            self.env._("Winners and prize-winners"),
                        ],
                        [
                            [contest.name, *counts]
                            for contest, counts in figures["contests"].items()
                        ],
                    )
                ],
            },
            {
                "key": "elections",
                "title": self.env._("Elections"),
                "tables": [
                    self._vsms_table(
                        self.env._("Candidates of the branch"),
                        [
                            self.env._("Election"),
                            self.env._("Candidates nominated by the branch"),
                            self.env._("Candidates supported by the branch"),
                            self.env._("Registered"),
                            self.env._("Candidates elected"),
                        ],
                        [
                            [election.name, *counts]
                            for election, counts in figures["elections"].items()
                        ],
                    )
                ],
            },
            {
                "key": "mandates",
                "title": self.env._("Voters' mandates"),
                "tables": [
                    {
                        "title": self.env._("Voters' mandates"),
                        "columns": [self.env._("Figure"), self.env._("Count")],
                        "rows": [
                            [
                                self.env._("Received during the year"),
                                figures["mandates"]["received"],
                            ],
                            *(
                                [
                                    self.env._("of them now «%(state)s»", state=label),
                                    figures["mandates"]["by_state"].get(state, 0),
                                ]
                                for state, label in selection("vsms.mandate", "state")
                            ),
                            [
                                self.env._("Fulfilled during the year"),
                                figures["mandates"]["done"],
                            ],
                        ],
                        "total": None,
                    }
                ],
            },
            {
                "key": "publications",
                "title": self.env._("Publications"),
                "tables": [
                    self._vsms_table(
                        self.env._("Publications by channel"),
                        [self.env._("Channel"), self.env._("Publications")],
                        [
                            [label, figures["publications"].get(channel, 0)]
                            for channel, label in selection(
                                "vsms.publication", "channel"
                            )
                        ],
                    )
                ],
            },
        ]
        return blocks

    def _vsms_table(self, title, columns, rows):
        total = [self.env._("Total")] + [
            sum(row[index] for row in rows) for index in range(1, len(columns))
        ]
        return {"title": title, "columns": columns, "rows": rows, "total": total}

    def _vsms_selection_labels(self, model, field):
        return self.env[model]._fields[field]._description_selection(self.env)

    # ------------------------------------------------------------------
    # Printing
    # ------------------------------------------------------------------
    def action_print_xlsx(self):
        self.ensure_one()
        self._vsms_check_year()
        return self.env.ref("vsms_regional.vsms_annual_report_xlsx").report_action(
            self, config=False
        )

    def action_print_pdf(self):
        self.ensure_one()
        self._vsms_check_year()
        return self.env.ref("vsms_regional.vsms_annual_report_pdf").report_action(
            self, config=False
        )
