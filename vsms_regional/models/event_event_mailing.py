"""Events: «Разослать приглашение» prepares the branch's invitation letter."""

import pytz
from markupsafe import Markup, escape

from odoo import models
from odoo.tools import format_date

INVITATION = "vsms_regional.mailing_vsms_template_event"
MEMBERS = "vsms_regional.mailing_filter_vsms_members"


class EventEvent(models.Model):
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_invitation_when(self):
        """«10 апреля 2030, 10:00 – 15:00» in the event's time zone."""
        self.ensure_one()
        tz = pytz.timezone(self.date_tz or "UTC")
        begin = pytz.utc.localize(self.date_begin).astimezone(tz)
        end = pytz.utc.localize(self.date_end).astimezone(tz)
        day = format_date(self.env, begin.date(), date_format="d MMMM y")
        if begin.date() == end.date():
            return f"{day}, {begin:%H:%M} – {end:%H:%M}"
        last_day = format_date(self.env, end.date(), date_format="d MMMM y")
        return f"{day}, {begin:%H:%M} – {last_day}, {end:%H:%M}"

    def _vsms_invitation_details(self):
        """The invitation's details: what, when, where and how to register.

        Registration: the event's web page once it is published on the
        website (``event_share_url``), otherwise the online event's link;
        without either, a reply to the letter, with the organiser's contacts
        (an unpublished page would answer «not found» to the public)."""
        self.ensure_one()

        def line(label, value):
            return Markup(
                '<p style="margin:0px 0 0.5rem 0;"><strong>%s:</strong> %s</p>'
            ) % (
                label,
                value,
            )

        place = self.address_inline
        if not place and self.event_url:
            place = self.env._("online")
        url = self.event_share_url if self.is_published else self.event_url
        if url:
            registration = Markup('<a href="%s">%s</a>') % (url, url)
        else:
            contacts = ", ".join(
                value
                for value in (
                    self.organizer_id.name,
                    self.organizer_id.email,
                    self.organizer_id.phone,
                )
                if value
            )
            registration = escape(
                self.env._("reply to this letter (%(contacts)s)", contacts=contacts)
                if contacts
                else self.env._("reply to this letter")
            )
        lines = [
            line(self.env._("Event"), escape(self.name)),
            line(self.env._("Date and time"), escape(self._vsms_invitation_when())),
        ]
        if place:
            lines.append(line(self.env._("Place"), escape(place)))
        lines.append(line(self.env._("Registration"), registration))
        return Markup("").join(lines)

    def action_vsms_mail_invitation(self):
        """«Разослать приглашение»: a mailing to contacts with the branch's
        invitation letter, this event's details, its plan item and
        occurrence, and the members of the branch proposed as recipients."""
        self.ensure_one()
        # the plan links are ВСМС staff's business
        self._check_field_access(self._fields["vsms_occurrence_id"], "read")
        return self.env["mailing.mailing"]._vsms_prepare_action(
            INVITATION,
            self.env._("Invitation: %(event)s", event=self.name),
            details=self._vsms_invitation_details(),
            item=self.vsms_plan_item_id,
            occurrence=self.vsms_occurrence_id,
            segment_xmlid=MEMBERS,
        )
