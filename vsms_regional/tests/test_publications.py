from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import VsmsGovernanceCommon


class PublicationCommon(VsmsGovernanceCommon):
    """An olympiad (1 April 2030) of the plan, a presidium meeting (2 April
    2030) and a draft publication form helper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Publication = cls.env["vsms.publication"]
        cls.event = cls.item_olympiad._vsms_generate_events(hour=10, duration=4)
        cls.occurrence = cls.event.vsms_occurrence_id
        cls.meeting = cls.Meeting.create(
            {
                "name": "Заседание Президиума",
                "vsms_body_id": cls.presidium.id,
                "start": "2030-04-02 07:00:00",
                "stop": "2030-04-02 09:00:00",
            }
        )

    @classmethod
    def make_publication(cls, **vals):
        return cls.Publication.create(
            {"name": "Итоги олимпиады", "channel": "vk", "kind": "news"} | vals
        )


@tagged("post_install", "-at_install")
class TestPublicationRollups(PublicationCommon):
    def test_links_follow_the_event(self):
        publication = self.make_publication(event_id=self.event.id)
        self.assertEqual(publication.vsms_occurrence_id, self.occurrence)
        self.assertEqual(publication.vsms_plan_item_id, self.item_olympiad)
        self.assertEqual(publication.state, "draft")
        self.assertEqual(publication.user_id, self.env.user)
        self.assertEqual(publication.company_id, self.env.company)

    def test_counts_roll_up_when_published(self):
        publication = self.make_publication(event_id=self.event.id)
        self.assertEqual(self.event.vsms_publication_count, 0)
        self.assertEqual(self.item_olympiad.publication_count, 0)
        self.assertEqual(self.occurrence.publication_count, 0)
        publication.action_publish()
        self.assertEqual(publication.date, publication.create_date.date())
        self.assertEqual(self.event.vsms_publication_count, 1)
        self.assertEqual(self.item_olympiad.publication_count, 1)
        self.assertEqual(self.occurrence.publication_count, 1)
        self.make_publication(
            event_id=self.event.id, state="published", date="2030-04-03"
        )
        self.event.invalidate_recordset()
        self.assertEqual(self.event.vsms_publication_count, 2)
        self.assertEqual(self.item_olympiad.publication_count, 2)
        Event = self.env["event.event"]
        self.assertEqual(
            Event.search(
                [("id", "=", self.event.id), ("vsms_publication_count", ">", 1)]
            ),
            self.event,
        )
        self.assertFalse(
            Event.search(
                [("id", "=", self.event.id), ("vsms_publication_count", "=", 0)]
            )
        )
        self.assertEqual(
            self.Item.search(
                [("id", "=", self.item_olympiad.id), ("publication_count", "=", 2)]
            ),
            self.item_olympiad,
        )
        publication.action_draft()
        self.assertEqual(self.item_olympiad.publication_count, 1)

    def test_meeting_count_and_search(self):
        self.make_publication(
            meeting_id=self.meeting.id, state="published", date="2030-04-02"
        )
        self.assertEqual(self.meeting.vsms_publication_count, 1)
        self.assertEqual(
            self.Meeting.search(
                [("id", "=", self.meeting.id), ("vsms_publication_count", "in", [1])]
            ),
            self.meeting,
        )

    def test_smart_button_actions(self):
        publication = self.make_publication(event_id=self.event.id)
        action = self.event.action_vsms_open_publications()
        self.assertEqual(action["res_model"], "vsms.publication")
        self.assertEqual(self.Publication.search(action["domain"]), publication)
        self.assertEqual(action["context"]["default_event_id"], self.event.id)
        action = self.meeting.action_vsms_open_publications()
        self.assertEqual(action["context"]["default_meeting_id"], self.meeting.id)
        self.assertFalse(self.Publication.search(action["domain"]))
        action = self.item_olympiad.action_open_publications()
        self.assertEqual(self.Publication.search(action["domain"]), publication)
        action = self.occurrence.action_open_publications()
        self.assertEqual(self.Publication.search(action["domain"]), publication)
        self.assertEqual(
            action["context"]["default_vsms_plan_item_id"], self.item_olympiad.id
        )

    def test_form_prefilled_from_smart_button(self):
        action = self.event.action_vsms_open_publications()
        with Form(
            self.env["vsms.publication"].with_context(**action["context"])
        ) as form:
            self.assertEqual(form.event_id, self.event)
            self.assertEqual(form.vsms_plan_item_id, self.item_olympiad)
            form.reach = 1500
        self.assertEqual(form.record.vsms_occurrence_id, self.occurrence)


@tagged("post_install", "-at_install")
class TestCoverageGap(PublicationCommon):
    def gaps(self, model):
        return self.env[model].search([("vsms_coverage_gap", "=", True)])

    def covered(self, model):
        return self.env[model].search([("vsms_coverage_gap", "=", False)])

    @freeze_time("2030-04-05 12:00:00")
    def test_no_gap_within_the_days(self):
        self.assertFalse(self.event.vsms_coverage_gap)
        self.assertNotIn(self.event, self.gaps("event.event"))
        self.assertIn(self.event, self.covered("event.event"))
        self.assertFalse(self.meeting.vsms_coverage_gap)
        self.assertNotIn(self.meeting, self.gaps("calendar.event"))

    @freeze_time("2030-04-12 12:00:00")
    def test_gap_after_the_days_until_published(self):
        self.assertTrue(self.event.vsms_coverage_gap)
        self.assertIn(self.event, self.gaps("event.event"))
        self.assertNotIn(self.event, self.covered("event.event"))
        self.assertTrue(self.meeting.vsms_coverage_gap)
        self.assertIn(self.meeting, self.gaps("calendar.event"))
        # a draft does not close the gap
        draft = self.make_publication(event_id=self.event.id)
        self.event.invalidate_recordset()
        self.assertTrue(self.event.vsms_coverage_gap)
        self.assertIn(self.event, self.gaps("event.event"))
        draft.action_publish()
        self.event.invalidate_recordset()
        self.assertFalse(self.event.vsms_coverage_gap)
        self.assertNotIn(self.event, self.gaps("event.event"))
        self.assertIn(self.event, self.covered("event.event"))
        self.make_publication(
            meeting_id=self.meeting.id, state="published", date="2030-04-03"
        )
        self.meeting.invalidate_recordset()
        self.assertFalse(self.meeting.vsms_coverage_gap)
        self.assertNotIn(self.meeting, self.gaps("calendar.event"))

    @freeze_time("2030-04-12 12:00:00")
    def test_setting_days(self):
        self.env.company.vsms_coverage_gap_days = 14
        self.assertFalse(self.event.vsms_coverage_gap)
        self.assertNotIn(self.event, self.gaps("event.event"))
        with self.assertRaisesText(ValidationError, "-1"):
            self.env.company.vsms_coverage_gap_days = -1

    @freeze_time("2030-04-12 12:00:00")
    def test_only_meetings_held(self):
        plain = self.Meeting.create(
            {
                "name": "Обед",
                "start": "2030-04-02 07:00:00",
                "stop": "2030-04-02 08:00:00",
            }
        )
        cancelled = self.Meeting.create(
            {
                "name": "Заседание Президиума (перенесено)",
                "vsms_body_id": self.presidium.id,
                "start": "2030-04-02 07:00:00",
                "stop": "2030-04-02 09:00:00",
            }
        )
        cancelled.action_vsms_cancel_meeting()
        gaps = self.gaps("calendar.event")
        self.assertIn(self.meeting, gaps)
        self.assertNotIn(plain, gaps)
        self.assertNotIn(cancelled, gaps)
        self.assertFalse(plain.vsms_coverage_gap)
        self.assertFalse(cancelled.vsms_coverage_gap)
        self.assertIn(plain, self.covered("calendar.event"))

    @freeze_time("2030-04-12 12:00:00")
    def test_report(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vsms_regional.res_company_report_vsms_coverage_gap",
                self.env.company.ids,
            )[0]
            .decode()
        )
        self.assertIn(self.event.name, html)
        self.assertIn("Заседание Президиума", html)
        self.assertIn("01.04.2030", html)
        self.assertIn("12.04.2030", html)
        self.make_publication(
            event_id=self.event.id, state="published", date="2030-04-03"
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vsms_regional.res_company_report_vsms_coverage_gap",
                self.env.company.ids,
            )[0]
            .decode()
        )
        self.assertNotIn("01.04.2030", html)
        action = self.env.ref(
            "vsms_regional.res_company_action_vsms_print_coverage_gaps"
        ).run()
        self.assertEqual(
            action["report_name"],
            "vsms_regional.res_company_report_vsms_coverage_gap_document",
        )


@tagged("post_install", "-at_install")
class TestPublicationConsent(PublicationCommon):
    def test_onchange_warns_and_publishing_is_blocked(self):
        with (
            self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logs,
            Form(self.Publication) as form,
        ):
            form.name = "Интервью с главой Вяземского округа"
            form.quoted_partner_ids.add(self.head)
        # the warning names the person
        self.assertIn(self.head.name, logs.output[0])
        warning = self.Publication.new(
            {"quoted_partner_ids": self.head.ids}
        )._onchange_quoted_partner_ids()["warning"]
        self.assertIn(self.head.name, warning["message"])
        publication = form.record
        with self.assertRaisesText(ValidationError, self.head.name):
            publication.action_publish()
        self.assertEqual(publication.state, "draft")
        self.assertFalse(publication.date)

    def test_blocked_over_rpc(self):
        with self.assertRaisesText(ValidationError, self.deputy.name):
            self.make_publication(
                state="published",
                date="2030-04-03",
                quoted_partner_ids=[self.head.id, self.deputy.id],
                name="Круглый стол",
            )
        self.assertFalse(self.Publication.search([("name", "=", "Круглый стол")]))
        publication = self.make_publication(state="published", date="2030-04-03")
        with self.assertRaisesText(ValidationError, self.head.name):
            publication.write({"quoted_partner_ids": [(4, self.head.id)]})
        self.assertFalse(publication.quoted_partner_ids)

    def test_consent_in_force_allows(self):
        self.env["vsms.consent"].create(
            {
                "partner_id": self.head.id,
                "kind": "publication",
                "date_given": "2020-01-01",
            }
        )
        # another kind does not count
        self.env["vsms.consent"].create(
            {
                "partner_id": self.deputy.id,
                "kind": "mailing",
                "date_given": "2020-01-01",
            }
        )
        publication = self.make_publication(quoted_partner_ids=[self.head.id])
        self.assertFalse(publication._onchange_quoted_partner_ids())
        publication.action_publish()
        self.assertEqual(publication.state, "published")
        with self.assertRaisesText(ValidationError, self.deputy.name):
            publication.write({"quoted_partner_ids": [(4, self.deputy.id)]})

    def test_withdrawn_consent_blocks(self):
        consent = self.env["vsms.consent"].create(
            {
                "partner_id": self.head.id,
                "kind": "publication",
                "date_given": "2020-01-01",
            }
        )
        consent.action_withdraw()
        publication = self.make_publication(quoted_partner_ids=[self.head.id])
        with self.assertRaisesText(ValidationError, self.head.name):
            publication.action_publish()


@tagged("post_install", "-at_install")
class TestPublicationBadInput(PublicationCommon):
    def test_plan_item_of_another_company(self):
        other = self.env["res.company"].create({"name": "Тверское отделение"})
        plan = self.Plan.create(
            {"name": "План 2030 (Тверь)", "year": 2030, "company_id": other.id}
        )
        item = self.make_item(plan=plan, name="Освещение деятельности")
        with self.assertRaises(ValidationError) as caught:
            self.make_publication(vsms_plan_item_id=item.id, name="Чужая публикация")
        self.assertIn(item.display_name, str(caught.exception))
        self.assertFalse(self.Publication.search([("name", "=", "Чужая публикация")]))

    def test_negative_reach(self):
        with self.assertRaisesText(ValidationError, "-5"):
            self.make_publication(reach=-5, name="Отрицательный охват")
        self.assertFalse(
            self.Publication.search([("name", "=", "Отрицательный охват")])
        )
        publication = self.make_publication(reach=10)
        with self.assertRaisesText(ValidationError, "-1"):
            publication.reach = -1
        self.assertEqual(publication.reach, 10)

    def test_published_without_date(self):
        with self.assertRaisesText(ValidationError, "Без даты"):
            self.make_publication(state="published", name="Без даты")
        self.assertFalse(self.Publication.search([("name", "=", "Без даты")]))
        publication = self.make_publication(state="published", date="2030-04-03")
        with self.assertRaisesText(ValidationError, publication.name):
            publication.date = False
        self.assertEqual(str(publication.date), "2030-04-03")

    def test_occurrence_of_another_item(self):
        with self.assertRaisesText(ValidationError, self.item_presidium.display_name):
            self.make_publication(
                vsms_plan_item_id=self.item_presidium.id,
                vsms_occurrence_id=self.occurrence.id,
            )


@tagged("post_install", "-at_install")
class TestPublicationViews(PublicationCommon):
    def test_views_load_for_staff(self):
        Publication = self.env["vsms.publication"].with_user(self.user_staff)
        views = Publication.get_views(
            [
                (False, kind)
                for kind in ("list", "form", "kanban", "calendar", "pivot", "graph")
            ]
            + [(False, "search")]
        )["views"]
        self.assertIn('interval="month"', views["pivot"]["arch"])
        self.assertIn("channel", views["pivot"]["arch"])
        self.assertIn("searchpanel", views["search"]["arch"])
        self.assertIn("action_publish", views["form"]["arch"])

    def test_search_panel_by_channel(self):
        self.make_publication(channel="vk")
        self.make_publication(channel="vk", kind="article")
        self.make_publication(channel="tv")
        panel = (
            self.env["vsms.publication"]
            .with_user(self.user_staff)
            .search_panel_select_multi_range("channel", enable_counters=True)
        )
        counts = {value["id"]: value["__count"] for value in panel["values"]}
        self.assertEqual(counts["vk"], 2)
        self.assertEqual(counts["tv"], 1)
        internet = self.env["vsms.publication"].search(
            [("channel", "in", ("vsms_site", "branch_site", "vk", "telegram", "max"))]
        )
        self.assertEqual(len(internet), 2)


@tagged("post_install", "-at_install")
class TestConsentWithdrawal(PublicationCommon):
    def test_withdrawal_lists_publications(self):
        consent = self.env["vsms.consent"].create(
            {
                "partner_id": self.head.id,
                "kind": "publication",
                "date_given": "2020-01-01",
            }
        )
        published = self.make_publication(
            name="Интервью главы",
            quoted_partner_ids=[self.head.id],
            url="https://vk.com/vsms_smolensk?w=wall-1_10",
        )
        published.action_publish()
        draft = self.make_publication(
            name="Черновик интервью", quoted_partner_ids=[self.head.id]
        )
        consent.action_withdraw()
        bodies = " ".join(consent.message_ids.mapped("body"))
        self.assertIn("Интервью главы", bodies)
        self.assertIn("vk.com/vsms_smolensk", bodies)
        self.assertNotIn(draft.name, bodies)
