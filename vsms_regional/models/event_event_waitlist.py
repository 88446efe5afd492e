"""Events keep a waitlist: when a seat frees, the first in line gets it."""

from odoo import api, fields, models

from ..tools.seats import seats_free


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    vsms_waitlist_enabled = fields.Boolean(
        string="Waitlist when full",
        help="When the event is full, further registrants (website, staff, "
        "imports) go on the waitlist instead of being refused; the first on "
        "it is registered, and told by e-mail, as soon as a seat frees.",
    )
    vsms_waitlist_ids = fields.One2many(
        "event.registration",
        "event_id",
        string="Waitlist",
        domain=[("vsms_waitlisted", "=", True)],
    )
    vsms_waitlist_count = fields.Integer(
        string="On the waitlist", compute="_compute_vsms_waitlist_count"
    )

    @api.depends("registration_ids.vsms_waitlisted")
    def _compute_vsms_waitlist_count(self):
        counts = dict(
            self.env["event.registration"]._read_group(
                [("event_id", "in", self.ids), ("vsms_waitlisted", "=", True)],
                ["event_id"],
                ["__count"],
            )
        )
        for event in self:
            event.vsms_waitlist_count = counts.get(event._origin, 0)

    def write(self, vals):
        res = super().write(vals)
        if {"seats_max", "seats_limited", "vsms_waitlist_enabled"} & set(vals):
            self._vsms_promote_waitlist()
        return res

    def action_vsms_view_waitlist(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.event_registration_action_vsms_waitlist"
        )
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action

    def _vsms_promote_waitlist(self):
        """Register the first waitlisted of each event while seats are free,
        and tell them by e-mail. Runs with the events locked (the same lock
        as the seat check), whoever freed the seat."""
        Registration = self.env["event.registration"].sudo()
        events = self.sudo().exists()
        if not events:
            return Registration
        waiting = Registration.search(
            [
                ("event_id", "in", events.ids),
                ("vsms_waitlisted", "=", True),
                ("active", "=", True),
            ],
            order="vsms_waitlist_sequence, id",
        )
        if not waiting:
            return Registration
        plans = [
            (
                reg,
                Registration._vsms_scopes(
                    reg.event_id, reg.event_slot_id, reg.event_ticket_id
                ),
            )
            for reg in waiting
        ]
        scopes = {scope for _reg, limits in plans for _limit, scope in limits}
        taken = {}
        if scopes:
            Registration._vsms_lock_events(waiting.event_id)
            taken = Registration._vsms_count_taken(list(scopes))
        promoted = Registration
        for reg, limits in plans:
            free = seats_free(
                [limit for limit, _scope in limits],
                [taken[scope] for _limit, scope in limits],
            )
            if free is not None and free <= 0:
                continue
            for _limit, scope in limits:
                taken[scope] += 1
            promoted |= reg
        if promoted:
            promoted.write({"state": "open"})
            template = self.env.ref(
                "vsms_regional.event_registration_mail_template_vsms_promoted",
                raise_if_not_found=False,
            )
            if template:
                for reg in promoted.filtered("email"):
                    template.sudo().send_mail(reg.id)
            for reg in promoted:
                reg.message_post(
                    body=self.env._("A seat freed: registered from the waitlist."),
                    subtype_xmlid="mail.mt_note",
                )
        return promoted
