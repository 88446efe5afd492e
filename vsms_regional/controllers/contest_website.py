"""Public contest pages and online applications (issue 14).

Everything the public sends is checked here and again by the models' own
rules (the applications are made with the models' normal create).  sudo()
is used only to read the published contest, the municipalities and the
consent text, and to write what the public may not write themselves (the
applications, their documents, the consents, the notifications); nothing
of another applicant is ever rendered.
"""

import logging
import re
from email.utils import formataddr

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import email_normalize, format_date

from ..tools import uploads

_logger = logging.getLogger(__name__)

# The rate-limit log's name of this form.
FORM = "contest_application"
RECAPTCHA_ACTION = "vsms_contest_application"
MAX_FILES = 10
# Rows of pupils on a teacher's olympiad form.
PUPIL_ROWS = 10
MAX_TEXT = 200
PHONE = re.compile(r"^[0-9+()\-\s]{5,30}$")
DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.docx"


def max_request_size(controller):
    """The largest request the application form takes: all its documents
    at the largest size, and a margin for the fields."""
    return controller._max_request_size()


class SubmissionRefused(Exception):
    """The form is shown again with ``errors`` (field name → message)."""

    def __init__(self, errors, status=400):
        super().__init__(errors)
        self.errors = errors
        self.status = status


