"""A contest and an olympiad being judged, for the tests of the contest
views, the mark import and the reports (no tests here)."""

from datetime import date, timedelta

from odoo.tests import new_test_user

from .common import VsmsContactCommon


class VsmsContestUiCommon(VsmsContactCommon):
    """«Лучший председатель ТОС» (two nominations, two criteria, a jury of a
    chair, a member and a secretary who does not mark) and a school olympiad
    (two tasks, grades 10 and 11), both judging, no mark given yet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contest = cls.env["vsms.contest"]
        cls.Application = cls.env["vsms.contest.application"]
        cls.Score = cls.env["vsms.contest.score"]
        cls.user_jury.name = "Сидоров Пётр Ильич"
        cls.user_chair = new_test_user(
            cls.env,
            login="vsms_jury_chair",
            name="Морозова Елена Викторовна",
            groups="vsms_regional.group_vsms_jury",
        )
        cls.user_jury_other = new_test_user(
            cls.env,
            login="vsms_jury_other",
            name="Громов Олег Иванович",
            groups="vsms_regional.group_vsms_jury",
        )
        today = date.today()
        cls.dates = {
            "date_open": today - timedelta(days=30),
            "date_close": today + timedelta(days=5),
            "date_results": today + timedelta(days=20),
        }
        cls.contest = cls.Contest.create(
            {
                "name": "Лучший председатель ТОС (тест)",
                "kind": "contest",
                "prize_places": 2,
                **cls.dates,
                "nomination_ids": [
                    (0, 0, {"name": "Лучший председатель ТОС", "sequence": 1}),
                    (0, 0, {"name": "Лучшая общественная инициатива", "sequence": 2}),
                ],
                "criterion_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Актуальность",
                            "description": "Насколько инициатива нужна жителям",
                            "max_score": 10,
                            "sequence": 1,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "Результативность",
                            "max_score": 5,
                            "weight": 2,
                            "sequence": 2,
                        },
                    ),
                ],
                "juror_ids": [
                    (0, 0, {"user_id": cls.user_chair.id, "role": "chair"}),
                    (0, 0, {"user_id": cls.user_jury.id, "role": "member"}),
                    (0, 0, {"user_id": cls.user_staff.id, "role": "secretary"}),
                ],
            }
        )
        cls.nom_chair, cls.nom_initiative = cls.contest.nomination_ids.sorted(
            "sequence"
        )
        cls.crit_topic, cls.crit_result = cls.contest.criterion_ids.sorted("sequence")
        cls.contest.action_open()
        cls.tos_a = cls.make_person(
            "Ковалёв", "Андрей", "Николаевич", vsms_municipality_id=cls.vyazma.id
        )
        cls.tos_b = cls.make_person(
            "Белкина", "Светлана", "Петровна", vsms_municipality_id=cls.safonovo.id
        )
        cls.tos_c = cls.make_person(
            "Новиков", "Игорь", "Сергеевич", vsms_municipality_id=cls.vyazma.id
        )
        cls.app_a, cls.app_b, cls.app_c = cls.Application.create(
            [
                {
                    "contest_id": cls.contest.id,
                    "nomination_id": nomination.id,
                    "partner_id": person.id,
                    "organization": organization,
                    "municipality_id": person.vsms_municipality_id.id,
                }
                for person, nomination, organization in (
                    (cls.tos_a, cls.nom_chair, "ТОС «Заднепровье»"),
                    (cls.tos_b, cls.nom_chair, "ТОС «Южный»"),
                    (cls.tos_c, cls.nom_initiative, "ТОС «Северный»"),
                )
            ]
        )
        (cls.app_a | cls.app_b | cls.app_c).action_admit()
        cls.contest.action_start_judging()

        cls.school = cls.env["res.partner"].create(
            {"name": "МБОУ «СШ № 1» г. Смоленска", "is_company": True}
        )
        cls.olympiad = cls.Contest.create(
            {
                "name": "Олимпиада по основам МСУ (тест)",
                "kind": "olympiad",
                "rank_by_grade": True,
                **cls.dates,
                "criterion_ids": [
                    (0, 0, {"name": "Задание 1", "max_score": 10, "sequence": 1}),
                    (0, 0, {"name": "Задание 2", "max_score": 10, "sequence": 2}),
                ],
                "juror_ids": [
                    (0, 0, {"user_id": cls.user_chair.id, "role": "chair"}),
                    (0, 0, {"user_id": cls.user_jury.id, "role": "member"}),
                ],
            }
        )
        cls.olympiad.action_open()
        cls.pupils = [
            cls.make_person("Орлова", "Дарья", "Игоревна"),
            cls.make_person("Титов", "Максим", "Андреевич"),
            cls.make_person("Егорова", "Полина", "Олеговна"),
        ]
        cls.works = cls.Application.create(
            [
                {
                    "contest_id": cls.olympiad.id,
                    "partner_id": pupil.id,
                    "school_id": cls.school.id,
                    "grade": 11,
                    "teacher": "Лебедева Н. В.",
                    "birthdate": "2006-05-01",
                }
                for pupil in cls.pupils
            ]
        )
        cls.works.action_admit()
        cls.olympiad.action_start_judging()

    @classmethod
    def mark(cls, application, user, *values):
        """``user`` (a juror) marks ``application``: one value per criterion,
        in the criteria's order (the first ones only, when fewer values)."""
        lines = application.score_ids.filtered(
            lambda s: s.juror_user_id == user
        ).sorted("criterion_sequence")
        for line, value in zip(lines[: len(values)], values, strict=True):
            line.with_user(user).value = value

    @classmethod
    def mark_all(cls, contest, table):
        """``table``: {application: {user: (values…)}}."""
        for application, by_user in table.items():
            for user, values in by_user.items():
                cls.mark(application, user, *values)
