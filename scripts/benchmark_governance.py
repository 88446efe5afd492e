"""Meetings, events and roll-ups at realistic scale.

A year of a busy branch: the 2021 plan's council and presidium meetings with a
62-member council, 40 events of 250 registrations each (10 000 registrations:
olympiads, lessons in every school, seminars), attendance marked, and the
reports staff open.  Confirmation mails are queued
(``event.event_mail_async``), as they should be for mass registrations.

Run it in ``odoo-bin shell`` on a throwaway database with vsms_regional freshly
installed: the script rolls back at the end, but Odoo's event mail scheduler
commits whenever it runs synchronously, so never point it at real data:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms_bench --no-http < scripts/benchmark_governance.py

VSMS_BENCH_EVENTS and VSMS_BENCH_REGISTRATIONS change the sizes.
"""

import os
import time

env = globals()["env"]  # provided by odoo-bin shell
EVENTS = int(os.environ.get("VSMS_BENCH_EVENTS", "40"))
PER_EVENT = int(os.environ.get("VSMS_BENCH_REGISTRATIONS", "250"))


def measure(label, func):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    print(f"{label:<62} {elapsed * 1000:9.1f} ms  {queries:5d} queries")
    return result


quiet = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "no_mail_to_attendees": True,
}
env = env(context=dict(env.context, **quiet))
# Confirmation e-mails (with tickets) go through the mail queue instead of
# being rendered one registration at a time: the setting to use for mass
# registrations (Odoo's own system parameter).
env["ir.config_parameter"].set_param("event.event_mail_async", "1")
plan = env.ref("vsms_regional.vsms_plan_2021")
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
print(
    f"{len(meeting_items)} meeting items, {len(event_items)} event items, "
    f"{EVENTS} events × {PER_EVENT} registrations"
)

meetings = measure(
    "generate the plan's meetings (council 62, presidium 5)",
    lambda: meeting_items._vsms_generate_meetings(),
)
events = measure(
    "generate one event per event occurrence", event_items._vsms_generate_events
)
occurrences = event_items.occurrence_ids
extra = env["event.event"].create(
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
events |= extra
registrations = measure(
    f"register {len(events) * PER_EVENT} participants",
    lambda: env["event.registration"].create(
        [
            {"event_id": event.id, "partner_id": pupil.id, "vsms_category": "pupil"}
            for event in events
            for pupil in pupils
        ]
    ),
)
attended = registrations.filtered(lambda reg: reg.id % 5)
measure(
    f"mark {len(attended)} attended (roll-ups recomputed)",
    lambda: attended.write({"state": "done"}),
)
measure(
    "mark presence at every meeting",
    lambda: meetings.attendee_ids.write({"vsms_present": True}),
)


def recompute():
    for model, records in (
        ("vsms.plan.occurrence", plan.occurrence_ids),
        ("vsms.plan.item", items),
    ):
        for name in ("participants_registered", "participants_actual"):
            env.add_to_compute(env[model]._fields[name], records)


measure("recompute every roll-up of the plan from scratch", recompute)
rows = measure(
    "plan pivot: planned / registered / attended by section",
    lambda: env["vsms.plan.item"]._read_group(
        [("plan_id", "=", plan.id)],
        ["section_id"],
        [
            "participants_planned:sum",
            "participants_registered:sum",
            "participants_actual:sum",
        ],
    ),
)
for section, planned, registered, actual in rows:
    print(f"    {section.name[:50]:<50} {planned:6d} {registered:6d} {actual:6d}")
measure(
    "year calendar (occurrences, meetings, events)",
    lambda: env["vsms.plan.calendar"].search_read(
        [("start", ">=", "2021-01-01"), ("start", "<", "2022-01-01")],
        ["name", "kind", "start", "stop", "section_id", "body_id", "event_type_id"],
    ),
)
measure(
    "registrations by category (pivot)",
    lambda: env["event.registration"]._read_group(
        [("vsms_occurrence_id", "in", plan.occurrence_ids.ids)],
        ["vsms_category"],
        ["__count"],
    ),
)
env.cr.rollback()
print("rolled back")
