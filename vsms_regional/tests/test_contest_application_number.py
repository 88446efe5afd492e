import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_contests import VsmsContestCommon


@tagged("post_install", "-at_install")
class TestContestApplicationNumber(VsmsContestCommon):
    """Every application gets a number; staff publish contests on the
    website."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contest = cls.make_contest()
        cls.contest.with_user(cls.user_staff).action_open()

    def test_numbers_are_given_in_order_and_fixed(self):
        first = self.apply(self.contest, "Орлов Пётр Ильич")
        second = self.apply(self.contest, "Седова Анна Павловна")
        for application in first | second:
            self.assertTrue(re.fullmatch(r"З-\d{4}-\d{5}", application.number))
            self.assertEqual(application.source, "staff")
        self.assertLess(first.number, second.number)
        with self.assertRaisesText(UserError, first.number):
            first.with_user(self.user_staff).write({"number": "З-1999-00001"})
        first.with_user(self.user_staff).write({"number": first.number})
        with self.assertRaisesText(UserError, "is given"):
            self.Application.with_user(self.user_staff).create(
                {
                    "contest_id": self.contest.id,
                    "nomination_id": self.contest.nomination_ids.id,
                    "applicant_name": "Ким Олег Сергеевич",
                    "number": "З-1999-00002",
                }
            )

    def test_missing_numbers_are_filled(self):
        application = self.apply(self.contest, "Орлов Пётр Ильич")
        self.env.cr.execute(
            "UPDATE vsms_contest_application SET number = NULL WHERE id = %s",
            [application.id],
        )
        application.invalidate_recordset(["number"])
        self.Application._vsms_number_missing()
        self.assertTrue(re.fullmatch(r"З-\d{4}-\d{5}", application.number))

    def test_who_publishes_on_the_website(self):
        self.contest.with_user(self.user_staff).website_published = True
        self.assertTrue(self.contest.website_published)
        self.assertRegex(
            self.contest.website_url, rf"^/vsms/contest/[\w-]+-{self.contest.id}$"
        )
        for user in (self.user_jury, self.user_outsider):
            with self.assertRaises(AccessError):
                self.contest.with_user(user).write({"website_published": False})
        self.assertTrue(self.contest.website_published)
