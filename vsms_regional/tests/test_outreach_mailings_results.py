"""«Разослать итоги» on contests and «Разослать поздравления / итоги» on
elections: the mailing is prepared from the results, and sent for real."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common_contests import VsmsContestCommon
from .election_common import ElectionCommon

SIGNATURE = "Смоленское региональное отделение ВСМС"


class ResultsMailingMixin(MockEmail):
    def _form(self, action):
        self.assertEqual(action["res_model"], "mailing.mailing")
        return Form(
            self.env["mailing.mailing"]
            .with_user(self.user_staff)
            .with_context(**action["context"])
        )

    def _send(self, mailing):
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.with_user(self.user_staff).action_send_mail()
        return {
            email.split("<")[-1].strip(">").lower(): mail
            for mail in self._mails
            for email in mail["email_to"]
        }


@tagged("post_install", "-at_install")
class TestContestResultsMailing(VsmsContestCommon, ResultsMailingMixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contest = cls.make_contest(
            nominations=("Лучший председатель ТОС", "Лучшая инициатива"),
            vsms_plan_item_id=cls.item_olympiad.id,
            date_results="2030-04-20",
        )
        cls.seat_jury(cls.contest)
        cls.contest.with_user(cls.user_staff).action_open()
        cls.first = cls.apply(
            cls.contest,
            "Смирнов Алексей Викторович",
            municipality_id=cls.vyazma.id,
            organization="ТОС «Северный»",
        )
        cls.second = cls.apply(
            cls.contest,
            "Кузнецова О. Н.",
            applicant_email="kuznetsova@safonovo.example.ru",
        )
        cls.initiative = cls.apply(
            cls.contest, "Лисин Яков Львович", cls.contest.nomination_ids[1]
        )
        (cls.first | cls.second | cls.initiative).with_user(
            cls.user_staff
        ).action_admit()
        cls.give_consent(cls.head)
        cls.give_consent(cls.deputy)

    def _finish(self):
        self.contest.with_user(self.user_staff).action_start_judging()
        self.mark_all(self.first, 9, 5)
        self.mark_all(self.second, 8, 4)
        self.mark_all(self.initiative, 5, 2)
        self.contest.with_user(self.user_staff).action_done()

    def test_results(self):
        with self.assertRaisesText(UserError, self.contest.name):
            self.contest.with_user(self.user_staff).action_vsms_mail_results()
        self._finish()
        action = self.contest.with_user(self.user_staff).action_vsms_mail_results()
        with self._form(action) as form:
            self.assertEqual(form.subject, f"Results: {self.contest.name}")
            self.assertEqual(form.vsms_plan_item_id, self.item_olympiad)
            self.assertEqual(form.vsms_occurrence_id, self.contest.vsms_occurrence_id)
            body = form.body_arch
        mailing = form.record
        participants = (self.first | self.second | self.initiative).partner_id
        self.assertEqual(
            self.env["res.partner"].search(mailing._parse_mailing_domain()),
            participants,
        )
        self.assertLess(
            body.index("Лучший председатель ТОС"), body.index("Лучшая инициатива")
        )
        self.assertLess(body.index("Смирнов"), body.index("Кузнецова"))
        self.assertIn("ТОС «Северный»", body)
        mails = self._send(mailing)
        # Лисин is a new contact without a mailing consent
        self.assertEqual(
            set(mails), {"smirnov@vyazma.example.ru", "kuznetsova@safonovo.example.ru"}
        )
        sent = mails["kuznetsova@safonovo.example.ru"]["body"]
        self.assertIn("Уважаемая Ольга Николаевна!", sent)
        self.assertIn("Смирнов Алексей Викторович", sent)
        self.assertIn(SIGNATURE, sent)

    def test_results_are_for_staff(self):
        self._finish()
        for user in (self.user_chair, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.contest.with_user(user).action_vsms_mail_results()


@tagged("post_install", "-at_install")
class TestElectionMailings(ElectionCommon, ResultsMailingMixin):
    def _results(self):
        self.election.action_campaign()
        single = self.stand(
            self.single, ["Иванов Иван Иванович", "Петров Пётр Петрович"]
        )
        for candidate, email in zip(
            single, ("ivanov@example.ru", "petrov@example.ru"), strict=True
        ):
            candidate.partner_id.email = email
            self.give_consent(candidate.partner_id)
        self.election.action_voting()
        self.vote(single, [500, 300])
        self.election.action_confirm_results()
        return single

    def test_congratulations_to_the_elected_non_members(self):
        with self.assertRaisesText(UserError, self.election.name):
            self.election.with_user(self.user_staff).action_vsms_mail_congratulations()
        winner, __ = self._results()
        action = self.election.with_user(
            self.user_staff
        ).action_vsms_mail_congratulations()
        with self._form(action) as form:
            self.assertEqual(
                form.subject, "Поздравление с избранием и приглашение в ВСМС"
            )
            self.assertIn("Приглашаем Вас вступить в ВСМС", form.body_arch)
        mailing = form.record
        self.assertEqual(
            self.env["res.partner"].search(mailing._parse_mailing_domain()),
            winner.partner_id,
        )
        mails = self._send(mailing)
        self.assertEqual(set(mails), {"ivanov@example.ru"})
        self.assertIn("Уважаемый Иван Иванович!", mails["ivanov@example.ru"]["body"])
        # members are not invited to join
        winner.partner_id.vsms_member_state = "member"
        self.assertFalse(
            self.env["res.partner"].search(mailing._parse_mailing_domain())
        )

    def test_results_to_members(self):
        self._results()
        action = self.election.with_user(self.user_staff).action_vsms_mail_results()
        with self._form(action) as form:
            self.assertEqual(
                form.mailing_filter_id,
                self.env.ref("vsms_regional.mailing_filter_vsms_members"),
            )
            body = form.body_arch
        self.assertIn("Центральный", body)
        self.assertIn("Иванов Иван Иванович", body)
        self.assertNotIn("Петров", body)

    def test_election_mailings_are_for_staff(self):
        self._results()
        for user in (self.user_jury, self.user_outsider):
            for method in (
                "action_vsms_mail_congratulations",
                "action_vsms_mail_results",
            ):
                with (
                    self.subTest(user=user.login, method=method),
                    self.assertRaises(AccessError),
                ):
                    getattr(self.election.with_user(user), method)()
