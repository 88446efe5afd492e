#!/usr/bin/env python3
"""Take the README screenshots of the member portal («Мой кабинет»).

Like scripts/screenshots.py (whose helpers it uses), from a running local
Odoo and a headless Chromium.  It first adds, as the administrator, a sample
member with an office, consents, an event registration and a portal account
(use a throwaway database), shows the website in Russian, then logs in as
that member and writes docs/images/portal_home.png (the portal home with the
ВСМС cards), docs/images/portal_data.png (the member's data page) and
docs/images/portal_consents.png (their consents, and the mailing and
publication consents offered with their texts).

    odoo-bin -c odoo.conf -d DB --http-port=8269 &
    venv/bin/python scripts/screenshots_portal.py --url http://127.0.0.1:8269 --db DB
"""

import argparse
import shutil
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from screenshots import REPO_DIR, Chromium, Odoo

PORTAL_LOGIN = "vsms_portal_demo"
PERSON = ("Смирнов", "Алексей", "Викторович")


def add_sample_member(odoo):
    """A member with an office, consents, a registration and portal access."""
    ru = odoo.xmlid_to_id("base.lang_ru")
    website = odoo.call("website", "search", [], limit=1)
    odoo.call(
        "website",
        "write",
        website,
        {"language_ids": [(4, ru)], "default_lang_id": ru, "name": "ВСМС Смоленск"},
    )
    if odoo.call("res.users", "search", [("login", "=", PORTAL_LOGIN)]):
        return
    since = "2024-09-20"
    partner_id = odoo.call(
        "res.partner",
        "create",
        {
            "vsms_last_name": PERSON[0],
            "vsms_first_name": PERSON[1],
            "vsms_patronymic": PERSON[2],
            "email": "smirnov@vyazma.example.ru",
            "phone": "+7 481 311-22-33",
            "lang": "ru_RU",
            "vsms_municipality_id": odoo.xmlid_to_id(
                "vsms_regional.vsms_municipality_vyazem"
            ),
            "vsms_member_state": "member",
            "vsms_position_ids": [
                (
                    0,
                    0,
                    {
                        "role_id": odoo.xmlid_to_id(
                            "vsms_regional.vsms_position_role_head"
                        ),
                        "organization": "Администрация Вяземского района",
                        "date_start": since,
                    },
                )
            ],
            "vsms_consent_ids": [
                (0, 0, {"kind": "processing", "date_given": since}),
            ],
        },
    )
    start = date.today() + timedelta(days=14)
    event_id = odoo.call(
        "event.event",
        "create",
        {
            "name": "Семинар для глав муниципальных образований",
            "date_begin": f"{start} 07:00:00",
            "date_end": f"{start} 10:00:00",
            # no e-mail schedulers: nothing is sent from a sample
            "event_mail_ids": [(5, 0, 0)],
        },
    )
    odoo.call(
        "event.registration",
        "create",
        {"event_id": event_id, "partner_id": partner_id},
    )
    odoo.call(
        "res.users",
        "create",
        {
            "login": PORTAL_LOGIN,
            "password": PORTAL_LOGIN,
            "partner_id": partner_id,
            "name": " ".join(PERSON),
            "email": "smirnov@vyazma.example.ru",
            "lang": "ru_RU",
            "group_ids": [(6, 0, [odoo.xmlid_to_id("base.group_portal")])],
        },
    )


def shoot(browser, url, ready, what, path):
    browser.navigate(url)
    browser.wait_for(f"document.querySelector({ready!r})", what)
    browser.wait_idle()
    browser.screenshot(path)


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
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    add_sample_member(Odoo(args.url, args.db, args.login, args.password))
    member = Odoo(args.url, args.db, PORTAL_LOGIN, PORTAL_LOGIN)
    browser = Chromium(args.chromium, args.width, args.height)
    try:
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=member.session_id,
            domain=urlsplit(member.url).hostname,
            path="/",
            httpOnly=True,
        )
        shoot(
            browser,
            f"{member.url}/my",
            "#portal_vsms_category .o_portal_index_card:not(.d-none) "
            'a[href="/my/vsms/registrations"]',
            "the portal home",
            args.out / "portal_home.png",
        )
        shoot(
            browser,
            f"{member.url}/my/vsms",
            "form.o_vsms_portal_profile",
            "the member's data",
            args.out / "portal_data.png",
        )
        shoot(
            browser,
            f"{member.url}/my/vsms/consents",
            "form.o_vsms_portal_give",
            "the member's consents",
            args.out / "portal_consents.png",
        )
    finally:
        browser.close()
    print("\nBrowser console errors and warnings:")
    for line in browser.console or ["(none)"]:
        print("  " + line)


if __name__ == "__main__":
    main()
