"""Registrations from the website: the extra fields the form may fill and
the duplicate check (same person twice for one event)."""

from odoo import api, models
from odoo.tools import email_normalize


class EventRegistration(models.Model):
    _inherit = "event.registration"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _vsms_website_fields(self):
        """ВСМС fields the public registration form may fill (besides
        Odoo's ``_get_website_registration_allowed_fields``, whose values are
        ids)."""
        return {"vsms_category", "vsms_organization"}

    @api.model
    def _vsms_find_duplicate(self, event, attendees, by_name=False):
        """The e-mail of the first attendee in ``attendees`` (dicts of the
        form) who is already registered for ``event`` (not cancelled) or
        appears twice among them; ``False`` if none.

        A person is their e-mail; with ``by_name`` (a teacher or parent
        registering pupils under their own e-mail) their e-mail and name.
        Runs under the event's seat lock and reads committed registrations
        too, so two simultaneous submissions cannot both pass."""

        def key(email, name):
            email = email_normalize(email or "") or ""
            name = " ".join((name or "").lower().replace("ё", "е").split())
            return (email, name if by_name else "")

        wanted = {}
        for values in attendees:
            attendee_key = key(values.get("email"), values.get("name"))
            if not attendee_key[0]:
                continue
            if attendee_key in wanted:
                return attendee_key[0]
            wanted[attendee_key] = True
        if not wanted:
            return False
        self._vsms_lock_events(event)
        self.flush_model()
        query = """
            SELECT email, name FROM event_registration
             WHERE event_id = %s AND state != 'cancel' AND active
               AND lower(trim(email)) = ANY(%s)
        """
        emails = sorted({email for email, _name in wanted})
        rows = []
        self.env.cr.execute(query, (event.id, emails))
        rows += self.env.cr.fetchall()
        with self.env.registry.cursor() as fresh_cr:
            fresh_cr.execute(query, (event.id, emails))
            rows += fresh_cr.fetchall()
        for email, name in rows:
            found = key(email, name)
            if found in wanted:
                return found[0]
        return False
