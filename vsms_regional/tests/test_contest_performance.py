from odoo.tests import tagged

from .common_contests import VsmsContestCommon


@tagged("post_install", "-at_install")
class TestContestPerformance(VsmsContestCommon):
    """Scores and ranks come from one read of a contest's marks: the number
    of queries does not grow with the applications or the marks."""

    def _judged_contest(self, count, kind="contest"):
        contest = self.make_contest(
            kind=kind, nominations=() if kind == "olympiad" else ("Н",)
        )
        self.seat_jury(contest)
        contest.action_open()
        vals = {"contest_id": contest.id}
        birth = {"birthdate_date": "2000-01-01"} if kind == "olympiad" else {}
        if kind == "olympiad":
            vals |= {"grade": 11, "school_id": self.head.id}
        else:
            vals["nomination_id"] = contest.nomination_ids.id
        partners = self.env["res.partner"].create(
            [{"name": f"Участник {n} {count} {kind}"} | birth for n in range(count)]
        )
        apps = self.Application.create(
            [vals | {"partner_id": partner.id} for partner in partners]
        )
        apps.action_admit()
        contest.action_start_judging()
        # every juror marks everything (varied marks, written in one go)
        self.env.flush_all()
        self.env.cr.execute(
            """
            UPDATE vsms_contest_score SET is_marked = TRUE,
                   value = (application_id * 7 + juror_id * 3 + criterion_id) %% 6
             WHERE contest_id = %s
            """,
            [contest.id],
        )
        self.env.invalidate_all()
        return contest, apps

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_compute_results_does_not_grow(self):
        for kind in ("contest", "olympiad"):
            small, _small_apps = self._judged_contest(5, kind)
            big, big_apps = self._judged_contest(40, kind)
            self._count(small._vsms_compute_results)  # warm the caches
            self.env.cr.execute(
                "UPDATE vsms_contest_application SET score = 0, rank = 0 "
                "WHERE contest_id = %s",
                [small.id],
            )
            small_queries = self._count(small._vsms_compute_results)
            self.env.invalidate_all()
            # 40 applications × 3 jurors × 2 criteria = 240 marks: at most two
            # queries more than for 5 applications (30 marks)
            with self.assertQueryCount(small_queries + 2):
                big._vsms_compute_results()
                self.env.flush_all()
            self.assertTrue(any(big_apps.mapped("score")))
            self.assertGreater(len(set(big_apps.mapped("rank"))), 1)
            self.assertLess(small_queries, 30, kind)

    def test_one_juror_marking_everything_at_once(self):
        contest, _apps = self._judged_contest(30)
        lines = self.Score.with_user(self.user_j2).search(
            [("contest_id", "=", contest.id)]
        )
        self.assertEqual(len(lines), 60)
        queries = self._count(lambda: lines.write({"value": 4}))
        # one write of 60 marks: no query per mark
        self.assertLess(queries, 45)

    def test_progress_does_not_grow(self):
        _small, small_apps = self._judged_contest(5)
        _big, big_apps = self._judged_contest(40)

        def progress(apps):
            return lambda: apps.with_user(self.user_j2).mapped("my_mark_done")

        self._count(progress(small_apps))  # warm the rule and group caches
        small_queries = self._count(progress(small_apps))
        big_queries = self._count(progress(big_apps))
        self.assertLessEqual(
            big_queries, small_queries + 1, (big_queries, small_queries)
        )
