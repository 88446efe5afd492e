"""The self-service overrides of core models (events, event types, settings)
as colleagues outside ВСМС use them: forms with their onchanges, copies,
registrations, the waitlist."""

from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..models.res_config_settings_contestweb import MAX_FILE_MB_PARAM
from .common import VsmsCommon


@tagged("post_install", "-at_install")
class TestWebOutsiders(VsmsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_manager = new_test_user(
            cls.env,
            login="vsms_web_event_manager",
            name="Орлова Дарья Игоревна",
            groups="base.group_user,event.group_event_manager",
        )
        cls.admin_outside = new_test_user(
            cls.env,
            login="vsms_web_admin",
            groups="base.group_user,base.group_system",
        )
        cls.start = datetime.now() + timedelta(days=7)

    def test_event_form_copy_and_type_as_colleague(self):
        Type = self.env["event.type"].with_user(self.event_manager)
        with Form(Type) as form:
            form.name = "Выставка"
        event_type = form.record
        self.assertTrue(event_type.vsms_consent_required)
        Event = self.env["event.event"].with_user(self.event_manager)
        with Form(Event) as form:
            form.name = "Выставка ремёсел"
            form.event_type_id = event_type
            form.date_begin = self.start
            form.date_end = self.start + timedelta(hours=3)
        event = form.record
        self.assertTrue(event.vsms_consent_required)
        copy = event.copy()
        self.assertEqual(copy.event_type_id, event_type)
        self.assertFalse(copy.vsms_waitlist_ids)
        # an event of the work plan, copied by a colleague: the copy leaves the plan
        planned = self.env["event.event"].create(
            {
                "name": "Олимпиада",
                "date_begin": self.start,
                "date_end": self.start + timedelta(hours=3),
                "vsms_plan_item_id": self.item_olympiad.id,
            }
        )
        self.assertTrue(planned.vsms_consent_required)
        copy = planned.with_user(self.event_manager).copy()
        self.assertFalse(copy.sudo().vsms_plan_item_id)

    def test_seats_and_waitlist_as_colleague(self):
        event = (
            self.env["event.event"]
            .with_user(self.event_manager)
            .create(
                {
                    "name": "Мастер-класс",
                    "date_begin": self.start,
                    "date_end": self.start + timedelta(hours=2),
                    "seats_limited": True,
                    "seats_max": 1,
                }
            )
        )
        Registration = self.env["event.registration"].with_user(self.event_manager)
        with Form(Registration) as form:
            form.event_id = event
            form.name = "Первый Участник"
            form.email = "first@example.ru"
        first = form.record
        self.assertEqual(first.state, "open")
        # full, no waitlist: refused, named
        with self.assertRaisesText(ValidationError, "«Мастер-класс» is full"):
            Registration.create({"event_id": event.id, "name": "Второй Участник"})
        # with the waitlist: the second waits, and gets the seat freed
        event.vsms_waitlist_enabled = True
        second = Registration.create({"event_id": event.id, "name": "Второй Участник"})
        self.assertTrue(second.vsms_waitlisted)
        self.assertEqual(event.vsms_waitlist_count, 1)
        first.action_cancel()
        self.assertEqual(second.state, "open")
        self.assertFalse(second.vsms_waitlisted)
        # a registration copied by a colleague is not on the waitlist
        third = Registration.create({"event_id": event.id, "name": "Третий Участник"})
        self.assertTrue(third.vsms_waitlisted)
        self.assertFalse(third.copy({"state": "cancel"}).vsms_waitlisted)

    def test_settings_as_an_administrator_outside_vsms(self):
        """The ВСМС block is not shown to them, and saving their settings
        keeps the branch's limits as they are."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(MAX_FILE_MB_PARAM, "7")
        settings = self.env["res.config.settings"].with_user(self.admin_outside)
        with Form(settings) as form:
            self.assertNotIn("vsms_contest_max_file_mb", form._view["fields"])
        form.record.execute()
        self.assertEqual(params.get_param(MAX_FILE_MB_PARAM), "7")
