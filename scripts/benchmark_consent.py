"""Consent at scale: the «without mailing consent» filter against core filters
of the same size, and what a mailing pays for the consent rule.

Run inside ``odoo-bin shell`` against a database with vsms_regional installed;
everything it creates is rolled back at the end:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms --no-http < scripts/benchmark_consent.py

Set VSMS_BENCH_PARTNERS to change the number of contacts (default 100000).

The contacts are people of the contact base; 70 % gave a mailing consent (a
few of them withdrew it since, or let it expire; half of them also consented
to processing) and 1 % of the addresses are blacklisted, so about 33 % are
«without mailing consent».

The baseline that decides the verdict is the core filter «contacts without
tags», ``[("category_id", "=", False)]``: like consents, tags live in another
table (67 % of the contacts get one, so it selects the same 33 %), and Odoo
runs it as an anti-join.  The consent filter must stay within 1.5× of it, for
a count (the list view's counter) and a search of all the ids (what a mailing
or an export takes), timed the same way in the same run.  A filter on a plain
column of res_partner of the same size, ``[("phone", "=", False)]``, is shown
for reference: no filter on another table can match a column read.

Then what the consent rule costs a mailing: the recipients of a mailing to
every contact, searched by a marketer outside ВСМС, and the opt-out look-up
the mail composer makes for each batch it sends (any recipient model).
"""

import os
import random
import time

env = globals()["env"]  # provided by odoo-bin shell
COUNT = int(os.environ.get("VSMS_BENCH_PARTNERS", "100000"))
LIMIT = 1.5
random.seed(152)


def measure(func):
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    env.invalidate_all()
    return elapsed, queries, result if isinstance(result, int) else len(result)


def report(label, best, queries, size):
    print(f"{label:<66} {best * 1000:8.1f} ms  {queries:2d} queries  {size:7d} rows")


def timed(label, func, repeat=7):
    """Best of ``repeat`` runs, after one to warm the caches."""
    measure(func)
    runs = [measure(func) for _ in range(repeat)]
    best = min(run[0] for run in runs)
    report(label, best, *runs[-1][1:])
    return best


def compared(labelled_funcs, repeat=9):
    """Best of ``repeat`` rounds for each function, the functions taking turns
    within each round: the load of the machine weighs on all alike."""
    for _label, func in labelled_funcs:
        measure(func)  # warm the caches
    runs = {label: [] for label, _func in labelled_funcs}
    for _ in range(repeat):
        for label, func in labelled_funcs:
            runs[label].append(measure(func))
    best = {}
    for label, measures in runs.items():
        best[label] = min(run[0] for run in measures), measures[-1][2]
        report(label, best[label][0], *measures[-1][1:])
    return best


print(f"Creating {COUNT} contacts of the contact base …")
start = time.perf_counter()
Partner = env["res.partner"].with_context(
    tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
)
municipalities = env["vsms.municipality"].search([])
tags = env["res.partner.category"].create(
    [{"name": "Бенчмарк А"}, {"name": "Бенчмарк Б"}]
)
kinds = []  # what each contact gets: consent given / withdrawn / expired / none
partners = Partner.browse()
for batch in range(0, COUNT, 5000):
    vals_list = []
    for n in range(batch, min(batch + 5000, COUNT)):
        draw = random.random()
        kinds.append(
            "given"
            if draw < 0.67
            else "withdrawn"
            if draw < 0.69
            else "expired"
            if draw < 0.70
            else "none"
        )
        vals_list.append(
            {
                "name": f"Контакт {n}",
                "email": f"contact{n}@bench.example.ru",
                # the baselines: core tags and phones, missing for the same share
                "category_id": []
                if random.random() < 0.33
                else [(6, 0, [random.choice(tags).id])],
                "phone": False if random.random() < 0.33 else f"+7 900 {n:07d}",
                "vsms_municipality_id": random.choice(municipalities).id,
                "vsms_in_base": True,
            }
        )
    partners |= Partner.create(vals_list)
