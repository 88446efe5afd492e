from datetime import datetime, timedelta

from odoo.tests import freeze_time, tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestCoverageGapPerformance(VsmsGovernanceCommon):
    """«Без освещения» is one query whatever the number of events."""

    def make_events(self, count):
        start = datetime(2030, 3, 1, 7, 0)
        return self.env["event.event"].create(
            [
                {
                    "name": f"Семинар {index}",
                    "date_begin": start + timedelta(days=index % 20),
                    "date_end": start + timedelta(days=index % 20, hours=3),
                }
                for index in range(count)
            ]
        )

    def make_meetings(self, count):
        start = datetime(2030, 3, 1, 7, 0)
        return self.env["calendar.event"].create(
            [
                {
                    "name": f"Заседание {index}",
                    "vsms_body_id": self.presidium.id,
                    "start": start + timedelta(days=index % 20),
                    "stop": start + timedelta(days=index % 20, hours=2),
                }
                for index in range(count)
            ]
        )

    def cover(self, records, fname):
        self.env["vsms.publication"].create(
            [
                {
                    "name": f"О {record.name}",
                    fname: record.id,
                    "state": "published",
                    "date": "2030-03-25",
                }
                for record in records
            ]
        )

    @freeze_time("2030-06-01")
    def test_event_gap_search(self):
        events = self.make_events(5)
        self.cover(events[:2], "event_id")
        # warm-up (company settings, rules)
        self.env["event.event"].with_user(self.user_staff).search(
            [("vsms_coverage_gap", "=", True)]
        )
        with self.assertQueryCount(1):
            found = (
                self.env["event.event"]
                .with_user(self.user_staff)
                .search([("vsms_coverage_gap", "=", True)])
            )
        self.assertEqual(found & events, events[2:])
        events |= self.make_events(60)
        self.cover(events[5:20], "event_id")
        self.env["event.event"].with_user(self.user_staff).search(
            [("vsms_coverage_gap", "=", True)]
        )
        with self.assertQueryCount(1):
            found = (
                self.env["event.event"]
                .with_user(self.user_staff)
                .search([("vsms_coverage_gap", "=", True)])
            )
        self.assertEqual(found & events, events[2:5] | events[20:])

    @freeze_time("2030-06-01")
    def test_meeting_gap_search_and_list(self):
        meetings = self.make_meetings(5)
        Meeting = self.env["calendar.event"].with_user(self.user_staff)
        Meeting.search([("vsms_coverage_gap", "=", True)])
        with self.assertQueryCount(1):
            Meeting.search([("vsms_coverage_gap", "=", True)])
        meetings |= self.make_meetings(40)
        Meeting.search([("vsms_coverage_gap", "=", True)])
        with self.assertQueryCount(1):
            found = Meeting.search([("vsms_coverage_gap", "=", True)])
        self.assertEqual(found & meetings, meetings)
        # reading the roll-ups for a list: as many queries for 5 as for 45
        self.read_queries(meetings)  # warm-up: company, rules, access
        few = self.read_queries(meetings[:5])
        many = self.read_queries(meetings)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 15)

    def read_queries(self, records):
        self.env.flush_all()
        self.env.invalidate_all()
        records = records.with_user(self.user_staff)
        before = self.env.cr.sql_log_count
        records.read(["vsms_publication_count", "vsms_coverage_gap"])
        return self.env.cr.sql_log_count - before
