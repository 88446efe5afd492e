from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _get_optout_emails(self, mail_values_dict):
        """A mass mail (an Email Marketing mailing or a mass mail from a list)
        is cancelled as an opt-out at the address of a person of the contact
        base who holds no mailing consent in force, or withdrew it (152-ФЗ),
        whatever the model of its recipients: mailing list contacts, leads,
        event registrations, contacts.  Only the addresses of the batch being
        sent are looked up (the composer sends in batches)."""
        optout = super()._get_optout_emails(mail_values_dict)
        if self.composition_mode != "mass_mail":
            return optout
        emails = {
            email
            for recipient in self._get_recipients_data(mail_values_dict).values()
            for email in recipient["mail_to_normalized"]
        }
        unmailable = self.env["res.partner"]._vsms_unmailable_emails(emails)
        return [*optout, *unmailable] if unmailable else optout
