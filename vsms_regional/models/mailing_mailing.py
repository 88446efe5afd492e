from odoo import models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def _get_recipients_domain(self):
        """A mailing to contacts never reaches a person of the contact base
        (or anyone who ever gave a mailing consent) without a mailing consent
        in force and an address that is not blacklisted (152-ФЗ), whatever
        the mailing's domain; other contacts follow Odoo's own rules.  Other
        recipient models are covered at sending time, by address (see
        ``mail.compose.message._get_optout_emails``)."""
        domain = super()._get_recipients_domain()
        if self.mailing_model_real == "res.partner":
            domain &= self.env["res.partner"]._vsms_mailing_recipient_domain()
        return domain
