"""Contest scoring at scale: scores and ranks of 200 applications × 7 jurors ×
6 criteria (8 400 marks, less those of 9 declared conflicts), against a
raw-SQL baseline computing the same means.

Run inside ``odoo-bin shell`` against a database with vsms_regional installed;
everything it creates is rolled back at the end:

    source scripts/lib.sh && $VENV/bin/python $ODOO_SRC/odoo-bin shell \
        -c $ODOO_CONF -d vsms --no-http < scripts/benchmark_contests.py

Set VSMS_BENCH_APPLICATIONS / VSMS_BENCH_JURORS / VSMS_BENCH_CRITERIA to change
the size (defaults 200 / 7 / 6).

What is measured (best of 5 runs, after one to warm the caches):
- starting the judging: the score lines are created (one batch);
- computing every score, rank and place from scratch (every application's
  results change and are written);
- computing them again when nothing changed;
- one juror's mark changed (the write and the re-ranking it triggers);
- one juror's 1 200 marks written at once;
- the baseline: one SQL query computing the same weighted means (conflicted
  jurors left out) and the ranks per nomination with a window function —
  what the ORM path cannot beat, since it also writes the results.
The ORM path must not issue a query per mark: its query count is printed and
compared with the number of marks.
"""

import os
import random
import time

env = globals()["env"]  # provided by odoo-bin shell
APPLICATIONS = int(os.environ.get("VSMS_BENCH_APPLICATIONS", "200"))
JURORS = int(os.environ.get("VSMS_BENCH_JURORS", "7"))
CRITERIA = int(os.environ.get("VSMS_BENCH_CRITERIA", "6"))
NOMINATIONS = 3
random.seed(10)

rows = []


def measure(label, func, repeat=5, before=None):
    """Best of ``repeat`` runs (after a warm-up) of ``func``: time, queries."""
    results = []
    for _ in range(repeat + 1):
        if before:
            before()
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        func()
        env.flush_all()
        elapsed = time.perf_counter() - start
        results.append((elapsed, env.cr.sql_log_count - queries))
    best = min(results[1:])
    rows.append((label, best[0] * 1000, best[1]))
    return best


# --- the contest --------------------------------------------------------
jury_group = env.ref("vsms_regional.group_vsms_jury")
users = env["res.users"].create(
    [
        {
            "name": f"Член жюри {n}",
            "login": f"bench_juror_{n}",
            "group_ids": [(6, 0, [jury_group.id])],
        }
        for n in range(JURORS)
    ]
)
contest = env["vsms.contest"].create(
    {
        "name": "Конкурс (замер)",
        "tie_break": "chair",
        "nomination_ids": [
            (0, 0, {"name": f"Номинация {n + 1}", "sequence": n})
            for n in range(NOMINATIONS)
        ],
        "criterion_ids": [
            (
                0,
                0,
                {
                    "name": f"Критерий {n + 1}",
                    "max_score": 10,
                    "weight": 1 + n % 3,
                    "sequence": n,
                },
            )
            for n in range(CRITERIA)
        ],
        "juror_ids": [
            (0, 0, {"user_id": user.id, "role": "chair" if n == 0 else "member"})
            for n, user in enumerate(users)
        ],
    }
)
contest.action_open()
partners = env["res.partner"].create(
    [{"name": f"Участник конкурса {n}"} for n in range(APPLICATIONS)]
)
nominations = contest.nomination_ids
applications = env["vsms.contest.application"].create(
    [
        {
            "contest_id": contest.id,
            "nomination_id": nominations[n % NOMINATIONS].id,
            "partner_id": partner.id,
        }
        for n, partner in enumerate(partners)
    ]
)
applications.action_admit()
# a few conflicts of interest
for juror in contest.juror_ids[1:4]:
    juror.conflict_application_ids = random.sample(applications.ids, 3)

