from odoo.fields import Command
from odoo.tests import tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestGovernancePerformance(VsmsGovernanceCommon):
    """Generating a plan's meetings and events, and rolling attendance up into
    its occurrences and items, must not query once per record of ours."""

    def _plan(self, year, items):
        plan = self.Plan.create({"name": f"План {year}", "year": year})
        meeting_items = self.Item.create(
            [
                {
                    "plan_id": plan.id,
                    "number": n + 1,
                    "name": f"Заседания {n + 1}",
                    "schedule_text": "март, июнь, сентябрь, декабрь",
                    "body_id": self.presidium.id,
                }
                for n in range(items)
            ]
        )
        event_items = self.Item.create(
            [
                {
                    "plan_id": plan.id,
                    "number": items + n + 1,
                    "name": f"Семинар {n + 1}",
                    "schedule_text": "II квартал, IV квартал",
                    "event_type_id": self.olympiad_type.id,
                    "participants_planned": 30,
                }
                for n in range(items)
            ]
        )
        return plan, meeting_items, event_items

    def _fresh(self):
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()

    def _count(self, func):
        """``(result, queries)`` of ``func`` with cold record caches."""
        self._fresh()
        before = self.env.cr.sql_log_count
        result = func()
        self.env.flush_all()
        self.env.cr.flush()
        return result, self.env.cr.sql_log_count - before

    def _core_queries(self, meetings, events):
        """Queries Odoo itself needs to create as many meetings (with the same
        attendees) and events (of the same type), without any plan."""
        meeting_vals = [
            {
                "name": meeting.name,
                "start": meeting.start,
                "stop": meeting.stop,
                "partner_ids": [Command.set(meeting.partner_ids.ids)],
                "privacy": "public",
            }
            for meeting in meetings
        ]
        event_vals = [
            {
                "name": event.name,
                "date_begin": event.date_begin,
                "date_end": event.date_end,
                "event_type_id": event.event_type_id.id,
                "seats_max": event.seats_max,
                "seats_limited": True,
            }
            for event in events
        ]
        Meeting = self.Meeting.with_context(no_mail_to_attendees=True)
        _meetings, meeting_queries = self._count(lambda: Meeting.create(meeting_vals))
        _events, event_queries = self._count(lambda: self.Event.create(event_vals))
        return meeting_queries, event_queries

    def _scenario(self, year, items):
        """Generate, attend, and recompute the roll-ups of a plan of ``items``
        meeting items and ``items`` event items.  Returns the queries of
        generating meetings, generating events and recomputing, then those of
        Odoo creating as many meetings and events by itself."""
        # warm Odoo's caches (xml ids, parameters, templates) first, so that
        # the counts below do not depend on which tests ran before
        _warm, warm_meetings, warm_events = self._plan(year + 10, 1)
        warm_meetings._vsms_generate_meetings()
        warm_events._vsms_generate_events()
        plan, meeting_items, event_items = self._plan(year, items)
        meetings, meeting_queries = self._count(meeting_items._vsms_generate_meetings)
        events, event_queries = self._count(event_items._vsms_generate_events)
        self.assertEqual(len(meetings), 4 * items)
        self.assertEqual(len(events), 2 * items)
        registrations = self.Registration.create(
            [
                {"event_id": event.id, "partner_id": partner.id}
                for event in events
                for partner in self.head | self.deputy | self.chair
            ]
        )
        registrations.filtered(lambda reg: reg.partner_id != self.chair).write(
            {"state": "done"}
        )
        meetings.attendee_ids.vsms_present = True
        self.env.flush_all()
        # recompute every roll-up of the plan from scratch
        occurrences = plan.occurrence_ids
        Occurrence, Item = self.env["vsms.plan.occurrence"], self.env["vsms.plan.item"]

        def recompute():
            for name in ("participants_registered", "participants_actual"):
                self.env.add_to_compute(Occurrence._fields[name], occurrences)
                self.env.add_to_compute(Item._fields[name], plan.item_ids)

        _none, rollup_queries = self._count(recompute)
        attendees = sum(len(meeting.attendee_ids) for meeting in meetings)
        self.assertEqual(
            sum(plan.item_ids.mapped("participants_actual")),
            2 * len(events) + attendees,
        )
        self.assertEqual(
            sum(plan.item_ids.mapped("participants_registered")),
            3 * len(events) + attendees,
        )
        return (meeting_queries, event_queries, rollup_queries), self._core_queries(
            meetings, events
        )

    # Odoo's own work grows with the records created (the calendar looks up
    # OdooBot once per new meeting; each new event reads its stage and mail
    # templates and creates its mail schedulers), and may change with any
    # core release: so the counts are compared with what Odoo needs to
    # create the same meetings and events by itself, not pinned.
    def test_queries_grow_only_with_odoo_own_work(self):
        small, small_core = self._scenario(2031, 2)
        large, large_core = self._scenario(2032, 6)
        for index, what in enumerate(("meetings", "events")):
            with self.subTest(what=what):
                # three times the plan: no more queries than Odoo's own growth
                self.assertLessEqual(
                    large[index] - small[index],
                    large_core[index] - small_core[index] + 3,
                    (small, large, small_core, large_core),
                )
                # and only a few queries of ours on top of Odoo's
                self.assertLessEqual(
                    large[index], large_core[index] + 20, (large, large_core)
                )
        # the roll-ups are ours: the same whatever the size of the plan
        self.assertEqual(small[2], large[2])
        self.assertLessEqual(large[2], 15)