class ContestWebsite(http.Controller):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _public_contests(self, domain=()):
        Contest = request.env["vsms.contest"].sudo()
        return Contest.search(
            [
                *Contest._vsms_public_domain(),
                ("company_id", "=", request.website.company_id.id),
                *domain,
            ],
            order="date_close, id",
        )

    def _contest(self, ref):
        """The published contest of the URL (``name-12`` or ``12``), or 404."""
        _name, contest_id = request.env["ir.http"]._unslug(ref)
        if not contest_id:
            raise NotFound()
        contest = self._public_contests([("id", "=", contest_id)])
        if not contest:
            raise NotFound()
        return contest

    def _today(self, contest):
        return fields.Date.context_today(contest)

    def _limits(self):
        return request.env["res.config.settings"]._vsms_contest_web_limits()

    def _max_request_size(self):
        max_bytes, _rate = self._limits()
        return MAX_FILES * max_bytes + 1024 * 1024

    def _consent_text(self):
        return request.env["vsms.consent.text"].sudo()._vsms_current("processing")

    def _page_values(self, contest, values=None, errors=None):
        max_bytes, _rate = self._limits()
        today = self._today(contest)
        return {
            "contest": contest,
            "nominations": contest.nomination_ids.sorted("sequence"),
            "municipalities": request.env["vsms.municipality"]
            .sudo()
            .search([], order="name"),
            "accepting": contest._vsms_accepts_on(today),
            "not_yet": bool(contest.date_open and today < contest.date_open),
            "date_open": format_date(request.env, contest.date_open),
            "date_close": format_date(request.env, contest.date_close),
            "date_results": format_date(request.env, contest.date_results),
            "has_regulations": bool(contest.regulations_file),
            "max_file_mb": max_bytes // (1024 * 1024),
            "document_accept": DOCUMENT_ACCEPT,
            "consent_text": self._consent_text(),
            "pupil_rows": range(PUPIL_ROWS),
            "values": values or {},
            "errors": errors or {},
        }

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/vsms/contests", type="http", auth="public", website=True)
    def contests(self, **kwargs):
        contests = self._public_contests()
        return request.render(
            "vsms_regional.contest_website_list",
            {
                "contests": contests,
                "accepting": {
                    contest.id: contest._vsms_accepts_on(self._today(contest))
                    for contest in contests
                },
                "format_date": lambda day: format_date(request.env, day),
            },
        )

    @http.route(
        "/vsms/contest/<string:ref>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def contest_page(self, ref, **kwargs):
        contest = self._contest(ref)
        return request.render(
            "vsms_regional.contest_website_page", self._page_values(contest)
        )

    @http.route(
        "/vsms/contest/<string:ref>/regulations",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def contest_regulations(self, ref, **kwargs):
        contest = self._contest(ref)
        if not contest.regulations_file:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            contest,
            "regulations_file",
            filename=contest.regulations_filename or "regulations",
        )
        return stream.get_response(as_attachment=True)

    # ------------------------------------------------------------------
    # The application
    # ------------------------------------------------------------------
    @http.route(
        "/vsms/contest/<string:ref>/apply",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
        max_content_length=max_request_size,
    )
    def contest_apply(self, ref, **post):
        contest = self._contest(ref)
        # the files are read below from the request itself
        values = {key: value for key, value in post.items() if isinstance(value, str)}
        try:
            applications, email, name = self._submit(contest, values)
        except SubmissionRefused as refusal:
            return request.render(
                "vsms_regional.contest_website_page",
                self._page_values(contest, values, refusal.errors),
                status=refusal.status,
            )
        return request.render(
            "vsms_regional.contest_website_thanks",
            {
                "contest": contest,
                "numbers": applications.mapped("number"),
                "email": email,
                "name": name,
            },
        )

    def _submit(self, contest, values):
        """Check and save one submission; returns (applications, e-mail,
        name) or raises SubmissionRefused."""
        today = self._today(contest)
        if not contest._vsms_accepts_on(today):
            raise SubmissionRefused(
                {
                    "form": request.env._(
                        "«%(contest)s» accepts applications from %(open)s to "
                        "%(close)s; today (%(today)s) it does not.",
                        contest=contest.name,
                        open=format_date(request.env, contest.date_open) or "…",
                        close=format_date(request.env, contest.date_close) or "…",
                        today=format_date(request.env, today),
                    )
                },
                status=403,
            )
        max_bytes, rate = self._limits()
        address = request.httprequest.remote_addr or "unknown"
        Log = request.env["vsms.web.submission"].sudo()
        if Log._vsms_count_recent(FORM, address) >= rate:
            raise SubmissionRefused(
                {
                    "form": request.env._(
                        "Too many applications have come from your address "
                        "(%(address)s) within the last hour (at most %(limit)s). "
                        "Please try again later.",
                        address=address,
                        limit=rate,
                    )
                },
                status=429,
            )
        # every attempt counts against the limit, the refused ones too
        Log._vsms_log(FORM, address)
        try:
            request.env["ir.http"]._verify_request_recaptcha_token(RECAPTCHA_ACTION)
        except (UserError, ValidationError) as error:
            raise SubmissionRefused({"form": str(error)}, status=403) from error

        errors = {}
        person = self._check_person(values, errors)
        nomination = self._check_nomination(contest, values, errors)
        text = self._check_consent(values, errors)
        files = self._check_files(contest, max_bytes, errors)
        pupils = []
        if contest.kind == "olympiad":
            pupils = self._check_pupils(values, errors)
            if not values.get("consent_pupils"):
                errors["consent_pupils"] = request.env._(
                    "Confirm that the pupils' parents or legal representatives "
                    "have agreed to the processing of the pupils' personal data."
                )
        if errors:
            raise SubmissionRefused(errors)
        try:
            with request.env.cr.savepoint():
                applications = self._save(
                    contest, person, nomination, text, files, pupils
                )
        except (UserError, ValidationError) as error:
            raise SubmissionRefused({"form": str(error)}) from error
        return applications, person["email"], person["name"]

    # --- checks of what was sent (each adds its messages to ``errors``) ---
    def _check_person(self, values, errors):
        name = " ".join((values.get("name") or "").split())
        if len(name.split()) < 2 or len(name) > MAX_TEXT:
            errors["name"] = request.env._(
                "Give the full name (last name, first name and patronymic): "
                "«%(name)s» is not one.",
                name=name,
            )
        raw_email = (values.get("email") or "").strip()
        email = email_normalize(raw_email)
        if not email:
            errors["email"] = request.env._(
                "«%(email)s» is not an e-mail address.", email=raw_email
            )
        phone = (values.get("phone") or "").strip()
        if phone and not PHONE.match(phone):
            errors["phone"] = request.env._(
                "«%(phone)s» is not a phone number.", phone=phone
            )
        organization = " ".join((values.get("organization") or "").split())
        if len(organization) > MAX_TEXT:
            errors["organization"] = request.env._(
                "The organisation's name is too long."
            )
        municipality = self._record_of(
            "vsms.municipality", values.get("municipality_id")
        )
        if not municipality:
            errors["municipality_id"] = request.env._("Choose the municipality.")
        return {
            "name": name,
            "email": email,
            "phone": phone,
            "organization": organization,
            "municipality": municipality,
        }

    def _record_of(self, model, value):
        """The record of ``model`` whose id is ``value`` (a string), if any."""
        try:
            record_id = int(value or 0)
        except ValueError:
            return request.env[model].sudo().browse()
        return request.env[model].sudo().search([("id", "=", record_id)], limit=1)

    def _check_nomination(self, contest, values, errors):
        nominations = contest.nomination_ids
        nomination = self._record_of(
            "vsms.contest.nomination", values.get("nomination_id")
        )
        if nomination and nomination not in nominations:
            nomination = nomination.browse()
        if (
            not nomination
            and nominations
            and (contest.kind == "contest" or values.get("nomination_id"))
        ):
            errors["nomination_id"] = request.env._("Choose the nomination.")
        return nomination

    def _check_consent(self, values, errors):
        text = self._consent_text()
        if not values.get("consent"):
            errors["consent"] = request.env._(
                "Without the consent to the processing of personal data the "
                "application cannot be accepted: tick the box under its text."
            )
        elif not text or values.get("consent_text_id") != str(text.id):
            errors["consent"] = request.env._(
                "The text of the consent has changed since the page was opened: "
                "read it again and tick the box."
            )
        return text

    def _check_files(self, contest, max_bytes, errors):
        """The documents sent, as (name, kind, content); checks type, content
        and size of each."""
        sent = [
            upload
            for upload in request.httprequest.files.getlist("documents")
            if upload.filename
        ]
        if len(sent) > MAX_FILES:
            errors["documents"] = request.env._(
                "At most %(count)s documents can be attached.", count=MAX_FILES
            )
            return []
        if not sent and contest.website_documents and contest.kind == "contest":
            errors["documents"] = request.env._(
                "Attach the documents the regulations ask for."
            )
            return []
        reasons = {
            "empty": request.env._("«%(file)s» is empty."),
            "size": request.env._("«%(file)s» is larger than %(mb)s MB."),
            "extension": request.env._(
                "«%(file)s»: only PDF, JPG and DOCX documents are accepted "
                "(%(allowed)s)."
            ),
            "type": request.env._(
                "«%(file)s»: the file's type does not match its name."
            ),
            "content": request.env._(
                "«%(file)s» is not really a %(kind)s document: its content does "
                "not match its name."
            ),
        }
        files, problems = [], []
        for upload in sent:
            name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1][:MAX_TEXT]
            data = upload.stream.read(max_bytes + 1)
            upload.stream.seek(0)
            try:
                kind = uploads.check_upload(name, upload.mimetype, data, max_bytes)
            except uploads.UploadRefused as refusal:
                problems.append(
                    reasons[refusal.reason]
                    % {
                        "file": name,
                        "mb": max_bytes // (1024 * 1024),
                        "allowed": uploads.ALLOWED_EXTENSIONS,
                        "kind": (uploads.kind_of_extension(name) or "").upper(),
                    }
                )
                continue
            files.append((name, kind, data))
        if problems:
            errors["documents"] = " ".join(problems)
        return files

    def _check_pupils(self, values, errors):
        """The pupils of a teacher's olympiad form: (name, birth date, grade)."""
        pupils, problems, seen = [], [], set()
        today = fields.Date.context_today(request.env.user)
        for row in range(PUPIL_ROWS):
            name = " ".join((values.get(f"pupil_name_{row}") or "").split())
            born = (values.get(f"pupil_birthdate_{row}") or "").strip()
            grade = (values.get(f"pupil_grade_{row}") or "").strip()
            if not (name or born or grade):
                continue
            label = name or request.env._("row %(row)s", row=row + 1)
            if len(name.split()) < 2 or len(name) > MAX_TEXT:
                problems.append(
                    request.env._("%(pupil)s: give the pupil's full name.", pupil=label)
                )
            elif name.lower() in seen:
                problems.append(
                    request.env._("%(pupil)s is listed twice.", pupil=label)
                )
            seen.add(name.lower())
            try:
                birthdate = fields.Date.to_date(born)
            except ValueError:
                birthdate = None
            if not birthdate or not (
                today - relativedelta(years=25)
                <= birthdate
                <= today - relativedelta(years=5)
            ):
                problems.append(
                    request.env._(
                        "%(pupil)s: «%(date)s» is not a pupil's birth date.",
                        pupil=label,
                        date=born,
                    )
                )
            if not grade.isdigit() or not 1 <= int(grade) <= 11:
                problems.append(
                    request.env._(
                        "%(pupil)s: the grade must lie between 1 and 11 (%(grade)s).",
                        pupil=label,
                        grade=grade,
                    )
                )
            pupils.append((name, birthdate, int(grade) if grade.isdigit() else 0))
        if not pupils:
            problems.append(request.env._("List at least one pupil."))
        if problems:
            errors["pupils"] = " ".join(problems)
        return pupils

    # --- saving ---
    def _save(self, contest, person, nomination, text, files, pupils):
        """Match the applicant (or teacher), make the applications, record
        the consents, attach the documents, notify staff and the applicant."""
        env = request.env
        Application = env["vsms.contest.application"].sudo()
        Consent = env["vsms.consent"].sudo()
        who = Application._vsms_match_applicant(
            {
                "applicant_name": person["name"],
                "applicant_email": person["email"],
                "applicant_phone": person["phone"],
                "municipality_id": person["municipality"].id,
            }
        )
        common = {
            "contest_id": contest.id,
            "nomination_id": nomination.id or False,
            "municipality_id": person["municipality"].id,
            "organization": person["organization"] or False,
            "source": "website",
            "state": "submitted",
        }
        if contest.kind == "olympiad":
            vals_list = self._pupil_vals(contest, person, pupils, nomination, common)
        else:
            if self._has_twin(contest, who, nomination):
                raise SubmissionRefused(
                    {
                        "form": env._(
                            "You have already applied to «%(contest)s» in the "
                            "nomination «%(nomination)s»: one application per "
                            "person and nomination.",
                            contest=contest.name,
                            nomination=nomination.name or "—",
                        )
                    }
                )
            vals_list = [
                {
                    **common,
                    "partner_id": who.id,
                    "applicant_name": person["name"],
                    "applicant_email": person["email"],
                    "applicant_phone": person["phone"] or False,
                }
            ]
        applications = Application.create(vals_list)
        Consent._vsms_record_online(who, "processing", text=text, source="website")
        if contest.kind == "olympiad":
            note = env._(
                "Given on the website by the teacher %(teacher)s for the pupil, "
                "on behalf of the parents or legal representatives.",
                teacher=person["name"],
            )
            for application in applications:
                Consent._vsms_record_online(
                    application.partner_id,
                    "processing",
                    text=text,
                    guardian=who,
                    relation="other",
                    source="website",
                    note=note,
                )
        self._attach(applications, files)
        self._notify_staff(contest, who, applications, files)
        self._confirm(contest, person, applications)
        return applications

    def _has_twin(self, contest, who, nomination):
        """Whether ``who`` has applied already (one per nomination)."""
        return bool(
            request.env["vsms.contest.application"]
            .sudo()
            .search_count(
                [
                    ("contest_id", "=", contest.id),
                    ("partner_id", "=", who.id),
                    ("nomination_id", "=", nomination.id or False),
                    ("state", "!=", "withdrawn"),
                ],
                limit=1,
            )
        )

    def _pupil_vals(self, contest, person, pupils, nomination, common):
        """One application per pupil; all or nothing (one create)."""
        env = request.env
        Application = env["vsms.contest.application"].sudo()
        school = (
            env["res.partner"]
            .sudo()
            .search(
                [
                    ("is_company", "=", True),
                    ("name", "=ilike", person["organization"]),
                ],
                limit=1,
            )
            if person["organization"]
            else env["res.partner"]
        )
        vals_list, problems = [], []
        for name, birthdate, grade in pupils:
            pupil = Application._vsms_match_applicant(
                {
                    "applicant_name": name,
                    "municipality_id": person["municipality"].id,
                    "birthdate": birthdate,
                }
            )
            if pupil.birthdate_date and pupil.birthdate_date != birthdate:
                problems.append(
                    env._(
                        "%(pupil)s: the birth date %(date)s differs from the one "
                        "the branch has; please contact the branch.",
                        pupil=name,
                        date=format_date(env, birthdate),
                    )
                )
                continue
            if self._has_twin(contest, pupil, nomination):
                problems.append(
                    env._(
                        "%(pupil)s is already registered for «%(contest)s».",
                        pupil=name,
                        contest=contest.name,
                    )
                )
                continue
            vals_list.append(
                {
                    **common,
                    "partner_id": pupil.id,
                    "applicant_name": name,
                    "grade": grade,
                    "school_id": school.id or False,
                    "teacher": person["name"],
                    "applicant_email": person["email"],
                    "applicant_phone": person["phone"] or False,
                }
            )
        if problems:
            raise SubmissionRefused({"pupils": " ".join(problems)})
        return vals_list

    def _attach(self, applications, files):
        Attachment = request.env["ir.attachment"].sudo()
        for application in applications:
            attachments = Attachment.create(
                [
                    {
                        "name": name,
                        "raw": data,
                        "res_model": application._name,
                        "res_id": application.id,
                    }
                    for name, _kind, data in files
                ]
            )
            if attachments:
                application.attachment_ids = [
                    fields.Command.link(att.id) for att in attachments
                ]

    def _mail_env(self, contest):
        """Mails and notes are in Russian when Russian is installed."""
        lang = "ru_RU" if request.env["res.lang"]._lang_get("ru_RU") else None
        return contest.with_context(lang=lang or request.env.lang).env

    def _notify_staff(self, contest, who, applications, files):
        """A message on the contest: its followers (staff) are notified."""
        env = self._mail_env(contest)
        numbers = ", ".join(applications.mapped("number"))
        if contest.kind == "olympiad":
            body = env._(
                "Registration from the website: the teacher %(teacher)s registered "
                "%(count)s pupil(s) (applications %(numbers)s).",
                teacher=who.name,
                count=len(applications),
                numbers=numbers,
            )
        else:
            body = env._(
                "Application %(numbers)s from the website: %(person)s, "
                "%(documents)s document(s).",
                numbers=numbers,
                person=who.name,
                documents=len(files),
            )
        contest.with_env(env).sudo().message_post(
            body=Markup("<p>%s</p>") % body,
            subject=env._("Online application to «%(contest)s»", contest=contest.name),
            author_id=who.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _confirm(self, contest, person, applications):
        """The confirmation e-mail with the numbers, queued."""
        env = self._mail_env(contest)
        body = env["ir.qweb"]._render(
            "vsms_regional.contest_application_mail",
            {
                "contest": contest.with_env(env),
                "applications": applications.with_env(env),
                "name": person["name"],
                "date_close": format_date(env, contest.date_close),
                "date_results": format_date(env, contest.date_results),
            },
        )
        company = contest.company_id
        email_from = (
            company.email_formatted
            or env["ir.mail_server"].sudo()._get_default_from_address()
        )
        env["mail.mail"].sudo().create(
            {
                "subject": env._(
                    "Your application to «%(contest)s»: № %(numbers)s",
                    contest=contest.name,
                    numbers=", ".join(applications.mapped("number")),
                ),
                "body_html": body,
                "email_from": email_from,
                "email_to": formataddr((person["name"], person["email"])),
                "model": applications._name,
                "res_id": applications[:1].id,
                "auto_delete": False,
            }
        )
