"""Online contest applications over real HTTP: the public pages, the form
with uploads, consent, limits, duplicates, spam and the teacher's olympiad
registration."""

from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.google_recaptcha.models.ir_http import IrHttp as RecaptchaIrHttp

from .contest_web_common import ContestWebCommon
from .upload_samples import DOCX_TYPE, EXE, JPG, PDF, docx_bytes


@tagged("post_install", "-at_install")
class TestContestWebsite(ContestWebCommon):
    def assertNothingSaved(self, contest=None, count=0):
        self.env.invalidate_all()
        self.assertEqual(len(self.applications_of(contest or self.contest)), count)

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    def test_public_pages_in_russian(self):
        self.assertIn('href="/vsms/contests"', self.url_open("/").text)
        page = self.url_open("/vsms/contests")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Конкурсы и олимпиады", page.text)
        self.assertIn("Лучший руководитель ТОС", page.text)
        self.assertIn(self.contest.website_url, page.text)
        page = self.url_open(self.contest.website_url)
        self.assertEqual(page.status_code, 200)
        for text in (
            "Городские ТОС",
            "Сельские ТОС",
            "Анкета участника и презентация практики",
            "Конкурс среди руководителей ТОС.",
            "не более 10 МБ",
            self.consent_text.body.splitlines()[0],
            "Скачать положение",
        ):
            self.assertIn(text, page.text)
        regulations = self.url_open(f"{self.contest.website_url}/regulations")
        self.assertEqual(regulations.status_code, 200)
        self.assertEqual(regulations.content, PDF)
        self.assertIn("attachment", regulations.headers["Content-Disposition"])
        # the size limit follows the setting
        self.env["ir.config_parameter"].sudo().set_param(
            "vsms_regional.contest_max_file_mb", "3"
        )
        self.assertIn("не более 3 МБ", self.url_open(self.contest.website_url).text)

    def test_unknown_unpublished_and_draft_contests(self):
        self.assertEqual(self.url_open("/vsms/contest/999999").status_code, 404)
        self.assertEqual(self.url_open("/vsms/contest/nothing").status_code, 404)
        url = self.contest.website_url
        token = self.csrf_token(self.contest)
        self.contest.website_published = False
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self.url_open(f"{url}/regulations").status_code, 404)
        self.assertNotIn(url, self.url_open("/vsms/contests").text)
        response = self.url_open(
            f"{url}/apply", data={**self.applicant_data(), "csrf_token": token}
        )
        self.assertEqual(response.status_code, 404)
        self.contest.website_published = True
        self.contest.with_user(self.user_staff).action_cancel()
        self.assertEqual(self.url_open(url).status_code, 404)
        # an unknown contest takes no application either
        response = self.url_open(
            "/vsms/contest/999999/apply",
            data={**self.applicant_data(), "csrf_token": token},
        )
        self.assertEqual(response.status_code, 404)

    # ------------------------------------------------------------------
    # The happy path
    # ------------------------------------------------------------------
    def test_application_happy_path(self):
        files = [
            ("documents", ("Анкета.pdf", PDF, "application/pdf")),
            ("documents", ("Фото.jpg", JPG, "image/jpeg")),
            ("documents", ("Практика.docx", docx_bytes(), DOCX_TYPE)),
        ]
        response = self.post_application(files=files)
        self.assertEqual(response.status_code, 200, response.text[:2000])
        application = self.applications_of(self.contest)
        self.assertEqual(len(application), 1)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.source, "website")
        self.assertRegex(application.number, r"^З-\d{4}-\d{5}$")
        self.assertIn("Спасибо", response.text)
        self.assertIn(application.number, response.text)
        self.assertEqual(application.nomination_id.name, "Городские ТОС")
        self.assertEqual(application.organization, "ТОС «Заречье»")
        self.assertEqual(application.municipality_id, self.municipality)
        self.assertEqual(application.applicant_phone, "+7 481 222-33-44")
        partner = application.partner_id
        self.assertEqual(partner.name, "Смирнов Олег Викторович")
        self.assertEqual(partner.email, "smirnov.tos@example.com")
        # the documents, on the application
        self.assertEqual(
            sorted(application.attachment_ids.mapped("name")),
            ["Анкета.pdf", "Практика.docx", "Фото.jpg"],
        )
        self.assertEqual(
            set(application.attachment_ids.mapped("res_id")), {application.id}
        )
        pdf = application.attachment_ids.filtered(lambda a: a.name == "Анкета.pdf")
        self.assertEqual(pdf.raw, PDF)
        # the separate consent, with the text shown
        consent = self.env["vsms.consent"].search([("partner_id", "=", partner.id)])
        self.assertEqual(len(consent), 1)
        self.assertEqual(
            (consent.kind, consent.source, consent.text_id),
            ("processing", "website", self.consent_text),
        )
        self.assertFalse(consent.guardian_partner_id)
        # the confirmation e-mail, in Russian, with the number
        mail = self.env["mail.mail"].search(
            [("email_to", "ilike", "smirnov.tos@example.com")]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn(application.number, mail.subject)
        self.assertIn(application.number, mail.body_html)
        self.assertIn("Ваша заявка", mail.subject)
        self.assertIn("Городские ТОС", mail.body_html)
        # staff are notified: a message on the contest, to its followers
        message = self.contest.message_ids.filtered(
            lambda m: application.number in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn("с сайта", message.body)
        self.assertIn(
            self.user_staff.partner_id, message.notification_ids.res_partner_id
        )

    def test_applicant_matched_to_the_contact_base(self):
        known = self.env["res.partner"].create(
            {
                "name": "Смирнов Олег Викторович",
                "email": "smirnov.tos@example.com",
                "vsms_municipality_id": self.municipality.id,
            }
        )
        partners = self.env["res.partner"].search_count([])
        response = self.post_application()
        self.assertEqual(response.status_code, 200, response.text[:2000])
        self.assertEqual(self.applications_of(self.contest).partner_id, known)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    # ------------------------------------------------------------------
    # Refusals: a clear message, nothing saved
    # ------------------------------------------------------------------
    def test_closed_dates(self):
        token = self.csrf_token(self.contest)
        self.contest.write(
            {
                "date_open": self.today - timedelta(days=20),
                "date_close": self.today - timedelta(days=1),
            }
        )
        page = self.url_open(self.contest.website_url)
        self.assertIn("Приём заявок на этот конкурс завершён", page.text)
        self.assertNotIn('name="csrf_token"', page.text)
        response = self.post_application(token=token)
        self.assertEqual(response.status_code, 403)
        self.assertIn("принимает заявки с", response.text)
        self.assertNothingSaved()
        # not yet open
        self.contest.write(
            {
                "date_open": self.today + timedelta(days=2),
                "date_close": self.today + timedelta(days=9),
            }
        )
        self.assertIn("принимаются с", self.url_open(self.contest.website_url).text)
        self.assertEqual(self.post_application(token=token).status_code, 403)
        self.assertNothingSaved()
        self.assertFalse(
            self.env["mail.mail"].search([("email_to", "ilike", "smirnov")])
        )

    def test_missing_consent(self):
        data = self.applicant_data(consent=None)
        response = self.post_application(data=data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Без согласия на обработку персональных данных", response.text)
        # what was typed comes back
        self.assertIn("Смирнов Олег Викторович", response.text)
        # a consent text other than the one in force is no consent
        data = self.applicant_data(consent_text_id="0")
        response = self.post_application(data=data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Текст согласия изменился", response.text)
        self.assertNothingSaved()
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "smirnov.tos@example.com")])
        )

    def test_bad_fields_are_named(self):
        data = self.applicant_data(
            name="Смирнов", email="не-почта", phone="abc", municipality_id="0"
        )
        response = self.post_application(data=data)
        self.assertEqual(response.status_code, 400)
        for text in (
            "«Смирнов» — это не",
            "«не-почта» — не адрес электронной почты",
            "«abc» — не номер телефона",
            "Выберите муниципальное образование",
        ):
            self.assertIn(text, response.text)
        # a nomination of another contest
        other = self.env["vsms.contest.nomination"].create(
            {"contest_id": self.olympiad.id, "name": "Чужая"}
        )
        response = self.post_application(
            data=self.applicant_data(nomination_id=str(other.id))
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Выберите номинацию", response.text)
        self.assertNothingSaved()

    def test_oversize_file(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "vsms_regional.contest_max_file_mb", "1"
        )
        big = PDF + b"0" * (1024 * 1024)
        response = self.post_application(
            files=[("documents", ("Большой.pdf", big, "application/pdf"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("«Большой.pdf» больше 1 МБ", response.text)
        # a request larger than all the documents allowed is refused at once
        huge = PDF + b"0" * (12 * 1024 * 1024)
        response = self.post_application(
            files=[("documents", ("Огромный.pdf", huge, "application/pdf"))]
        )
        self.assertEqual(response.status_code, 413)
        self.assertNothingSaved()
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("name", "in", ("Большой.pdf", "Огромный.pdf"))]
            )
        )

    def test_wrong_file_type(self):
        response = self.post_application(
            files=[("documents", ("Анкета.pdf", EXE, "application/pdf"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("«Анкета.pdf» на самом деле не документ PDF", response.text)
        response = self.post_application(
            files=[("documents", ("setup.exe", EXE, "application/octet-stream"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("«setup.exe»: принимаются только документы PDF", response.text)
        response = self.post_application(
            files=[("documents", ("Фото.jpg", JPG, "application/pdf"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("«Фото.jpg»: тип файла не соответствует", response.text)
        # the regulations ask for documents: none is no application
        response = self.post_application(files=[])
        self.assertEqual(response.status_code, 400)
        self.assertIn("Приложите документы", response.text)
        self.assertNothingSaved()

    def test_duplicate_application(self):
        self.assertEqual(self.post_application().status_code, 200)
        response = self.post_application()
        self.assertEqual(response.status_code, 400)
        self.assertIn("Вы уже подали заявку", response.text)
        self.assertIn("«Городские ТОС»", response.text)
        self.assertNothingSaved(count=1)
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [("email_to", "ilike", "smirnov.tos@example.com")]
            ),
            1,
        )
        # another nomination is another application
        second = self.contest.nomination_ids.sorted("sequence")[1]
        response = self.post_application(
            data=self.applicant_data(nomination_id=str(second.id))
        )
        self.assertEqual(response.status_code, 200, response.text[:2000])
        self.assertNothingSaved(count=2)

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "vsms_regional.contest_rate_limit", "2"
        )
        token = self.csrf_token(self.contest)
        # refused attempts count too
        bad = self.applicant_data(consent=None)
        self.assertEqual(self.post_application(data=bad, token=token).status_code, 400)
        first = self.applicant_data(
            email="one@example.com", name="Первов Пётр Петрович"
        )
        self.assertEqual(
            self.post_application(data=first, token=token).status_code, 200
        )
        third = self.applicant_data(
            email="two@example.com", name="Вторая Анна Ивановна"
        )
        response = self.post_application(data=third, token=token)
        self.assertEqual(response.status_code, 429)
        self.assertIn("Слишком много заявок", response.text)
        self.assertNothingSaved(count=1)
        # an hour later the address may apply again
        Log = self.env["vsms.web.submission"]
        Log.search([]).write(
            {"submitted_at": Log.search([])[:1].submitted_at - timedelta(hours=2)}
        )
        self.assertEqual(
            self.post_application(data=third, token=token).status_code, 200
        )
        self.assertNothingSaved(count=2)

    def test_recaptcha_when_keys_are_set(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "recaptcha_private_key", "secret"
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "recaptcha_public_key", "public"
        )
        page = self.url_open(self.contest.website_url)
        self.assertIn('data-captcha="vsms_contest_application"', page.text)
        seen = []

        def verify(self_http, ip_addr, token, action=False):
            seen.append((token, action))
            return "is_human" if token == "good" else "is_bot"

        with patch.object(RecaptchaIrHttp, "_verify_recaptcha_token", verify):
            response = self.post_application(
                data={**self.applicant_data(), "recaptcha_token_response": "bot"}
            )
            self.assertEqual(response.status_code, 403)
            self.assertNothingSaved()
            response = self.post_application(
                data={**self.applicant_data(), "recaptcha_token_response": "good"}
            )
            self.assertEqual(response.status_code, 200, response.text[:2000])
        self.assertEqual(
            seen,
            [("bot", "vsms_contest_application"), ("good", "vsms_contest_application")],
        )
        self.assertNothingSaved(count=1)

    # ------------------------------------------------------------------
    # The olympiad: a teacher registers several pupils
    # ------------------------------------------------------------------
    def pupils_data(self, rows, **values):
        data = self.applicant_data(
            self.olympiad,
            **{
                "name": "Сергеева Ольга Ивановна",
                "email": "sergeeva@school1.example.com",
                "organization": "МБОУ «Средняя школа № 1»",
                "nomination_id": None,
                "consent_pupils": "1",
                **values,
            },
        )
        for row, (name, born, grade) in enumerate(rows):
            data[f"pupil_name_{row}"] = name
            data[f"pupil_birthdate_{row}"] = born
            data[f"pupil_grade_{row}"] = grade
        return data

    def born(self, years):
        return str(self.today - timedelta(days=int(years * 365.25) + 10))

    def test_teacher_registers_pupils(self):
        school = self.env["res.partner"].create(
            {"name": "МБОУ «Средняя школа № 1»", "is_company": True}
        )
        rows = [
            ("Алексеев Иван Петрович", self.born(16), "10"),
            ("Борисова Мария Андреевна", self.born(17), "11"),
            ("Васильев Пётр Сергеевич", self.born(15), "9"),
        ]
        response = self.post_application(
            self.olympiad, self.pupils_data(rows), files=[]
        )
        self.assertEqual(response.status_code, 200, response.text[:3000])
        applications = self.applications_of(self.olympiad).sorted("number")
        self.assertEqual(len(applications), 3)
        self.assertEqual(
            applications.mapped("partner_id.name"), [name for name, _b, _g in rows]
        )
        self.assertEqual(applications.mapped("grade"), [10, 11, 9])
        self.assertEqual(set(applications.mapped("state")), {"submitted"})
        self.assertEqual(applications.school_id, school)
        self.assertEqual(
            set(applications.mapped("teacher")), {"Сергеева Ольга Ивановна"}
        )
        for number in applications.mapped("number"):
            self.assertIn(number, response.text)
        teacher = self.env["res.partner"].search(
            [("email", "=", "sergeeva@school1.example.com")]
        )
        self.assertEqual(len(teacher), 1)
        # each pupil's consent is given by the teacher for the parents: the
        # olympiad's admission rule (a minor needs a guardian's consent) holds
        for application in applications:
            self.assertTrue(application.is_minor)
            self.assertEqual(
                application.guardian_consent_id.guardian_partner_id, teacher
            )
            self.assertEqual(application.guardian_consent_id.text_id, self.consent_text)
        applications.with_user(self.user_staff).action_admit()
        self.assertEqual(set(applications.mapped("state")), {"admitted"})
        # one e-mail to the teacher with every number
        mail = self.env["mail.mail"].search(
            [("email_to", "ilike", "sergeeva@school1.example.com")]
        )
        self.assertEqual(len(mail), 1)
        for number in applications.mapped("number"):
            self.assertIn(number, mail.body_html)
        self.assertIn("Алексеев Иван Петрович", mail.body_html)

    def test_teacher_one_invalid_pupil_saves_nothing(self):
        partners = self.env["res.partner"].search_count([])
        rows = [
            ("Алексеев Иван Петрович", self.born(16), "10"),
            ("Борисова Мария Андреевна", self.born(17), "14"),
            ("Васильев", self.born(15), "9"),
        ]
        response = self.post_application(
            self.olympiad, self.pupils_data(rows), files=[]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("класс должен быть от 1 до 11 (14)", response.text)
        self.assertIn("Васильев: укажите полное имя ученика", response.text)
        self.assertNothingSaved(self.olympiad)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # the pupils' consent is its own tick box
        rows = [("Алексеев Иван Петрович", self.born(16), "10")]
        response = self.post_application(
            self.olympiad, self.pupils_data(rows, consent_pupils=None), files=[]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("родители или законные представители", response.text)
        # no pupil at all
        response = self.post_application(self.olympiad, self.pupils_data([]), files=[])
        self.assertEqual(response.status_code, 400)
        self.assertIn("Укажите хотя бы одного ученика", response.text)
        self.assertNothingSaved(self.olympiad)
        self.assertFalse(self.env["vsms.consent"].search([("source", "=", "website")]))

    def test_teacher_registers_a_pupil_already_registered(self):
        rows = [("Алексеев Иван Петрович", self.born(16), "10")]
        self.assertEqual(
            self.post_application(
                self.olympiad, self.pupils_data(rows), files=[]
            ).status_code,
            200,
        )
        rows.append(("Борисова Мария Андреевна", self.born(17), "11"))
        response = self.post_application(
            self.olympiad, self.pupils_data(rows), files=[]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Алексеев Иван Петрович уже зарегистрирован", response.text)
        self.assertNothingSaved(self.olympiad, count=1)

    # ------------------------------------------------------------------
    # What the public can see
    # ------------------------------------------------------------------
    def test_public_cannot_read_applications(self):
        self.assertEqual(self.post_application().status_code, 200)
        application = self.applications_of(self.contest)
        attachment = application.attachment_ids
        # not the documents …
        response = self.url_open(f"/web/content/{attachment.id}?download=true")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotEqual(response.content, PDF)
        # … nor the applications, over RPC …
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "vsms.contest.application",
                    "method": "web_read",
                    "args": [[application.id]],
                    "kwargs": {"specification": {"display_name": {}}},
                },
            )
        # … nor with the public user's rights
        public = self.env.ref("base.public_user")
        for model in (
            "vsms.contest.application",
            "vsms.consent",
            "vsms.web.submission",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(public).search([])
        with self.assertRaises(AccessError):
            attachment.with_user(public).check_access("read")
        # another sender's page shows no one else's data
        other = self.post_application(
            data=self.applicant_data(
                name="Кузнецова Вера Павловна", email="kuznetsova@example.com"
            )
        )
        self.assertEqual(other.status_code, 200)
        self.assertNotIn("Смирнов", other.text)
        self.assertNotIn(application.number, other.text)
        self.assertNotIn("smirnov.tos@example.com", other.text)
