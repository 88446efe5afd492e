"""The «ВСМС» spreadsheet dashboards: valid JSON, filters wired to real
fields, figures read by their pivots and lists, who sees them, labels in
Russian."""

import json
from datetime import timedelta
from unittest.mock import patch

import polib

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import config, file_open
from odoo.tools.misc import file_path
from odoo.tools.translate import extract_spreadsheet_terms

from ..models.vsms_membership_log_movement import membership_movement
from .common import VsmsContactCommon
from .common_contests import VsmsContestCommon
from .election_common import ElectionCommon

DASHBOARDS = {
    "plan": "vsms_regional.spreadsheet_dashboard_vsms_plan",
    "members": "vsms_regional.spreadsheet_dashboard_vsms_members",
    "events": "vsms_regional.spreadsheet_dashboard_vsms_events",
    "elections": "vsms_regional.spreadsheet_dashboard_vsms_elections",
}
# Dashboards without a municipality filter: the plan has no municipality.
WITHOUT_MUNICIPALITY = {"plan"}
# Contacts are counted as they are today: the period does not apply.
SNAPSHOT_MODELS = {"res.partner"}
RU_PO = file_path("vsms_regional/i18n/ru.po")


def read_file(key, sample=False):
    name = f"{key}{'_sample' if sample else ''}_dashboard.json"
    with file_open(f"vsms_regional/data/dashboards/{name}") as f:
        return json.load(f)


def filter_id(data, label):
    return next(f["id"] for f in data["globalFilters"] if f["label"] == label)


