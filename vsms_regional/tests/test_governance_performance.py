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
        self.env.invalidate_all()

    def _scenario(self, year, items, queries):
        """Generate, attend, and recompute the roll-ups of a plan of ``items``
        meeting items and ``items`` event items; ``queries`` are the expected
        counts for generating meetings, generating events and recomputing."""
        # warm Odoo's caches (xml ids, parameters, templates) first, so that
        # the counts below do not depend on which tests ran before
        _warm, warm_meetings, warm_events = self._plan(year + 10, 1)
        warm_meetings._vsms_generate_meetings()
        warm_events._vsms_generate_events()
        plan, meeting_items, event_items = self._plan(year, items)
        self._fresh()
        with self.assertQueryCount(queries[0]):
            meetings = meeting_items._vsms_generate_meetings()
            self.env.flush_all()
        self._fresh()
        with self.assertQueryCount(queries[1]):
            events = event_items._vsms_generate_events()
            self.env.flush_all()
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
        self._fresh()
        for name in ("participants_registered", "participants_actual"):
            self.env.add_to_compute(Occurrence._fields[name], occurrences)
            self.env.add_to_compute(Item._fields[name], plan.item_ids)
        with self.assertQueryCount(queries[2]):
            self.env.flush_all()
        attendees = sum(len(meeting.attendee_ids) for meeting in meetings)
        self.assertEqual(
            sum(plan.item_ids.mapped("participants_actual")),
            2 * len(events) + attendees,
        )
        self.assertEqual(
            sum(plan.item_ids.mapped("participants_registered")),
            3 * len(events) + attendees,
        )

    # The only queries that grow with the plan are Odoo's own: the calendar
    # looks up OdooBot once per new meeting (its contact description), and
    # each new event reads its stage and mail templates and creates its mail
    # schedulers (five queries an event). Our roll-ups stay at 11 queries.
    def test_small_plan(self):
        self._scenario(2031, 2, (45, 57, 11))

    def test_three_times_larger_plan(self):
        self._scenario(2032, 6, (45 + 16, 96, 11))
