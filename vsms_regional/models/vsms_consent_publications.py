from markupsafe import Markup, escape

from odoo import models


class VsmsConsent(models.Model):
    """A withdrawn publication consent: which publications quote the person
    (152-ФЗ art. 10.1 p. 14: stop publishing within 3 working days)."""

    _inherit = "vsms.consent"  # pylint: disable=consider-merging-classes-inherited

    def _on_withdrawal(self):
        res = super()._on_withdrawal()
        Publication = self.env["vsms.publication"].sudo()
        for consent in self.filtered(lambda c: c.kind == "publication"):
            publications = Publication.search(
                [
                    ("quoted_partner_ids", "in", consent.partner_id.ids),
                    ("state", "=", "published"),
                ]
            )
            if not publications:
                continue
            items = Markup("").join(
                Markup("<li>%s</li>")
                % publication._get_html_link(
                    title=f"{publication.name}"
                    + (f" ({publication.url})" if publication.url else "")
                )
                for publication in publications
            )
            consent.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    escape(
                        self.env._(
                            "Published publications that quote %(person)s: "
                            "remove the personal data from them.",
                            person=consent.partner_id.name,
                        )
                    ),
                    items,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res
