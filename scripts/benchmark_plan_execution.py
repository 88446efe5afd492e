"""The plan-execution report at realistic scale.

A year of a busy branch on the shipped 2021 plan: the council's and the
presidium's meetings (62 and 5 members, everyone present, two decisions
adopted at each), 40 events of 250 registrations each (10 000 registrations,
four in five attended), a publication about every event and meeting, and the
contests and the election campaign the 2021 data ships.  Then the report:
the data-gathering method for the year and for 9 months, the HTML, the PDF
(when wkhtmltopdf is installed) and the .docx.  The number of queries of the
data-gathering does not depend on the size of the year: compare it with the
same report on the bare 2021 plan printed first.

Run it in ``odoo-bin shell`` on a throwaway database with vsms_regional freshly
installed: the script rolls back at the end, but Odoo's event mail scheduler
commits whenever it runs synchronously, so never point it at real data:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms_bench --no-http < scripts/benchmark_plan_execution.py

VSMS_BENCH_EVENTS and VSMS_BENCH_REGISTRATIONS change the sizes;
VSMS_BENCH_PDF=/path/report.pdf keeps the PDF (the README's screenshot is its
first page).  wkhtmltopdf loads the report's styles from a running server: start
one on the same database and give its address in VSMS_BENCH_REPORT_URL (e.g.
http://127.0.0.1:8069), otherwise the PDF comes out without them.
"""

import io
import os
import shutil
import time

from docx import Document

env = globals()["env"]  # provided by odoo-bin shell
EVENTS = int(os.environ.get("VSMS_BENCH_EVENTS", "40"))
PER_EVENT = int(os.environ.get("VSMS_BENCH_REGISTRATIONS", "250"))
REPORT = "vsms_regional.vsms_plan_execution_report_document"


def measure(label, func, quiet=False):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    if not quiet:
        print(f"{label:<62} {elapsed * 1000:9.1f} ms  {queries:5d} queries")
    return result, elapsed, queries


def best(label, func, repeat=5):
    """Best time of ``repeat`` runs after a warm-up (queries of the last)."""
    measure(label, func, quiet=True)
    runs = [measure(label, func, quiet=True) for _ in range(repeat)]
    elapsed = min(run[1] for run in runs)
    result, _elapsed, queries = runs[-1]
    print(f"{label:<62} {elapsed * 1000:9.1f} ms  {queries:5d} queries")
    return result, queries


quiet = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "no_mail_to_attendees": True,
}
env = env(context=dict(env.context, lang="ru_RU", **quiet))
env["ir.config_parameter"].set_param("event.event_mail_async", "1")
if os.environ.get("VSMS_BENCH_REPORT_URL"):
    env["ir.config_parameter"].set_param(
        "report.url", os.environ["VSMS_BENCH_REPORT_URL"]
    )
plan = env.ref("vsms_regional.vsms_plan_2021")
Wizard = env["vsms.plan.execution.report.wizard"]
year = Wizard.create({"plan_id": plan.id, "period": "year"})
nine = Wizard.create({"plan_id": plan.id, "period": "nine_months"})


def report_data(wizard):
    return lambda: wizard._report_data()


print("The bare 2021 plan (shipped data only):")
_data, bare_queries = best("  data-gathering, year", report_data(year))

