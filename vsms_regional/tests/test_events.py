from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import VsmsGovernanceCommon

EVENT_TYPES = {
    "event_type_vsms_olympiad": "Олимпиада",
    "event_type_vsms_business_game": "Деловая игра",
    "event_type_vsms_seminar": "Семинар-совещание",
    "event_type_vsms_lesson": "Тематический урок",
    "event_type_vsms_round_table": "Круглый стол",
    "event_type_vsms_conference": "Конференция",
    "event_type_vsms_videoconference": "ВКС (видеоконференция)",
}


@tagged("post_install", "-at_install")
class TestEventGeneration(VsmsGovernanceCommon):
    def test_event_types_of_the_plan(self):
        for xmlid, name in EVENT_TYPES.items():
            self.assertEqual(self.env.ref(f"vsms_regional.{xmlid}").name, name)
        plan = self.env.ref("vsms_regional.vsms_plan_2021")
        by_number = {item.number: item for item in plan.item_ids}
        self.assertEqual(
            by_number[5].event_type_id,
            self.env.ref("vsms_regional.event_type_vsms_olympiad"),
        )
        self.assertEqual(
            by_number[4].event_type_id,
            self.env.ref("vsms_regional.event_type_vsms_business_game"),
        )
        self.assertEqual(
            by_number[2].body_id, self.env.ref("vsms_regional.vsms_body_presidium")
        )
        self.assertEqual(
            by_number[1].body_id,
            self.env.ref("vsms_regional.vsms_body_regional_council"),
        )

    def test_one_event_per_occurrence(self):
        venue = self.Partner.create(
            {"name": "МБОУ «СШ № 7» г. Смоленска", "is_company": True}
        )
        events = self.item_olympiad._vsms_generate_events(
            hour=9.5, duration=4, address=venue, seats=60
        )
        self.assertEqual(len(events), 1)
        event = events
        occurrence = self.item_olympiad.occurrence_ids
        self.assertEqual(event.vsms_occurrence_id, occurrence)
        self.assertEqual(event.vsms_plan_item_id, self.item_olympiad)
        self.assertEqual(event.event_type_id, self.olympiad_type)
        self.assertEqual(event.name, self.item_olympiad.name)
        self.assertEqual(event.address_id, venue)
        self.assertEqual(event.seats_max, 60)
        self.assertTrue(event.seats_limited)
        self.assertEqual(str(event.date_begin), "2030-04-01 06:30:00")
        self.assertEqual(str(event.date_end), "2030-04-01 10:30:00")
        self.assertEqual(self.item_olympiad.event_count, 1)
        # idempotent
        self.assertFalse(self.item_olympiad._vsms_generate_events())

    def test_events_for_several_occurrences_are_named_by_period(self):
        item = self.make_item(
            name="Круглый стол",
            schedule_text="II квартал, IV квартал",
            event_type_id=self.env.ref("vsms_regional.event_type_vsms_round_table").id,
            participants_planned=25,
        )
        events = item._vsms_generate_events()
        self.assertEqual(len(events), 2)
        self.assertEqual(
            sorted(events.mapped("name")),
            ["Круглый стол (II квартал 2030)", "Круглый стол (IV квартал 2030)"],
        )
        self.assertEqual(set(events.mapped("seats_max")), {25})

    def test_wizard_creates_events(self):
        action = self.item_olympiad.with_context(
            vsms_schedule_mode="event"
        ).action_vsms_schedule()
        with Form(
            self.env[action["res_model"]].with_context(**action["context"])
        ) as wizard:
            self.assertEqual(wizard.event_type_id, self.olympiad_type)
            self.assertEqual(wizard.seats_max, 40)
            wizard.seats_max = 50
            with wizard.line_ids.edit(0) as line:
                line.date = "2030-04-21"
        result = wizard.save().action_confirm()
        event = self.Event.search(result["domain"])
        self.assertEqual(event.seats_max, 50)
        self.assertEqual(event.date_begin.date().isoformat(), "2030-04-21")
        self.assertEqual(event.organizer_id, self.env.company.partner_id)

    def test_negative_seats_are_refused(self):
        with self.assertRaisesText(ValidationError, "-5"):
            self.item_olympiad._vsms_generate_events(seats=-5)
        self.assertFalse(self.item_olympiad.event_ids)
        with self.assertRaisesText(ValidationError, "-3"):
            self.env["vsms.occurrence.schedule.wizard"].create(
                {"item_id": self.item_olympiad.id, "mode": "event", "seats_max": -3}
            )
        event = self.item_olympiad._vsms_generate_events()
        with self.assertRaisesText(ValidationError, "-1"):
            event.seats_max = -1
            event.flush_recordset()

    def test_link_existing_event(self):
        event = self.Event.create(
            {
                "name": "Олимпиада по основам МСУ",
                "date_begin": "2030-04-15 07:00:00",
                "date_end": "2030-04-15 11:00:00",
            }
        )
        event.vsms_occurrence_id = self.item_olympiad.occurrence_ids
        self.assertEqual(event.vsms_plan_item_id, self.item_olympiad)
        self.assertEqual(self.item_olympiad.event_ids, event)

    def test_event_outside_its_period_is_refused(self):
        occurrence = self.item_olympiad.occurrence_ids
        with self.assertRaisesText(ValidationError, occurrence.name):
            self.Event.create(
                {
                    "name": "Олимпиада",
                    "date_begin": "2030-05-15 07:00:00",
                    "date_end": "2030-05-15 11:00:00",
                    "vsms_occurrence_id": occurrence.id,
                }
            )
        self.assertFalse(occurrence.event_ids)


