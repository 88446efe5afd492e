from odoo import api, fields, models
from odoo.exceptions import ValidationError

PUBLICATION_CHANNELS = [
    ("vsms_site", "ВСМС website"),
    ("branch_site", "Branch website"),
    ("vk", "VK"),
    ("telegram", "Telegram"),
    ("max", "MAX"),
    ("print", "Print"),
    ("tv", "TV"),
    ("radio", "Radio"),
    ("other", "Other"),
]
PUBLICATION_KINDS = [
    ("news", "News"),
    ("article", "Article"),
    ("interview", "Interview"),
    ("announcement", "Announcement"),
    ("legislation_review", "Legislation review"),
]


class VsmsPublication(models.Model):
    """A publication of the branch on the Internet or in the media (item 14
    of the 2021 plan: cover every event of the branch)."""

    _name = "vsms.publication"
    _description = "Publication"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    date = fields.Date(
        index=True,
        tracking=True,
        copy=False,
        help="The day it came out; required once it is published.",
    )
    channel = fields.Selection(
        PUBLICATION_CHANNELS, required=True, default="branch_site", index=True
    )
    kind = fields.Selection(
        PUBLICATION_KINDS, required=True, default="news", index=True
    )
    media_partner_id = fields.Many2one(
        "res.partner",
        string="Media Outlet",
        index=True,
        ondelete="restrict",
        help="The newspaper, TV or radio station, or website that ran it.",
    )
    url = fields.Char(string="Link")
    reach = fields.Integer(help="Views, circulation or audience, as known.")
    municipality_id = fields.Many2one(
        "vsms.municipality", index=True, ondelete="restrict"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    summary = fields.Html()
    quoted_partner_ids = fields.Many2many(
        "res.partner",
        "vsms_publication_quoted_partner_rel",
        "publication_id",
        "partner_id",
        string="People Quoted",
        help="People quoted or shown: each needs a publication consent in "
        "force before it is published (152-ФЗ art. 10.1).",
    )
    # What it covers
    vsms_occurrence_id = fields.Many2one(
        "vsms.plan.occurrence",
        string="Plan Occurrence",
        index=True,
        ondelete="set null",
        compute="_compute_vsms_occurrence_id",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('item_id', '=?', vsms_plan_item_id)]",
    )
    vsms_plan_item_id = fields.Many2one(
        "vsms.plan.item",
        string="Plan Item",
        index=True,
        ondelete="set null",
        compute="_compute_vsms_plan_item_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    event_id = fields.Many2one("event.event", index=True, ondelete="set null")
    meeting_id = fields.Many2one("calendar.event", index=True, ondelete="set null")
    monitoring_note_ids = fields.One2many(
        "vsms.monitoring.note", "publication_id", string="Monitoring Notes"
    )

    @api.model
    def _vsms_source_fields(self):
        """The links to what a publication covers that realise the work plan
        (other modules add theirs and extend the computes' dependencies)."""
        return ["event_id", "meeting_id"]

    def _vsms_source(self):
        """What the publication covers (as the superuser: the plan links of
        events and meetings are ВСМС fields)."""
        self.ensure_one()
        for fname in self._vsms_source_fields():
            if self[fname]:
                return self[fname].sudo()
        return None

    @api.depends("event_id", "meeting_id")
    def _compute_vsms_occurrence_id(self):
        for publication in self:
            source = publication._vsms_source()
            if source and source.vsms_occurrence_id:
                publication.vsms_occurrence_id = source.vsms_occurrence_id

    @api.depends("vsms_occurrence_id", "event_id", "meeting_id")
    def _compute_vsms_plan_item_id(self):
        for publication in self:
            source = publication._vsms_source()
            item = publication.vsms_occurrence_id.item_id or (
                source and source.vsms_plan_item_id
            )
            if item:
                publication.vsms_plan_item_id = item

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    @api.constrains("reach")
    def _check_reach(self):
        for publication in self:
            if publication.reach < 0:
                raise ValidationError(
                    self.env._(
                        "«%(name)s»: the reach cannot be negative (%(reach)s).",
                        name=publication.name,
                        reach=publication.reach,
                    )
                )

    @api.constrains("state", "date")
    def _check_date(self):
        for publication in self:
            if publication.state == "published" and not publication.date:
                raise ValidationError(
                    self.env._(
                        "«%(name)s» is published: give the date it came out.",
                        name=publication.name,
                    )
                )

    @api.constrains("vsms_plan_item_id", "vsms_occurrence_id", "company_id")
    def _check_plan_links(self):
        for publication in self:
            item = publication.vsms_plan_item_id
            occurrence = publication.vsms_occurrence_id
            if item and item.company_id != publication.company_id:
                raise ValidationError(
                    self.env._(
                        "«%(name)s» belongs to %(company)s; the plan item "
                        "«%(item)s» belongs to %(item_company)s.",
                        name=publication.name,
                        company=publication.company_id.name,
                        item=item.display_name,
                        item_company=item.company_id.name,
                    )
                )
            if occurrence and item and occurrence.item_id != item:
                raise ValidationError(
                    self.env._(
                        "«%(occurrence)s» is not an occurrence of «%(item)s».",
                        occurrence=occurrence.display_name,
                        item=item.display_name,
                    )
                )

    @api.constrains("state", "quoted_partner_ids")
    def _check_publication_consent(self):
        """Whoever is quoted in a published publication has a publication
        consent in force (152-ФЗ art. 10.1): the rule holds for any write."""
        for publication in self.filtered(lambda pub: pub.state == "published"):
            missing = publication._vsms_people_without_consent()
            if missing:
                raise ValidationError(
                    self.env._(
                        "«%(name)s» cannot be published: %(people)s gave no "
                        "publication consent in force (152-ФЗ art. 10.1).",
                        name=publication.name,
                        people=", ".join(missing.mapped("display_name")),
                    )
                )

    def _vsms_people_without_consent(self):
        """The quoted people who hold no publication consent in force."""
        people = self.quoted_partner_ids
        if not people:
            return people
        Consent = self.env["vsms.consent"].sudo()
        consented = Consent.search(
            Consent._active_domain("publication")
            & fields.Domain("partner_id", "in", people._origin.ids)
        ).partner_id
        return people.filtered(lambda person: person._origin not in consented)

    @api.onchange("quoted_partner_ids")
    def _onchange_quoted_partner_ids(self):
        missing = self._vsms_people_without_consent()
        if missing:
            return {
                "warning": {
                    "title": self.env._("No publication consent"),
                    "message": self.env._(
                        "%(people)s gave no publication consent in force: the "
                        "publication cannot be published until they do "
                        "(152-ФЗ art. 10.1).",
                        people=", ".join(missing.mapped("display_name")),
                    ),
                }
            }
        return None

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_publish(self):
        """Published today unless its date is already known."""
        for publication in self:
            vals = {"state": "published"}
            if not publication.date:
                vals["date"] = fields.Date.context_today(self)
            publication.write(vals)
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True