@tagged("post_install", "-at_install")
class TestDashboardDefinitions(VsmsContactCommon):
    """What Odoo checks when it loads the dashboards with tests enabled, and
    what it does not check (the filters' fields)."""

    def test_movement_rule(self):
        self.assertEqual(membership_movement(False, "member"), "admission")
        self.assertEqual(membership_movement("applicant", "member"), "admission")
        self.assertEqual(membership_movement("former", "member"), "admission")
        self.assertEqual(membership_movement("suspended", "member"), "other")
        self.assertEqual(membership_movement("member", "former"), "departure")
        self.assertEqual(membership_movement("suspended", "former"), "departure")
        self.assertEqual(membership_movement("prospect", "former"), "other")
        self.assertEqual(membership_movement("member", "suspended"), "other")

    def test_group_and_dashboards(self):
        group = self.env.ref("vsms_regional.spreadsheet_dashboard_group_vsms")
        self.assertEqual(group.name, "ВСМС")
        dashboards = group.published_dashboard_ids
        self.assertEqual(
            dashboards.mapped("name"),
            [
                "План работы",
                "Члены и контакты",
                "Мероприятия и конкурсы",
                "Выборы, наказы, СМИ",
            ],
        )
        staff = self.env.ref("vsms_regional.group_vsms_user")
        for dashboard in dashboards:
            self.assertEqual(dashboard.group_ids, staff, dashboard.name)

    def test_odoo_validation(self):
        """The check Odoo runs at install with tests enabled (models, fields
        of pivots, lists and domains, menus), run again on the stored data;
        and it does catch a wrong field."""
        with patch.dict(config._runtime_options, {"test_enable": True}):
            for xmlid in DASHBOARDS.values():
                self.env.ref(xmlid)._check_spreadsheet_data()
            broken = read_file("plan")
            broken["pivots"]["1"]["rows"] = [{"fieldName": "no_such_field"}]
            dashboard = self.env.ref(DASHBOARDS["plan"]).copy()
            with self.assertRaisesText(Exception, "no_such_field"):
                dashboard.spreadsheet_data = json.dumps(broken)
                dashboard.flush_recordset()

    def test_stored_matches_files(self):
        for key, xmlid in DASHBOARDS.items():
            with self.subTest(key):
                stored = json.loads(self.env.ref(xmlid).spreadsheet_data)
                self.assertEqual(stored, read_file(key))

    def _field(self, model, chain):
        """The field at the end of ``chain`` from ``model`` (fails if any link
        is missing)."""
        field = None
        for name in chain.split("."):
            self.assertIn(name, self.env[model]._fields, f"{model}.{name}")
            field = self.env[model]._fields[name]
            model = field.comodel_name or model
        return field

    def test_filters_wired_to_real_fields(self):
        """Every pivot and list matches the period filter to a date or
        datetime field of the declared type (except the snapshots), and the
        municipality filter to a many2one to vsms.municipality. Odoo's own
        check does not look at these chains."""
        for key in DASHBOARDS:
            data = read_file(key)
            period = filter_id(data, "Period")
            self.assertEqual(
                next(f for f in data["globalFilters"] if f["id"] == period)[
                    "defaultValue"
                ],
                "this_year",
            )
            municipality = None
            if key not in WITHOUT_MUNICIPALITY:
                municipality = filter_id(data, "Municipality")
                spec = next(f for f in data["globalFilters"] if f["id"] == municipality)
                self.assertEqual(spec["modelName"], "vsms.municipality")
            sources = list(data["pivots"].values()) + list(data["lists"].values())
            for source in sources:
                with self.subTest(key=key, source=source["name"]):
                    matching = source["fieldMatching"]
                    if source["model"] not in SNAPSHOT_MODELS:
                        self.assertIn(period, matching)
                    if period in matching:
                        field = self._field(source["model"], matching[period]["chain"])
                        self.assertEqual(field.type, matching[period]["type"])
                    if municipality and municipality in matching:
                        field = self._field(
                            source["model"], matching[municipality]["chain"]
                        )
                        self.assertEqual(field.comodel_name, "vsms.municipality")
                    if "measures" in source:  # a pivot
                        dimensions = source["rows"] + source["columns"]
                        names = [dim["fieldName"] for dim in dimensions]
                    else:  # a list's columns
                        names = source["columns"]
                    for name in names:
                        field = self._field(source["model"], name)
                        self.assertTrue(field.store or "measures" not in source, name)
                    for measure in source.get("measures", []):
                        if measure["fieldName"] != "__count":
                            field = self._field(source["model"], measure["fieldName"])
                            self.assertTrue(field.store, measure["fieldName"])

    def test_sample_dashboards(self):
        """Same sheet as the real one, fixed figures, no Odoo data source;
        Odoo serves it while the main model has no record."""
        for key, xmlid in DASHBOARDS.items():
            with self.subTest(key):
                sample = read_file(key, sample=True)
                real = read_file(key)
                self.assertFalse(sample["pivots"] or sample["lists"])
                cells = list(sample["sheets"][0]["cells"].values())
                self.assertFalse([c for c in cells if "PIVOT" in c or "ODOO." in c])
                # Odoo serves the sample without translations: its labels
                # are the Russian of the real dashboard's labels
                russian = {e.msgid: e.msgstr for e in polib.pofile(RU_PO)}
                labels = [
                    json.loads(cell[len("=_t(") : -1])
                    for cell in real["sheets"][0]["cells"].values()
                    if cell.startswith("=_t(")
                ]
                self.assertTrue(labels)
                for label in labels:
                    self.assertIn(russian[label], cells)
                dashboard = self.env.ref(xmlid)
                self.assertEqual(dashboard._get_sample_dashboard(), sample)
                self.assertTrue(dashboard.main_data_model_ids)

    def test_labels_translated(self):
        """Every label Odoo extracts from the dashboards has Russian in
        ru.po."""
        po = polib.pofile(RU_PO)
        translated = {entry.msgid for entry in po if entry.msgstr}
        for key in DASHBOARDS:
            for sample in (False, True):
                name = f"{key}{'_sample' if sample else ''}_dashboard.json"
                path = file_path(f"vsms_regional/data/dashboards/{name}")
                with open(path, "rb") as f:
                    terms = {
                        term
                        for _l, _f, term, _c in extract_spreadsheet_terms(f, [], [], {})
                    }
                self.assertTrue(terms or sample, name)
                self.assertFalse(terms - translated, name)


