from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestPlanCalendar(VsmsGovernanceCommon):
    """One calendar for the year: what is still only planned, the meetings of
    the bodies and the events."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.meeting_for(3)
        cls.event = cls.item_olympiad._vsms_generate_events()
        cls.Calendar = cls.env["vsms.plan.calendar"]

    def entries(self, domain=()):
        return self.Calendar.search([("plan_id", "=", self.plan.id), *domain])

    def test_every_kind_once(self):
        entries = self.entries()
        by_kind = {
            kind: entries.filtered(lambda e, k=kind: e.kind == k)
            for kind in ("occurrence", "meeting", "event")
        }
        # March has its meeting, April its event: the other three presidium
        # occurrences are still only planned
        self.assertEqual(len(by_kind["occurrence"]), 3)
        self.assertEqual(
            by_kind["occurrence"].occurrence_id,
            self.item_presidium.occurrence_ids - self.meeting.vsms_occurrence_id,
        )
        self.assertTrue(all(by_kind["occurrence"].mapped("allday")))
        self.assertEqual(by_kind["meeting"].meeting_id, self.meeting)
        self.assertEqual(by_kind["meeting"].start, self.meeting.start)
        self.assertEqual(by_kind["meeting"].body_id, self.presidium)
        self.assertEqual(by_kind["meeting"].section_id, self.section_meetings)
        self.assertEqual(by_kind["event"].event_id, self.event)
        self.assertEqual(by_kind["event"].event_type_id, self.olympiad_type)
        self.assertEqual(by_kind["event"].name, self.event.name)
        self.assertEqual(by_kind["event"].section_id, self.section_events)

    def test_filters_by_section_body_and_type(self):
        self.assertEqual(
            set(
                self.entries([("section_id", "=", self.section_events.id)]).mapped(
                    "kind"
                )
            ),
            {"event"},
        )
        self.assertEqual(len(self.entries([("body_id", "=", self.presidium.id)])), 4)
        self.assertEqual(
            self.entries([("event_type_id", "=", self.olympiad_type.id)]).event_id,
            self.event,
        )

    def test_long_periods_can_be_hidden(self):
        whole_year = self.make_item(name="Работа с базой", schedule_text="весь период")
        entries = self.entries()
        self.assertIn(whole_year.occurrence_ids, entries.occurrence_id)
        self.assertEqual(
            entries.filtered(
                lambda e: e.occurrence_id == whole_year.occurrence_ids
            ).period_kind,
            "year",
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_plan_calendar_action"
        )
        self.assertIn("search_default_filter_short", action["context"])
        deadline = self.make_item(name="Отчёт", schedule_text="до 1 марта")
        self.assertEqual(deadline.occurrence_ids.kind, "deadline")
        arch = self.env["vsms.plan.calendar"].get_views([(False, "search")])["views"][
            "search"
        ]["arch"]
        domain = etree.fromstring(arch).xpath("//filter[@name='filter_short']")[0]
        short = self.entries(safe_eval(domain.get("domain")))
        self.assertNotIn(whole_year.occurrence_ids, short.occurrence_id)
        self.assertNotIn(deadline.occurrence_ids, short.occurrence_id)
        # meetings and events stay, whatever their period
        self.assertEqual(set(short.mapped("kind")), {"occurrence", "meeting", "event"})

    def test_cancelled_occurrences_are_not_shown(self):
        self.item_presidium.occurrence_ids[-1].action_cancel()
        self.assertEqual(len(self.entries([("kind", "=", "occurrence")])), 2)

    def test_meetings_outside_the_plan(self):
        extra = self.Meeting.create(
            {
                "name": "Внеочередное заседание",
                "start": "2030-10-05 07:00:00",
                "stop": "2030-10-05 09:00:00",
                "vsms_body_id": self.presidium.id,
            }
        )
        entry = self.Calendar.search([("meeting_id", "=", extra.id)])
        self.assertEqual(entry.body_id, self.presidium)
        self.assertFalse(entry.plan_id)
        # private calendar entries stay out
        private = self.Meeting.create(
            {
                "name": "Обед",
                "start": "2030-10-05 10:00:00",
                "stop": "2030-10-05 11:00:00",
            }
        )
        self.assertFalse(self.Calendar.search([("meeting_id", "=", private.id)]))

    def test_open_source(self):
        for entry in self.entries():
            action = entry.action_open_source()
            record = entry.meeting_id or entry.event_id or entry.occurrence_id
            self.assertEqual(
                (action["res_model"], action["res_id"]), (record._name, record.id)
            )

    def test_access(self):
        self.assertTrue(self.Calendar.with_user(self.user_staff).search([]))
        with self.assertRaises(AccessError):
            self.Calendar.with_user(self.user_outsider).search([])
