"""Seat limits that hold under concurrency, and the waitlist.

Odoo checks seats with a constraint that counts registrations in its own
REPEATABLE READ snapshot: simultaneous registrations for the last seats each
see the seat free and all commit.  Here the seat decision is serialised per
event: a transaction-level advisory lock on the event, then a count of the
seats taken from a *fresh* snapshot (a second cursor opened after the lock is
held, so it sees every registration committed by the previous holders),
corrected by what this transaction itself changed (those rows are counted as
this transaction sees them).  The lock is held until this transaction commits,
so nobody decides on a stale count.
"""

import logging

from odoo import SUPERUSER_ID, api, fields, models, modules
from odoo.exceptions import ValidationError

from ..tools.seats import seats_free

# first key of the two-key advisory locks (pg_advisory_xact_lock(int, int))
SEAT_LOCK_KEY = 77701
# fields whose change may take or free a seat
SEAT_FIELDS = {"state", "active", "event_id", "event_slot_id", "event_ticket_id"}
SEAT_STATES = ("open", "done")
TOUCHED_KEY = "vsms_seat_touched_ids"

_logger = logging.getLogger(__name__)


class EventRegistration(models.Model):
    _inherit = "event.registration"  # pylint: disable=consider-merging-classes-inherited

    vsms_waitlisted = fields.Boolean(
        string="On the waitlist",
        copy=False,
        index=True,
        readonly=True,
        help="Waits for a seat: takes none. The first on the waitlist is "
        "registered as soon as a seat frees.",
    )
    vsms_waitlist_sequence = fields.Integer(
        string="Waitlist order",
        default=lambda self: self._vsms_next_waitlist_sequence(),
        copy=False,
        index=True,
    )

    _vsms_waitlist_state = models.Constraint(
        "CHECK(NOT vsms_waitlisted OR state = 'draft')",
        "A registration on the waitlist is unconfirmed: it takes no seat.",
    )

    @api.model
    def _vsms_next_waitlist_sequence(self):
        # ids only grow: the order of arrival, without a query per registrant
        self.env.cr.execute("SELECT last_value FROM event_registration_id_seq")
        return self.env.cr.fetchone()[0] + 1

    # ------------------------------------------------------------------
    # what this transaction changed, and the serialised count
    # ------------------------------------------------------------------

    def _vsms_touched(self):
        """Ids of registrations this transaction created, moved or deleted
        (for those, this transaction's own view is the truth).

        Kept on the cursor itself, not in ``cr.cache``: rolling back to a
        savepoint clears that cache while the transaction keeps what it did
        before the savepoint. A few ids too many (changes undone by a
        savepoint) only make the count read them in this transaction's view,
        which is right for them too; forgetting one would count it nowhere."""
        cr = self.env.cr
        touched = getattr(cr, TOUCHED_KEY, None)
        if touched is None:
            touched = set()
            setattr(cr, TOUCHED_KEY, touched)

            def forget():
                setattr(cr, TOUCHED_KEY, None)

            cr.postcommit.add(forget)
            cr.postrollback.add(forget)
        return touched

    @api.model
    def _vsms_lock_events(self, events):
        """Serialise the seat decisions of ``events`` until the end of this
        transaction (re-entrant; always in id order: no deadlock)."""
        for event_id in sorted(set(events.ids)):
            self.env.cr.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", (SEAT_LOCK_KEY, event_id)
            )

    @api.model
    def _vsms_count_taken(self, scopes, extra_ids=()):
        """Seats taken per scope ``(event_id, slot_id, ticket_id)`` (slot or
        ticket may be False: not restricted), counted as committed now plus
        this transaction's own changes. Call with the events locked."""
        touched = sorted(self._vsms_touched() | set(extra_ids))
        self.flush_model()
        query = """
            SELECT count(*) FROM event_registration
             WHERE event_id = %(event)s AND state IN %(states)s AND active
               AND (%(slot)s IS NULL OR event_slot_id = %(slot)s)
               AND (%(ticket)s IS NULL OR event_ticket_id = %(ticket)s)
               AND {} (id = ANY(%(touched)s))
        """
        counts = {}

        def run(cr, negate):
            for scope in scopes:
                event_id, slot_id, ticket_id = scope
                cr.execute(
                    query.format("NOT" if negate else ""),
                    {
                        "event": event_id,
                        "slot": slot_id or None,
                        "ticket": ticket_id or None,
                        "states": SEAT_STATES,
                        "touched": touched,
                    },
                )
                counts[scope] = counts.get(scope, 0) + cr.fetchone()[0]

        # this transaction's own rows, as it sees them
        run(self.env.cr, negate=False)
        # every other row as committed now: a cursor opened after the lock
        # is held has a snapshot that includes the previous holders' commits
        with self.env.registry.cursor() as fresh_cr:
            run(fresh_cr, negate=True)
        return counts

    def _vsms_takes_seat(self):
        self.ensure_one()
        return self.active and self.state in SEAT_STATES

    @api.model
    def _vsms_scopes(self, event, slot, ticket):
        """The limits that apply to a registrant of ``event`` / ``slot`` /
        ``ticket``: a list of ``(limit, scope)`` (same rules as
        ``event.event._get_seats_availability``)."""
        limits = []
        if event.seats_limited and event.seats_max:
            limits.append((event.seats_max, (event.id, slot.id, False)))
        if ticket and ticket.seats_max:
            limits.append((ticket.seats_max, (event.id, slot.id, ticket.id)))
        return limits

    # ------------------------------------------------------------------
    # the rule: never more registered than seats
    # ------------------------------------------------------------------

    @api.constrains("active", "state", "event_id", "event_slot_id", "event_ticket_id")
    def _check_seats_availability(self):
        """Replaces Odoo's snapshot-bound check with the serialised one."""
        taking = self.sudo().filtered(lambda reg: reg._vsms_takes_seat())
        if not taking:
            return
        wanted = {}
        for reg in taking:
            for limit, scope in self._vsms_scopes(
                reg.event_id, reg.event_slot_id, reg.event_ticket_id
            ):
                wanted[scope] = (limit, reg)
        if not wanted:
            return
        # only events with a limit are serialised
        self._vsms_lock_events(
            self.env["event.event"].browse({scope[0] for scope in wanted})
        )
        counts = self._vsms_count_taken(list(wanted), extra_ids=taking.ids)
        for scope, (limit, reg) in wanted.items():
            if counts[scope] > limit:
                name = reg.event_id.name
                if scope[2]:
                    name = f"{name} — {reg.event_ticket_id.name}"
                if scope[1]:
                    name = f"{name} — {reg.event_slot_id.display_name}"
                raise ValidationError(
                    self.env._(
                        "«%(event)s» is full: %(seats)s seats, %(missing)s "
                        "registrant(s) too many. Put them on the waitlist or "
                        "free a seat first.",
                        event=name,
                        seats=limit,
                        missing=counts[scope] - limit,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("vsms_waitlisted"):
                vals["state"] = "draft"
        self._vsms_waitlist_overflow(vals_list)
        registrations = super().create(vals_list)
        self._vsms_touched().update(registrations.ids)
        return registrations

    def _vsms_waitlist_overflow(self, vals_list):
        """Registrants beyond the free seats of an event that keeps a
        waitlist go on its waitlist (in the order given); on other events
        they stay as they are and the seat check refuses them."""
        default_state = self.env.context.get("default_state", "open")
        asking = [
            vals
            for vals in vals_list
            if vals.get("event_id")
            and vals.get("state", default_state) in SEAT_STATES
            and vals.get("active", True)
        ]
        if not asking:
            return
        Event = self.env["event.event"].sudo()
        events = Event.browse({vals["event_id"] for vals in asking})
        events = events.filtered("vsms_waitlist_enabled")
        if not events:
            return
        plans = []
        for vals in asking:
            event = events.browse(vals["event_id"]) & events
            if not event:
                continue
            slot = self.env["event.slot"].sudo().browse(vals.get("event_slot_id"))
            ticket = (
                self.env["event.event.ticket"]
                .sudo()
                .browse(vals.get("event_ticket_id"))
            )
            plans.append((vals, self._vsms_scopes(event, slot, ticket)))
        scopes = {scope for _vals, limits in plans for _limit, scope in limits}
        if not scopes:
            return
        self._vsms_lock_events(events.browse({scope[0] for scope in scopes}))
        taken = self._vsms_count_taken(list(scopes))
        for vals, limits in plans:
            free = seats_free(
                [limit for limit, _scope in limits],
                [taken[scope] for _limit, scope in limits],
            )
            if free is None or free > 0:
                for _limit, scope in limits:
                    taken[scope] += 1
            else:
                vals.update(state="draft", vsms_waitlisted=True)

    def write(self, vals):
        vals = dict(vals)
        if vals.get("vsms_waitlisted"):
            vals["state"] = "draft"
        elif vals.get("state") and vals["state"] != "draft":
            vals["vsms_waitlisted"] = False
        seat_change = SEAT_FIELDS & set(vals)
        releasing = self.browse()
        if seat_change:
            self._vsms_touched().update(self.ids)
            releasing = self.sudo().filtered(lambda reg: reg._vsms_takes_seat())
        events_before = {reg.id: reg.event_id for reg in releasing}
        res = super().write(vals)
        moved = {"event_id", "event_slot_id", "event_ticket_id"} & seat_change
        freed = self.env["event.event"]
        for reg in releasing:
            if moved or not reg._vsms_takes_seat():
                freed |= events_before[reg.id]
        if freed:
            freed._vsms_promote_waitlist()
        return res

    def unlink(self):
        self._vsms_touched().update(self.ids)
        events = self.sudo().filtered(lambda reg: reg._vsms_takes_seat()).event_id
        res = super().unlink()
        events.exists()._vsms_promote_waitlist()
        return res

    # ------------------------------------------------------------------
    # event mails sent at registration ("inline")
    # ------------------------------------------------------------------

    def _update_mail_schedulers(self):
        """Outside tests Odoo runs the on-registration schedulers inside the
        registration's transaction, commits midway and updates the
        scheduler's counters: simultaneous registrations then update the same
        scheduler row from stale snapshots and the requests die (HTTP 500).
        Here the registration's mails are queued right after its transaction
        commits (so their rendering, tickets PDF included, does not hold the
        event's seat lock), in a short transaction that touches only rows of
        its own (no shared counter: the scheduler cron refreshes them). If
        that fails, the scheduler cron sends them."""
        async_mode = (
            self.env["ir.config_parameter"].sudo().get_param("event.event_mail_async")
        )
        if (
            async_mode
            or modules.module.current_test
            or self.env.context.get("install_mode")
        ):
            return super()._update_mail_schedulers()
        registration_ids = self.filtered(lambda reg: reg.state == "open").ids
        if not registration_ids:
            return None
        registry = self.env.registry

        def queue_after_commit():
            try:
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    registrations = env["event.registration"].browse(registration_ids)
                    registrations.exists()._vsms_queue_registration_mails()
            except Exception:  # pylint: disable=broad-except
                _logger.warning(
                    "Registration mails of %s left to the event scheduler",
                    registration_ids,
                    exc_info=True,
                )
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    env.ref("event.event_mail_scheduler")._trigger()

        self.env.cr.postcommit.add(queue_after_commit)
        return None

    def _vsms_queue_registration_mails(self):
        """Queue the on-registration mails of the registered among ``self``
        (mail.mail, sent by the mail queue), without committing."""
        registrations = self.filtered(lambda reg: reg.state == "open")
        if not registrations:
            return self.env["event.mail.registration"]
        schedulers = (
            self.env["event.mail"]
            .sudo()
            .search(
                [
                    ("event_id", "in", registrations.event_id.ids),
                    ("interval_type", "=", "after_sub"),
                ]
            )
        )
        queued = self.env["event.mail.registration"].sudo()
        for scheduler in schedulers._filter_template_ref():
            mails = scheduler._create_missing_mail_registrations(
                registrations.filtered(
                    lambda reg, s=scheduler: reg.event_id == s.event_id
                )
            )
            due = mails.filtered_domain(mails._get_skip_domain())
            queued |= due._execute_on_registrations()
        if schedulers:
            self.env.ref("event.event_mail_scheduler")._trigger()
        return queued