@tagged("post_install", "-at_install")
class TestDashboardAccess(VsmsContactCommon):
    def _visible(self, user):
        return (
            self.env["spreadsheet.dashboard"]
            .with_user(user)
            .search([("dashboard_group_id.name", "=", "ВСМС")])
        )

    def test_staff_and_managers_see_them(self):
        expected = self.env.ref(
            "vsms_regional.spreadsheet_dashboard_group_vsms"
        ).dashboard_ids
        self.assertEqual(len(expected), 4)
        for user in (self.user_staff, self.user_manager):
            with self.subTest(user.login):
                self.assertEqual(self._visible(user), expected)
                dashboard = expected[0].with_user(user)
                data = json.loads(dashboard._get_serialized_readonly_dashboard())
                self.assertEqual(data["translation_namespace"], "vsms_regional")

    def test_only_managers_share_them(self):
        """A shared dashboard opens for anyone with the link: staff may not
        publish the ВСМС ones, managers may; other dashboards are unaffected."""
        dashboard = self.env.ref(DASHBOARDS["members"])
        Share = self.env["spreadsheet.dashboard.share"]
        vals = {
            "dashboard_id": dashboard.id,
            "spreadsheet_data": dashboard.spreadsheet_data,
        }
        with self.assertRaisesText(UserError, "«Члены и контакты»"):
            Share.with_user(self.user_staff).action_get_share_url(dict(vals))
        self.assertFalse(Share.search([("dashboard_id", "=", dashboard.id)]))
        url = Share.with_user(self.user_manager).action_get_share_url(dict(vals))
        self.assertIn("/dashboard/share/", url)
        other = self.env["spreadsheet.dashboard"].create(
            {
                "name": "Другой дашборд",
                "dashboard_group_id": self.env["spreadsheet.dashboard.group"]
                .create({"name": "Другое"})
                .id,
            }
        )
        self.assertIn(
            "/dashboard/share/",
            Share.with_user(self.user_staff).action_get_share_url(
                {"dashboard_id": other.id, "spreadsheet_data": other.spreadsheet_data}
            ),
        )

    def test_jury_outsiders_and_portal_see_nothing(self):
        portal = new_test_user(
            self.env, login="vsms_portal", groups="base.group_portal"
        )
        for user in (self.user_jury, self.user_outsider):
            with self.subTest(user.login):
                self.assertFalse(self._visible(user))
                self.assertFalse(
                    self.env["spreadsheet.dashboard.group"]
                    .with_user(user)
                    .search([("name", "=", "ВСМС")])
                    .published_dashboard_ids
                )
        with self.assertRaises(AccessError):
            self._visible(portal)


