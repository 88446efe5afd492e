#!/usr/bin/env python3
"""Write the ВСМС spreadsheet dashboards (vsms_regional/data/dashboards/).

The dashboards are plain spreadsheet JSON (Odoo CE cannot edit them), so they
are generated from the compact description below: one block per table, each
an Odoo pivot (shown whole with ``=PIVOT(n)`` or cell by cell with
``PIVOT.VALUE``) or an Odoo list, each wired to the dashboard's global
filters. The same layout with fixed figures is written as the
``*_sample_dashboard.json`` that Odoo shows while the database is empty.

Labels are ``=_t("…")`` formulas and global filter labels: Odoo extracts them
into the .pot (``*_dashboard.json`` under ``data/*``) and translates them at
run time. Pivot names cannot be translated by Odoo; they are shown as the
first column's header, so they are written in Russian like other data.

Run ``python3 scripts/build_dashboards.py`` after changing this file and
commit the JSON it writes (the report on /tmp/reporting_api.md lists what
each block counts).
"""

import json
import sys
import uuid
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "vsms_regional" / "data" / "dashboards"
VERSION = "18.5.10"
NS = uuid.UUID("6f1c62a4-3c57-4c36-9c55-1b1f0d3b6a10")

STYLES = {
    "1": {"textColor": "#01666b", "bold": True, "fontSize": 16},
    "2": {"textColor": "#434343", "fontSize": 11, "bold": True},
    "3": {"textColor": "#434343", "verticalAlign": "middle"},
    "4": {"textColor": "#6c757d", "italic": True},
}
FORMATS = {"1": "0%", "2": "0"}
# wide enough for a pivot by office (a column per office, plus «None» and
# the total)
COLUMNS = 20


def fid(dashboard, name):
    return str(uuid.uuid5(NS, f"{dashboard}/{name}"))


def col(index):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def read_po(path):
    """{msgid: msgstr} of a .po file (enough of the format for ru.po)."""
    entries, key, current = {}, None, {"msgid": "", "msgstr": ""}

    def unquote(text):
        return json.loads(text)

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith(("msgid ", "msgstr ")):
            key, _sep, rest = line.partition(" ")
            if key == "msgid" and current["msgid"]:
                entries[current["msgid"]] = current["msgstr"]
                current = {"msgid": "", "msgstr": ""}
            current[key] = unquote(rest)
        elif line.startswith('"') and key:
            current[key] += unquote(line)
        elif not line.strip() and current["msgid"]:
            entries[current["msgid"]] = current["msgstr"]
            current, key = {"msgid": "", "msgstr": ""}, None
    return entries


RU_PO = OUT.parent.parent / "i18n" / "ru.po"
MISSING = set()


def t(label):
    """A translatable label cell."""
    escaped = label.replace('"', '\\"')
    return f'=_t("{escaped}")'


PERIOD = ("period", "date", "Period")
MUNICIPALITY = ("municipality", "relation", "Municipality", "vsms.municipality")


# --------------------------------------------------------------------------
# The dashboards. A block is a dict:
#   title       translatable title (English, translated in ru.po)
#   note        translatable line under the title (what is counted)
#   kind        "pivot" (=PIVOT(n) spill), "values" (cells computed from
#               pivots without rows), "list" (an Odoo list)
#   model, domain, rows, columns, measures, order (list), name (pivot's name
#   shown as the first column's header, Russian)
#   period      (chain, type) the period filter applies to, or None
#   municipality  chain the municipality filter applies to, or None
#   height      rows reserved for the block (the pivot may spill that far)
#   sample      rows of fixed figures for the sample dashboard
# --------------------------------------------------------------------------

