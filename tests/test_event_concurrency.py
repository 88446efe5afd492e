"""No overbooking under concurrency, over HTTP, on a real Odoo server.

Starts ``odoo-bin`` on a copy of the test database (./test.sh passes it in
VSMS_TEST_DB and its config in VSMS_ODOO_CONF), once threaded and once with
4 workers, and fires 50 simultaneous public registrations at published events
of 10 seats: one that keeps a waitlist and one that does not.  Exactly 10 get
a seat, the 40 others are waitlisted (or told the event is full), no request
ends in an error page, and nothing is lost.  The threaded run queues the
event mails inline (Odoo's default), the workers run in the background
(``event.event_mail_async``).
"""

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from configparser import ConfigParser
from pathlib import Path

import psycopg2
import pytest
import requests

SEATS = 10
REGISTRANTS = 50
BOOT_TIMEOUT = 120

SETUP_SCRIPT = """
import json
from datetime import timedelta
from odoo import fields
env["ir.config_parameter"].set_param("event.event_mail_async", {async_mails!r})
env["res.users"].browse(2).email = "admin@vsms.example.ru"
env.company.email = "smolensk@vsms.example.ru"
start = fields.Datetime.now() + timedelta(days=20)
out = {{}}
for key, waitlist in (({event!r}, {event!r} == "waitlist"),):
    event = env["event.event"].create({{
        "name": "Урок местного самоуправления (" + key + ")",
        "date_begin": start, "date_end": start + timedelta(hours=2),
        "seats_limited": True, "seats_max": {seats},
        "vsms_waitlist_enabled": waitlist, "website_published": True,
        "vsms_consent_required": True,
    }})
    questions = {{q.question_type: q.id for q in event.question_ids}}
    out[key] = {{"id": event.id, "questions": questions,
                 "mails": len(event.event_mail_ids.filtered(
                     lambda m: m.interval_type == "after_sub"))}}
text = env["vsms.consent.text"]._vsms_current("processing")
out["consent_text_id"] = text.id
env.cr.commit()
print("VSMS_SETUP " + json.dumps(out))
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def source():
    db = os.environ.get("VSMS_TEST_DB")
    conf = os.environ.get("VSMS_ODOO_CONF")
    if not (db and conf):
        pytest.fail("VSMS_TEST_DB / VSMS_ODOO_CONF are not set: run ./test.sh")
    parser = ConfigParser()
    parser.read(conf)
    options = dict(parser["options"])
    return db, conf, options


def _close_own_connections(db):
    """pytest-odoo keeps pooled connections to the test database open; a
    database is copied only when nobody is connected."""
    odoo = sys.modules.get("odoo")
    if odoo is not None:
        odoo.sql_db.close_db(db)


# (server mode, event mails, what the event does when full)
SCENARIOS = {
    "workers": {"async_mails": False, "event": "waitlist"},
    "threaded": {"async_mails": True, "event": "refuse"},
}


def _copy_database(db, copy, data_dir):
    _close_own_connections(db)
    for attempt in range(10):
        done = subprocess.run(
            ["createdb", "-T", db, copy], capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            break
        time.sleep(1 + attempt)
    else:
        pytest.fail(f"Cannot copy the database {db}: {done.stderr}")
    if data_dir and Path(data_dir, "filestore", db).is_dir():
        shutil.copytree(
            Path(data_dir, "filestore", db), Path(data_dir, "filestore", copy)
        )


@pytest.fixture(scope="module", params=list(SCENARIOS))
def server(request, source):
    db, conf, options = source
    mode = request.param
    scenario = SCENARIOS[mode]
    copy = f"{db}_seats_{mode}_{os.getpid()}"
    data_dir = options.get("data_dir")
    _copy_database(db, copy, data_dir)
    odoo_src = os.environ.get("ODOO_SRC", "/opt/odoo")
    odoo_bin = [sys.executable, f"{odoo_src}/odoo-bin"]
    db_args = ["-c", conf, "-d", copy]
    async_mails = "True" if scenario["async_mails"] else ""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    script = SETUP_SCRIPT.format(
        async_mails=async_mails, seats=SEATS, event=scenario["event"]
    )
    shell = subprocess.run(
        [*odoo_bin, "shell", *db_args, "--no-http", "--log-level=warn"],
        input=script,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    match = re.search(r"^VSMS_SETUP (.*)$", shell.stdout, re.MULTILINE)
    assert match, shell.stdout + shell.stderr
    setup = json.loads(match.group(1))
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115
        prefix=f"odoo-{copy}-", suffix=".log", delete=False
    )
    args = [
        *odoo_bin,
        *db_args,
        f"--http-port={port}",
        f"--db-filter=^{copy}$",
        "--max-cron-threads=0",
        f"--logfile={log.name}",
        "--log-level=warn",
        "--limit-time-real=300",
        "--limit-time-cpu=120",
    ]
    if mode == "workers":
        args += ["--workers=4", f"--gevent-port={_free_port()}"]
    # the server's own output (e.g. the gevent worker's) apart from its log
    output = Path(f"{log.name}.out").open("wb")  # noqa: SIM115
    # its own process group: the workers go with it
    proc = subprocess.Popen(args, stderr=output, stdout=output, start_new_session=True)
    try:
        deadline = time.time() + BOOT_TIMEOUT
        while True:
            try:
                if requests.get(f"{base}/web/health", timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            if time.time() > deadline or proc.poll() is not None:
                pytest.fail(f"Odoo did not start ({mode}); log: {log.name}")
            time.sleep(0.5)
        yield {
            "mode": mode,
            "base": base,
            "db": copy,
            "setup": setup,
            "log": log.name,
            **scenario,
        }
    finally:
        # a throwaway server: no need to wait for a graceful shutdown
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=5)
                break
            except subprocess.TimeoutExpired:
                continue
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        output.close()
        subprocess.run(
            ["dropdb", "--if-exists", "--force", copy], capture_output=True, check=False
        )
        if data_dir:
            shutil.rmtree(Path(data_dir, "filestore", copy), ignore_errors=True)


CSRF = re.compile(r"csrf_token[\"']?\s*[:=]\s*[\"']([0-9a-zA-Z]+)[\"']")


def _prepare_client(base, event_id):
    session = requests.Session()
    # no keep-alive: a pooled connection the server has closed meanwhile
    # would fail the POST on the client side ("Remote end closed")
    session.headers["Connection"] = "close"
    page = session.get(f"{base}/event/{event_id}/register", timeout=120)
    assert page.status_code == 200, page.status_code
    token = CSRF.search(page.text)
    assert token, "no CSRF token on the registration page"
    return session, token.group(1)


def _burst(server, key):
    base, setup = server["base"], server["setup"]
    event = setup[key]
    questions = event["questions"]
    begin = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        clients = list(
            pool.map(lambda _n: _prepare_client(base, event["id"]), range(REGISTRANTS))
        )
    barrier = threading.Barrier(REGISTRANTS)

    def register(number):
        session, token = clients[number]
        data = {
            "csrf_token": token,
            f"1-name-{questions['name']}": f"Участник {number:02d}",
            f"1-email-{questions['email']}": f"p{number:02d}.{key}@school.example.ru",
            "1-vsms_category": "pupil",
            "1-vsms_organization": "МБОУ «СШ № 1»",
            "vsms_consent": "1",
            "consent_text_id": str(setup["consent_text_id"]),
        }
        barrier.wait(timeout=120)
        try:
            response = session.post(
                f"{base}/event/{event['id']}/registration/confirm",
                data=data,
                allow_redirects=False,
                timeout=240,
            )
        except requests.RequestException as error:  # counted as lost
            return number, 0, repr(error)
        return number, response.status_code, response.headers.get("Location", "")

    prepared = time.monotonic()
    with ThreadPoolExecutor(REGISTRANTS) as pool:
        answers = list(pool.map(register, range(REGISTRANTS)))
    elapsed = time.monotonic() - prepared
    with psycopg2.connect(dbname=server["db"]) as cnx, cnx.cursor() as cr:
        cr.execute(
            """SELECT state, vsms_waitlisted, count(*), count(DISTINCT email)
                 FROM event_registration WHERE event_id = %s
                GROUP BY state, vsms_waitlisted""",
            (event["id"],),
        )
        rows = {
            (state, bool(waiting)): (n, d) for state, waiting, n, d in cr.fetchall()
        }
        cr.execute(
            """SELECT count(*) FROM event_mail_registration emr
                 JOIN event_registration r ON r.id = emr.registration_id
                WHERE r.event_id = %s""",
            (event["id"],),
        )
        mails_queued = cr.fetchone()[0]
        cr.execute(
            """SELECT count(DISTINCT c.partner_id) FROM vsms_consent c
                 JOIN event_registration r ON r.partner_id = c.partner_id
                WHERE r.event_id = %s AND c.source = 'website'
                  AND c.text_id IS NOT NULL""",
            (event["id"],),
        )
        consents = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM res_partner WHERE email LIKE %s",
            (f"%.{key}@school.example.ru",),
        )
        contacts = cr.fetchone()[0]
    cnx.close()
    summary = {
        "mode": server["mode"],
        "event": key,
        "prepare_seconds": round(prepared - begin, 1),
        "seconds": round(elapsed, 1),
        "statuses": sorted({status for _n, status, _l in answers}),
        "registrations": {
            f"{s}/{'waitlist' if w else 'seat'}": v for (s, w), v in rows.items()
        },
        "mails_queued": mails_queued,
        "consents": consents,
        "contacts": contacts,
    }
    print("VSMS_CONCURRENCY", json.dumps(summary, ensure_ascii=False))
    return answers, rows, mails_queued, consents, contacts


def _assert_no_error(answers, server):
    errors = [(n, status, loc) for n, status, loc in answers if status != 303]
    assert not errors, f"error answers: {errors[:5]} (log: {server['log']})"


def test_fifty_registrants_for_ten_seats(server):
    if server["event"] == "waitlist":
        _check_waitlist_takes_the_overflow(server)
    else:
        _check_no_waitlist_refuses_the_overflow(server)


def _check_waitlist_takes_the_overflow(server):
    answers, rows, mails_queued, consents, contacts = _burst(server, "waitlist")
    _assert_no_error(answers, server)
    successes = [loc for _n, _s, loc in answers if "/registration/success" in loc]
    # everybody got an answer that names their registration: nothing lost
    assert len(successes) == REGISTRANTS, answers
    assert rows.get(("open", False), (0, 0)) == (SEATS, SEATS)
    waiting = REGISTRANTS - SEATS
    assert rows.get(("draft", True), (0, 0)) == (waiting, waiting)
    assert sum(n for n, _d in rows.values()) == REGISTRANTS
    # each registrant: one contact, one consent (the seat race loses no data)
    assert (consents, contacts) == (REGISTRANTS, REGISTRANTS)
    on_subscription = server["setup"]["waitlist"]["mails"]
    assert on_subscription, "the event has no on-registration mail to send"
    if not server["async_mails"]:
        # inline mails: every registered attendee's confirmation is queued
        assert mails_queued == SEATS * on_subscription


def _check_no_waitlist_refuses_the_overflow(server):
    answers, rows, _mails, consents, contacts = _burst(server, "refuse")
    _assert_no_error(answers, server)
    registered = [loc for _n, _s, loc in answers if "/registration/success" in loc]
    refused = [loc for _n, _s, loc in answers if "insufficient_seats" in loc]
    assert len(registered) == SEATS
    assert len(refused) == REGISTRANTS - SEATS
    assert rows == {("open", False): (SEATS, SEATS)}
    # the refused leave nothing behind: no contact, no consent
    assert (consents, contacts) == (SEATS, SEATS)
