"""Contact base at realistic scale: timings of what staff do every day.

Run inside ``odoo-bin shell`` against a database with vsms_regional installed;
everything it creates is rolled back at the end:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms --no-http < scripts/benchmark_contacts.py

Set VSMS_BENCH_PARTNERS to change the number of contacts (default 30000).
"""

import os
import random
import time

from odoo.tools.safe_eval import safe_eval

env = globals()["env"]  # provided by odoo-bin shell
COUNT = int(os.environ.get("VSMS_BENCH_PARTNERS", "30000"))
random.seed(67)


def timed(label, func, repeat=3):
    func()  # warm the caches
    env.invalidate_all()
    best = None
    for _ in range(repeat):
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries
        env.invalidate_all()
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<58} {best * 1000:8.1f} ms  {queries:3d} queries")
    return result


municipalities = env["vsms.municipality"].search([])
roles = env["vsms.position.role"].search([])
last_names = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов"]
first_names = ["Алексей", "Иван", "Сергей", "Андрей", "Дмитрий", "Николай"]
patronymics = ["Петрович", "Иванович", "Сергеевич", "Андреевич", "Викторович"]

print(f"Creating {COUNT} contacts …")
start = time.perf_counter()
Partner = env["res.partner"].with_context(
    tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
)
states = ["none"] * 6 + ["member"] * 3 + ["prospect", "applicant"]
partners = Partner.browse()
for batch in range(0, COUNT, 2000):
    partners |= Partner.create(
        [
            {
                "vsms_last_name": random.choice(last_names) + f"{n}",
                "vsms_first_name": random.choice(first_names),
                "vsms_patronymic": random.choice(patronymics),
                "email": f"contact{n}@bench.example.ru",
                "vsms_municipality_id": random.choice(municipalities).id,
                "vsms_member_state": random.choice(states),
            }
            for n in range(batch, min(batch + 2000, COUNT))
        ]
    )
env["vsms.position"].create(
    [
        {
            "partner_id": partner.id,
            "role_id": random.choice(roles).id,
            "date_start": f"20{random.randint(15, 26)}-0{random.randint(1, 9)}-15",
        }
        for partner in partners
    ]
)
env["vsms.consent"].create(
    [
        {"partner_id": partner.id, "kind": "mailing", "date_given": "2024-01-10"}
        for partner in partners
        if random.random() < 0.7
    ]
)
env.flush_all()
print(f"  done in {time.perf_counter() - start:.0f} s")

staff = env.ref("base.user_admin")
action = env["ir.actions.act_window"]._for_xml_id(
    "vsms_regional.res_partner_action_vsms_members"
)
members_domain = safe_eval(action["domain"])
spec = {
    "display_name": {},
    "vsms_municipality_id": {"fields": {"display_name": {}}},
    "vsms_main_role_id": {"fields": {"display_name": {}}},
    "vsms_member_state": {},
    "vsms_member_number": {},
    "vsms_member_since": {},
    "email": {},
    "phone": {},
    "vsms_mailing_allowed": {},
}
P = env["res.partner"].with_user(staff)
timed(
    "Members list, first page (80 rows)",
    lambda: P.web_search_read(
        [*members_domain, ("vsms_member_state", "=", "member")], spec, limit=80
    ),
)
timed(
    "Members grouped by municipality (list groups)",
    lambda: P.formatted_read_group(
        members_domain, ["vsms_municipality_id"], ["__count"]
    ),
)
timed(
    "Pivot members: municipality × main office",
    lambda: P.formatted_read_group(
        [("vsms_member_state", "=", "member")],
        ["vsms_municipality_id", "vsms_main_role_id"],
        ["__count"],
    ),
)
timed(
    "Filter: newly elected heads",
    lambda: P.search_count(
        [
            (
                "vsms_position_ids",
                "any",
                [("is_newly_elected", "=", True), ("role_id.code", "=", "head")],
            )
        ]
    ),
)
timed(
    "Filter: without mailing consent",
    lambda: P.search_count([("vsms_mailing_allowed", "=", False)]),
)
timed(
    "Filter: possible duplicates",
    lambda: P.search_count([("vsms_duplicate_ids", "!=", False)]),
)
segment = env.ref("vsms_regional.mailing_filter_vsms_members")
mailing = env["mailing.mailing"].create(
    {
        "subject": "bench",
        "mailing_model_id": segment.mailing_model_id.id,
        "mailing_domain": segment.mailing_domain,
    }
)
recipients = timed("Mailing segment «члены»: recipients", mailing._get_recipients)
print(f"  {len(recipients)} recipients of {len(partners)} contacts")
timed(
    "Re-verification cron (batch of 2000)",
    lambda: env["res.partner"]._vsms_schedule_reverification(),
    repeat=1,
)
env.cr.rollback()
print("rolled back")
