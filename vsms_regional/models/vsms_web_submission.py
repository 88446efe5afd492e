"""Submissions of the public forms, kept a short while to rate-limit them
per address (spam)."""

from datetime import timedelta

from odoo import api, fields, models

# How long the log keeps a submission (longer than any limit's period).
KEEP_DAYS = 2


class VsmsWebSubmission(models.Model):
    _name = "vsms.web.submission"
    _description = "Website Form Submission"
    _order = "id desc"
    _log_access = False

    form = fields.Char(required=True, index=True, help="Which form, e.g. contest.")
    address = fields.Char(
        string="IP address", required=True, index=True, help="The sender's address."
    )
    submitted_at = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True
    )

    @api.model
    def _vsms_count_recent(self, form, address, hours=1):
        """How many submissions of ``form`` came from ``address`` within the
        last ``hours`` hours."""
        since = fields.Datetime.now() - timedelta(hours=hours)
        return self.search_count(
            [
                ("form", "=", form),
                ("address", "=", address),
                ("submitted_at", ">=", since),
            ]
        )

    @api.model
    def _vsms_log(self, form, address):
        return self.create({"form": form, "address": address})

    @api.autovacuum
    def _gc_old_submissions(self):
        limit = fields.Datetime.now() - timedelta(days=KEEP_DAYS)
        self.search([("submitted_at", "<", limit)]).unlink()
