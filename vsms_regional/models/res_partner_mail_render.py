"""Contacts: what mailings may say about the person they address."""

from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def mail_allowed_qweb_expressions(self):
        """The salutation («Уважаемый Иван Петрович») may be put in a mailing
        by anyone who writes mailings, not only by template editors: it is a
        plain field, rendered without ``eval`` (Odoo's regex mode)."""
        return (*super().mail_allowed_qweb_expressions(), "object.vsms_salutation")
