"""Consents given online: which wording was agreed to, and when exactly."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.records import changed_fields

ONLINE_FIELDS = ("text_id", "given_at")


class VsmsConsent(models.Model):
    _inherit = "vsms.consent"  # pylint: disable=consider-merging-classes-inherited

    text_id = fields.Many2one(
        "vsms.consent.text",
        string="Text agreed to",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The version of the consent text the person ticked (website, "
        "member portal).",
    )
    given_at = fields.Datetime(
        string="Given at",
        tracking=True,
        help="When the consent was given online, to the second.",
    )

    @api.constrains("kind", "text_id")
    def _check_text_kind(self):
        for consent in self.filtered("text_id"):
            if consent.text_id.kind != consent.kind:
                raise ValidationError(
                    self.env._(
                        "The consent «%(consent)s» cannot refer to the text "
                        "«%(text)s»: it is the text of another kind of consent.",
                        consent=consent.display_name,
                        text=consent.text_id.name,
                    )
                )

    def write(self, vals):
        # like the rest of the consent, what was agreed to and when is evidence
        for consent in self:
            if consent.text_id and changed_fields(consent, vals, ONLINE_FIELDS):
                raise UserError(
                    self.env._(
                        "The consent «%(consent)s» is evidence: the text agreed "
                        "to and the time cannot change once it is saved. Record "
                        "a new consent instead.",
                        consent=consent.display_name,
                    )
                )
        return super().write(vals)

    @api.model
    def _vsms_record_online(
        self,
        partner,
        kind,
        text=None,
        guardian=None,
        relation=None,
        source="website",
        note=None,
    ):
        """Record the consent ``partner`` (or ``guardian`` for them) has just
        given online by ticking the box next to ``text`` (default: the text of
        ``kind`` in force today). Public controllers call it with sudo()."""
        partner.ensure_one()
        text = text or self.env["vsms.consent.text"]._vsms_current(kind)
        if not text:
            labels = dict(self._fields["kind"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "No text is in force for the consent «%(kind)s»: a manager "
                    "has to publish one (ВСМС › Configuration › Consent texts).",
                    kind=labels.get(kind, kind),
                )
            )
        vals = {
            "partner_id": partner.id,
            "kind": kind,
            "source": source,
            "text_id": text.id,
            "date_given": fields.Date.context_today(self),
            "given_at": fields.Datetime.now(),
            "note": note or False,
        }
        if guardian:
            vals.update(
                guardian_partner_id=guardian.id, guardian_relation=relation or "other"
            )
        return self.create(vals)
