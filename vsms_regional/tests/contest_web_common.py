"""A published, open contest and olympiad, the website in Russian, and
helpers to post the public application form over HTTP."""

import base64
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user

from .upload_samples import PDF

CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


class ContestWebCommon(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        ru = env["res.lang"]._activate_lang("ru_RU")
        cls.website = env["website"].get_current_website()
        cls.website.write({"language_ids": [(4, ru.id)], "default_lang_id": ru.id})
        env["ir.config_parameter"].sudo().set_param(
            "vsms_regional.contest_rate_limit", "50"
        )
        cls.user_staff = new_test_user(
            env,
            login="vsms_web_staff",
            name="Петрова Анна Сергеевна",
            email="petrova@vsms67.example.com",
            groups="vsms_regional.group_vsms_user",
        )
        cls.municipality = env["vsms.municipality"].search([], limit=1)
        cls.today = fields.Date.context_today(env.user)
        Contest = env["vsms.contest"].with_user(cls.user_staff)
        cls.contest = Contest.create(
            {
                "name": "Лучший руководитель ТОС",
                "date_open": cls.today - timedelta(days=5),
                "date_close": cls.today + timedelta(days=5),
                "date_results": cls.today + timedelta(days=30),
                "description": "<p>Конкурс среди руководителей ТОС.</p>",
                "website_documents": "Анкета участника и презентация практики",
                "regulations_file": base64.b64encode(PDF),
                "regulations_filename": "Положение о конкурсе.pdf",
                "website_published": True,
                "nomination_ids": [
                    (0, 0, {"name": "Городские ТОС", "sequence": 1}),
                    (0, 0, {"name": "Сельские ТОС", "sequence": 2}),
                ],
            }
        )
        cls.contest.action_open()
        cls.olympiad = Contest.create(
            {
                "name": "Олимпиада по основам местного самоуправления",
                "kind": "olympiad",
                "date_open": cls.today - timedelta(days=5),
                "date_close": cls.today + timedelta(days=5),
                "website_published": True,
            }
        )
        cls.olympiad.action_open()
        cls.contest = cls.contest.with_env(env)
        cls.olympiad = cls.olympiad.with_env(env)
        cls.consent_text = env["vsms.consent.text"]._vsms_current("processing")
        cls.Application = env["vsms.contest.application"]

    def csrf_token(self, contest):
        page = self.url_open(contest.website_url)
        self.assertEqual(page.status_code, 200, page.text[:500])
        match = CSRF.search(page.text)
        self.assertTrue(match, "the contest page has an application form")
        return match.group(1)

    def applicant_data(self, contest=None, **values):
        contest = contest or self.contest
        data = {
            "name": "Смирнов Олег Викторович",
            "email": "smirnov.tos@example.com",
            "phone": "+7 481 222-33-44",
            "organization": "ТОС «Заречье»",
            "municipality_id": str(self.municipality.id),
            "nomination_id": str(contest.nomination_ids.sorted("sequence")[:1].id),
            "consent": "1",
            "consent_text_id": str(self.consent_text.id),
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def post_application(self, contest=None, data=None, files=None, token=None):
        contest = contest or self.contest
        data = dict(data if data is not None else self.applicant_data(contest))
        data["csrf_token"] = token or self.csrf_token(contest)
        if files is None:
            files = [("documents", ("Анкета.pdf", PDF, "application/pdf"))]
        return self.url_open(
            f"{contest.website_url}/apply", data=data, files=files or None
        )

    def applications_of(self, contest):
        return self.Application.search([("contest_id", "=", contest.id)])
