"""Seat limits in the model (ORM / RPC / backend) and the waitlist."""

from datetime import datetime, timedelta

import psycopg2

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..tools.seats import seats_free
from .common import VsmsCommon


class TestSeatsTools(VsmsCommon):
    def test_seats_free(self):
        self.assertIsNone(seats_free([], []))
        self.assertIsNone(seats_free([0, None], [5, 3]))
        self.assertEqual(seats_free([10], [7]), 3)
        self.assertEqual(seats_free([10, 4], [7, 3]), 1)
        self.assertEqual(seats_free([10], [12]), 0)


@tagged("post_install", "-at_install")
class TestEventSeats(VsmsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").email = "admin@vsms.example.ru"
        cls.Event = cls.env["event.event"]
        cls.Registration = cls.env["event.registration"]
        start = datetime.now() + timedelta(days=10)
        cls.event = cls.Event.create(
            {
                "name": "Урок местного самоуправления",
                "date_begin": start,
                "date_end": start + timedelta(hours=2),
                "seats_limited": True,
                "seats_max": 2,
                "vsms_waitlist_enabled": True,
            }
        )

    def register(self, name, event=None, **vals):
        return self.Registration.create(
            {
                "event_id": (event or self.event).id,
                "name": name,
                "email": f"{name.split()[0].lower()}@school.example.ru",
            }
            | vals
        )

    def test_full_event_puts_newcomers_on_the_waitlist(self):
        first = self.register("Антонов Пётр")
        second = self.register("Борисова Мария")
        self.assertEqual((first | second).mapped("state"), ["open", "open"])
        third = self.register("Васильев Олег")
        self.assertEqual(third.state, "draft")
        self.assertTrue(third.vsms_waitlisted)
        self.assertEqual(self.event.seats_taken, 2)
        self.assertEqual(self.event.vsms_waitlist_count, 1)

    def test_batch_fills_the_seats_in_order(self):
        regs = self.Registration.create(
            [{"event_id": self.event.id, "name": f"Ученик {n}"} for n in range(1, 5)]
        )
        self.assertEqual(regs.mapped("vsms_waitlisted"), [False, False, True, True])
        self.assertEqual(regs.mapped("state"), ["open", "open", "draft", "draft"])

    def test_no_waitlist_refuses_with_a_clear_message(self):
        self.event.vsms_waitlist_enabled = False
        self.register("Антонов Пётр")
        self.register("Борисова Мария")
        with self.assertRaisesText(
            ValidationError, "«Урок местного самоуправления» is full"
        ):
            self.register("Васильев Олег")
        self.assertEqual(self.event.seats_taken, 2)
        self.assertFalse(self.Registration.search([("name", "=", "Васильев Олег")]))

    def test_rule_survives_a_refusal_rolled_back_to_its_savepoint(self):
        """A refused registration is rolled back to its savepoint (the
        website, Odoo's own tests): the rule must still count every
        registration this transaction made before it."""
        self.event.vsms_waitlist_enabled = False
        self.register("Антонов Пётр")
        self.register("Борисова Мария")
        draft = self.register("Васильев Олег", state="draft")
        with self.assertRaises(ValidationError):
            self.register("Григорьев Иван")
        with self.assertRaisesText(ValidationError, "is full: 2 seats, 1 registrant"):
            draft.write({"state": "open"})
        self.assertEqual(draft.state, "draft")
        self.assertEqual(self.event.seats_taken, 2)

    def test_confirming_a_waitlisted_needs_a_seat(self):
        self.register("Антонов Пётр")
        self.register("Борисова Мария")
        third = self.register("Васильев Олег")
        with self.assertRaisesText(ValidationError, "is full: 2 seats, 1 registrant"):
            third.action_confirm()
        self.assertTrue(third.vsms_waitlisted)

    def test_rpc_write_cannot_overbook(self):
        self.event.vsms_waitlist_enabled = False
        self.register("Антонов Пётр")
        draft = self.register("Борисова Мария", state="draft")
        other = self.register("Васильев Олег")
        self.assertEqual(self.event.seats_taken, 2)
        with self.assertRaisesText(ValidationError, "is full"):
            draft.with_user(self.user_staff).sudo().write({"state": "open"})
        # freeing a seat lets it in
        other.action_cancel()
        draft.action_confirm()
        self.assertEqual(draft.state, "open")

    def test_seats_limit_lowered_is_checked(self):
        self.register("Антонов Пётр")
        self.register("Борисова Мария")
        # Odoo lets a manager lower the limit below the registered: no new seat
        self.event.seats_max = 1
        waiting = self.register("Васильев Олег")
        self.assertTrue(waiting.vsms_waitlisted)

    def test_cancellation_promotes_the_first_waitlisted_and_mails_them(self):
        first = self.register("Антонов Пётр")
        self.register("Борисова Мария")
        later = self.register("Васильев Олег")
        earlier = self.register("Григорьева Анна")
        # staff put Григорьева first
        earlier.vsms_waitlist_sequence = later.vsms_waitlist_sequence - 1
        waitlist = self.Registration.search(
            [("event_id", "=", self.event.id), ("vsms_waitlisted", "=", True)],
            order="vsms_waitlist_sequence, id",
        )
        self.assertEqual(waitlist, earlier | later)
        self.assertEqual(waitlist[0], earlier)
        first.action_cancel()
        self.assertEqual(earlier.state, "open")
        self.assertFalse(earlier.vsms_waitlisted)
        self.assertTrue(later.vsms_waitlisted)
        mail = self.env["mail.mail"].search(
            [("model", "=", "event.registration"), ("res_id", "=", earlier.id)]
        )
        promoted = mail.filtered(lambda m: "освободилось место" in (m.body_html or ""))
        self.assertEqual(len(promoted), 1)
        self.assertIn("Урок местного самоуправления", promoted.subject)
        recipients = f"{promoted.email_to} {promoted.recipient_ids.mapped('email')}"
        self.assertIn("григорьева@school.example.ru", recipients)

    def test_deletion_and_raised_limit_promote(self):
        first = self.register("Антонов Пётр")
        self.register("Борисова Мария")
        a = self.register("Васильев Олег")
        b = self.register("Григорьева Анна")
        c = self.register("Дмитриев Иван")
        first.unlink()
        self.assertEqual(a.state, "open")
        self.event.seats_max = 4
        self.assertEqual((b | c).mapped("state"), ["open", "open"])
        self.assertEqual(self.event.vsms_waitlist_count, 0)

    def test_waitlisted_is_unconfirmed(self):
        reg = self.register("Антонов Пётр", state="draft")
        with (
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE event_registration SET vsms_waitlisted = true, "
                "state = 'open' WHERE id = %s",
                (reg.id,),
            )
        reg.write({"vsms_waitlisted": True})
        self.assertEqual(reg.state, "draft")

    def test_staff_reorder_and_outsider_access(self):
        self.register("Антонов Пётр")
        self.register("Борисова Мария")
        waiting = self.register("Васильев Олег")
        event_user = self.env["res.users"].create(
            {
                "name": "Организатор",
                "login": "vsms_event_user",
                "group_ids": [(6, 0, [self.env.ref("event.group_event_user").id])],
            }
        )
        waiting.with_user(event_user).write({"vsms_waitlist_sequence": 1})
        self.assertEqual(waiting.vsms_waitlist_sequence, 1)
        action = self.event.with_user(event_user).action_vsms_view_waitlist()
        self.assertIn(("event_id", "=", self.event.id), action["domain"])
        with self.assertRaises(AccessError):
            self.Registration.with_user(self.user_outsider).browse(waiting.id).read(
                ["name"]
            )
        portal = self.env["res.users"].create(
            {
                "name": "Портал",
                "login": "vsms_portal_seats",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.Registration.with_user(portal).browse(waiting.id).read(["name"])

    def test_inline_mails_are_queued_without_commit(self):
        """Outside tests, on-registration mails are queued in the
        registration's own transaction (see _update_mail_schedulers)."""
        scheduler = self.event.event_mail_ids.filtered(
            lambda m: m.interval_type == "after_sub"
        )
        self.assertTrue(scheduler, "events get an on-registration mail by default")
        reg = self.Registration.with_context(install_mode=True).create(
            {"event_id": self.event.id, "name": "Антонов Пётр", "email": "a@e.ru"}
        )
        self.assertFalse(reg.mail_registration_ids)
        queued = reg._vsms_queue_registration_mails()
        self.assertEqual(queued.registration_id, reg)
        self.assertTrue(all(queued.mapped("mail_sent")))
        self.assertTrue(
            self.env["mail.mail"].search(
                [("model", "=", "event.registration"), ("res_id", "=", reg.id)]
            )
        )
        # waitlisted registrants get no confirmation
        self.register("Борисова Мария")
        waiting = self.register("Васильев Олег")
        self.assertTrue(waiting.vsms_waitlisted)
        self.assertFalse(waiting._vsms_queue_registration_mails())
