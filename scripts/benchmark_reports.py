"""The annual report to the central ВСМС at realistic scale.

Builds a year of a busy branch on top of what the database holds: 30 000
contacts (a third of them members, with offices and a membership history
spread over three years, admissions and departures during the year), 40
events of 250 registrations (10 000 registrations, four in five attended)
and 500 publications; then times the report's figures, its XLSX and the
HTML of its PDF, with their query counts, before and after the data is added
(the counts must not grow with the records), and a raw-SQL baseline of the
heaviest figures measured in the same run.

Run it in ``odoo-bin shell`` on a throwaway database with vsms_regional
installed: the script rolls back at the end, but Odoo's event mail scheduler
commits whenever it runs synchronously, so never point it at real data:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms_bench --no-http < scripts/benchmark_reports.py

VSMS_BENCH_PARTNERS, VSMS_BENCH_EVENTS and VSMS_BENCH_REGISTRATIONS change
the sizes; VSMS_BENCH_YEAR the year (default: the current one);
VSMS_BENCH_PROFILE=1 prints where the figures spend their time.
"""

import cProfile
import datetime
import os
import pstats
import random
import time

from odoo import fields
from odoo.tests import new_test_user

env = globals()["env"]  # provided by odoo-bin shell
PARTNERS = int(os.environ.get("VSMS_BENCH_PARTNERS", "30000"))
EVENTS = int(os.environ.get("VSMS_BENCH_EVENTS", "40"))
PER_EVENT = int(os.environ.get("VSMS_BENCH_REGISTRATIONS", "250"))
YEAR = int(os.environ.get("VSMS_BENCH_YEAR", str(fields.Date.today().year)))
random.seed(2026)

quiet = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "no_mail_to_attendees": True,
}
env = env(context=dict(env.context, **quiet))
env["ir.config_parameter"].set_param("event.event_mail_async", "1")


def measure(label, func, repeat=3):
    """Best of ``repeat`` runs from cold caches, and its query count."""
    best = None
    for _ in range(repeat):
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<60} {best * 1000:9.1f} ms  {queries:5d} queries")
    return result, queries


def step(label, func):
    start = time.perf_counter()
    result = func()
    env.flush_all()
    print(f"  {label:<58} {time.perf_counter() - start:7.1f} s")
    return result


staff = new_test_user(
    env,
    login="annual_bench_staff",
    name="Бенчмарк Анна Сергеевна",
    groups="vsms_regional.group_vsms_user",
)
report = env["vsms.annual.report"].with_user(staff).create({"year": YEAR})
Reports = env["ir.actions.report"].with_user(staff).with_context(lang="ru_RU")


def figures():
    return report._vsms_annual_figures()


def xlsx():
    return Reports._render_xlsx(
        "vsms_regional.vsms_annual_report_xlsx", report.ids, None
    )[0]


def pdf_html():
    return Reports._render_qweb_html(
        "vsms_regional.vsms_annual_report_pdf", report.ids
    )[0]


def run_report(title):
    print(title)
    _result, figure_queries = measure("annual report: figures", figures)
    content, xlsx_queries = measure("annual report: XLSX (figures + workbook)", xlsx)
    _html, html_queries = measure(
        "annual report: PDF's HTML (figures + QWeb)", pdf_html
    )
    print(f"    XLSX size {len(content) / 1024:.1f} KiB")
    return figure_queries, xlsx_queries, html_queries


small = run_report(f"Before the data (year {YEAR})")

# ---------------------------------------------------------------------------
# A year of data
# ---------------------------------------------------------------------------
print(f"Building {PARTNERS} contacts, {EVENTS} × {PER_EVENT} registrations …")
municipalities = env["vsms.municipality"].search([])
roles = {
    role.code: role
    for role in env["vsms.position.role"].search(
        [("code", "in", ["head", "deputy", "tos_chair", "expert"])]
    )
}
Partner = env["res.partner"]
states = ["none"] * 6 + ["member"] * 3 + ["prospect", "applicant"]


def make_partners():
    partners = Partner.browse()
    for start in range(0, PARTNERS, 2000):
        partners |= Partner.create(
            [
                {
                    "vsms_last_name": f"Контактов{n}",
                    "vsms_first_name": "Иван",
                    "vsms_patronymic": "Петрович",
                    "vsms_municipality_id": random.choice(municipalities).id,
                    "vsms_member_state": random.choice(states),
                }
                for n in range(start, min(start + 2000, PARTNERS))
            ]
        )
    return partners


partners = step("contacts (members logged at creation)", make_partners)
members = partners.filtered(lambda p: p.vsms_member_state == "member")