queries = env.cr.sql_log_count
start = time.perf_counter()
contest.action_start_judging()
env.flush_all()
rows.append(
    (
        "start judging: create the score lines",
        (time.perf_counter() - start) * 1000,
        env.cr.sql_log_count - queries,
    )
)
lines = env["vsms.contest.score"].search([("contest_id", "=", contest.id)])
marks = len(lines)
# every juror marks everything (random marks, written straight to the table)
env.cr.execute(
    """
    UPDATE vsms_contest_score
       SET is_marked = TRUE, value = floor(random() * 11)
     WHERE contest_id = %s
    """,
    [contest.id],
)
env.invalidate_all()


def forget_results():
    env.cr.execute(
        "UPDATE vsms_contest_application SET score = 0, score_ratio = 0, rank = 0, "
        "place = 0 WHERE contest_id = %s",
        [contest.id],
    )
    env.invalidate_all()


measure(
    f"scores & ranks from scratch ({len(applications)} results written)",
    contest._vsms_compute_results,
    before=forget_results,
)
measure("scores & ranks again, nothing changed", contest._vsms_compute_results)

juror = contest.juror_ids[4]
own = lines.filtered(lambda s: s.juror_id == juror)
one = own[:1]
values = iter(range(10**6))
measure(
    "one juror changes one mark (write + re-ranking)",
    lambda: one.with_user(juror.user_id).write({"value": next(values) % 11}),
)
measure(
    f"one juror writes {len(own)} marks at once",
    lambda: own.with_user(juror.user_id).write({"value": next(values) % 11}),
)

BASELINE = """
WITH means AS (
    SELECT s.application_id, s.criterion_id, avg(s.value) AS mean
      FROM vsms_contest_score s
     WHERE s.contest_id = %(contest)s AND s.is_marked
       AND NOT EXISTS (
           SELECT 1 FROM vsms_contest_juror_conflict_rel r
            WHERE r.juror_id = s.juror_id AND r.application_id = s.application_id)
     GROUP BY s.application_id, s.criterion_id
), scores AS (
    SELECT m.application_id, sum(c.weight * m.mean) AS score
      FROM means m JOIN vsms_contest_criterion c ON c.id = m.criterion_id
     GROUP BY m.application_id
)
SELECT a.id, round(sc.score::numeric, 6),
       rank() OVER (PARTITION BY a.nomination_id
                    ORDER BY round(sc.score::numeric, 6) DESC)
  FROM vsms_contest_application a JOIN scores sc ON sc.application_id = a.id
 WHERE a.contest_id = %(contest)s AND a.state = 'admitted'
"""
baseline = {}


def run_baseline():
    env.cr.execute(BASELINE, {"contest": contest.id})
    baseline.update({row[0]: (float(row[1]), row[2]) for row in env.cr.fetchall()})


measure("baseline: raw SQL means and ranks (no tie-break, no write)", run_baseline)

# the ORM's results agree with the baseline (same means, conflicts left out)
env.invalidate_all()
contest._vsms_compute_results()
mismatches = [
    app.id
    for app in applications
    if abs(app.score - round(baseline[app.id][0], 2)) > 1e-6
]

print()
print(
    f"{len(applications)} applications × {JURORS} jurors × {CRITERIA} criteria = "
    f"{marks} marks ({NOMINATIONS} nominations, 9 conflicts, tie-break «chair»)"
)
print(f"{'step':<62} {'ms':>9} {'queries':>8}")
for label, ms, count in rows:
    print(f"{label:<62} {ms:9.1f} {count:8d}")
print()
print(
    "scores equal to the SQL baseline (to the stored 2 decimals):",
    "yes" if not mismatches else f"NO ({len(mismatches)} differ)",
)
worst = max(count for _label, _ms, count in rows[1:-1])
print(
    f"most queries of an ORM step: {worst} for {marks} marks "
    f"({'no query per mark' if worst < marks / 10 else 'TOO MANY'})"
)
env.cr.rollback()
print("rolled back")
