"""Monitoring notes: «Сформировать дайджест» turns notes on legislation
changes and best practices into the branch's digest letter."""

from markupsafe import Markup, escape

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_date, is_html_empty

DIGEST = "vsms_regional.mailing_vsms_template_digest"
MEMBERS = "vsms_regional.mailing_filter_vsms_members"
# The kinds of notes a digest is made of, in the order of its sections.
DIGEST_KINDS = ("legislation", "practice")


class VsmsMonitoringNote(models.Model):
    _inherit = "vsms.monitoring.note"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_digest_entry(self):
        self.ensure_one()
        title = escape(self.name)
        if self.source_url:
            title = Markup('<a href="%s">%s</a>') % (self.source_url, self.name)
        meta = ", ".join(
            value
            for value in (
                format_date(self.env, self.date),
                self.municipality_id.name,
            )
            if value
        )
        entry = Markup(
            '<p style="margin:0px 0 0.25rem 0;"><strong>%s</strong> '
            '<span style="color:rgb(120, 120, 120);">(%s)</span></p>'
        ) % (title, meta)
        if not is_html_empty(self.summary):
            entry += Markup('<div style="margin:0px 0 1rem 0;">%s</div>') % Markup(
                self.summary
            )
        return entry

    def _vsms_digest_body(self):
        """The digest's details: a section per kind (legislation changes,
        then best practices), notes oldest first."""
        labels = dict(self._fields["kind"]._description_selection(self.env))
        sections = []
        for kind in DIGEST_KINDS:
            notes = self.filtered(lambda note, kind=kind: note.kind == kind).sorted(
                lambda note: (note.date, note.id)
            )
            if notes:
                sections.append(
                    Markup('<h3 style="margin:1rem 0 0.5rem 0;font-size:16px;">%s</h3>')
                    % labels[kind]
                )
                sections.extend(note._vsms_digest_entry() for note in notes)
        return Markup("").join(sections)

    def action_vsms_make_digest(self):
        """«Сформировать дайджест»: a mailing to contacts with the branch's
        digest letter made of these notes (legislation changes and best
        practices only), proposed to the members of the branch."""
        if not self:
            raise UserError(self.env._("Select the notes to make the digest of."))
        others = self.filtered(lambda note: note.kind not in DIGEST_KINDS)
        if others:
            labels = dict(self._fields["kind"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "A digest is made of legislation changes and best practices "
                    "only; leave out: %(notes)s.",
                    notes="; ".join(
                        f"«{note.name}» ({labels[note.kind]})" for note in others
                    ),
                )
            )
        return self.env["mailing.mailing"]._vsms_prepare_action(
            DIGEST,
            self.env._(
                "Digest: legislation changes and best practices, %(date)s",
                date=format_date(self.env, max(self.mapped("date"))),
            ),
            details=self._vsms_digest_body(),
            segment_xmlid=MEMBERS,
        )
