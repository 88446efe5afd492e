"""A member of the public applies to a contest on the website, in Chromium."""

from odoo.tests import tagged

from .contest_web_common import ContestWebCommon


@tagged("post_install", "-at_install")
class TestContestApplicationTour(ContestWebCommon):
    def test_contest_application_tour(self):
        smolensk = self.env["vsms.municipality"].search(
            [("name", "=", "город Смоленск")]
        )
        self.assertTrue(smolensk)
        self.start_tour(self.contest.website_url, "vsms_contest_application_tour")
        self.env.invalidate_all()
        application = self.applications_of(self.contest)
        self.assertEqual(len(application), 1)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.source, "website")
        self.assertEqual(application.nomination_id.name, "Сельские ТОС")
        self.assertEqual(application.municipality_id, smolensk)
        self.assertEqual(application.partner_id.name, "Смирнов Олег Викторович")
        self.assertEqual(
            application.attachment_ids.mapped("name"), ["Анкета участника.pdf"]
        )
        self.assertTrue(application.attachment_ids.raw.startswith(b"%PDF-"))
        consent = self.env["vsms.consent"].search(
            [("partner_id", "=", application.partner_id.id)]
        )
        self.assertEqual(consent.text_id, self.consent_text)
        self.assertTrue(
            self.env["mail.mail"].search(
                [
                    ("email_to", "ilike", "smirnov.tour@example.com"),
                    ("subject", "ilike", application.number),
                ]
            )
        )