consent_vals = []
for partner, kind in zip(partners, kinds, strict=True):
    if kind == "none":
        continue
    consent_vals.append(
        {
            "partner_id": partner.id,
            "kind": "mailing",
            "date_given": "2024-01-10",
            "valid_until": "2025-01-10" if kind == "expired" else False,
            "date_withdrawn": "2024-06-01" if kind == "withdrawn" else False,
        }
    )
    if random.random() < 0.5:  # other kinds of consent, as in real life
        consent_vals.append(
            {"partner_id": partner.id, "kind": "processing", "date_given": "2024-01-10"}
        )
Consent = env["vsms.consent"].with_context(tracking_disable=True, mail_notrack=True)
for batch in range(0, len(consent_vals), 5000):
    Consent.create(consent_vals[batch : batch + 5000])
env["mail.blacklist"].create(
    [{"email": f"contact{n}@bench.example.ru"} for n in range(0, COUNT, 100)]
)
env.flush_all()
env.cr.execute("ANALYZE res_partner")
env.cr.execute("ANALYZE vsms_consent")
env.cr.execute("ANALYZE mail_blacklist")
print(f"  done in {time.perf_counter() - start:.0f} s")

staff = env.ref("base.user_admin")
P = env["res.partner"].with_user(staff)
NO_CONSENT = [("vsms_mailing_allowed", "=", False)]
BASELINE = [("category_id", "=", False)]
for what, run in (
    ("count", P.search_count),
    ("search", lambda domain: P.search(domain).ids),
):
    labels = {
        "consent": f"{what}: without mailing consent {NO_CONSENT}",
        "baseline": f"{what}: core baseline {BASELINE}",
        "column": f"{what}: core [('phone', '=', False)] (for reference)",
        "allowed": f"{what}: with mailing consent (for reference)",
    }
    domains = {
        "consent": NO_CONSENT,
        "baseline": BASELINE,
        "column": [("phone", "=", False)],
        "allowed": [("vsms_mailing_allowed", "=", True)],
    }
    best = compared(
        [
            (labels[key], lambda run=run, domain=domains[key]: run(domain))
            for key in labels
        ]
    )
    (consent, consent_rows), (baseline, baseline_rows), (column, _rows) = (
        best[labels[key]] for key in ("consent", "baseline", "column")
    )
    ratio = consent / baseline
    print(
        f"  {what}: ratio {ratio:.2f}× the baseline "
        f"({consent_rows} vs {baseline_rows} rows) — "
        f"{'OK' if ratio <= LIMIT else 'TOO SLOW'} (limit {LIMIT}×); "
        f"{consent / column:.2f}× the plain column"
    )

marketer = env["res.users"].create(
    {
        "name": "Маркетолог (бенчмарк)",
        "login": "vsms_bench_marketer",
        "email": "marketer@bench.example.ru",
        "group_ids": [
            (4, env.ref("base.group_user").id),
            (4, env.ref("mass_mailing.group_mass_mailing_user").id),
        ],
    }
)
mailing = (
    env["mailing.mailing"]
    .with_user(marketer)
    .create(
        {
            "subject": "Всем",
            "mailing_model_id": env["ir.model"]._get_id("res.partner"),
            "mailing_domain": "[]",
        }
    )
)
timed(
    "Mailing to every contact: recipients (marketer outside ВСМС)",
    mailing._get_recipients,
)
Unmailable = env["res.partner"].with_user(marketer)._vsms_unmailable_emails
for size in (50, 500):
    batch = [f"contact{n}@bench.example.ru" for n in random.sample(range(COUNT), size)]
    timed(
        f"Opt-out look-up for a batch of {size} addresses (any model)",
        lambda batch=batch: Unmailable(batch),
    )

env.cr.rollback()
print("rolled back")
