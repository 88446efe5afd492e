from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common_contests import VsmsContestCommon


@tagged("post_install", "-at_install")
class TestContestSecurity(VsmsContestCommon):
    """Who sees and marks what: staff everything; a juror only their
    contests, admitted applications without a conflict and their own marks
    until the results are final; other users nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contest_a = cls.make_contest(name="Конкурс А")
        cls.seat_jury(cls.contest_a)
        cls.contest_b = cls.make_contest(name="Конкурс Б")
        cls.seat(cls.contest_b, cls.user_other_jury, "chair")
        for contest in cls.contest_a | cls.contest_b:
            contest.action_open()
        cls.app1 = cls.apply(cls.contest_a, "Первый Пётр Ильич")
        cls.app2 = cls.apply(cls.contest_a, "Второй Пётр Ильич")
        cls.pending = cls.apply(cls.contest_a, "Ждущий Пётр Ильич")
        cls.app_b = cls.apply(cls.contest_b, "Чужой Пётр Ильич")
        (cls.app1 | cls.app2).action_admit()
        cls.app_b.action_admit()
        cls.pending.action_reject("Не по номинации")
        cls.j3 = cls.contest_a.juror_ids.filtered(lambda j: j.user_id == cls.user_j3)
        cls.j3.conflict_application_ids = cls.app2
        cls.contest_a.action_start_judging()
        cls.contest_b.action_start_judging()

    def test_juror_sees_only_their_contests(self):
        Contest = self.Contest.with_user(self.user_j2)
        self.assertEqual(Contest.search([]), self.contest_a)
        with self.assertRaises(AccessError):
            self.contest_b.with_user(self.user_j2).read(["name"])
        self.assertEqual(
            self.Application.with_user(self.user_j2).search([]), self.app1 | self.app2
        )
        with self.assertRaises(AccessError):
            self.app_b.with_user(self.user_j2).read(["display_label"])
        # criteria, nominations and the panel of their contest only
        self.assertEqual(
            self.env["vsms.contest.criterion"].with_user(self.user_j2).search([]),
            self.contest_a.criterion_ids,
        )
        self.assertEqual(
            self.Juror.with_user(self.user_j2).search([]), self.contest_a.juror_ids
        )

    def test_juror_sees_only_admitted_and_not_conflicted(self):
        apps = self.Application.with_user(self.user_j3).search([])
        self.assertEqual(apps, self.app1, "not the conflict, not the rejected one")
        with self.assertRaises(AccessError):
            self.app2.with_user(self.user_j3).read(["display_label"])
        with self.assertRaises(AccessError):
            self.pending.with_user(self.user_j2).read(["display_label"])

    def test_juror_reads_and_writes_only_own_marks(self):
        self.contest_a.criterion_ids[0].description = "Число проведённых сходов"
        mine = self.Score.with_user(self.user_j2).search([])
        self.assertEqual(mine.juror_user_id, self.user_j2)
        self.assertEqual(len(mine), 4)
        self.assertIn("Число проведённых сходов", mine.mapped("criterion_description"))
        others = self.Score.search(
            [
                ("juror_user_id", "=", self.user_chair.id),
                ("contest_id", "=", self.contest_a.id),
            ]
        )
        with self.assertRaises(AccessError):
            others.with_user(self.user_j2).read(["value"])
        with self.assertRaises(AccessError):
            others[:1].with_user(self.user_j2).write({"value": 1})
        self.assertFalse(others[:1].is_marked)
        # the application's marks are the juror's own only
        self.assertEqual(
            self.app1.with_user(self.user_j2).score_ids.juror_user_id, self.user_j2
        )
        self.assertEqual(
            self.app1.with_user(self.user_j2).my_score_ids.juror_user_id, self.user_j2
        )
        # after the final results, every mark of their contest
        for app in self.app1 | self.app2:
            self.mark_all(app, 5, 5, users=(self.user_chair, self.user_j2))
        self.mark(self.user_j3, self.app1, 5, 5)
        self.contest_a.action_done()
        self.assertEqual(
            len(self.Score.with_user(self.user_j2).search([])),
            len(self.Score.search([("contest_id", "=", self.contest_a.id)])),
        )

    def test_juror_marks_through_the_application(self):
        line = self.app1.with_user(self.user_j2).my_score_ids[:1]
        self.app1.with_user(self.user_j2).write(
            {"my_score_ids": [(1, line.id, {"value": 4, "comment": "Хорошо"})]}
        )
        self.assertEqual((line.value, line.is_marked), (4, True))
        with self.assertRaisesText(AccessError, "only give or change their own marks"):
            self.app1.with_user(self.user_j2).write({"my_score_ids": [(2, line.id)]})
        with self.assertRaisesText(AccessError, "only mark them"):
            self.app1.with_user(self.user_j2).write({"nomination_id": False})

    def test_conflicted_juror_cannot_mark(self):
        chair = self.contest_a.juror_ids.filtered(lambda j: j.role == "chair")
        line = self.Score.search(
            [("juror_id", "=", chair.id), ("application_id", "=", self.app2.id)],
            limit=1,
        )
        line.with_user(self.user_chair).write({"value": 3})
        # the chair declares a conflict after marking: the line stays but is
        # out of reach
        self.app2.with_user(self.user_chair).action_declare_conflict()
        with self.assertRaises(AccessError):
            line.with_user(self.user_chair).write({"value": 4})
        with self.assertRaisesText(UserError, "declared a conflict of interest"):
            line.with_user(self.user_staff).write({"value": 4})
        self.assertEqual(line.value, 3)
        # the unmarked lines of the conflict are gone
        self.assertEqual(
            self.Score.search_count(
                [("juror_id", "=", chair.id), ("application_id", "=", self.app2.id)]
            ),
            1,
        )

    def test_juror_never_sees_applicants_contact_data(self):
        as_juror = self.app1.with_user(self.user_j2)
        self.assertEqual(as_juror.display_label, "Первый Пётр Ильич")
        for field in (
            "partner_id",
            "municipality_id",
            "organization",
            "rejection_reason",
        ):
            with self.assertRaises(AccessError):
                as_juror.read([field])
        self.assertTrue(as_juror.read(["display_label", "score", "attachment_ids"]))

    def test_juror_only_declares_own_conflicts(self):
        j2 = self.contest_a.juror_ids.filtered(lambda j: j.user_id == self.user_j2)
        j2.with_user(self.user_j2).write(
            {"conflict_application_ids": [(4, self.app1.id)]}
        )
        self.assertIn(self.app1, j2.conflict_application_ids)
        with self.assertRaises(AccessError):
            j2.with_user(self.user_j2).write({"role": "chair"})
        with self.assertRaises(AccessError):
            self.j3.with_user(self.user_j2).write({"conflict_application_ids": [(5,)]})

    def test_juror_cannot_run_the_contest(self):
        with self.assertRaises(AccessError):
            self.contest_a.with_user(self.user_chair).write({"name": "Другой"})
        with self.assertRaises(AccessError):
            self.contest_a.with_user(self.user_chair).action_done()
        with self.assertRaises(AccessError):
            self.Application.with_user(self.user_chair).create(
                {"contest_id": self.contest_a.id, "applicant_name": "Свой Ян Ильич"}
            )
        with self.assertRaises(AccessError):
            self.Score.with_user(self.user_chair).create(
                {
                    "application_id": self.app1.id,
                    "juror_id": self.contest_a.juror_ids[0].id,
                    "criterion_id": self.contest_a.criterion_ids[0].id,
                }
            )

    def test_staff_see_everything(self):
        Contest = self.Contest.with_user(self.user_staff)
        self.assertEqual(
            Contest.search([("id", "in", (self.contest_a | self.contest_b).ids)]),
            self.contest_a | self.contest_b,
        )
        apps = self.Application.with_user(self.user_staff).search(
            [("contest_id", "=", self.contest_a.id)]
        )
        self.assertEqual(apps, self.app1 | self.app2 | self.pending)
        self.assertIn("Первый Пётр Ильич", apps.partner_id.mapped("name"))
        self.assertEqual(
            self.Score.with_user(self.user_staff).search_count(
                [("contest_id", "=", self.contest_a.id)]
            ),
            # 3 jurors × 2 applications × 2 criteria, minus j3's conflict
            10,
        )
        self.assertEqual(self.contest_a.with_user(self.user_staff).mark_total, 10)

    def test_outsider_sees_nothing(self):
        for model in (
            "vsms.contest",
            "vsms.contest.application",
            "vsms.contest.score",
            "vsms.contest.juror",
            "vsms.contest.appeal",
            "vsms.contest.criterion",
            "vsms.contest.nomination",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_outsider).search([])
        # the contact form of an outsider still works (no ВСМС fields read)
        partner = self.app1.partner_id.with_user(self.user_outsider)
        self.assertTrue(partner.read(["name", "display_name"]))

    def test_outsider_edits_an_applicants_contact(self):
        """Core compatibility: a colleague outside ВСМС renames, copies and
        opens the contact of an applicant (whose label jurors see)."""
        colleague = new_test_user(
            self.env,
            login="contest_colleague",
            groups="base.group_user,base.group_partner_manager",
        )
        partner = self.app1.partner_id.with_user(colleague)
        with Form(partner) as form:
            form.name = "Первый Павел Ильич"
        self.assertEqual(self.app1.display_label, "Первый Павел Ильич")
        copy = partner.copy()
        self.assertFalse(copy.sudo().vsms_contest_application_ids)
        self.assertTrue(partner.read(["name", "email", "phone"]))
        with self.assertRaises(AccessError):
            partner.read(["vsms_contest_application_ids"])

    def test_juror_reads_the_documents(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "Отчёт ТОС.pdf",
                "raw": b"%PDF-1.4 report",
                "res_model": "vsms.contest.application",
                "res_id": self.app1.id,
            }
        )
        self.app1.attachment_ids = attachment
        docs = self.app1.with_user(self.user_j2).attachment_ids
        self.assertEqual(docs.raw, b"%PDF-1.4 report")
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_other_jury).read(["raw"])

    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Другое отделение"})
        contest_c = self.Contest.create(
            {"name": "Конкурс В", "company_id": other_company.id}
        )
        self.assertNotIn(contest_c, self.Contest.with_user(self.user_staff).search([]))