class DashboardFigures(VsmsContactCommon):
    """Read a dashboard's pivots and lists the way the spreadsheet does:
    the JSON's model, domain and group-bys, plus the global filters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a municipality of its own: figures independent of other data
        cls.town = cls.env["vsms.municipality"].create(
            {"name": "Тестовский муниципальный округ", "kind": "municipal_okrug"}
        )

    def source(self, key, model, rows=None, kind="pivots", domain=None):
        data = read_file(key)
        for source in data[kind].values():
            if source["model"] != model:
                continue
            if (
                rows is not None
                and [r["fieldName"] for r in source.get("rows", [])] != rows
            ):
                continue
            if domain is not None and source["domain"] != domain:
                continue
            return data, source
        raise AssertionError(f"no {kind} on {model} {rows} in {key}")

    def filter_domain(self, data, source, year=None, municipality=None):
        domain = list(source["domain"])
        matching = source["fieldMatching"]
        if year:
            period = matching.get(filter_id(data, "Period"))
            self.assertTrue(period, source["name"])
            start, end = f"{year}-01-01", f"{year}-12-31"
            if period["type"] == "datetime":
                start, end = f"{start} 00:00:00", f"{end} 23:59:59"
            domain += [(period["chain"], ">=", start), (period["chain"], "<=", end)]
        if municipality:
            chain = matching[filter_id(data, "Municipality")]["chain"]
            domain += [(chain, "in", municipality.ids)]
        return domain

    def pivot(
        self,
        key,
        model,
        rows=None,
        year=None,
        municipality=None,
        user=None,
        domain=None,
    ):
        """{(row values…, column values…): (measures…)} of the pivot."""
        data, source = self.source(key, model, rows, domain=domain)
        groupby = [
            dim["fieldName"]
            + (f":{dim['granularity']}" if "granularity" in dim else "")
            for dim in source["rows"] + source["columns"]
        ]
        aggregates = [
            "__count" if m["fieldName"] == "__count" else f"{m['fieldName']}:sum"
            for m in source["measures"]
        ]
        Model = self.env[model].with_user(user or self.user_staff)
        result = {}
        for row in Model._read_group(
            self.filter_domain(data, source, year, municipality), groupby, aggregates
        ):
            group = tuple(
                (k.display_name if k else False)
                if isinstance(k, models.BaseModel)
                else k
                for k in row[: len(groupby)]
            )
            result[group] = tuple(row[len(groupby) :])
        return result

    def list_records(self, key, model, year=None, municipality=None, user=None):
        data, source = self.source(key, model, kind="lists")
        order = ", ".join(
            f"{o['name']} {'asc' if o['asc'] else 'desc'}" for o in source["orderBy"]
        )
        return (
            self.env[model]
            .with_user(user or self.user_staff)
            .search(self.filter_domain(data, source, year, municipality), order=order)
        )


@tagged("post_install", "-at_install")
class TestPlanDashboard(DashboardFigures):
    def test_execution_by_section_and_quarter(self):
        presidium = self.item_presidium.occurrence_ids.sorted("date_start")
        self.assertEqual(len(presidium), 4)  # March, June, September, December
        presidium[0].action_done()
        presidium[1].action_missed()
        self.item_olympiad.occurrence_ids.action_done()  # April
        by_section = self.pivot(
            "plan", "vsms.plan.occurrence", ["section_id"], year=2030
        )
        self.assertEqual(
            by_section,
            {
                ("Заседания", "done"): (1,),
                ("Заседания", "missed"): (1,),
                ("Заседания", "planned"): (2,),
                ("Мероприятия", "done"): (1,),
            },
        )
        by_quarter = self.pivot(
            "plan", "vsms.plan.occurrence", ["date_start"], year=2030
        )
        self.assertEqual(
            {(str(q), s): n for (q, s), n in by_quarter.items()},
            {
                ("2030-01-01", "done"): (1,),
                ("2030-04-01", "missed"): (1,),
                ("2030-04-01", "done"): (1,),
                ("2030-07-01", "planned"): (1,),
                ("2030-10-01", "planned"): (1,),
            },
        )
        self.assertFalse(
            self.pivot("plan", "vsms.plan.occurrence", ["section_id"], year=2031)
        )

    def test_participants_planned_registered_attended(self):
        occurrence = self.item_olympiad.occurrence_ids
        event = self.env["event.event"].create(
            {
                "name": "Олимпиада",
                "date_begin": "2030-04-15 07:00:00",
                "date_end": "2030-04-15 11:00:00",
                "vsms_occurrence_id": occurrence.id,
            }
        )
        people = [self.make_person("Ученик", f"Номер{i}") for i in range(3)]
        self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": p.id, "state": state}
                for p, state in zip(people, ["open", "done", "done"], strict=True)
            ]
        )
        figures = self.pivot("plan", "vsms.plan.item", ["section_id"], year=2030)
        self.assertEqual(figures[("Мероприятия",)], (40, 3, 2))
        self.assertEqual(figures[("Заседания",)], (5, 0, 0))

    def test_overdue_list(self):
        plan = self.Plan.create({"name": "План работы на 2025 год", "year": 2025})
        late = self.make_item(plan=plan, schedule_text="январь")
        held = self.make_item(plan=plan, schedule_text="февраль")
        held.occurrence_ids.action_done()
        listed = self.list_records("plan", "vsms.plan.occurrence", year=2025)
        self.assertEqual(listed, late.occurrence_ids)


@tagged("post_install", "-at_install")
class TestMembersDashboard(DashboardFigures):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = [
            cls.make_person(
                "Членов",
                f"Член{i}",
                email=f"member{i}@town.example.ru",
                vsms_municipality_id=cls.town.id,
            )
            for i in range(3)
        ]
        cls.members = cls.env["res.partner"].union(*people)
        cls.members._vsms_set_member_state("member")
        cls.make_position(people[0], cls.role_head, date_start="2020-01-01")
        cls.make_position(people[1], cls.role_deputy, date_start="2020-01-01")
        cls.give_consent(people[0], "processing")
        cls.give_consent(people[1], "processing")
        cls.give_consent(people[1], "mailing")
        cls.give_consent(people[2], "mailing", date_withdrawn="2021-01-01")

    def test_members_by_municipality_and_office(self):
        figures = self.pivot(
            "members", "res.partner", ["vsms_municipality_id"], municipality=self.town
        )
        town = self.town.display_name
        self.assertEqual(
            figures,
            {
                (town, self.role_head.display_name): (1,),
                (town, self.role_deputy.display_name): (1,),
                (town, False): (1,),
            },
        )

    def test_admissions_and_departures_per_month(self):
        person = self.members[0]
        Log = self.env["vsms.membership.log"]
        for date, old, new in [
            ("2029-12-31 10:00:00", "applicant", "member"),  # out of the year
            ("2030-02-10 10:00:00", False, "member"),
            ("2030-02-20 10:00:00", "applicant", "member"),
            ("2030-03-01 10:00:00", "suspended", "member"),  # no admission
            ("2030-03-15 10:00:00", "member", "former"),
            ("2030-03-20 10:00:00", "prospect", "former"),  # no departure
        ]:
            Log.create(
                {
                    "partner_id": person.id,
                    "date": date,
                    "old_state": old,
                    "new_state": new,
                }
            )
        figures = self.pivot(
            "members",
            "vsms.membership.log",
            ["date"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(
            {(str(month), kind): n for (month, kind), n in figures.items()},
            {
                ("2030-02-01 00:00:00", "admission"): (2,),
                ("2030-03-01 00:00:00", "departure"): (1,),
            },
        )
        other = self.env["vsms.municipality"].create(
            {"name": "Другой округ", "kind": "municipal_okrug"}
        )
        self.assertFalse(
            self.pivot(
                "members",
                "vsms.membership.log",
                ["date"],
                year=2030,
                municipality=other,
            )
        )

    def test_consent_coverage(self):
        data = read_file("members")
        counts = []
        for source in data["pivots"].values():
            if source["model"] == "res.partner" and not source["rows"]:
                counts.append(
                    self.env["res.partner"]
                    .with_user(self.user_staff)
                    .search_count(
                        self.filter_domain(data, source, municipality=self.town)
                    )
                )
        # members, processing, publication, mailing
        self.assertEqual(counts, [3, 2, 0, 1])

    def test_newly_elected_not_members(self):
        recent = fields.Date.today() - timedelta(days=60)
        newcomer = self.make_person(
            "Новиков", "Илья", vsms_municipality_id=self.town.id
        )
        self.make_position(newcomer, self.role_head, date_start=recent, elected=True)
        self.make_position(
            self.members[2], self.role_head, date_start=recent, elected=True
        )
        listed = self.list_records("members", "res.partner", municipality=self.town)
        self.assertEqual(listed, newcomer)


@tagged("post_install", "-at_install")
class TestEventsDashboard(DashboardFigures):
    def test_registrations_and_attendance(self):
        seminar = self.env["event.type"].create({"name": "Семинар-совещание"})
        event = self.env["event.event"].create(
            {
                "name": "Семинар глав",
                "event_type_id": seminar.id,
                "date_begin": "2030-05-15 07:00:00",
                "date_end": "2030-05-15 11:00:00",
            }
        )
        rows = [
            ("head", "done"),
            ("head", "done"),
            ("head", "open"),
            ("deputy", "done"),
            ("deputy", "cancel"),
        ]
        self.env["event.registration"].create(
            [
                {
                    "event_id": event.id,
                    "partner_id": self.make_person(
                        "Гость", f"Номер{i}", vsms_municipality_id=self.town.id
                    ).id,
                    "vsms_category": category,
                    "state": state,
                }
                for i, (category, state) in enumerate(rows)
            ]
        )
        figures = self.pivot(
            "events",
            "event.registration",
            ["vsms_category"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(
            figures,
            {("head", "done"): (2,), ("head", "open"): (1,), ("deputy", "done"): (1,)},
        )
        data = read_file("events")
        rate = [
            self.env["event.registration"].search_count(
                self.filter_domain(data, s, year=2030, municipality=self.town)
            )
            for s in data["pivots"].values()
            if s["model"] == "event.registration" and not s["rows"]
        ]
        self.assertEqual(rate, [4, 3])  # attendance 75 %
        by_format = self.pivot("events", "event.event", ["event_type_id"], year=2030)
        self.assertEqual(by_format[("Семинар-совещание",)], (1,))


@tagged("post_install", "-at_install")
class TestElectionsDashboard(DashboardFigures):
    def test_publications_and_mandates(self):
        Publication = self.env["vsms.publication"]
        for channel, reach, state, date in [
            ("vk", 100, "published", "2030-03-01"),
            ("vk", 50, "published", "2030-04-01"),
            ("telegram", 30, "published", "2030-04-02"),
            ("telegram", 10, "draft", "2030-04-02"),
            ("vk", 70, "published", "2029-04-02"),
        ]:
            Publication.create(
                {
                    "name": "Новость",
                    "channel": channel,
                    "kind": "news",
                    "reach": reach,
                    "state": state,
                    "date": date,
                    "municipality_id": self.town.id,
                }
            )
        figures = self.pivot(
            "elections",
            "vsms.publication",
            ["channel"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(figures, {("vk",): (2, 150), ("telegram",): (1, 30)})
        roads = self.env.ref("vsms_regional.vsms_mandate_topic_roads")
        housing = self.env.ref("vsms_regional.vsms_mandate_topic_housing")
        Mandate = self.env["vsms.mandate"]
        for topics, date in [
            (roads, "2030-02-01"),
            (roads | housing, "2030-03-01"),
            (roads, "2029-03-01"),
        ]:
            Mandate.create(
                {
                    "name": "Отремонтировать дорогу",
                    "date": date,
                    "author_name": "Жители",
                    "municipality_id": self.town.id,
                    "topic_ids": [fields.Command.set(topics.ids)],
                }
            )
        figures = self.pivot(
            "elections",
            "vsms.mandate",
            ["topic_ids"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(
            figures,
            {
                (roads.display_name, "received"): (2,),
                (housing.display_name, "received"): (1,),
            },
        )


@tagged("post_install", "-at_install")
class TestContestsOnDashboard(DashboardFigures, VsmsContestCommon):
    def test_applications_by_nomination_and_winners(self):
        contest = self.make_contest(
            nominations=("Лучший председатель ТОС", "Лучшая инициатива"),
            date_results="2030-04-20",
        )
        chairs, initiative = contest.nomination_ids
        self.seat_jury(contest)
        contest.action_open()
        vals = {
            "municipality_id": self.town.id,
            "date_submitted": "2030-03-01 10:00:00",
        }
        first = self.apply(contest, "Носов Пётр Ильич", chairs, **vals)
        second = self.apply(contest, "Рябова Анна Юрьевна", chairs, **vals)
        third = self.apply(contest, "Лисин Яков Львович", chairs, **vals)
        idea = self.apply(contest, "Жуков Борис Ильич", initiative, **vals)
        refused = self.apply(contest, "Орехов Лев Ильич", initiative, **vals)
        (first | second | third | idea).action_admit()
        refused.action_reject("Нет паспорта участника")
        figures = self.pivot(
            "events",
            "vsms.contest.application",
            ["contest_id", "nomination_id"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(
            figures,
            {
                (contest.name, chairs.display_name, "admitted"): (3,),
                (contest.name, initiative.display_name, "admitted"): (1,),
                (contest.name, initiative.display_name, "rejected"): (1,),
            },
        )
        # no winners before the results are final
        self.assertFalse(
            self.list_records("events", "vsms.contest.application", year=2030)
        )
        contest.action_start_judging()
        self.mark_all(first, 8, 4)  # 16
        self.mark_all(second, 9, 5)  # 19
        self.mark_all(third, 7, 3)  # 13
        self.mark_all(idea, 2, 1)  # 4
        contest.action_done()
        winners = self.list_records(
            "events", "vsms.contest.application", year=2030, municipality=self.town
        )
        self.assertEqual(winners, second | first | third | idea)
        self.assertEqual(winners.mapped("place"), [1, 2, 3, 1])
        self.assertFalse(
            self.list_records("events", "vsms.contest.application", year=2031)
        )


@tagged("post_install", "-at_install")
class TestCandidatesOnDashboard(DashboardFigures, ElectionCommon):
    def test_candidates_by_state_and_branch_role(self):
        self.party_list.municipality_id = self.town
        self.election.action_campaign()
        nominated = self.make_candidate(
            self.party_list, "Орлов Пётр Ильич", branch_support="nominated"
        )
        self.make_candidate(
            self.party_list, "Белова Мария Андреевна", branch_support="supported"
        )
        lost = self.make_candidate(self.party_list, "Зайцев Олег Павлович")
        self.make_candidate(self.party_list, "Соколова Ирина Юрьевна")
        self.election.action_voting()
        self.election.action_confirm_results()
        nominated.action_set_elected()
        lost.action_set_not_elected()
        figures = self.pivot(
            "elections",
            "vsms.candidate",
            ["branch_support"],
            year=2030,
            municipality=self.town,
        )
        self.assertEqual(
            figures,
            {
                ("nominated", "elected"): (1,),
                ("supported", "registered"): (1,),
                ("none", "not_elected"): (1,),
                ("none", "registered"): (1,),
            },
        )
        elected = self.list_records(
            "elections", "vsms.candidate", year=2030, municipality=self.town
        )
        self.assertEqual(elected, nominated)
        self.assertFalse(
            self.pivot("elections", "vsms.candidate", ["branch_support"], year=2029)
        )
