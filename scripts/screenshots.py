#!/usr/bin/env python3
"""Take the README screenshots of vsms_regional from a running local Odoo.

Talks only to the Odoo server given by --url (localhost) and to a headless
Chromium it starts itself, driven through the DevTools protocol.  Needs the
project's virtualenv (requests, websocket-client, Pillow) and poppler-utils
(pdftoppm) for the PDF page.

    odoo-bin -c odoo.conf -d DB --http-port=8269 &
    venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8269 --db DB

Writes docs/images/plan_2021.png (the 2021 plan form, Items tab),
docs/images/plan_calendar.png (Plan Calendar, April 2021) and
docs/images/plan_pdf.png (page 1 of the plan's PDF report).  With
--sample-contacts it first adds a few sample people, the presidium's members
and its March 2021 meeting with decisions to the database (use a throwaway
one) and also writes docs/images/contact_vsms.png (a contact's ВСМС tab),
docs/images/admission_pipeline.png (the admission kanban),
docs/images/meeting_form.png (the meeting's decisions) and
docs/images/protocol_pdf.png (its protocol).  With --sample-contest it
also sets up the city's 2021 contest (criteria, the administrator as chair
of its jury, three applications of October 2021, some marks) and writes
docs/images/contest_form.png (the contest form) and
docs/images/contest_marking.png (the jurors' marking screen).  With
--sample-contest-web it publishes an open sample contest on the website (in
Russian) and writes docs/images/contest_public.png (its public page with
the application form, as the public sees it).  With --sample-event it
publishes an event and writes docs/images/event_registration.png (its public
registration form).  Messages that
the page wrote to the browser console are printed at the end.
"""

import argparse
import base64
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
import websocket
from PIL import Image

REPO_DIR = Path(__file__).resolve().parent.parent
MAX_BYTES = 400_000
PLAN_XMLID = "vsms_regional.vsms_plan_2021"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]


def fail(message):
    sys.exit(f"screenshots.py: {message}")


