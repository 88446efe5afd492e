"""Core Odoo keeps working for colleagues outside the ВСМС groups.

Every test here runs as an internal user without ВСМС groups (or with the Jury
group only) and does what core Odoo lets them do: the addon's fields are
restricted to ВСМС staff, so no onchange, copy, default, constraint or compute
that runs as the user may read them.
"""

from odoo.tests import Form, new_test_user, tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestCoreCompat(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_colleague = new_test_user(
            cls.env,
            login="vsms_colleague",
            name="Сидоров Павел Андреевич",
            groups="base.group_user,base.group_partner_manager,"
            "event.group_event_user,sales_team.group_sale_salesman",
        )
        cls.outsiders = (cls.user_outsider, cls.user_jury, cls.user_colleague)
        cls.meeting = cls.meeting_for(3)

    # -- Calendar ------------------------------------------------------------
    def test_calendar_form_create_and_move(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                with Form(self.env["calendar.event"].with_user(user)) as form:
                    form.name = "Планёрка отдела"
                    form.start = "2030-03-04 08:00:00"
                    form.stop = "2030-03-04 09:00:00"
                event = form.record
                with Form(event) as form:
                    form.start = "2030-03-05 10:00:00"
                self.assertEqual(event.start.day, 5)

    def test_calendar_quick_create(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                form = Form(
                    self.env["calendar.event"].with_user(user),
                    view="calendar.view_calendar_event_form_quick_create",
                )
                form.name = "Созвон"
                form.start = "2030-03-04 08:00:00"
                form.stop = "2030-03-04 09:00:00"
                self.assertTrue(form.save())

    def test_meeting_of_a_body_moved_by_its_organiser_outside_vsms(self):
        """A colleague invited to (and organising) a body's meeting can move it
        in their calendar: the onchange inviting the body's members does not
        read the body as them."""
        self.meeting.user_id = self.user_colleague
        self.meeting.partner_ids |= self.user_colleague.partner_id
        with Form(self.meeting.with_user(self.user_colleague)) as form:
            form.start = "2030-03-16 07:00:00"
        self.assertEqual(self.meeting.start.day, 16)
        self.assertEqual(self.meeting.vsms_body_id, self.presidium)

    def test_duplicate_event_as_outsider(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                event = (
                    self.env["calendar.event"]
                    .with_user(user)
                    .create(
                        {
                            "name": "Совещание",
                            "start": "2030-03-04 08:00:00",
                            "stop": "2030-03-04 09:00:00",
                        }
                    )
                )
                copy = event.copy()
                self.assertEqual(copy.name, "Совещание")
        # a meeting of a body the colleague organises
        self.meeting.user_id = self.user_colleague
        copy = self.meeting.with_user(self.user_colleague).copy()
        self.assertFalse(copy.sudo().vsms_occurrence_id)

    def test_recurrence_as_outsider(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                with Form(self.env["calendar.event"].with_user(user)) as form:
                    form.name = "Еженедельная планёрка"
                    form.start = "2030-03-04 08:00:00"
                    form.stop = "2030-03-04 09:00:00"
                    form.recurrency = True
                    form.rrule_type_ui = "daily"
                    form.count = 3
                event = form.record
                events = event.recurrence_id.calendar_event_ids
                self.assertEqual(len(events), 3)
                # change the recurrence of all events
                event.write(
                    {
                        "recurrence_update": "all_events",
                        "count": 5,
                    }
                )
                self.assertEqual(len(event.recurrence_id.calendar_event_ids), 5)

    def test_copied_held_meeting_is_planned_without_protocol(self):
        self.mark_present(self.meeting, self.meeting.partner_ids)
        self.meeting.action_vsms_close()
        self.assertEqual(self.meeting.vsms_meeting_state, "held")
        for user in (self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                copy = self.meeting.with_user(user).copy()
                self.assertEqual(copy.vsms_meeting_state, "planned")
                self.assertFalse(copy.vsms_protocol_number)
                self.assertFalse(copy.vsms_occurrence_id)
                self.assertFalse(copy.attendee_ids.filtered("vsms_present"))
                # staff keep the body of the meeting they duplicate
                self.assertEqual(copy.vsms_body_id, self.presidium)

    def test_recurring_meeting_of_a_body_stays_a_meeting(self):
        with Form(self.env["calendar.event"].with_user(self.user_staff)) as form:
            form.name = "Рабочая группа"
            form.start = "2030-03-04 08:00:00"
            form.stop = "2030-03-04 09:00:00"
            form.vsms_body_id = self.presidium
            form.recurrency = True
            form.rrule_type_ui = "daily"
            form.count = 3
        events = form.record.recurrence_id.calendar_event_ids
        self.assertEqual(len(events), 3)
        self.assertEqual(events.vsms_body_id, self.presidium)
        self.assertEqual(set(events.mapped("vsms_meeting_state")), {"planned"})

    # -- Contacts --------------------------------------------------------------
    def test_open_municipality_from_a_registration(self):
        event = self.Event.create(
            {
                "name": "Семинар",
                "date_begin": "2030-04-10 07:00:00",
                "date_end": "2030-04-10 10:00:00",
            }
        )
        registration = self.Registration.create(
            {"event_id": event.id, "partner_id": self.head.id}
        )
        registration = registration.with_user(self.user_colleague)
        municipality = registration.vsms_municipality_id
        self.assertEqual(municipality, self.vyazma)
        form = Form(municipality)
        self.assertEqual(form.name, self.vyazma.name)
        self.assertGreaterEqual(form.partner_count, 1)

    # -- Events ----------------------------------------------------------------
    def test_event_duplicate_and_registration_desk(self):
        occurrence = self.item_olympiad.occurrence_ids[:1]
        event = self.Event.create(
            {
                "name": "Олимпиада",
                "date_begin": "2030-04-10 07:00:00",
                "date_end": "2030-04-10 10:00:00",
                "vsms_occurrence_id": occurrence.id,
            }
        )
        event = event.with_user(self.user_colleague)
        copy = event.copy()
        self.assertFalse(copy.sudo().vsms_occurrence_id)
        with Form(event) as form:
            form.date_begin = "2030-04-11 07:00:00"
            form.date_end = "2030-04-11 10:00:00"
        Registration = self.env["event.registration"].with_user(self.user_colleague)
        with Form(Registration) as form:
            form.event_id = event
            form.name = "Ученик Школы"
            form.email = "pupil@school.example.ru"
        registration = form.record
        registration.action_set_done()
        self.assertEqual(registration.state, "done")
        self.assertEqual(event.seats_taken, 1)

    # -- CRM -------------------------------------------------------------------
    def test_sales_leads_and_stages(self):
        Lead = self.env["crm.lead"].with_user(self.user_colleague)
        with Form(Lead) as form:
            form.name = "Поставка оборудования"
            form.partner_id = self.head
        lead = form.record
        stages = self.env["crm.stage"].search([("team_ids", "=", False)])
        lead.stage_id = stages[-1:]
        copy = lead.copy()
        self.assertTrue(copy.name)
        groups = Lead._read_group([], ["stage_id"], ["__count"])
        self.assertTrue(groups)
        self.assertEqual(lead.vsms_municipality_id, self.vyazma)

    # -- Users -------------------------------------------------------------------
    def test_user_created_by_an_administrator_outside_vsms(self):
        """res.users inherits res.partner: no ВСМС field may be sent along with
        the new user's partner (a default of a restricted field would be)."""
        admin = new_test_user(
            self.env,
            login="it_admin",
            groups="base.group_user,base.group_erp_manager,"
            "sales_team.group_sale_manager",
        )
        user = (
            self.env["res.users"]
            .with_user(admin)
            .create({"name": "Новый Сотрудник", "login": "new_colleague"})
        )
        self.assertEqual(user.partner_id.sudo().vsms_member_state, "none")
        team = self.env["crm.team"].with_user(admin).create({"name": "Продажи"})
        team.write(
            {
                "member_ids": [
                    (4, user.id),
                    (0, 0, {"name": "Ещё Продавец", "login": "seller_two"}),
                ]
            }
        )
        self.assertIn(user, team.member_ids)
        self.assertEqual(len(team.member_ids), 2)

    def test_import_contacts_as_a_colleague(self):
        result = (
            self.env["res.partner"]
            .with_user(self.user_colleague)
            .load(
                ["name", "email", "phone", "function"],
                [
                    [
                        "Орлова Нина Петровна",
                        "orlova@example.ru",
                        "+7 900 000-00-01",
                        "",
                    ],
                    ["ООО «Ромашка»", "info@romashka", "", "Поставщик"],
                    ["John Smith", " john@example.com", "", "Buyer"],
                ],
            )
        )
        self.assertFalse(result["messages"])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(partners), 3)
        self.assertEqual(partners[0].vsms_last_name, "Орлова")
        self.assertFalse(partners[2].vsms_last_name, "a Latin name is not a ФИО")
        # they can be opened and edited in the contact form as the colleague
        with Form(partners[0].with_user(self.user_colleague)) as form:
            form.phone = "+7 900 000-00-02"
        self.assertEqual(partners[0].phone, "+7 900 000-00-02")
