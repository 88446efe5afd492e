"""A contest's public page on the website: published by staff, open to
applications while the contest is open and within its dates."""

from odoo import api, fields, models

# States in which a published contest has a public page (applications are
# taken only while it is open).
PUBLIC_STATES = ("open", "judging", "done")


class VsmsContest(models.Model):
    _inherit = "vsms.contest"

    website_published = fields.Boolean(
        string="Published on the website",
        copy=False,
        tracking=True,
        index=True,
        help="The contest has a public page with its regulations, nominations, "
        "dates and, while applications are open, the application form.",
    )
    website_documents = fields.Text(
        string="Documents to attach",
        help="What the regulations ask applicants to attach (shown above the "
        "upload field of the public form).",
    )
    website_url = fields.Char(
        string="Public page", compute="_compute_website_url", compute_sudo=True
    )

    @api.depends("name")
    def _compute_website_url(self):
        IrHttp = self.env["ir.http"]
        for contest in self:
            contest.website_url = (
                f"/vsms/contest/{IrHttp._slug(contest)}" if contest.id else False
            )

    @api.model
    def _vsms_public_domain(self):
        """The contests that have a public page."""
        return [("website_published", "=", True), ("state", "in", PUBLIC_STATES)]

    def _vsms_accepts_on(self, day):
        """Whether the contest takes applications on ``day`` (the rule of
        ``_vsms_check_accepting``, as a yes/no for the public page)."""
        self.ensure_one()
        return (
            self.state == "open"
            and not (self.date_open and day < self.date_open)
            and not (self.date_close and day > self.date_close)
        )