@tagged("post_install", "-at_install")
class TestRollUps(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls.item_olympiad._vsms_generate_events()
        cls.occurrence = cls.item_olympiad.occurrence_ids
        cls.pupils = cls.env["res.partner"].create(
            [
                {"name": f"Ученик {n}", "email": f"pupil{n}@school.example.ru"}
                for n in range(6)
            ]
        )

    def register(self, partners, state="open", **vals):
        return self.Registration.create(
            [
                {
                    "event_id": self.event.id,
                    "partner_id": partner.id,
                    "state": state,
                    "vsms_category": "pupil",
                    "vsms_organization": "МБОУ «СШ № 7»",
                }
                | vals
                for partner in partners
            ]
        )

    def test_registrations_roll_up(self):
        attended = self.register(self.pupils[:3])
        attended.action_set_done()
        self.register(self.pupils[3:4])  # registered, did not come
        self.register(self.pupils[4:5], state="draft")  # unconfirmed
        cancelled = self.register(self.pupils[5:6])
        cancelled.action_cancel()
        self.assertEqual(self.occurrence.participants_registered, 4)
        self.assertEqual(self.occurrence.participants_actual, 3)
        self.assertEqual(self.item_olympiad.participants_registered, 4)
        self.assertEqual(self.item_olympiad.participants_actual, 3)
        # archived registrations do not count either
        attended[0].active = False
        self.assertEqual(self.item_olympiad.participants_actual, 2)

    def test_presence_and_categories_roll_up(self):
        meeting = self.meeting_for(3)
        self.mark_present(meeting, self.chair | self.secretary | self.member_a)
        march = meeting.vsms_occurrence_id
        self.assertEqual(march.participants_registered, 5)
        self.assertEqual(march.participants_actual, 3)
        # a declined invitation is not a registration
        meeting.attendee_ids.filtered(
            lambda a: a.partner_id == self.member_b
        ).do_decline()
        self.assertEqual(march.participants_registered, 4)
        # people who took part in a partner's event, by category
        june = self.item_presidium.occurrence_ids[1]
        june.participant_ids = [
            (0, 0, {"category": "member", "count": 4, "note": "Поисковая экспедиция"}),
            (0, 0, {"category": "pupil", "count": 12}),
        ]
        self.assertEqual(june.participants_actual, 16)
        self.assertEqual(self.item_presidium.participants_actual, 19)
        self.assertEqual(self.item_presidium.participants_registered, 4)
        # a cancelled meeting counts nobody
        meeting.action_vsms_cancel_meeting()
        self.assertEqual(march.participants_actual, 0)

    def test_participants_by_category_must_be_positive(self):
        with self.assertRaisesText(ValidationError, "-2"):
            self.occurrence.participant_ids = [
                (0, 0, {"category": "guest", "count": -2})
            ]
        self.assertFalse(self.occurrence.participant_ids)

    def test_plan_pivot_shows_planned_registered_attended(self):
        self.register(self.pupils[:4]).filtered(
            lambda reg: reg.partner_id in self.pupils[:2]
        ).action_set_done()
        groups = self.Item._read_group(
            [("plan_id", "=", self.plan.id)],
            ["section_id"],
            [
                "participants_planned:sum",
                "participants_registered:sum",
                "participants_actual:sum",
            ],
        )
        totals = {section: rest for section, *rest in groups}
        self.assertEqual(totals[self.section_events], [40, 4, 2])
        occurrence_groups = self.Occurrence._read_group(
            [("plan_id", "=", self.plan.id)],
            ["item_id"],
            ["participants_registered:sum", "participants_actual:sum"],
        )
        self.assertIn((self.item_olympiad, 4, 2), occurrence_groups)

    def test_registration_category_defaults_from_the_contact(self):
        self.make_position(self.head, self.role_head, date_start="2025-10-01")
        self.deputy.vsms_member_state = "member"
        registrations = self.Registration.create(
            [
                {"event_id": self.event.id, "partner_id": self.head.id},
                {"event_id": self.event.id, "partner_id": self.deputy.id},
                {"event_id": self.event.id, "name": "Гость без карточки"},
            ]
        )
        self.assertEqual(
            registrations.mapped("vsms_category"), ["head", "member", False]
        )
        self.assertEqual(registrations[0].vsms_municipality_id, self.vyazma)
        self.assertEqual(registrations[0].vsms_occurrence_id, self.occurrence)

    def test_finished_event_marks_its_occurrence_done(self):
        ended = self.env["event.stage"].search([("pipe_end", "=", True)], limit=1)
        self.event.stage_id = ended
        self.assertEqual(self.occurrence.state, "done")
        self.assertEqual(self.item_olympiad.state, "done")

    def test_occurrence_waits_for_all_its_events(self):
        second = self.Event.create(
            {
                "name": "Олимпиада: второй тур",
                "date_begin": "2030-04-20 07:00:00",
                "date_end": "2030-04-20 11:00:00",
                "vsms_occurrence_id": self.occurrence.id,
            }
        )
        self.event.action_set_done()
        self.assertEqual(self.occurrence.state, "planned")
        second.action_set_done()
        self.assertEqual(self.occurrence.state, "done")

    def test_access(self):
        # staff run events and registrations
        registration = self.Registration.with_user(self.user_staff).create(
            {
                "event_id": self.event.id,
                "partner_id": self.pupils[0].id,
                "vsms_category": "pupil",
            }
        )
        registration.action_set_done()
        self.assertEqual(self.occurrence.participants_actual, 1)
        self.occurrence.with_user(self.user_staff).participant_ids = [
            (0, 0, {"category": "guest", "count": 2})
        ]
        # a user without ВСМС groups sees neither the plan link nor the counts
        with self.assertRaises(AccessError):
            self.event.with_user(self.user_outsider).read(["vsms_occurrence_id"])
        with self.assertRaises(AccessError):
            self.occurrence.with_user(self.user_outsider).read(["participants_actual"])
        with self.assertRaises(AccessError):
            self.env["vsms.plan.occurrence.participant"].with_user(
                self.user_outsider
            ).create({"occurrence_id": self.occurrence.id, "count": 1})