PLAN = {
    "key": "plan",
    "filters": [PERIOD],
    "blocks": [
        {
            "title": "Execution by section",
            "note": "Occurrences of the plan's items by status; the period "
            "applies to the occurrence's start.",
            "kind": "pivot",
            "name": "Раздел плана",
            "model": "vsms.plan.occurrence",
            "domain": [],
            "rows": [{"fieldName": "section_id"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("date_start", "date"),
            "municipality": None,
            "height": 12,
            "sample": [
                ["Раздел плана", "Запланировано", "Проведено", "Не проведено", "Всего"],
                ["", "Количество", "Количество", "Количество", "Количество"],
                ["Заседания органов управления", 3, 5, "", 8],
                ["Мероприятия для глав МО", 4, 6, 1, 11],
                ["Работа с ТОС", 2, 4, "", 6],
                ["Всего", 9, 15, 1, 25],
            ],
        },
        {
            "title": "Occurrences by status per quarter",
            "note": "The quarter of the occurrence's start.",
            "kind": "pivot",
            "name": "Квартал",
            "model": "vsms.plan.occurrence",
            "domain": [],
            "rows": [{"fieldName": "date_start", "granularity": "quarter"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("date_start", "date"),
            "municipality": None,
            "height": 9,
            "sample": [
                ["Квартал", "Запланировано", "Проведено", "Не проведено", "Всего"],
                ["", "Количество", "Количество", "Количество", "Количество"],
                ["Q1 2021", "", 6, 1, 7],
                ["Q2 2021", 1, 5, "", 6],
                ["Q3 2021", 3, 4, "", 7],
                ["Q4 2021", 5, "", "", 5],
                ["Всего", 9, 15, 1, 25],
            ],
        },
        {
            "title": "Participants: planned, registered, attended",
            "note": "Plan items by section; the period applies to the item's "
            "first occurrence (unscheduled items are left out).",
            "kind": "pivot",
            "name": "Раздел плана",
            "model": "vsms.plan.item",
            "domain": [],
            "rows": [{"fieldName": "section_id"}],
            "columns": [],
            "measures": [
                "participants_planned",
                "participants_registered",
                "participants_actual",
            ],
            "period": ("date_start", "date"),
            "municipality": None,
            "height": 10,
            "sample": [
                [
                    "Раздел плана",
                    "Плановое число участников",
                    "Зарегистрировано участников",
                    "Фактическое число участников",
                ],
                ["Заседания органов управления", 120, 110, 98],
                ["Мероприятия для глав МО", 400, 362, 331],
                ["Работа с ТОС", 150, 97, 88],
                ["Всего", 670, 569, 517],
            ],
        },
        {
            "title": "Overdue occurrences",
            "note": "Still planned although their period has ended.",
            "kind": "list",
            "name": "Просроченные",
            "model": "vsms.plan.occurrence",
            "domain": [["is_overdue", "=", True]],
            "list_columns": ["item_id", "name", "date_end", "user_id"],
            "order": [{"name": "date_end", "asc": True}],
            "period": ("date_start", "date"),
            "municipality": None,
            "height": 15,
            "sample": [
                ["Мероприятие", "Период", "Окончание", "Ответственный"],
                [
                    "3. Семинар-совещание глав поселений",
                    "Март 2021",
                    "31.03.2021",
                    "Иванова А. П.",
                ],
                [
                    "7. Круглый стол по ТОС",
                    "II квартал 2021",
                    "30.06.2021",
                    "Петров С. В.",
                ],
            ],
        },
    ],
}

MEMBERS = {
    "key": "members",
    "filters": [PERIOD, MUNICIPALITY],
    "blocks": [
        {
            "title": "Admissions and departures per month",
            "note": "Membership history: admitted (not back from a suspension) "
            "and left; the period applies to the date of the change.",
            "kind": "pivot",
            "name": "Месяц",
            "model": "vsms.membership.log",
            "domain": [["movement", "in", ["admission", "departure"]]],
            "rows": [{"fieldName": "date", "granularity": "month"}],
            "columns": [{"fieldName": "movement"}],
            "measures": ["__count"],
            "period": ("date", "datetime"),
            "municipality": "partner_id.vsms_municipality_id",
            "height": 16,
            "sample": [
                ["Месяц", "Приём", "Выход", "Всего"],
                ["", "Количество", "Количество", "Количество"],
                ["февраль 2021", 4, "", 4],
                ["апрель 2021", 7, 1, 8],
                ["сентябрь 2021", 3, 2, 5],
                ["Всего", 14, 3, 17],
            ],
        },
        {
            "title": "Newly elected, not yet members",
            "note": "An elected office that started within the last 12 months; "
            "not a member or a suspended member.",
            "kind": "list",
            "name": "Новые избранные",
            "model": "res.partner",
            "domain": [
                ["vsms_newly_elected", "=", True],
                ["vsms_member_state", "not in", ["member", "suspended"]],
            ],
            "list_columns": [
                "name",
                "vsms_municipality_id",
                "vsms_main_role_id",
                "vsms_member_state",
            ],
            "order": [{"name": "name", "asc": True}],
            "period": None,
            "municipality": "vsms_municipality_id",
            "height": 15,
            "sample": [
                [
                    "Имя",
                    "Муниципальное образование",
                    "Основная должность",
                    "Статус членства",
                ],
                [
                    "Сидоров Пётр Ильич",
                    "Вяземский муниципальный округ",
                    "Глава МО",
                    "Не член",
                ],
                ["Козлова Анна Сергеевна", "город Смоленск", "Депутат", "Кандидат"],
            ],
        },
        {
            "title": "Consent coverage of members",
            "note": "Members holding a consent in force today.",
            "kind": "values",
            "header": ["Consent", "Members", "Percentage"],
            "pivots": [
                {
                    "label": "Members",
                    "model": "res.partner",
                    "domain": [["vsms_member_state", "=", "member"]],
                },
                {
                    "label": "Personal data processing",
                    "model": "res.partner",
                    "domain": [
                        ["vsms_member_state", "=", "member"],
                        ["vsms_processing_allowed", "=", True],
                    ],
                },
                {
                    "label": "Publication",
                    "model": "res.partner",
                    "domain": [
                        ["vsms_member_state", "=", "member"],
                        ["vsms_publication_allowed", "=", True],
                    ],
                },
                {
                    "label": "Mailing",
                    "model": "res.partner",
                    "domain": [
                        ["vsms_member_state", "=", "member"],
                        ["vsms_mailing_allowed", "=", True],
                    ],
                },
            ],
            "share_of_first": True,
            "name": "Согласия",
            "period": None,
            "municipality": "vsms_municipality_id",
            "height": 6,
            "sample": [[42, 1], [38, 0.9], [21, 0.5], [30, 0.71]],
        },
        {
            "title": "Members by municipality and main office",
            "note": "Members today (the period does not apply).",
            "kind": "pivot",
            "name": "Муниципальное образование",
            "model": "res.partner",
            "domain": [["vsms_member_state", "=", "member"]],
            "rows": [{"fieldName": "vsms_municipality_id"}],
            "columns": [{"fieldName": "vsms_main_role_id"}],
            "measures": ["__count"],
            "period": None,
            "municipality": "vsms_municipality_id",
            "height": 32,
            "sample": [
                [
                    "Муниципальное образование",
                    "Глава МО",
                    "Депутат",
                    "Председатель ТОС",
                    "Всего",
                ],
                ["", "Количество", "Количество", "Количество", "Количество"],
                ["город Смоленск", 1, 12, 9, 22],
                ["Вяземский муниципальный округ", 1, 6, 4, 11],
                ["Гагаринский муниципальный округ", 1, 5, 3, 9],
                ["Всего", 3, 23, 16, 42],
            ],
        },
    ],
}

EVENTS = {
    "key": "events",
    "filters": [PERIOD, MUNICIPALITY],
    "blocks": [
        {
            "title": "Events by format",
            "note": "Events by their format (event type); the period applies "
            "to the event's start.",
            "kind": "pivot",
            "name": "Формат",
            "model": "event.event",
            "domain": [],
            "rows": [{"fieldName": "event_type_id"}],
            "columns": [],
            "measures": ["__count"],
            "period": ("date_begin", "datetime"),
            "municipality": None,
            "height": 11,
            "sample": [
                ["Формат", "Количество"],
                ["Семинар-совещание", 6],
                ["Круглый стол", 4],
                ["Олимпиада", 1],
                ["Всего", 11],
            ],
        },
        {
            "title": "Registrations and attendance by category",
            "note": "Registrations not cancelled (registered or attended) and "
            "attended; the period applies to the event's start.",
            "kind": "pivot",
            "name": "Категория участников",
            "model": "event.registration",
            "domain": [["state", "in", ["open", "done"]]],
            "rows": [{"fieldName": "vsms_category"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("event_id.date_begin", "datetime"),
            "municipality": "vsms_municipality_id",
            "height": 15,
            "sample": [
                ["Категория участников", "Зарегистрирован", "Присутствовал", "Всего"],
                ["", "Количество", "Количество", "Количество"],
                ["Глава МО", 4, 21, 25],
                ["Депутат", 10, 48, 58],
                ["Представитель ТОС", 7, 33, 40],
                ["Всего", 21, 102, 123],
            ],
        },
        {
            "title": "Attendance rate",
            "note": "Attended out of the registrations not cancelled.",
            "kind": "values",
            "header": ["Registrations", "Count", "Percentage"],
            "pivots": [
                {
                    "label": "Registered or attended",
                    "model": "event.registration",
                    "domain": [["state", "in", ["open", "done"]]],
                },
                {
                    "label": "Attended",
                    "model": "event.registration",
                    "domain": [["state", "=", "done"]],
                },
            ],
            "share_of_first": True,
            "name": "Посещаемость",
            "period": ("event_id.date_begin", "datetime"),
            "municipality": "vsms_municipality_id",
            "height": 4,
            "sample": [[123, 1], [102, 0.83]],
        },
        {
            "title": "Contest applications by nomination",
            "note": "Applications by contest and nomination and their status; "
            "the period applies to the date of submission.",
            "kind": "pivot",
            "name": "Конкурс / номинация",
            "model": "vsms.contest.application",
            "domain": [],
            "rows": [{"fieldName": "contest_id"}, {"fieldName": "nomination_id"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("date_submitted", "datetime"),
            "municipality": "municipality_id",
            "height": 22,
            "sample": [
                ["Конкурс / номинация", "Подана", "Допущена", "Отклонена", "Всего"],
                ["", "Количество", "Количество", "Количество", "Количество"],
                ["Лучшее ТОС 2021", 2, 14, 1, 17],
                ["Благоустройство", 1, 8, 1, 10],
                ["Социальные проекты", 1, 6, "", 7],
                ["Всего", 2, 14, 1, 17],
            ],
        },
        {
            "title": "Winners and prize-winners",
            "note": "Places of contests with final results; the period applies "
            "to the date of the results.",
            "kind": "list",
            "name": "Победители",
            "model": "vsms.contest.application",
            "domain": [["place", ">", 0], ["contest_id.state", "=", "done"]],
            "list_columns": [
                "contest_id",
                "nomination_id",
                "place",
                "applicant_name",
                "municipality_id",
            ],
            "order": [
                {"name": "contest_id", "asc": True},
                {"name": "nomination_id", "asc": True},
                {"name": "place", "asc": True},
            ],
            "period": ("contest_id.date_results", "date"),
            "municipality": "municipality_id",
            "height": 20,
            "sample": [
                [
                    "Конкурс",
                    "Номинация",
                    "Место",
                    "Участник",
                    "Муниципальное образование",
                ],
                [
                    "Лучшее ТОС 2021",
                    "Благоустройство",
                    1,
                    "ТОС «Заречье»",
                    "город Смоленск",
                ],
                [
                    "Лучшее ТОС 2021",
                    "Благоустройство",
                    2,
                    "ТОС «Родник»",
                    "Вяземский муниципальный округ",
                ],
            ],
        },
    ],
}

ELECTIONS = {
    "key": "elections",
    "filters": [PERIOD, MUNICIPALITY],
    "blocks": [
        {
            "title": "Candidates by status and the branch's role",
            "note": "The period applies to the last voting day; the "
            "municipality to the district's.",
            "kind": "pivot",
            "name": "Роль отделения",
            "model": "vsms.candidate",
            "domain": [],
            "rows": [{"fieldName": "branch_support"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("election_id.date_end", "date"),
            "municipality": "district_id.municipality_id",
            "height": 8,
            "sample": [
                [
                    "Роль отделения",
                    "Выдвинут",
                    "Зарегистрирован",
                    "Избран",
                    "Не избран",
                    "Всего",
                ],
                [
                    "",
                    "Количество",
                    "Количество",
                    "Количество",
                    "Количество",
                    "Количество",
                ],
                ["Выдвинут отделением", "", 1, 5, 2, 8],
                ["Поддержан отделением", 1, 2, 9, 4, 16],
                ["Всего", 1, 3, 14, 6, 24],
            ],
        },
        {
            "title": "Elected candidates",
            "note": "The period applies to the last voting day.",
            "kind": "list",
            "name": "Избранные",
            "model": "vsms.candidate",
            "domain": [["state", "=", "elected"]],
            "list_columns": [
                "partner_id",
                "election_id",
                "district_id",
                "branch_support",
                "vote_share",
            ],
            "order": [{"name": "election_id", "asc": True}],
            "period": ("election_id.date_end", "date"),
            "municipality": "district_id.municipality_id",
            "height": 20,
            "sample": [
                ["Кандидат", "Выборы", "Округ", "Роль отделения", "Доля голосов, %"],
                [
                    "Иванов Иван Иванович",
                    "Выборы депутатов 2021",
                    "Округ № 3",
                    "Выдвинут отделением",
                    41.2,
                ],
            ],
        },
        {
            "title": "Voters' mandates by status and topic",
            "note": "The period applies to the date the mandate was received.",
            "kind": "pivot",
            "name": "Тема",
            "model": "vsms.mandate",
            "domain": [],
            "rows": [{"fieldName": "topic_ids"}],
            "columns": [{"fieldName": "state"}],
            "measures": ["__count"],
            "period": ("date", "date"),
            "municipality": "municipality_id",
            "height": 14,
            "sample": [
                ["Тема", "Поступил", "В работе", "Выполнен", "Всего"],
                ["", "Количество", "Количество", "Количество", "Количество"],
                ["Дороги", 3, 4, 2, 9],
                ["Благоустройство", 1, 2, 5, 8],
                ["Всего", 4, 6, 7, 17],
            ],
        },
        {
            "title": "Publications by channel",
            "note": "Published publications and their reach.",
            "kind": "pivot",
            "name": "Канал",
            "model": "vsms.publication",
            "domain": [["state", "=", "published"]],
            "rows": [{"fieldName": "channel"}],
            "columns": [],
            "measures": ["__count", "reach"],
            "period": ("date", "date"),
            "municipality": "municipality_id",
            "height": 12,
            "sample": [
                ["Канал", "Количество", "Охват"],
                ["Сайт отделения", 24, 5300],
                ["ВКонтакте", 41, 18200],
                ["Telegram", 17, 6100],
                ["Всего", 82, 29600],
            ],
        },
        {
            "title": "Coverage gaps",
            "note": "Held more than N days ago (ВСМС settings) without a "
            "published publication.",
            "kind": "values",
            "header": ["Without coverage", "Count"],
            "pivots": [
                {
                    "label": "Events",
                    "model": "event.event",
                    "domain": [["vsms_coverage_gap", "=", True]],
                    "period": ("date_begin", "datetime"),
                },
                {
                    "label": "Meetings",
                    "model": "calendar.event",
                    "domain": [["vsms_coverage_gap", "=", True]],
                    "period": ("start", "datetime"),
                },
                {
                    "label": "Contests",
                    "model": "vsms.contest",
                    "domain": [["coverage_gap", "=", True]],
                    "period": ("date_results", "date"),
                },
            ],
            "share_of_first": False,
            "name": "Без освещения",
            "period": None,
            "municipality": None,
            "height": 5,
            "sample": [[3], [2], [1]],
        },
    ],
}

DASHBOARDS = [PLAN, MEMBERS, EVENTS, ELECTIONS]


def global_filters(dashboard):
    result = []
    for spec in dashboard["filters"]:
        item = {"id": fid(dashboard["key"], spec[0]), "type": spec[1], "label": spec[2]}
        if spec[1] == "date":
            item["defaultValue"] = "this_year"
        else:
            item["modelName"] = spec[3]
            item["defaultValueDisplayNames"] = []
        result.append(item)
    return result


def field_matching(dashboard, period, municipality):
    matching = {}
    for spec in dashboard["filters"]:
        filter_id = fid(dashboard["key"], spec[0])
        if spec[0] == "period":
            if period:
                matching[filter_id] = {
                    "chain": period[0],
                    "type": period[1],
                    "offset": 0,
                }
        elif spec[0] == "municipality" and municipality:
            matching[filter_id] = {"chain": municipality, "type": "many2one"}
    return matching


def pivot_definition(dashboard, pivot_id, block, model, domain, period):
    return {
        "type": "ODOO",
        "id": pivot_id,
        "formulaId": pivot_id,
        "name": block["name"],
        "model": model,
        "domain": domain,
        "context": {},
        "measures": [
            {"id": m, "fieldName": m} for m in block.get("measures", ["__count"])
        ],
        "rows": block.get("rows", []),
        "columns": block.get("columns", []),
        "fieldMatching": field_matching(dashboard, period, block["municipality"]),
    }


def cell_value(value):
    return value if isinstance(value, str) else json.dumps(value)


TITLES = {
    "plan": "Work plan",
    "members": "Members and contacts",
    "events": "Events and contests",
    "elections": "Elections, voters' mandates, media",
}


class Sheet:
    """The cells of one dashboard (real or sample) and its data sources."""

    def __init__(self, dashboard, sample, russian=None):
        self.dashboard = dashboard
        self.sample = sample
        self.russian = russian
        self.cells, self.styles, self.formats = {}, {}, {}
        self.pivots, self.lists = {}, {}

    def put(self, ref, value, style=None, fmt=None):
        self.cells[ref] = value
        if style:
            self.styles[ref] = style
        if fmt:
            self.formats[ref] = fmt

    def label(self, text):
        """A translatable label; in Russian on the sample dashboard, which
        Odoo serves without translations (no translation namespace)."""
        if not self.sample:
            return t(text)
        if not self.russian.get(text):
            MISSING.add(text)
            return text
        return self.russian[text]

    def put_table(self, top, rows):
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value != "":
                    self.put(f"{col(c)}{top + r}", cell_value(value))

    def add_pivot(self, block, model, domain, period):
        pivot_id = str(len(self.pivots) + 1)
        self.pivots[pivot_id] = pivot_definition(
            self.dashboard, pivot_id, block, model, domain, period
        )
        return pivot_id

    def pivot_block(self, block, top):
        pivot_id = self.add_pivot(
            block, block["model"], block["domain"], block["period"]
        )
        if self.sample:
            self.put_table(top, block["sample"])
        else:
            self.put(f"A{top}", f"=PIVOT({pivot_id})")
        self.styles[f"A{top}"] = 2

    def values_block(self, block, top):
        for c, label in enumerate(block["header"]):
            self.put(f"{col(c)}{top}", self.label(label), style=2)
        first = top + 1
        for r, spec in enumerate(block["pivots"]):
            line = first + r
            pivot_id = self.add_pivot(
                {**block, "rows": [], "columns": [], "measures": ["__count"]},
                spec["model"],
                spec["domain"],
                spec.get("period", block["period"]),
            )
            self.put(f"A{line}", self.label(spec["label"]))
            value = (
                cell_value(block["sample"][r][0])
                if self.sample
                else f'=PIVOT.VALUE({pivot_id},"__count")'
            )
            self.put(f"B{line}", value, fmt=2)
            if block["share_of_first"]:
                self.put(f"C{line}", f"=IFERROR(B{line}/B{first},0)", fmt=1)

    def list_block(self, block, top):
        list_id = str(len(self.lists) + 1)
        self.lists[list_id] = {
            "id": list_id,
            "name": block["name"],
            "model": block["model"],
            "domain": block["domain"],
            "columns": block["list_columns"],
            "context": {},
            "orderBy": block["order"],
            "fieldMatching": field_matching(
                self.dashboard, block["period"], block["municipality"]
            ),
        }
        if self.sample:
            self.put_table(top, block["sample"])
        else:
            for c, fname in enumerate(block["list_columns"]):
                self.put(f"{col(c)}{top}", f'=ODOO.LIST.HEADER({list_id},"{fname}")')
                for r in range(1, block["height"]):
                    self.put(
                        f"{col(c)}{top + r}", f'=ODOO.LIST({list_id},{r},"{fname}")'
                    )
        for c in range(len(block["list_columns"])):
            self.styles[f"{col(c)}{top}"] = 2

    def build(self):
        self.put("A1", self.label(TITLES[self.dashboard["key"]]), style=1)
        row = 3
        for block in self.dashboard["blocks"]:
            self.put(f"A{row}", self.label(block["title"]), style=1)
            self.put(f"A{row + 1}", self.label(block["note"]), style=4)
            top = row + 2
            getattr(self, f"{block['kind']}_block")(block, top)
            row = top + block["height"] + 1
        return self.data(row + 2)

    def data(self, row_count):
        sheet = {
            "id": "sheet1",
            "name": "Dashboard",
            "colNumber": COLUMNS,
            "rowNumber": row_count,
            "rows": {},
            "cols": {
                "0": {"size": 360},
                **{str(i): {"size": 135} for i in range(1, COLUMNS)},
            },
            "merges": [],
            "cells": self.cells,
            "styles": self.styles,
            "formats": self.formats,
            "borders": {},
            "conditionalFormats": [],
            "dataValidationRules": [],
            "figures": [],
            "tables": [],
            "areGridLinesVisible": False,
            "isVisible": True,
            "headerGroups": {"ROW": [], "COL": []},
            "comments": {},
        }
        sample = self.sample
        return {
            "version": VERSION,
            "sheets": [sheet],
            "styles": STYLES,
            "formats": FORMATS,
            "borders": {},
            "revisionId": "START_REVISION",
            "uniqueFigureIds": True,
            "settings": {},
            "pivots": {} if sample else self.pivots,
            "pivotNextId": 1 if sample else len(self.pivots) + 1,
            "customTableStyles": {},
            "globalFilters": [] if sample else global_filters(self.dashboard),
            "lists": {} if sample else self.lists,
            "listNextId": 1 if sample else len(self.lists) + 1,
            "chartOdooMenusReferences": {},
        }


def build(dashboard, sample, russian=None):
    return Sheet(dashboard, sample, russian).build()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    russian = read_po(RU_PO)
    for dashboard in DASHBOARDS:
        for sample in (False, True):
            name = f"{dashboard['key']}{'_sample' if sample else ''}_dashboard.json"
            data = build(dashboard, sample, russian)
            (OUT / name).write_text(
                json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
            print(OUT / name)
    if MISSING:
        sys.exit(
            "Export the .pot, translate these in ru.po, then build again (the "
            "sample dashboards show them in Russian):\n" + "\n".join(sorted(MISSING))
        )


if __name__ == "__main__":
    main()
