"""The wording of a consent, versioned: what a person agreed to online."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.records import changed_fields
from .vsms_consent import CONSENT_KINDS

# What a consent given online refers to: once one does, the wording is
# evidence and stays as it was (a new wording is a new version).
FIXED_FIELDS = ("kind", "version", "body")


class VsmsConsentText(models.Model):
    _name = "vsms.consent.text"
    _description = "Consent Text"
    _order = "kind, date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(CONSENT_KINDS, required=True, index=True)
    version = fields.Char(
        required=True,
        help="The version people see next to the tick box and that is recorded "
        "on every consent given with this text, e.g. «2».",
    )
    body = fields.Text(
        string="Text",
        required=True,
        help="The full wording shown next to the consent tick box on the website "
        "and in the member portal.",
    )
    date_start = fields.Date(
        string="In force from",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    active = fields.Boolean(default=True)
    consent_count = fields.Integer(compute="_compute_consent_count")

    _kind_version_unique = models.Constraint(
        "UNIQUE(kind, version)",
        "A consent text of this kind already has this version.",
    )

    @api.depends("kind", "version")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for text in self:
            text.name = self.env._(
                "%(kind)s, version %(version)s",
                kind=labels.get(text.kind, ""),
                version=text.version or "",
            )

    def _compute_consent_count(self):
        counts = dict(
            self.env["vsms.consent"]._read_group(
                [("text_id", "in", self.ids)], ["text_id"], ["__count"]
            )
        )
        for text in self:
            text.consent_count = counts.get(text, 0)

    @api.model
    def _vsms_current(self, kind):
        """The text of ``kind`` in force today (empty when there is none)."""
        today = fields.Date.context_today(self)
        return self.search(
            [("kind", "=", kind), ("date_start", "<=", today)],
            order="date_start desc, id desc",
            limit=1,
        )

    def write(self, vals):
        used = self.filtered(
            lambda text: changed_fields(text, vals, FIXED_FIELDS)
        )._used()
        if used:
            raise UserError(
                self.env._(
                    "The consent text «%(text)s» has been agreed to: its wording "
                    "cannot change any more. Create a new version instead.",
                    text=used[0].name,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_used(self):
        used = self._used()
        if used:
            raise UserError(
                self.env._(
                    "The consent text «%(text)s» has been agreed to and is "
                    "evidence: archive it instead of deleting it.",
                    text=used[0].name,
                )
            )

    def _used(self):
        if not self:
            return self
        consents = (
            self.env["vsms.consent"]
            .sudo()
            ._read_group([("text_id", "in", self.ids)], ["text_id"])
        )
        return self.browse([text.id for (text,) in consents])