council = env.ref("vsms_regional.vsms_body_regional_council")
presidium = env.ref("vsms_regional.vsms_body_presidium")
Partner = env["res.partner"].with_context(**quiet)
members = Partner.create(
    [{"name": f"Член Совета {n} Иван Петрович"} for n in range(62)]
)
env["vsms.body.member"].create(
    [
        {"body_id": council.id, "partner_id": p.id, "date_start": "2020-01-01"}
        for p in members
    ]
    + [
        {"body_id": presidium.id, "partner_id": p.id, "date_start": "2020-01-01"}
        for p in members[:5]
    ]
)
pupils = Partner.create(
    [
        {"name": f"Ученик {n}", "email": f"pupil{n}@bench.example.ru"}
        for n in range(PER_EVENT)
    ]
)
items = plan.item_ids
meeting_items = items.filtered("body_id")
event_items = items.filtered(lambda item: item.event_type_id and not item.body_id)
print("\nBuilding the year …")
meetings = meeting_items._vsms_generate_meetings()
events = event_items._vsms_generate_events()
occurrences = event_items.occurrence_ids
events |= env["event.event"].create(
    [
        {
            "name": f"Тематический урок, школа № {n}",
            "date_begin": occurrences[n % len(occurrences)].date_start.isoformat()
            + " 07:00:00",
            "date_end": occurrences[n % len(occurrences)].date_start.isoformat()
            + " 08:00:00",
            "vsms_occurrence_id": occurrences[n % len(occurrences)].id,
        }
        for n in range(max(EVENTS - len(events), 0))
    ]
)
registrations = env["event.registration"].create(
    [
        {"event_id": event.id, "partner_id": pupil.id, "vsms_category": "pupil"}
        for event in events
        for pupil in pupils
    ]
)
registrations.filtered(lambda reg: reg.id % 5).write({"state": "done"})
meetings.attendee_ids.write({"vsms_present": True})
Decision = env["vsms.decision"]
decisions = Decision.create(
    [
        {"meeting_id": meeting.id, "name": f"Решение {n} заседания «{meeting.name}»."}
        for meeting in meetings
        for n in (1, 2)
    ]
)
decisions.action_adopt()
publications = env["vsms.publication"].create(
    [
        {
            "name": f"О мероприятии «{event.name}»",
            "date": event.date_begin.date().isoformat(),
            "state": "published",
            "event_id": event.id,
        }
        for event in events
    ]
    + [
        {
            "name": f"О заседании «{meeting.name}»",
            "date": meeting.start.date().isoformat(),
            "state": "published",
            "meeting_id": meeting.id,
        }
        for meeting in meetings
    ]
)
(meetings.vsms_occurrence_id | events.vsms_occurrence_id)._vsms_mark_done()
env.flush_all()
print(
    f"{len(items)} items, {len(plan.occurrence_ids)} occurrences, "
    f"{len(meetings)} meetings ({len(meetings.attendee_ids)} invitees), "
    f"{len(events)} events, {len(registrations)} registrations, "
    f"{len(decisions)} decisions, {len(publications)} publications\n"
)

data, year_queries = best("data-gathering, year", report_data(year))
best("data-gathering, 9 months", report_data(nine))
summary = data["summary"]
print(
    "    items {items}: done {done}, partly {partial}, missed {missed}; held "
    "{held}; participants {participants_planned} / {participants_registered} / "
    "{participants_actual}; publications {publications}; decisions "
    "{decisions}".format(**summary)
)
Report = env["ir.actions.report"]
html, _queries = best(
    "HTML (QWeb, the whole report)",
    lambda: Report._render_qweb_html(REPORT, year.ids)[0],
)
docx, _queries = best("DOCX (python-docx)", lambda: year._docx_content())
document = Document(io.BytesIO(docx))
print(
    f"    {len(html) // 1024} KiB of HTML, {len(docx) // 1024} KiB of .docx, "
    f"{len(document.tables[1].rows)} table rows"
)
if shutil.which("wkhtmltopdf"):
    pdf, _elapsed, _queries = measure(
        "PDF (wkhtmltopdf)",
        lambda: Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            REPORT, year.ids
        )[0],
    )
    print(f"    {len(pdf) // 1024} KiB of PDF")
    if os.environ.get("VSMS_BENCH_PDF"):
        with open(os.environ["VSMS_BENCH_PDF"], "wb") as file:
            file.write(pdf)
print(
    f"\nqueries of the data-gathering: {bare_queries} on the bare plan, "
    f"{year_queries} on the busy year"
)
env.cr.rollback()
print("rolled back")
