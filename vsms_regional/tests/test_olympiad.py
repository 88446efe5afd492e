import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_contests import VsmsContestCommon

# (last name, grade, task 1, task 2): score = task 1 + 2 × task 2, max 20
PUPILS = [
    ("Алексеев", 10, 6, 5),  # 16
    ("Борисов", 10, 5, 2),  # 9
    ("Васильев", 10, 4, 2),  # 8
    ("Григорьев", 10, 2, 1),  # 4
    ("Дмитриев", 11, 8, 5),  # 18
    ("Егоров", 11, 5, 5),  # 15
    ("Жуков", 11, 5, 5),  # 15
    ("Зуев", 11, 4, 4),  # 12
    ("Ильин", 11, 4, 2),  # 8
    ("Котов", 11, 2, 2),  # 6
    ("Лукин", 11, 2, 1),  # 4
]


@tagged("post_install", "-at_install")
class TestOlympiad(VsmsContestCommon):
    """The school olympiad: pupils, guardians' consents, blind codes, results
    by grade with the quota, ties at its edge, appeals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.partner"].create(
            {"name": "МБОУ «Средняя школа № 1» г. Смоленска", "is_company": True}
        )
        cls.olympiad = cls.make_contest(
            kind="olympiad",
            nominations=(),
            name="Олимпиада по основам местного самоуправления",
            date_open="2021-03-01",
        )
        cls.seat_jury(cls.olympiad)
        today = fields.Date.context_today(cls.olympiad)
        cls.minor_birthdate = today - timedelta(days=16 * 366)
        cls.pupils = cls.env["res.partner"]
        for last, _grade, _t1, _t2 in PUPILS:
            cls.pupils |= cls.make_person(
                last, "Иван", "Петрович", birthdate_date=cls.minor_birthdate
            )
        cls.mother = cls.make_person("Алексеева", "Мария", "Ивановна")

    def consent_for(self, pupil):
        return self.env["vsms.consent"].create(
            {
                "partner_id": pupil.id,
                "kind": "processing",
                "date_given": "2021-03-01",
                "guardian_partner_id": self.mother.id,
                "guardian_relation": "mother",
            }
        )

    def register_all(self):
        self.olympiad.write({"date_open": False, "date_results": "2021-04-20"})
        self.olympiad.action_open()
        apps = self.Application.browse()
        for pupil, (_last, grade, _t1, _t2) in zip(self.pupils, PUPILS, strict=True):
            self.consent_for(pupil)
            apps |= self.Application.with_user(self.user_staff).create(
                {
                    "contest_id": self.olympiad.id,
                    "partner_id": pupil.id,
                    "school_id": self.school.id,
                    "grade": grade,
                    "teacher": "Сергеева Ольга Ивановна",
                }
            )
        apps.with_user(self.user_staff).action_admit()
        self.olympiad.with_user(self.user_staff).action_start_judging()
        return apps.with_env(self.env)

    def pick(self, by_name, *names):
        records = self.Application.browse()
        for name in names:
            records |= by_name[name]
        return records

    def mark_pupils(self, apps):
        for app, (_last, _grade, task1, task2) in zip(apps, PUPILS, strict=True):
            self.mark_all(app, task1, task2)

    def test_minor_needs_a_guardians_consent(self):
        self.olympiad.write({"date_open": False})
        self.olympiad.action_open()
        pupil = self.pupils[0]
        app = self.Application.create(
            {
                "contest_id": self.olympiad.id,
                "partner_id": pupil.id,
                "school_id": self.school.id,
                "grade": 10,
            }
        )
        self.assertTrue(app.is_minor)
        with self.assertRaisesText(UserError, "Алексеев Иван Петрович is under 18"):
            app.action_admit()
        self.assertEqual(app.state, "submitted")
        self.assertFalse(app.code)
        # the pupil's own consent is not enough: a parent or guardian gives it
        self.give_consent(pupil, "processing")
        with self.assertRaisesText(UserError, "parent or guardian"):
            app.action_admit()
        consent = self.consent_for(pupil)
        app.invalidate_recordset()
        self.assertEqual(app.guardian_consent_id, consent)
        app.action_admit()
        self.assertEqual(app.state, "admitted")
        self.assertTrue(re.fullmatch(r"ОЛ-\d\d-\d{3}", app.code), app.code)
        with self.assertRaisesText(UserError, "who gave it"):
            consent.guardian_partner_id = self.head

    def test_adult_needs_no_guardian_and_pupil_data_required(self):
        self.olympiad.write({"date_open": False})
        self.olympiad.action_open()
        adult = self.make_person(
            "Взрослый", "Пётр", "Ильич", birthdate_date="2000-01-01"
        )
        app = self.Application.create(
            {"contest_id": self.olympiad.id, "partner_id": adult.id, "grade": 11}
        )
        with self.assertRaisesText(UserError, "fill in School"):
            app.action_admit()
        app.school_id = self.school
        app.action_admit()
        self.assertEqual(app.state, "admitted")
        with self.assertRaisesText(ValidationError, "between 1 and 11 (12)"):
            app.grade = 12

    def test_codes_unique_and_blind_for_jurors(self):
        apps = self.register_all()
        codes = apps.mapped("code")
        self.assertEqual(len(set(codes)), len(apps))
        self.assertTrue(all(re.fullmatch(r"ОЛ-21-\d{3}", code) for code in codes))
        as_juror = apps[0].with_user(self.user_j2)
        self.assertEqual(as_juror.display_label, apps[0].code)
        self.assertEqual(as_juror.display_name, apps[0].code)
        for field in ("partner_id", "school_id", "grade", "applicant_name"):
            with self.assertRaises(AccessError):
                as_juror.read([field])
        # nobody finds a work by the pupil's name
        found = self.Application.with_user(self.user_j2).name_search("Алексеев")
        self.assertFalse(found)
        found = self.Application.with_user(self.user_j2).name_search(apps[0].code)
        self.assertEqual([row[0] for row in found], [apps[0].id])
        # staff see both
        self.assertIn("Алексеев", apps[0].with_user(self.user_staff).display_name)

    def test_results_by_grade_quota_and_edge_tie(self):
        apps = self.register_all()
        self.mark_pupils(apps)
        by_name = dict(zip([p[0] for p in PUPILS], apps, strict=True))
        self.assertEqual(self.olympiad.max_score, 20)
        # grade 10: 4 pupils → quota 1; grade 11: 7 pupils → quota 2
        self.assertRecordValues(
            self.pick(by_name, "Алексеев", "Борисов", "Дмитриев", "Егоров", "Зуев"),
            [
                {"score": 16, "rank": 1, "result": "winner", "result_tie": False},
                {"score": 9, "rank": 2, "result": "participant", "result_tie": False},
                {"score": 18, "rank": 1, "result": "winner", "result_tie": False},
                {"score": 15, "rank": 2, "result": "participant", "result_tie": True},
                {"score": 12, "rank": 4, "result": "participant", "result_tie": False},
            ],
        )
        self.assertTrue(by_name["Жуков"].result_tie)
        # the jury decides the edge tie by hand: the chair, or staff
        with self.assertRaisesText(AccessError, "Only the chair"):
            by_name["Егоров"].with_user(self.user_j2).write({"result": "prize"})
        with self.assertRaisesText(UserError, "is computed"):
            by_name["Зуев"].with_user(self.user_chair).write({"result": "prize"})
        by_name["Егоров"].with_user(self.user_chair).write({"result": "prize"})
        self.assertEqual(by_name["Егоров"].result, "prize")
        self.assertEqual(by_name["Жуков"].result, "participant")
        # a recomputation keeps the jury's decision
        self.olympiad.action_recompute_results()
        self.assertEqual(by_name["Егоров"].result, "prize")
        # ranking everybody together: 11 pupils → quota 3
        self.olympiad.rank_by_grade = False
        self.assertRecordValues(
            self.pick(by_name, "Дмитриев", "Алексеев", "Егоров", "Жуков"),
            [
                {"rank": 1, "result": "winner", "result_tie": False},
                {"rank": 2, "result": "prize", "result_tie": False},
                {"rank": 3, "result": "participant", "result_tie": True},
                {"rank": 3, "result": "participant", "result_tie": True},
            ],
        )
        self.olympiad.rank_by_grade = True
        by_name["Егоров"].with_user(self.user_staff).write({"result": "prize"})
        self.olympiad.action_done()
        self.assertEqual(self.olympiad.state, "done")
        # results final: jurors now see names
        self.assertEqual(
            by_name["Егоров"].with_user(self.user_j2).display_label,
            "Егоров Иван Петрович",
        )
        winners = self.olympiad._vsms_prize_winners()
        self.assertEqual(
            set(winners.mapped("partner_id.vsms_last_name")),
            {"Алексеев", "Дмитриев", "Егоров"},
        )

    def test_appeal_upheld_changes_marks_and_ranking(self):
        apps = self.register_all()
        self.mark_pupils(apps)
        zuev = apps[7]
        self.olympiad.action_publish_results()
        self.assertTrue(self.olympiad.results_published)
        # after the preliminary results, marks are locked …
        with self.assertRaisesText(UserError, "only after an upheld appeal"):
            self.mark(self.user_j2, zuev, 8, 4)
        appeal = self.Appeal.with_user(self.user_staff).create(
            {"application_id": zuev.id, "reason": "Задание 1 оценено не полностью"}
        )
        self.assertEqual(appeal.score_before, 12)
        with self.assertRaisesText(UserError, "decide the open appeals first"):
            self.olympiad.action_done()
        with self.assertRaisesText(ValidationError, "write the jury's decision"):
            appeal.with_user(self.user_chair).action_uphold()
        with self.assertRaisesText(AccessError, "Only the chair"):
            appeal.with_user(self.user_j2).action_uphold("Пересмотрено")
        appeal.with_user(self.user_chair).action_uphold(
            "Задание 1 пересмотрено: +4 балла"
        )
        self.assertEqual(appeal.state, "upheld")
        self.assertEqual(appeal.decided_by_id, self.user_chair)
        # … except on the application with an upheld appeal
        self.mark_all(zuev, 8, 4)  # 16
        self.assertEqual(zuev.score, 16)
        self.assertEqual(zuev.rank, 2)
        self.assertEqual(zuev.result, "prize")
        # the 15s are now below the quota: no tie to decide any more
        self.assertFalse(apps[5].result_tie)
        self.assertEqual(apps[5].rank, 3)
        with self.assertRaisesText(UserError, "only after an upheld appeal"):
            self.mark(self.user_j2, apps[6], 8, 4)
        self.olympiad.action_done()
        data = self.olympiad._vsms_protocol_data()
        self.assertEqual(data["appeals"], appeal)
        self.assertEqual(len(data["nominations"]), 2, "grades 10 and 11")
        task1 = self.olympiad.criterion_ids[0]
        self.assertEqual(data["means"][zuev.id, task1.id], 8)
        with self.assertRaisesText(UserError, "final"):
            appeal.write({"decision_note": "иначе"})

    def test_appeal_rejected(self):
        apps = self.register_all()
        self.mark_pupils(apps)
        appeal = self.Appeal.create(
            {"application_id": apps[1].id, "reason": "Не согласен"}
        )
        appeal.action_reject("Оценки подтверждены")
        self.assertEqual(appeal.state, "rejected")
        with self.assertRaisesText(UserError, "cannot be decided"):
            appeal.action_uphold("Передумали")
        with self.assertRaisesText(UserError, "through its buttons"):
            appeal.write({"state": "open"})
