#!/usr/bin/env python3
"""Take screenshots of the «ВСМС» dashboards from a running local Odoo.

Uses the helpers of scripts/screenshots.py (same requirements). The
dashboards open on the current year, so with --sample-plan it first adds a
small work plan for the current year (sections, items, some occurrences held
or missed, participants counted) to the database and makes the user a ВСМС
manager (the dashboards are for ВСМС staff): use a throwaway database.

    odoo-bin -c odoo.conf -d DB --http-port=8269 &
    venv/bin/python scripts/screenshot_dashboards.py --url http://127.0.0.1:8269 \\
        --db DB --sample-plan

Writes docs/images/dashboard_plan.png («План работы»); with --all also
dashboard_members.png, dashboard_events.png and dashboard_elections.png
(into --out).
"""

import argparse
import datetime
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import REPO_DIR, Chromium, Odoo

DASHBOARDS = ["plan", "members", "events", "elections"]

SAMPLE_PLAN = [
    (
        "Заседания органов управления",
        [
            (
                "Заседания Президиума регионального совета",
                "март, июнь, сентябрь, декабрь",
                12,
            ),
            ("Заседание регионального совета", "апрель", 45),
        ],
    ),
    (
        "Мероприятия для глав муниципальных образований",
        [
            ("Семинар-совещание глав поселений", "февраль, октябрь", 60),
            ("Круглый стол по развитию ТОС", "II квартал", 35),
        ],
    ),
    (
        "Конкурсы и олимпиады",
        [
            ("Конкурс «Лучшее ТОС»", "май – сентябрь", 80),
            ("Олимпиада школьников по основам МСУ", "ноябрь", 120),
        ],
    ),
]


def add_sample_plan(odoo, year):
    """A plan for ``year``: done in the first months, one missed, the rest
    planned; participants counted on the occurrences held."""
    if odoo.call("vsms.plan", "search", [("year", "=", year)]):
        return
    plan_id = odoo.call(
        "vsms.plan", "create", {"name": f"План работы на {year} год", "year": year}
    )
    number = 0
    for sequence, (section, items) in enumerate(SAMPLE_PLAN, start=1):
        section_id = odoo.call(
            "vsms.plan.section",
            "create",
            {"plan_id": plan_id, "sequence": sequence * 10, "name": section},
        )
        for name, schedule, planned in items:
            number += 1
            odoo.call(
                "vsms.plan.item",
                "create",
                {
                    "plan_id": plan_id,
                    "section_id": section_id,
                    "number": number,
                    "name": name,
                    "schedule_text": schedule,
                    "participants_planned": planned,
                },
            )
    occurrences = odoo.call(
        "vsms.plan.occurrence",
        "search_read",
        [("plan_id", "=", plan_id)],
        fields=["date_end", "item_id"],
        order="date_start",
    )
    today = datetime.date.today().isoformat()
    past = [occ for occ in occurrences if occ["date_end"] < today]
    for index, occ in enumerate(past):
        if index == 2:
            odoo.call("vsms.plan.occurrence", "action_missed", [occ["id"]])
        elif index < len(past) - 1:
            odoo.call("vsms.plan.occurrence", "action_done", [occ["id"]])
            odoo.call(
                "vsms.plan.occurrence.participant",
                "create",
                {"occurrence_id": occ["id"], "category": "head", "count": 10 + index},
            )
        # the last one stays planned: overdue


def shoot(browser, odoo, key, out):
    dashboard_id = odoo.xmlid_to_id(f"vsms_regional.spreadsheet_dashboard_vsms_{key}")
    browser.navigate(f"{odoo.url}/odoo/dashboards?dashboard_id={dashboard_id}")
    browser.wait_for(
        "document.querySelector('.o-spreadsheet .o-grid canvas')",
        f"the dashboard {key}",
    )
    browser.wait_idle()
    time.sleep(3)
    browser.screenshot(out / f"dashboard_{key}.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument(
        "--chromium", default=shutil.which("chromium") or "/usr/bin/chromium"
    )
    parser.add_argument("--out", type=Path, default=REPO_DIR / "docs" / "images")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1300)
    parser.add_argument("--all", action="store_true", help="all four dashboards")
    parser.add_argument(
        "--sample-plan",
        action="store_true",
        help="add a plan for the current year (throwaway databases only)",
    )
    args = parser.parse_args()

    odoo = Odoo(args.url, args.db, args.login, args.password)
    if args.sample_plan:
        # the dashboards are for ВСМС staff: make the user a ВСМС manager
        manager = odoo.xmlid_to_id("vsms_regional.group_vsms_manager")
        odoo.call("res.users", "write", [odoo.uid], {"group_ids": [(4, manager)]})
        add_sample_plan(odoo, datetime.date.today().year)
    browser = Chromium(args.chromium, args.width, args.height)
    try:
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=odoo.session_id,
            domain=urlsplit(odoo.url).hostname,
            path="/",
            httpOnly=True,
        )
        for key in DASHBOARDS if args.all else DASHBOARDS[:1]:
            shoot(browser, odoo, key, args.out)
    finally:
        browser.close()
    print("\nBrowser console errors and warnings:")
    for line in browser.console or ["(none)"]:
        print("  " + line)


if __name__ == "__main__":
    main()