class Odoo:
    """A logged-in HTTP session on the local Odoo server."""

    def __init__(self, url, db, login, password):
        host = urlsplit(url).hostname
        if host not in ("localhost", "127.0.0.1", "::1"):
            fail(f"--url must point to this machine, not {host!r}")
        self.url = url.rstrip("/")
        self.session = requests.Session()
        page = self.session.get(f"{self.url}/web/login", params={"db": db}, timeout=60)
        page.raise_for_status()
        match = re.search(r'name="csrf_token"\s+value="([^"]+)"', page.text)
        if not match:
            fail("no csrf_token on /web/login (is the database selected?)")
        response = self.session.post(
            f"{self.url}/web/login",
            data={
                "login": login,
                "password": password,
                "csrf_token": match.group(1),
                "redirect": "/odoo",
                "db": db,
            },
            timeout=60,
        )
        response.raise_for_status()
        if "/web/login" in response.url:
            fail(f"login as {login!r} failed")
        self.session_id = self.session.cookies.get("session_id")
        info = self.session.post(
            f"{self.url}/web/session/get_session_info",
            json={"jsonrpc": "2.0", "method": "call", "params": {}},
            timeout=60,
        ).json()
        self.uid = info["result"]["uid"]

    def call(self, model, method, *args, **kwargs):
        response = self.session.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    # like the web client: in the user's language
                    "kwargs": {"context": {"lang": "ru_RU"}} | kwargs,
                },
            },
            timeout=60,
        )
        response.raise_for_status()
        payload = response.json()
        if "error" in payload:
            fail(f"{model}.{method}: {payload['error']['data']['message']}")
        return payload["result"]

    def xmlid_to_id(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        if not rows:
            fail(f"{xmlid} not found: is vsms_regional installed in this database?")
        return rows[0]["res_id"]


class Chromium:
    """A headless Chromium and a DevTools connection to its page."""

    def __init__(self, executable, width, height):
        self.profile = tempfile.mkdtemp(prefix="vsms_screens_")
        self.proc = subprocess.Popen(
            [
                executable,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile, "DevToolsActivePort")
        for _ in range(100):
            if port_file.is_file() and port_file.stat().st_size > 5:
                break
            time.sleep(0.1)
        else:
            self.close()
            fail(f"{executable} did not start (no DevTools port)")
        port = int(port_file.read_text().split()[0])
        targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(target for target in targets if target["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True, timeout=60
        )
        self.next_id = 0
        self.console = []
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Network.enable")
        self.resize(width, height)

    def _event(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in (
            "error",
            "warning",
        ):
            text = " ".join(
                str(arg.get("value", arg.get("description", "")))
                for arg in params["args"]
            )
            self.console.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get(
                "text"
            )
            self.console.append(f"exception: {text}")
        elif method == "Log.entryAdded" and params["entry"]["level"] in (
            "error",
            "warning",
        ):
            entry = params["entry"]
            self.console.append(
                f"log.{entry['level']}: {entry['text']} {entry.get('url', '')}"
            )

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(f"Boolean({expression})"):
                return
            time.sleep(0.25)
        fail(f"timed out waiting for {what}")

    def wait_idle(self):
        """No RPC under way, then a moment for fonts and transitions."""
        self.wait_for(
            "!document.querySelector('.o_loading_indicator, .o_blockUI')",
            "the page to load",
        )
        time.sleep(1.5)

    def resize(self, width, height):
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def navigate(self, url):
        self.send("Page.navigate", url=url)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        save_png(base64.b64decode(data), path)

    def close(self):
        if getattr(self, "ws", None):
            self.ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def save_png(data, path):
    """Save a PNG, downscaled until it is smaller than MAX_BYTES."""
    image = Image.open(io.BytesIO(data))
    image.load()
    while True:
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        if buffer.tell() < MAX_BYTES or image.width < 600:
            break
        image = image.resize(
            (int(image.width * 0.85), int(image.height * 0.85)), Image.LANCZOS
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    print(f"{path} ({image.width}x{image.height}, {buffer.tell() // 1024} KB)")


def shoot_plan(browser, odoo, plan_id, out):
    browser.navigate(f"{odoo.url}/odoo/action-vsms_regional.vsms_plan_action/{plan_id}")
    browser.wait_for(
        "document.querySelectorAll('.o_form_view .o_field_widget[name=item_ids] "
        ".o_data_row').length > 0",
        "the plan form with its items",
    )
    browser.wait_idle()
    browser.screenshot(out / "plan_2021.png")


def shoot_calendar(browser, odoo, out, width, height):
    # A month cell shows at most `event_limit` events of the calendar view
    # (5 by default), whatever the height: make it taller only with a higher
    # limit.
    browser.resize(width, height)
    browser.navigate(f"{odoo.url}/odoo/action-vsms_regional.vsms_plan_calendar_action")
    browser.wait_for("document.querySelector('.o_calendar_view')", "the Plan Calendar")
    browser.wait_idle()
    # The calendar opens on today; reopen the action on April 2021 (the
    # client's action service is the only way to pass an initial date).
    browser.evaluate(
        "odoo.__WOWL_DEBUG__.root.env.services.action.doAction("
        "'vsms_regional.vsms_plan_calendar_action', {clearBreadcrumbs: true, "
        "additionalContext: {initial_date: '2021-04-01 00:00:00'}}).then(() => true)"
    )
    april = ".o_calendar_view .fc-daygrid-day[data-date='2021-04-15']"
    browser.wait_for(
        f'document.querySelector("{april}")'
        ' && document.querySelector(".o_calendar_view .fc-event")',
        "the calendar on April 2021",
    )
    browser.wait_idle()
    browser.screenshot(out / "plan_calendar.png")


def shoot_pdf(odoo, report, record_id, out, name="plan_pdf.png"):
    if not shutil.which("pdftoppm"):
        print(f"pdftoppm not found (poppler-utils): {name} skipped")
        return
    response = odoo.session.get(
        f"{odoo.url}/report/pdf/{report}/{record_id}",
        timeout=300,
    )
    response.raise_for_status()
    if not response.content.startswith(b"%PDF"):
        fail("the report did not return a PDF")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp, "plan.pdf")
        pdf.write_bytes(response.content)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                "-l",
                "1",
                pdf,
                Path(tmp, "page"),
            ],
            check=True,
        )
        page = next(Path(tmp).glob("page*.png"))
        save_png(page.read_bytes(), out / name)


SAMPLE_PEOPLE = [
    # last, first, patronymic, municipality xmlid, office xmlid, since, stage
    ("Смирнов", "Алексей", "Викторович", "vyazem", "head", "2025-10-20", None),
    ("Кузнецова", "Ольга", "Николаевна", "safonov", "deputy", "2024-10-13", "invited"),
    ("Белова", "Нина", "Ивановна", "smolensk", "tos_chair", "2021-05-12", "applied"),
    ("Орлов", "Пётр", "Ильич", "roslavl", "deputy", "2024-10-13", "presidium"),
    ("Зайцев", "Олег", "Петрович", "demidov", "head", "2025-11-02", "candidate"),
    ("Морозова", "Елена", "Андреевна", "gagarin", "deputy", "2024-10-13", "candidate"),
]


def add_sample_contacts(odoo):
    """People with offices, consents and admission leads (for the pictures)."""
    found = odoo.call(
        "res.partner", "search", [("name", "=", "Смирнов Алексей Викторович")]
    )
    if found:
        return found[0]
    ids = []
    for last, first, patronymic, town, role, since, stage in SAMPLE_PEOPLE:
        partner_id = odoo.call(
            "res.partner",
            "create",
            {
                "vsms_last_name": last,
                "vsms_first_name": first,
                "vsms_patronymic": patronymic,
                "email": f"{len(ids)}@example.ru",
                "phone": "+7 481 000-00-0" + str(len(ids)),
                "vsms_municipality_id": odoo.xmlid_to_id(
                    f"vsms_regional.vsms_municipality_{town}"
                ),
                "vsms_position_ids": [
                    (
                        0,
                        0,
                        {
                            "role_id": odoo.xmlid_to_id(
                                f"vsms_regional.vsms_position_role_{role}"
                            ),
                            "date_start": since,
                        },
                    )
                ],
                "vsms_consent_ids": [
                    (0, 0, {"kind": "processing", "date_given": since}),
                    (0, 0, {"kind": "mailing", "date_given": since}),
                ],
            },
        )
        ids.append(partner_id)
        if stage:
            odoo.call("res.partner", "action_vsms_create_admission_leads", [partner_id])
            lead = odoo.call(
                "crm.lead", "search", [("partner_id", "=", partner_id)], limit=1
            )
            odoo.call(
                "crm.lead",
                "write",
                lead,
                {"stage_id": odoo.xmlid_to_id(f"vsms_regional.crm_stage_vsms_{stage}")},
            )
    # The first one was admitted by the presidium earlier.
    odoo.call("res.partner", "write", [ids[0]], {"vsms_member_state": "member"})
    return ids[0]


PRESIDIUM = [
    # name, role in the presidium
    ("Орлов Пётр Ильич", "chair"),
    ("Белова Мария Андреевна", "secretary"),
    ("Зайцев Олег Павлович", "deputy_chair"),
    ("Соколова Ирина Юрьевна", "member"),
    ("Волков Денис Сергеевич", "member"),
]


def add_sample_meeting(odoo, applicant_id):
    """The presidium with five members and its March 2021 meeting: presence,
    agenda and two adopted decisions, one admitting ``applicant_id``."""
    body_id = odoo.xmlid_to_id("vsms_regional.vsms_body_presidium")
    item_id = odoo.xmlid_to_id("vsms_regional.vsms_plan_2021_item_02")
    meetings = odoo.call(
        "calendar.event", "search", [("vsms_plan_item_id", "=", item_id)], order="start"
    )
    if not meetings:
        member_ids = []
        for name, role in PRESIDIUM:
            partner_id = odoo.call("res.partner", "create", {"name": name})
            member_ids.append(partner_id)
            odoo.call(
                "vsms.body.member",
                "create",
                {
                    "body_id": body_id,
                    "partner_id": partner_id,
                    "role": role,
                    "date_start": "2020-12-15",
                },
            )
        wizard = odoo.call(
            "vsms.occurrence.schedule.wizard",
            "create",
            {
                "item_id": item_id,
                "mode": "meeting",
                "hour": 11.0,
                "location": "г. Смоленск, ул. Октябрьской революции, 14а",
            },
        )
        odoo.call("vsms.occurrence.schedule.wizard", "action_confirm", [wizard])
        meetings = odoo.call(
            "calendar.event",
            "search",
            [("vsms_plan_item_id", "=", item_id)],
            order="start",
        )
        march = meetings[0]
        odoo.call(
            "calendar.event",
            "write",
            [march],
            {
                "vsms_agenda": "<ol><li>Об итогах работы отделения в 2020 году.</li>"
                "<li>О плане работы на 2021 год.</li>"
                "<li>О приёме в члены ВСМС.</li></ol>",
                "partner_ids": [(4, applicant_id)],
            },
        )
        attendees = odoo.call(
            "calendar.attendee",
            "search",
            [("event_id", "=", march), ("partner_id", "in", member_ids[:4])],
        )
        odoo.call("calendar.attendee", "write", attendees, {"vsms_present": True})
        decisions = [
            {
                "name": "Утвердить отчёт о работе отделения за 2020 год.",
                "deadline": "2021-04-30",
            },
            {
                "name": "Принять в члены ВСМС главу Вяземского муниципального округа.",
                "admission_partner_ids": [(6, 0, [applicant_id])],
            },
            {
                "name": "Провести семинар-совещание во II полугодии.",
                "deadline": "2021-09-30",
            },
        ]
        ids = [
            odoo.call("vsms.decision", "create", dict(vals, meeting_id=march))
            for vals in decisions
        ]
        odoo.call("vsms.decision", "action_adopt", ids[:2])
        # April: the olympiad and the lessons for Local Self-Government Day
        for number, day, hour in (
            ("05", "2021-04-15", 10.0),
            ("11", "2021-04-21", 9.0),
        ):
            wizard = odoo.call(
                "vsms.occurrence.schedule.wizard",
                "create",
                {
                    "item_id": odoo.xmlid_to_id(
                        f"vsms_regional.vsms_plan_2021_item_{number}"
                    ),
                    "mode": "event",
                    "hour": hour,
                },
            )
            lines = odoo.call(
                "vsms.occurrence.schedule.wizard.line",
                "search",
                [("wizard_id", "=", wizard)],
            )
            odoo.call(
                "vsms.occurrence.schedule.wizard.line", "write", lines, {"date": day}
            )
            odoo.call("vsms.occurrence.schedule.wizard", "action_confirm", [wizard])
    return meetings[0]


def shoot_meeting(browser, odoo, meeting_id, out):
    browser.navigate(
        f"{odoo.url}/odoo/action-vsms_regional.calendar_event_action_vsms_meetings/"
        f"{meeting_id}"
    )
    browser.wait_for(
        "document.querySelector("
        "'.o_form_view .o_notebook .nav-link[name=vsms_decisions]')",
        "the meeting form",
    )
    browser.evaluate(
        "(() => { document.querySelector("
        "'.o_notebook .nav-link[name=vsms_decisions]').click(); return true; })()"
    )
    browser.wait_for(
        "document.querySelector('.o_field_widget[name=vsms_decision_ids] .o_data_row')",
        "the decisions tab",
    )
    browser.wait_idle()
    browser.screenshot(out / "meeting_form.png")


def shoot_contact(browser, odoo, partner_id, out):
    browser.navigate(
        f"{odoo.url}/odoo/action-vsms_regional.res_partner_action_vsms_contacts/{partner_id}"
    )
    browser.wait_for(
        "document.querySelector('.o_form_view .o_notebook')", "the contact form"
    )
    browser.evaluate(
        "(() => { const tab = document.querySelector("
        "'.o_notebook .nav-link[name=vsms]'); tab.click(); return true; })()"
    )
    browser.wait_for(
        "document.querySelector('.o_field_widget[name=vsms_position_ids] .o_data_row')",
        "the ВСМС tab",
    )
    browser.wait_idle()
    browser.screenshot(out / "contact_vsms.png")


def shoot_admission(browser, odoo, out):
    browser.navigate(
        f"{odoo.url}/odoo/action-vsms_regional.crm_lead_action_vsms_admission"
    )
    browser.wait_for(
        "document.querySelectorAll('.o_kanban_record:not(.o_kanban_ghost)').length > 2",
        "the admission pipeline",
    )
    browser.wait_idle()
    browser.screenshot(out / "admission_pipeline.png")


CONTEST_XMLID = "vsms_regional.vsms_contest_2021_tos_city"
CONTEST_APPLICANTS = [
    ("Ковалёв Андрей Николаевич", "ТОС «Заднепровье»", "2021-10-12 09:00:00"),
    ("Белкина Светлана Петровна", "ТОС «Южный»", "2021-10-20 11:30:00"),
    ("Новиков Игорь Сергеевич", "ТОС «Северный»", "2021-11-02 15:00:00"),
]


def add_sample_contest(odoo):
    """The city's 2021 contest judged: two criteria, the administrator as
    chair, three applications (submitted in October–November 2021) in the
    initiative nomination, and the chair's marks of the first one."""
    contest_id = odoo.xmlid_to_id(CONTEST_XMLID)
    [contest] = odoo.call(
        "vsms.contest", "read", [contest_id], fields=["state", "nomination_ids"]
    )
    if contest["state"] == "draft":
        odoo.call(
            "vsms.contest",
            "write",
            [contest_id],
            {
                "date_open": "2021-10-01",
                "date_close": "2021-11-30",
                "date_results": "2021-12-10",
                "prize_places": 3,
                "criterion_ids": [
                    (0, 0, {"name": "Значимость для жителей", "max_score": 10}),
                    (0, 0, {"name": "Участие жителей", "max_score": 10}),
                    (0, 0, {"name": "Результат", "max_score": 5, "weight": 2}),
                ],
                "juror_ids": [
                    (0, 0, {"user_id": odoo.uid, "role": "chair"}),
                ],
            },
        )
        odoo.call("vsms.contest", "action_open", [contest_id])
        nomination_id = contest["nomination_ids"][-1]
        ids = [
            odoo.call(
                "vsms.contest.application",
                "create",
                {
                    "contest_id": contest_id,
                    "nomination_id": nomination_id,
                    "applicant_name": name,
                    "organization": organization,
                    "date_submitted": submitted,
                },
            )
            for name, organization, submitted in CONTEST_APPLICANTS
        ]
        odoo.call("vsms.contest.application", "action_admit", ids)
        odoo.call("vsms.contest", "action_start_judging", [contest_id])
        lines = odoo.call(
            "vsms.contest.score",
            "search",
            [("application_id", "=", ids[0])],
            order="criterion_sequence, criterion_id",
        )
        for line, value in zip(lines, (9, 8, 4), strict=True):
            odoo.call("vsms.contest.score", "write", [line], {"value": value})
    first = odoo.call(
        "vsms.contest.application",
        "search",
        [("contest_id", "=", contest_id)],
        order="date_submitted",
        limit=1,
    )
    return contest_id, first[0]


def shoot_contest(browser, odoo, contest_id, application_id, out):
    browser.navigate(
        f"{odoo.url}/odoo/action-vsms_regional.vsms_contest_action/{contest_id}"
    )
    browser.wait_for(
        "document.querySelector('.o_form_view .o_notebook .nav-link[name=criteria]')",
        "the contest form",
    )
    browser.evaluate(
        "(() => { document.querySelector("
        "'.o_notebook .nav-link[name=criteria]').click(); return true; })()"
    )
    browser.wait_for(
        "document.querySelector('.o_field_widget[name=criterion_ids] .o_data_row')",
        "the criteria tab",
    )
    browser.wait_idle()
    browser.screenshot(out / "contest_form.png")
    browser.navigate(
        f"{odoo.url}/odoo/action-vsms_regional.vsms_contest_application_action_my_marks/"
        f"{application_id}"
    )
    browser.wait_for(
        "document.querySelector('.o_field_widget[name=my_score_ids] .o_data_row')",
        "the marking screen",
    )
    browser.wait_idle()
    browser.screenshot(out / "contest_marking.png")


CONTEST_WEB_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def add_sample_contest_web(odoo):
    """An open contest published on the website, which speaks Russian."""
    [ru] = odoo.call("res.lang", "search", [("code", "=", "ru_RU")])
    [website] = odoo.call("website", "search", [], limit=1)
    odoo.call(
        "website",
        "write",
        [website],
        {"language_ids": [(4, ru)], "default_lang_id": ru, "name": "ВСМС Смоленск"},
    )
    name = "Лучшая практика территориального общественного самоуправления"
    found = odoo.call("vsms.contest", "search", [("name", "=", name)], limit=1)
    if found:
        return found[0]
    today = time.strftime("%Y-%m-%d")
    year = int(today[:4])
    contest_id = odoo.call(
        "vsms.contest",
        "create",
        {
            "name": name,
            "date_open": f"{year}-01-01",
            "date_close": f"{year}-12-31",
            "date_results": f"{year + 1}-01-20",
            "description": "<p>Конкурс проводится среди органов ТОС Смоленской "
            "области. Участники представляют практики, которые помогли жителям "
            "решить вопросы местного значения.</p>",
            "website_documents": "Анкета участника (по форме приложения 1), "
            "описание практики, фотографии (не более 10).",
            "regulations_file": base64.b64encode(CONTEST_WEB_PDF).decode(),
            "regulations_filename": "Положение о конкурсе.pdf",
            "website_published": True,
            "nomination_ids": [
                (0, 0, {"name": "Городские ТОС", "sequence": 1}),
                (0, 0, {"name": "Сельские ТОС", "sequence": 2}),
                (0, 0, {"name": "Молодёжные инициативы ТОС", "sequence": 3}),
            ],
        },
    )
    odoo.call("vsms.contest", "action_open", [contest_id])
    return contest_id


def shoot_contest_web(browser, odoo, contest_id, out):
    """The public page, as the public sees it (no session)."""
    browser.send("Network.clearBrowserCookies")
    browser.navigate(f"{odoo.url}/vsms/contest/{contest_id}")
    browser.wait_for(
        "document.querySelector('form.o_vsms_contest_form')", "the public contest page"
    )
    time.sleep(2)
    browser.screenshot(out / "contest_public.png")


def add_sample_event(odoo):
    """A published event of the work plan with 30 seats (the consent asked)."""
    start = time.strftime("%Y-%m-%d 07:00:00", time.gmtime(time.time() + 20 * 86400))
    end = time.strftime("%Y-%m-%d 11:00:00", time.gmtime(time.time() + 20 * 86400))
    return odoo.call(
        "event.event",
        "create",
        {
            "name": "Олимпиада по основам местного самоуправления",
            "date_begin": start,
            "date_end": end,
            "seats_limited": True,
            "seats_max": 30,
            "vsms_waitlist_enabled": True,
            "vsms_consent_required": True,
            "website_published": True,
        },
    )


def shoot_event_registration(browser, odoo, event_id, out):
    """The public registration form (as a visitor, no account): two pupils
    registered by their teacher, the consent text next to its tick box."""
    browser.send("Network.deleteCookies", name="session_id", url=odoo.url)
    browser.navigate(f"{odoo.url}/event/{event_id}/register")
    button = (
        '[...document.querySelectorAll(".o_wevent_event '
        "button[data-bs-target='#modal_ticket_registration']\")]"
        ".find((b) => b.offsetParent)"
    )
    browser.wait_for(f"!!{button}", "the event's registration button")
    browser.wait_idle()
    browser.evaluate(f"{button}.click()")
    browser.wait_for(
        "!!document.querySelector('#modal_ticket_registration.show "
        "input[name=nb_register-0]')",
        "the ticket window",
    )
    browser.evaluate(
        "(() => { const i = document.querySelector("
        "'#modal_ticket_registration input[name=nb_register-0]');"
        "i.value = '2'; i.dispatchEvent(new Event('change', {bubbles: true}));"
        "document.querySelector('#modal_ticket_registration "
        "button[type=submit].a-submit').click(); })()"
    )
    browser.wait_for(
        "!!document.querySelector('#modal_attendees_registration.show #vsms_consent')",
        "the attendees' form",
    )
    browser.evaluate(
        """(() => {
            const form = document.querySelector('#attendee_registration');
            const set = (selector, value) => {
                const field = form.querySelector(selector);
                if (field) { field.value = value; }
            };
            set('input[name^="1-name-"]', 'Кузнецов Илья');
            set('input[name^="1-email-"]', 'school7@example.ru');
            set('select[name="1-vsms_category"]', 'pupil');
            set('input[name="1-vsms_organization"]', 'МБОУ «СШ № 7»');
            set('input[name^="2-name-"]', 'Морозова Вера');
            set('input[name^="2-email-"]', 'school7@example.ru');
            set('select[name="2-vsms_category"]', 'pupil');
            set('input[name="2-vsms_organization"]', 'МБОУ «СШ № 7»');
            form.querySelector('#vsms_minor').click();
            set('#vsms_guardian_name', 'Лебедева Ольга Петровна');
        })()"""
    )
    time.sleep(1.5)
    # down to the consent, its text and tick box
    browser.evaluate(
        "document.querySelector('#vsms_consent').scrollIntoView({block: 'end'})"
    )
    time.sleep(1)
    browser.screenshot(out / "event_registration.png")


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
    # Below 1400 px the chatter goes under the form, leaving the plan's items
    # list the whole width.
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--calendar-height", type=int, default=1000)
    parser.add_argument(
        "--sample-contacts",
        action="store_true",
        help="add sample people and shoot the contact base (throwaway databases only)",
    )
    parser.add_argument(
        "--sample-contest",
        action="store_true",
        help="judge the city's 2021 contest and shoot it (throwaway databases only)",
    )
    parser.add_argument(
        "--sample-contest-web",
        action="store_true",
        help="publish an open sample contest and shoot its public page "
        "(throwaway databases only)",
    )
    parser.add_argument(
        "--sample-event",
        action="store_true",
        help="publish an event and shoot its public registration form "
        "(throwaway databases only)",
    )
    args = parser.parse_args()

    odoo = Odoo(args.url, args.db, args.login, args.password)
    plan_id = odoo.xmlid_to_id(PLAN_XMLID)
    partner_id = add_sample_contacts(odoo) if args.sample_contacts else None
    meeting_id = add_sample_meeting(odoo, partner_id) if args.sample_contacts else None
    contest = add_sample_contest(odoo) if args.sample_contest else None
    contest_web = add_sample_contest_web(odoo) if args.sample_contest_web else None
    event_id = add_sample_event(odoo) if args.sample_event else None

    browser = Chromium(args.chromium, args.width, args.height)
    try:
        host = urlsplit(odoo.url).hostname
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=odoo.session_id,
            domain=host,
            path="/",
            httpOnly=True,
        )
        shoot_plan(browser, odoo, plan_id, args.out)
        shoot_calendar(browser, odoo, args.out, args.width, args.calendar_height)
        if partner_id:
            browser.resize(args.width, args.height)
            shoot_contact(browser, odoo, partner_id, args.out)
            shoot_admission(browser, odoo, args.out)
            shoot_meeting(browser, odoo, meeting_id, args.out)
        if contest:
            browser.resize(args.width, args.height)
            shoot_contest(browser, odoo, *contest, args.out)
        if contest_web:
            # last: it drops the session to see the page as the public does
            browser.resize(args.width, args.height + 500)
            shoot_contest_web(browser, odoo, contest_web, args.out)
        if event_id:
            # last: it leaves the browser without the session (a visitor)
            browser.resize(args.width, args.height)
            shoot_event_registration(browser, odoo, event_id, args.out)
    finally:
        browser.close()
    shoot_pdf(odoo, "vsms_regional.vsms_plan_report_document", plan_id, args.out)
    if meeting_id:
        shoot_pdf(
            odoo,
            "vsms_regional.calendar_event_report_vsms_protocol_document",
            meeting_id,
            args.out,
            "protocol_pdf.png",
        )

    print("\nBrowser console errors and warnings:")
    for line in browser.console or ["(none)"]:
        print("  " + line)


if __name__ == "__main__":
    main()
