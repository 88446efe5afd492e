from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common_contests import VsmsContestCommon


@tagged("post_install", "-at_install")
class TestContestPublications(VsmsContestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Publication = cls.env["vsms.publication"]
        with freeze_time("2030-05-10"):
            cls.contest = cls.make_contest(name="Лучший ТОС Смоленщины")
            cls.seat_jury(cls.contest)
            cls.contest.action_open()
            application = cls.apply(cls.contest, "Иванов Пётр Сергеевич")
            application.action_admit()
            cls.contest.action_start_judging()
            for user in (cls.user_chair, cls.user_j2, cls.user_j3):
                cls.Score.with_user(user).search(
                    [("application_id", "=", application.id)]
                ).filtered(lambda s, u=user: s.juror_user_id == u).write({"value": 5})
            cls.contest.action_done()
        cls.election = cls.env["vsms.election"].create(
            {
                "name": "Выборы депутатов Совета депутатов Вяземского округа",
                "municipality_id": cls.vyazma.id,
                "date_start": "2030-09-08",
                "date_end": "2030-09-08",
            }
        )

    def publish(self, **vals):
        return self.Publication.create(
            {"name": "Итоги", "state": "published", "date": "2030-05-12"} | vals
        )

    def test_contest_count_and_button(self):
        self.assertEqual(str(self.contest.date_results), "2030-05-10")
        self.assertEqual(self.contest.publication_count, 0)
        publication = self.publish(contest_id=self.contest.id)
        self.assertEqual(self.contest.publication_count, 1)
        action = self.contest.action_open_publications()
        self.assertEqual(self.Publication.search(action["domain"]), publication)
        self.assertEqual(action["context"]["default_contest_id"], self.contest.id)

    @freeze_time("2030-05-30")
    def test_contest_coverage_gap(self):
        Contest = self.env["vsms.contest"]
        self.assertTrue(self.contest.coverage_gap)
        self.assertIn(self.contest, Contest.search([("coverage_gap", "=", True)]))
        draft = self.make_contest(name="Ещё не проведён")
        self.assertFalse(draft.coverage_gap)
        self.assertNotIn(draft, Contest.search([("coverage_gap", "=", True)]))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vsms_regional.res_company_report_vsms_coverage_gap",
                self.env.company.ids,
            )[0]
            .decode()
        )
        self.assertIn("Лучший ТОС Смоленщины", html)
        self.publish(contest_id=self.contest.id)
        self.contest.invalidate_recordset()
        self.assertFalse(self.contest.coverage_gap)
        self.assertNotIn(self.contest, Contest.search([("coverage_gap", "=", True)]))
        self.assertIn(self.contest, Contest.search([("coverage_gap", "=", False)]))

    @freeze_time("2030-05-12")
    def test_contest_within_the_days(self):
        self.assertFalse(self.contest.coverage_gap)

    def test_jury_reads_contests_not_publications(self):
        contest = self.contest.with_user(self.user_chair)
        self.assertEqual(contest.name, "Лучший ТОС Смоленщины")
        with self.assertRaises(AccessError):
            contest.read(["publication_count"])
        with self.assertRaises(AccessError):
            self.env["vsms.contest"].with_user(self.user_chair).search(
                [("coverage_gap", "=", True)]
            )

    def test_election_count_and_button(self):
        self.assertEqual(self.election.publication_count, 0)
        publication = self.publish(election_id=self.election.id)
        self.assertEqual(self.election.publication_count, 1)
        action = self.election.action_open_publications()
        self.assertEqual(self.Publication.search(action["domain"]), publication)
        self.assertEqual(action["context"]["default_municipality_id"], self.vyazma.id)

    def test_views_for_staff(self):
        for model in ("vsms.contest", "vsms.election"):
            arch = (
                self.env[model]
                .with_user(self.user_staff)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            self.assertIn("action_open_publications", arch)
        arch = (
            self.env["vsms.publication"]
            .with_user(self.user_staff)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("contest_id", arch)
        self.assertIn("election_id", arch)
