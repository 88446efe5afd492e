from odoo.tests import new_test_user

from .common import VsmsContactCommon


class VsmsContestCommon(VsmsContactCommon):
    """A jury of three (chair, two members) and a secretary, a juror of
    another contest, and helpers to run a contest to judging and mark it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contest = cls.env["vsms.contest"]
        cls.Application = cls.env["vsms.contest.application"]
        cls.Score = cls.env["vsms.contest.score"]
        cls.Juror = cls.env["vsms.contest.juror"]
        cls.Appeal = cls.env["vsms.contest.appeal"]
        jury = "vsms_regional.group_vsms_jury"
        cls.user_chair = new_test_user(
            cls.env, login="jury_chair", name="Орлова Вера Петровна", groups=jury
        )
        cls.user_j2 = new_test_user(
            cls.env, login="jury_two", name="Гусев Илья Андреевич", groups=jury
        )
        cls.user_j3 = new_test_user(
            cls.env, login="jury_three", name="Титова Нина Олеговна", groups=jury
        )
        cls.user_secretary = new_test_user(
            cls.env, login="jury_secretary", name="Фомина Ада Ивановна", groups=jury
        )
        cls.user_other_jury = new_test_user(
            cls.env, login="jury_other", name="Ершов Лев Лукич", groups=jury
        )

    @classmethod
    def make_contest(
        cls, kind="contest", nominations=("Лучший председатель ТОС",), **vals
    ):
        contest = cls.Contest.with_user(cls.user_staff).create(
            {
                "name": f"Конкурс {len(cls.Contest.search([])) + 1}",
                "kind": kind,
                "nomination_ids": [
                    (0, 0, {"name": name, "sequence": i})
                    for i, name in enumerate(nominations)
                ],
                "criterion_ids": [
                    (0, 0, {"name": "Работа с жителями", "max_score": 10, "weight": 1}),
                    (0, 0, {"name": "Инициативы", "max_score": 5, "weight": 2}),
                ],
            }
            | vals
        )
        return contest.with_env(cls.env)

    @classmethod
    def seat(cls, contest, user, role="member", **vals):
        return cls.Juror.create(
            {"contest_id": contest.id, "user_id": user.id, "role": role} | vals
        )

    @classmethod
    def seat_jury(cls, contest):
        cls.seat(contest, cls.user_chair, "chair")
        cls.seat(contest, cls.user_j2)
        cls.seat(contest, cls.user_j3)
        cls.seat(contest, cls.user_secretary, "secretary")

    @classmethod
    def apply(cls, contest, name, nomination=None, **vals):
        nomination = (
            nomination if nomination is not None else contest.nomination_ids[:1]
        )
        return (
            cls.Application.with_user(cls.user_staff)
            .create(
                {
                    "contest_id": contest.id,
                    "nomination_id": nomination.id,
                    "applicant_name": name,
                }
                | vals
            )
            .with_env(cls.env)
        )

    def mark(self, user, application, *values):
        """``user`` marks ``application``: one value per criterion (order)."""
        lines = (
            self.Score.with_user(user)
            .search([("application_id", "=", application.id)])
            .sorted(lambda s: (s.criterion_id.sequence, s.criterion_id.id))
        )
        lines = lines.filtered(lambda s: s.juror_user_id == user)
        self.assertEqual(len(lines), len(values), "one value per criterion")
        for line, value in zip(lines, values, strict=True):
            line.write({"value": value})

    def mark_all(self, application, *values, users=None):
        for user in users or (self.user_chair, self.user_j2, self.user_j3):
            self.mark(user, application, *values)
