"""The annual report to the central ВСМС: figures of a year built on a
fixture, checked against hand-computed ones and against the lists they
summarise; the XLSX and PDF outputs; bad input; access."""

import io
import shutil

from openpyxl import load_workbook

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tests import Form, freeze_time, new_test_user, tagged

from ..models.vsms_contest import RESULTS
from ..tools import guard
from .common import VsmsGovernanceCommon
from .test_dashboards import DashboardFigures, filter_id

XLSX = "vsms_regional.vsms_annual_report_xlsx"
PDF = "vsms_regional.vsms_annual_report_pdf"


@tagged("post_install", "-at_install")
class TestAnnualReport(VsmsGovernanceCommon, DashboardFigures):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["vsms.annual.report"]
        cls.company = cls.env.company
        # what the database holds before the fixture (shipped data)
        cls.before = cls.make_report(2030)._vsms_annual_figures()
        cls.make_membership_history()
        cls.make_meetings()
        cls.make_events()
        cls.make_contest()
        cls.make_election()
        cls.make_mandates()
        cls.make_publications()
        cls.report = cls.make_report(2030)
        cls.figures = cls.report._vsms_annual_figures()

    @classmethod
    def make_report(cls, year, user=None):
        return cls.Report.with_user(user or cls.user_staff).create(
            {"year": year, "company_id": cls.company.id}
        )

    # ------------------------------------------------------------------
    # Fixture
    # ------------------------------------------------------------------
    @classmethod
    def change(cls, when, partner, state, reason=None):
        """``partner``'s member status changes to ``state`` at ``when``
        (UTC; Moscow is 3 hours ahead)."""
        with freeze_time(when):
            partner._vsms_set_member_state(state, reason=reason)

    @classmethod
    def make_membership_history(cls):
        Municipality = cls.env["vsms.municipality"]
        cls.mun_a = Municipality.create({"name": "Тестовый округ А"})
        cls.mun_b = Municipality.create({"name": "Тестовый округ Б"})
        role = cls.env.ref
        people = {}
        for key, last, municipality, role_xmlid in (
            ("p1", "Первый", cls.mun_a, "vsms_position_role_head"),
            ("p2", "Второй", cls.mun_a, "vsms_position_role_deputy"),
            ("p3", "Третий", cls.mun_b, "vsms_position_role_tos_chair"),
            ("p4", "Четвёртый", None, "vsms_position_role_expert"),
            ("p5", "Пятый", cls.mun_b, "vsms_position_role_council_chair"),
            ("p6", "Шестой", cls.mun_b, "vsms_position_role_head"),
            ("p7", "Седьмой", None, None),
            ("p8", "Восьмой", cls.mun_a, None),
            ("p9", "Девятый", cls.mun_a, None),
        ):
            partner = cls.make_person(
                last,
                "Член",
                "Тестович",
                vsms_municipality_id=municipality.id if municipality else False,
            )
            if role_xmlid:
                cls.make_position(
                    partner,
                    role(f"vsms_regional.{role_xmlid}"),
                    date_start="2020-01-01",
                )
            people[key] = partner
        cls.people = people
        p = people
        # a member all year
        cls.change("2029-03-01 09:00:00", p["p1"], "member")
        # a member who leaves in June
        cls.change("2029-05-01 09:00:00", p["p2"], "member")
        cls.change("2030-06-10 09:00:00", p["p2"], "former", "Личное заявление")
        # admitted in February
        cls.change("2030-01-20 09:00:00", p["p3"], "applicant")
        cls.change("2030-02-01 09:00:00", p["p3"], "member")
        # leaves in March, admitted again in September
        cls.change("2029-01-10 09:00:00", p["p4"], "member")
        cls.change("2030-03-01 09:00:00", p["p4"], "former", "Личное заявление")
        cls.change("2030-09-01 09:00:00", p["p4"], "member")
        # 31.12.2030 23:30 Moscow: in 2030
        cls.change("2030-12-31 20:30:00", p["p5"], "member")
        # 01.01.2031 00:30 Moscow (still 31 December in UTC): not in 2030
        cls.change("2030-12-31 21:30:00", p["p6"], "member")
        # a member at 23:30 on 31.12.2029 Moscow, suspended at 00:10 on
        # 01.01.2030, reinstated in April
        cls.change("2029-12-31 20:30:00", p["p7"], "member")
        cls.change("2029-12-31 21:10:00", p["p7"], "suspended", "Неуплата взносов")
        cls.change("2030-04-01 09:00:00", p["p7"], "member")
        # a member suspended in November: still a member on 31 December
        cls.change("2029-06-01 09:00:00", p["p8"], "member")
        cls.change("2030-11-01 09:00:00", p["p8"], "suspended", "Неуплата взносов")
        # applies, never admitted
        cls.change("2030-05-01 09:00:00", p["p9"], "applicant")

    @classmethod
    def make_meetings(cls):
        cls.mark_present(cls.meeting_for(3), cls.chair | cls.secretary | cls.member_a)
        march = cls.Meeting.search(
            [("vsms_body_id", "=", cls.presidium.id)], order="id desc", limit=1
        )
        cls.Decision.create(
            [
                {"meeting_id": march.id, "name": "Утвердить план работы."},
                {"meeting_id": march.id, "name": "Провести конкурс."},
                {"meeting_id": march.id, "name": "Отклонённое предложение."},
            ]
        )
        adopted = march.vsms_decision_ids.sorted("id")
        adopted[:2].action_adopt()
        adopted[2:].action_reject()
        march.action_vsms_close()
        june = cls.meeting_for(6)
        cls.mark_present(june, cls.chair | cls.secretary | cls.member_a)
        june.action_vsms_close()
        # planned, not held: not counted
        cls.meeting_for(9)

    @classmethod
    def make_events(cls):
        EventType = cls.env["event.type"]
        cls.type_seminar = EventType.create({"name": "Семинар (тест)"})
        cls.type_forum = EventType.create({"name": "Форум (тест)"})

        def event(name, event_type, begin, end):
            return cls.Event.create(
                {
                    "name": name,
                    "event_type_id": event_type.id,
                    "date_begin": begin,
                    "date_end": end,
                    "date_tz": "Europe/Moscow",
                }
            )

        seminar = event(
            "Семинар для глав",
            cls.type_seminar,
            "2030-04-10 07:00:00",
            "2030-04-10 12:00:00",
        )
        # 01.01.2030 00:30 Moscow: in 2030
        forum = event(
            "Новогодний форум",
            cls.type_forum,
            "2029-12-31 21:30:00",
            "2029-12-31 23:00:00",
        )
        # 01.01.2031 00:30 Moscow: not in 2030
        event(
            "Форум 2031", cls.type_forum, "2030-12-31 21:30:00", "2030-12-31 23:00:00"
        )
        seminar_2 = event(
            "Второй семинар",
            cls.type_seminar,
            "2030-10-10 07:00:00",
            "2030-10-10 12:00:00",
        )

        def register(evt, count, state):
            registrations = cls.Registration.create(
                [
                    {"event_id": evt.id, "name": f"Участник {evt.id}-{state}-{n}"}
                    for n in range(count)
                ]
            )
            if state == "done":
                registrations.action_set_done()
            elif state == "cancel":
                registrations.action_cancel()
            elif state == "draft":
                registrations.action_set_draft()
            return registrations

        register(seminar, 5, "done")
        register(seminar, 3, "open")
        register(seminar, 2, "cancel")
        register(seminar_2, 4, "open")
        register(seminar_2, 1, "draft")
        register(forum, 6, "done")

    @classmethod
    def make_contest(cls):
        cls.contest = cls.env["vsms.contest"].create(
            {
                "name": "Лучший ТОС 2030 (тест)",
                "date_open": "2030-03-01",
                "date_close": "2030-04-30",
                "date_results": "2030-05-20",
                "nomination_ids": [(0, 0, {"name": "Лучший ТОС"})],
            }
        )
        with freeze_time("2030-03-10 09:00:00"):
            cls.contest.action_open()
            apps = cls.env["vsms.contest.application"].create(
                [
                    {
                        "contest_id": cls.contest.id,
                        "nomination_id": cls.contest.nomination_ids.id,
                        "applicant_name": f"ТОС № {n}",
                    }
                    for n in range(6)
                ]
            )
            apps[:4].action_admit()
            apps[4].action_reject("Не по условиям")
            apps[5].action_withdraw()
            # a draft does not count as filed
            cls.env["vsms.contest.application"].create(
                {
                    "contest_id": cls.contest.id,
                    "nomination_id": cls.contest.nomination_ids.id,
                    "applicant_name": "Черновик",
                    "state": "draft",
                }
            )
            cls.contest._set_state("judging")
            with guard.allowing(RESULTS):
                apps[0].write({"place": 1})
                apps[1].write({"place": 2})
            cls.contest._set_state("done")

    @classmethod
    def make_election(cls):
        Candidate = cls.env["vsms.candidate"]
        cls.election = cls.env["vsms.election"].create(
            {
                "name": "Выборы депутатов (тест 2030)",
                "level": "municipal",
                "municipality_id": cls.vyazma.id,
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        district = cls.env["vsms.election.district"].create(
            {"election_id": cls.election.id, "number": 1, "name": "Центральный"}
        )
        cls.election.action_campaign()

        def stand(name, support, state):
            partner = cls.make_person(name, "Кандидат", "Тестович")
            return Candidate.create(
                {
                    "election_id": cls.election.id,
                    "district_id": district.id,
                    "partner_id": partner.id,
                    "branch_support": support,
                    "state": state,
                }
            )

        elected = stand("Первов", "nominated", "registered")
        stand("Вторых", "nominated", "refused")
        stand("Третьяков", "supported", "registered")
        stand("Четвертаков", "supported", "nominated")
        # not the branch's candidate
        stand("Чужой", "none", "registered")
        cls.election.action_voting()
        elected.action_set_elected()

    @classmethod
    def make_mandates(cls):
        Mandate = cls.env["vsms.mandate"]

        def mandate(date, name):
            return Mandate.create(
                {"name": name, "date": date, "author_name": "Жители", "signatures": 5}
            )

        done = mandate("2030-02-01", "Ремонт дороги")
        mandate("2030-03-01", "Освещение улицы")
        mandate("2029-12-01", "Детская площадка")
        with freeze_time("2030-11-01 09:00:00"):
            for state in ("accepted", "in_progress"):
                done.state = state
            done.write({"state": "done", "result": "Дорога отремонтирована."})

    @classmethod
    def make_publications(cls):
        Publication = cls.env["vsms.publication"]
        for channel, date, state in (
            ("vk", "2030-01-15", "published"),
            ("vk", "2030-07-15", "published"),
            ("telegram", "2030-07-15", "published"),
            ("telegram", "2030-08-15", "draft"),
            ("print", "2031-01-01", "published"),
        ):
            Publication.create(
                {
                    "name": f"Публикация {channel} {date}",
                    "channel": channel,
                    "date": date,
                    "state": state,
                }
            )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def delta(self, key, *path):
        """The figure at ``path`` less what the database held before."""
        now, before = self.figures[key], self.before[key]
        for step in path:
            now, before = now[step], before.get(step, 0) if before else 0
        return now - before

    def dash_pivot(self, key, model, rows=None, groupby=None, kind="pivots"):
        """{group: measures} of a dashboard's pivot over the report's year:
        the JSON's model, domain and group-bys with its period filter (a
        datetime period in whole days of Moscow time, as the spreadsheet
        applies it for a user in Moscow)."""
        data, source = self.source(key, model, rows, kind=kind)
        start, end, date_from, date_to = self.report._vsms_period()
        period = source["fieldMatching"][filter_id(data, "Period")]
        chain = period["chain"]
        if period["type"] == "datetime":
            domain = [(chain, ">", start), (chain, "<=", end)]
        else:
            domain = [(chain, ">=", date_from), (chain, "<=", date_to)]
        Model = self.env[model].with_user(self.user_staff)
        if kind == "lists":
            return Model.search([*source["domain"], *domain])
        if groupby is None:
            groupby = [
                dim["fieldName"]
                + (f":{dim['granularity']}" if "granularity" in dim else "")
                for dim in source["rows"] + source["columns"]
            ]
        aggregates = [
            "__count" if m["fieldName"] == "__count" else f"{m['fieldName']}:sum"
            for m in source["measures"]
        ]
        return {
            tuple(row[: len(groupby)]): tuple(row[len(groupby) :])
            for row in Model._read_group(
                [*source["domain"], *domain], groupby, aggregates
            )
        }

    def log_count(self, domain):
        start, end, _from, _to = self.report._vsms_period()
        return self.env["vsms.membership.log"].search_count(
            Domain.AND([domain, [("date", ">", start), ("date", "<=", end)]])
        )

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def test_membership_hand_computed(self):
        membership = self.figures["membership"]
        before = self.before["membership"]
        # on 1 January: p1, p2, p4, p7 (a member at 23:30 on 31 December), p8
        self.assertEqual(membership["start"] - before["start"], 5)
        # admitted: p3, p4 again, p5 (at 23:30 on 31 December); p7's
        # suspension lifted is no admission
        self.assertEqual(membership["admitted"] - before["admitted"], 3)
        # left: p2, p4; p7 and p8 were only suspended
        self.assertEqual(membership["left"] - before["left"], 2)
        # on 31 December: p1, p3, p4, p5, p7, p8 (suspended); p6 joined at
        # 00:30 on 1 January 2031
        self.assertEqual(membership["end"] - before["end"], 6)
        self.assertEqual(membership["suspended"] - before["suspended"], 1)
        self.assertEqual(
            membership["end"],
            membership["start"] + membership["admitted"] - membership["left"],
        )

    def test_membership_by_category_and_municipality(self):
        by_category = self.figures["membership"]["by_category"]
        before = self.before["membership"]["by_category"]
        expected = {
            "head": (1, 0, 0, 1),
            "deputy": (1, 1, 1, 1),
            "tos": (0, 1, 0, 1),
            "other": (3, 1, 1, 3),
        }
        for category, figures in expected.items():
            with self.subTest(category=category):
                old = before.get(category, (0, 0, 0, 0))
                self.assertEqual(
                    tuple(
                        n - o
                        for n, o in zip(by_category.get(category), old, strict=True)
                    ),
                    figures,
                )
        by_municipality = self.figures["membership"]["by_municipality"]
        self.assertEqual(by_municipality[self.mun_a.id], (3, 0, 1, 2))
        self.assertEqual(by_municipality[self.mun_b.id], (0, 2, 0, 2))

    def test_membership_of_the_next_year_starts_at_the_close_of_this_one(self):
        following = self.make_report(2031)._vsms_annual_figures()["membership"]
        self.assertEqual(following["start"], self.figures["membership"]["end"])
        # p6 was admitted at 00:30 on 1 January 2031
        self.assertEqual(following["end"], following["start"] + 1)
        self.assertEqual(following["admitted"], 1)
        self.assertEqual(following["by_municipality"][self.mun_b.id], (2, 1, 0, 3))
        # nothing happened after 2031: its close is the contacts' «Members»
        # (not suspended) and the dashboard's members by municipality
        members = self.env["res.partner"].search_count(
            [("vsms_member_state", "=", "member")]
        )
        self.assertEqual(following["end"] - following["suspended"], members)
        pivot = self.pivot("members", "res.partner", rows=["vsms_municipality_id"])
        self.assertEqual(sum(count for (count,) in pivot.values()), members)
        in_b = sum(
            count for key, (count,) in pivot.items() if key[0] == self.mun_b.name
        )
        self.assertEqual(in_b, 3)

    def test_membership_agrees_with_the_history_list_and_dashboard(self):
        membership = self.figures["membership"]
        # the membership history list, filtered to the year
        self.assertEqual(
            membership["admitted"], self.log_count([("movement", "=", "admission")])
        )
        self.assertEqual(
            membership["left"], self.log_count([("movement", "=", "departure")])
        )
        # the dashboard's admissions and departures per month, over the year
        months = self.dash_pivot("members", "vsms.membership.log", rows=["date"])
        totals = {"admission": 0, "departure": 0}
        for (_month, movement), (count,) in months.items():
            totals[movement] += count
        self.assertEqual(totals["admission"], membership["admitted"])
        self.assertEqual(totals["departure"], membership["left"])

    def test_bodies(self):
        self.assertEqual(self.figures["bodies"][self.presidium], (2, 2))
        # the list of meetings and of decisions, filtered to the year
        meetings = self.Meeting.search_count(
            [
                ("vsms_body_id", "=", self.presidium.id),
                ("vsms_meeting_state", "=", "held"),
                ("start", ">=", "2029-12-31 21:00:00"),
                ("start", "<", "2030-12-31 21:00:00"),
            ]
        )
        decisions = self.Decision.search_count(
            [
                ("body_id", "=", self.presidium.id),
                ("state", "in", ["adopted", "done"]),
                ("date", ">=", "2030-01-01"),
                ("date", "<=", "2030-12-31"),
            ]
        )
        self.assertEqual(self.figures["bodies"][self.presidium], (meetings, decisions))

    def test_events_by_format(self):
        events = self.figures["events"]
        # two seminars: 8 registered of whom 5 attended, and 4 registered
        self.assertEqual(events[self.type_seminar], (2, 12, 5))
        # the forum at 00:30 on 1 January 2030; not the one of 2031
        self.assertEqual(events[self.type_forum], (1, 6, 6))
        # the registrations list: registered and attended of the year's events
        for event_type, (_count, registered, attended) in events.items():
            with self.subTest(event_type=event_type.name):
                domain = [
                    ("event_id.event_type_id", "=", event_type.id),
                    ("event_id.date_begin", ">", "2029-12-31 20:59:59"),
                    ("event_id.date_begin", "<=", "2030-12-31 20:59:59"),
                    ("event_id.company_id", "in", [self.company.id, False]),
                ]
                Registration = self.Registration
                self.assertEqual(
                    Registration.search_count(
                        [*domain, ("state", "in", ["open", "done"])]
                    ),
                    registered,
                )
                self.assertEqual(
                    Registration.search_count([*domain, ("state", "=", "done")]),
                    attended,
                )

    def test_events_agree_with_the_dashboard(self):
        events = self.figures["events"]
        by_format = self.dash_pivot("events", "event.event", rows=["event_type_id"])
        self.assertEqual(
            {event_type: counts[0] for event_type, counts in events.items()},
            {event_type: count for (event_type,), (count,) in by_format.items()},
        )
        by_category = self.dash_pivot(
            "events", "event.registration", rows=["vsms_category"]
        )
        registered = sum(count for (_cat, _state), (count,) in by_category.items())
        attended = sum(
            count for (_cat, state), (count,) in by_category.items() if state == "done"
        )
        self.assertEqual(registered, sum(c[1] for c in events.values()))
        self.assertEqual(attended, sum(c[2] for c in events.values()))

    def test_contests(self):
        # 4 admitted + 1 rejected filed (the withdrawn and the draft are not);
        # two winners once the results are final
        self.assertEqual(self.figures["contests"][self.contest], (5, 2))
        applications = self.dash_pivot(
            "events", "vsms.contest.application", groupby=["contest_id", "state"]
        )
        self.assertEqual(
            sum(
                count
                for (contest, state), (count,) in applications.items()
                if contest == self.contest
                and state in ("submitted", "admitted", "rejected")
            ),
            5,
        )
        for contest, (filed, winners) in self.figures["contests"].items():
            with self.subTest(contest=contest.name):
                self.assertEqual(
                    filed,
                    sum(
                        count
                        for (c, state), (count,) in applications.items()
                        if c == contest
                        and state in ("submitted", "admitted", "rejected")
                    ),
                )
                listed = self.dash_pivot(
                    "events", "vsms.contest.application", kind="lists"
                )
                self.assertEqual(
                    winners,
                    len(listed.filtered(lambda a, c=contest: a.contest_id == c)),
                )

    def test_elections(self):
        # nominated 2, supported 2; registered 3 (one now elected); elected 1
        self.assertEqual(self.figures["elections"][self.election], (2, 2, 2, 1))
        pivot = self.dash_pivot(
            "elections",
            "vsms.candidate",
            groupby=["election_id", "branch_support", "state"],
        )
        for election, counts in self.figures["elections"].items():
            cells = {
                (support, state): count
                for (e, support, state), (count,) in pivot.items()
                if e == election
            }
            with self.subTest(election=election.name):
                self.assertEqual(
                    counts,
                    (
                        sum(n for (sup, _st), n in cells.items() if sup == "nominated"),
                        sum(n for (sup, _st), n in cells.items() if sup == "supported"),
                        sum(
                            n
                            for (sup, st), n in cells.items()
                            if sup != "none"
                            and st in ("registered", "elected", "not_elected")
                        ),
                        sum(
                            n
                            for (sup, st), n in cells.items()
                            if sup != "none" and st == "elected"
                        ),
                    ),
                )

    def test_mandates(self):
        self.assertEqual(self.delta("mandates", "received"), 2)
        self.assertEqual(self.delta("mandates", "done"), 1)
        # the dashboard's mandates by state (its Total over the topics)
        by_state = self.dash_pivot("elections", "vsms.mandate", groupby=["state"])
        self.assertEqual(
            self.figures["mandates"]["by_state"],
            {state: count for (state,), (count,) in by_state.items()},
        )
        self.assertEqual(
            self.figures["mandates"]["received"],
            sum(self.figures["mandates"]["by_state"].values()),
        )

    def test_publications(self):
        publications = self.figures["publications"]
        before = self.before["publications"]
        self.assertEqual(publications.get("vk", 0) - before.get("vk", 0), 2)
        self.assertEqual(publications.get("telegram", 0) - before.get("telegram", 0), 1)
        self.assertEqual(publications.get("print", 0) - before.get("print", 0), 0)
        pivot = self.dash_pivot("elections", "vsms.publication")
        self.assertEqual(
            publications,
            {channel: count for (channel,), (count, _reach) in pivot.items()},
        )

    # ------------------------------------------------------------------
    # Outputs
    # ------------------------------------------------------------------
    def xlsx(self, user=None):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user or self.user_staff)
            .with_context(lang="ru_RU")
            ._render_xlsx(XLSX, self.report.ids, None)
        )
        self.assertEqual(kind, "xlsx")
        return load_workbook(io.BytesIO(content), read_only=True)

    @staticmethod
    def sheet_rows(sheet):
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]

    def test_xlsx_holds_the_figures(self):
        book = self.xlsx()
        self.assertEqual(
            book.sheetnames,
            [
                "Титульный лист",
                "Членство",
                "Органы управления",
                "Мероприятия",
                "Конкурсы",
                "Выборы",
                "Наказы избирателей",
                "Публикации",
            ],
        )
        membership = self.figures["membership"]
        rows = self.sheet_rows(book["Членство"])
        self.assertIn(("Члены на 1 января", membership["start"]), [r[:2] for r in rows])
        self.assertIn(("Члены на 31 декабря", membership["end"]), [r[:2] for r in rows])
        self.assertIn(("Тестовый округ А", 3, 0, 1, 2), [r[:5] for r in rows])
        self.assertIn(("Тестовый округ Б", 0, 2, 0, 2), [r[:5] for r in rows])
        bodies = [r[:3] for r in self.sheet_rows(book["Органы управления"])]
        self.assertIn(("Президиум (тест)", 2, 2), bodies)
        events = [r[:4] for r in self.sheet_rows(book["Мероприятия"])]
        self.assertIn(("Семинар (тест)", 2, 12, 5), events)
        self.assertIn(("Форум (тест)", 1, 6, 6), events)
        contests = [r[:3] for r in self.sheet_rows(book["Конкурсы"])]
        self.assertIn(("Лучший ТОС 2030 (тест)", 5, 2), contests)
        elections = [r[:5] for r in self.sheet_rows(book["Выборы"])]
        self.assertIn(("Выборы депутатов (тест 2030)", 2, 2, 2, 1), elections)
        cover = [r[0] for r in self.sheet_rows(book["Титульный лист"])]
        self.assertIn("Годовой отчёт в центральный ВСМС за 2030 год", cover)

    def test_pdf_renders_the_same_blocks(self):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(lang="ru_RU")
            ._render_qweb_html(PDF, self.report.ids)
        )
        html = html.decode()
        for text in (
            "Годовой отчёт в центральный ВСМС",
            "Члены на 1 января",
            "Тестовый округ А",
            "Президиум (тест)",
            "Семинар (тест)",
            "Лучший ТОС 2030 (тест)",
            "Выборы депутатов (тест 2030)",
            "Наказы избирателей",
            "Публикации по каналам",
        ):
            self.assertIn(text, html)
        if not shutil.which("wkhtmltopdf"):
            self.fail("wkhtmltopdf is needed to print the annual report")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(force_report_rendering=True, lang="ru_RU")
            ._render_qweb_pdf(PDF, self.report.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    @freeze_time("2031-02-10")
    def test_wizard_form(self):
        form = Form(self.Report.with_user(self.user_staff))
        self.assertEqual(form.year, 2031)
        form.year = 2030
        report = form.save()
        # the company field shows with several companies only
        self.assertEqual(report.company_id, self.company)
        self.assertEqual(
            report._vsms_annual_figures()["membership"], self.figures["membership"]
        )
        menu = self.env.ref("vsms_regional.vsms_annual_report_menu")
        self.assertEqual(
            menu.action, self.env.ref("vsms_regional.vsms_annual_report_action")
        )
        for user, visible in (
            (self.user_staff, True),
            (self.user_jury, False),
            (self.user_outsider, False),
        ):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)

    def test_print_buttons(self):
        report = self.report.with_user(self.user_staff)
        self.assertEqual(report.action_print_xlsx()["report_type"], "xlsx")
        self.assertEqual(report.action_print_pdf()["report_type"], "qweb-pdf")

    # ------------------------------------------------------------------
    # Bad input and access
    # ------------------------------------------------------------------
    def test_year_out_of_range(self):
        for year in (1999, 2101, 0):
            with self.subTest(year=year):
                count = self.Report.search_count([])
                with self.assertRaisesText(ValidationError, f"year {year}"):
                    self.make_report(year)
                self.assertEqual(self.Report.search_count([]), count)
        with self.assertRaisesText(ValidationError, "за 1999 год"):
            self.Report.with_user(self.user_staff).with_context(lang="ru_RU").create(
                {"year": 1999}
            )

    def test_managers_may(self):
        report = self.make_report(2030, self.user_manager)
        self.assertEqual(
            report._vsms_annual_figures()["membership"], self.figures["membership"]
        )
        self.xlsx(self.user_manager)

    def test_others_get_nothing(self):
        portal = new_test_user(
            self.env, login="annual_portal", groups="base.group_portal"
        )
        for user in (self.user_jury, self.user_outsider, portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.make_report(2030, user)
                with self.assertRaises(AccessError):
                    self.report.with_user(user)._vsms_annual_figures()
                with self.assertRaises(AccessError):
                    self.xlsx(user)
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        PDF, self.report.ids
                    )
        for xmlid in (XLSX, PDF, "vsms_regional.vsms_annual_report_action"):
            self.assertEqual(
                self.env.ref(xmlid).group_ids,
                self.env.ref("vsms_regional.group_vsms_user"),
            )

    # ------------------------------------------------------------------
    # Performance
    # ------------------------------------------------------------------
    def test_queries_do_not_grow_with_the_records(self):
        report = self.report.with_user(self.user_staff)

        def count_queries():
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            report._vsms_annual_figures()
            report._vsms_annual_blocks()
            return self.env.cr.sql_log_count - start

        small = count_queries()
        # ten times the members, registrations and publications
        partners = self.env["res.partner"].create(
            [
                {"name": f"Член {n}", "vsms_municipality_id": self.mun_a.id}
                for n in range(30)
            ]
        )
        with freeze_time("2030-06-01 09:00:00"):
            partners._vsms_set_member_state("member")
        seminar = self.Event.search([("name", "=", "Семинар для глав")])
        self.Registration.create(
            [{"event_id": seminar.id, "name": f"Гость {n}"} for n in range(50)]
        )
        self.env["vsms.publication"].create(
            [
                {
                    "name": f"Новость {n}",
                    "channel": "vk",
                    "date": "2030-05-05",
                    "state": "published",
                }
                for n in range(20)
            ]
        )
        with self.assertQueryCount(small):
            count_queries()
