from odoo import models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def _get_recipients_domain(self):
        """Contacts are mailed only with a mailing consent in force (152-ФЗ)
        and an address that is not blacklisted, whatever the mailing's domain."""
        domain = super()._get_recipients_domain()
        if self.mailing_model_real == "res.partner":
            domain &= self.env["res.partner"]._vsms_mailable_domain()
        return domain