def make_positions():
    holders = random.sample(list(members), len(members) // 3)
    codes = list(roles)
    env["vsms.position"].create(
        [
            {
                "partner_id": partner.id,
                "role_id": roles[codes[n % len(codes)]].id,
                "date_start": f"{YEAR - 3}-01-01",
            }
            for n, partner in enumerate(holders)
        ]
    )


step("offices of a third of the members", make_positions)


def spread_history():
    # The members were logged at creation: spread their admissions over
    # the three years before now (fast bulk SQL: the history is append-only
    # for the ORM), so that the departures below come after them.
    env.cr.execute(
        """
        UPDATE vsms_membership_log
           SET date = %s::timestamp - random() * interval '1000 days'
         WHERE partner_id = ANY(%s)
        """,
        [min(datetime.datetime(YEAR, 12, 31, 12), fields.Datetime.now()), partners.ids],
    )
    env.invalidate_all()


step("history spread over three years (SQL)", spread_history)
leaving = members[: len(members) // 20]
step(
    f"{len(leaving)} departures during the year",
    lambda: leaving._vsms_set_member_state("former", reason="Личное заявление"),
)


def make_events():
    types = env["event.type"].search([], limit=4) or env["event.type"].create(
        [{"name": f"Формат {n}"} for n in range(4)]
    )
    events = env["event.event"].create(
        [
            {
                "name": f"Мероприятие {n}",
                "event_type_id": types[n % len(types)].id,
                "date_begin": f"{YEAR}-{n % 12 + 1:02d}-10 07:00:00",
                "date_end": f"{YEAR}-{n % 12 + 1:02d}-10 12:00:00",
            }
            for n in range(EVENTS)
        ]
    )
    guests = partners[: PER_EVENT * 4]
    registrations = env["event.registration"].create(
        [
            {"event_id": event.id, "partner_id": guests[(n * 7 + i) % len(guests)].id}
            for n, event in enumerate(events)
            for i in range(PER_EVENT)
        ]
    )
    registrations.filtered(lambda r: r.id % 5).write({"state": "done"})
    return registrations


registrations = step(f"{EVENTS * PER_EVENT} registrations", make_events)
step(
    "500 publications",
    lambda: env["vsms.publication"].create(
        [
            {
                "name": f"Публикация {n}",
                "channel": ["vk", "telegram", "branch_site", "print"][n % 4],
                "date": f"{YEAR}-{n % 12 + 1:02d}-15",
                "state": "published",
            }
            for n in range(500)
        ]
    ),
)
env.flush_all()
env.cr.execute("SELECT count(*) FROM vsms_membership_log")
history_rows = env.cr.fetchone()[0]
print(
    f"  now {Partner.search_count([])} contacts, {history_rows} history rows, "
    f"{env['event.registration'].search_count([])} registrations"
)

large = run_report(f"After the data (year {YEAR})")
if os.environ.get("VSMS_BENCH_PROFILE"):
    env.invalidate_all()
    profile = cProfile.Profile()
    profile.runcall(figures)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
for label, before, after in zip(
    ("figures", "XLSX", "PDF's HTML"), small, large, strict=True
):
    print(f"    queries of {label}: {before} before, {after} after")

# ---------------------------------------------------------------------------
# Raw-SQL baseline of the heaviest figures (same data, same run)
# ---------------------------------------------------------------------------
start_moment, end_moment, _from, _to = report._vsms_period()


def sql_baseline():
    cr = env.cr
    # members on each date: the last history row of each person
    for moment in (start_moment, end_moment):
        cr.execute(
            """
            SELECT count(*) FROM (
                SELECT DISTINCT ON (partner_id) new_state
                  FROM vsms_membership_log
                 WHERE date <= %s
                 ORDER BY partner_id, date DESC, id DESC
            ) last WHERE new_state IN ('member', 'suspended')
            """,
            [moment],
        )
        cr.fetchone()
    cr.execute(
        """
        SELECT movement, count(*) FROM vsms_membership_log
         WHERE date > %s AND date <= %s GROUP BY movement
        """,
        [start_moment, end_moment],
    )
    cr.fetchall()
    # by municipality and main office, members on 31 December
    cr.execute(
        """
        SELECT p.vsms_municipality_id, p.vsms_main_role_id, count(*) FROM (
            SELECT DISTINCT ON (partner_id) partner_id, new_state
              FROM vsms_membership_log WHERE date <= %s
             ORDER BY partner_id, date DESC, id DESC
        ) last JOIN res_partner p ON p.id = last.partner_id
         WHERE last.new_state IN ('member', 'suspended')
         GROUP BY 1, 2
        """,
        [end_moment],
    )
    cr.fetchall()
    # events by type with registrations
    cr.execute(
        """
        SELECT e.event_type_id, count(DISTINCT e.id),
               count(r.id) FILTER (WHERE r.state IN ('open', 'done')),
               count(r.id) FILTER (WHERE r.state = 'done')
          FROM event_event e LEFT JOIN event_registration r ON r.event_id = e.id
         WHERE e.date_begin > %s AND e.date_begin <= %s
         GROUP BY 1
        """,
        [start_moment, end_moment],
    )
    return cr.fetchall()


measure("raw SQL baseline: membership + events blocks", sql_baseline)
env.cr.rollback()
print("rolled back")
