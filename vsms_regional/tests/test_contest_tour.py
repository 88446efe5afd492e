"""Staff set up a contest, and a juror marks on «My Marks», in the browser."""

import base64
from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestContestTour(HttpCase):
    def test_contest_tour(self):
        new_test_user(
            self.env,
            login="vsms_tour_clerk",
            groups="vsms_regional.group_vsms_user",
            tz="Europe/Moscow",
        )
        juror = new_test_user(
            self.env,
            login="vsms_tour_juror",
            name="Тестов Жюри Петрович",
            groups="vsms_regional.group_vsms_jury",
            tz="Europe/Moscow",
        )
        contest = self.env.ref("vsms_regional.vsms_contest_2021_tos_city")
        self.assertEqual(contest.state, "draft")
        self.assertFalse(contest.criterion_ids)

        self.start_tour("/odoo", "vsms_contest_tour", login="vsms_tour_clerk")

        self.env.invalidate_all()
        self.assertEqual(contest.state, "open")
        self.assertEqual(
            contest.criterion_ids.mapped("name"), ["Актуальность инициативы"]
        )
        self.assertEqual(contest.criterion_ids.max_score, 10)
        self.assertEqual(contest.juror_ids.user_id, juror)

        # the applications come (today: the contest leaves its 2021 plan
        # period), staff admit them and start judging
        today = date.today()
        contest.write(
            {
                "vsms_plan_item_id": False,
                "vsms_occurrence_id": False,
                "date_open": today - timedelta(days=10),
                "date_close": today + timedelta(days=10),
                "date_results": today + timedelta(days=20),
            }
        )
        contest.criterion_ids = [
            (0, 0, {"name": "Значимость для жителей", "max_score": 5, "sequence": 20})
        ]
        nomination = contest.nomination_ids.sorted("sequence")[-1]
        applications = self.env["vsms.contest.application"].create(
            [
                {
                    "contest_id": contest.id,
                    "nomination_id": nomination.id,
                    "applicant_name": name,
                    "organization": organization,
                }
                for name, organization in (
                    # «My Marks» lists Белкина first (by name)
                    ("Белкина Светлана Петровна", "ТОС «Южный»"),
                    ("Ковалёв Андрей Николаевич", "ТОС «Заднепровье»"),
                )
            ]
        )
        # uploaded on the application's form: attached to it
        applications[0].attachment_ids = self.env["ir.attachment"].create(
            {
                "name": "Заявка.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 test"),
                "res_model": "vsms.contest.application",
                "res_id": applications[0].id,
            }
        )
        applications.action_admit()
        contest.action_start_judging()

        self.start_tour("/odoo", "vsms_contest_marking_tour", login="vsms_tour_juror")

        self.env.invalidate_all()
        marked = applications.score_ids.filtered("is_marked")
        self.assertEqual(marked.application_id, applications[0])
        self.assertEqual(marked.juror_id.user_id, juror)
        self.assertEqual(sorted(marked.mapped("value")), [4, 8])
        self.assertEqual(applications[0].score, 8 + 4)
