"""Mailings of the branch: the plan item they serve, the contacts they leave
out, and mailings prepared from ready-made letters."""

from lxml import html

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..const import USER_GROUP

# Why a contact of a mailing's segment gets no e-mail, in the order the
# reasons are told apart.
LEFT_OUT_REASONS = ("no_email", "blacklisted", "no_consent")


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"  # pylint: disable=consider-merging-classes-inherited

    vsms_occurrence_id = fields.Many2one(
        "vsms.plan.occurrence",
        string="Plan Occurrence",
        index=True,
        ondelete="set null",
        copy=False,
        groups=USER_GROUP,
        domain="[('item_id', '=?', vsms_plan_item_id)]",
        help="The period of the work plan this mailing serves.",
    )
    vsms_plan_item_id = fields.Many2one(
        "vsms.plan.item",
        string="Plan Item",
        compute="_compute_vsms_plan_item_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="set null",
        copy=False,
        groups=USER_GROUP,
        help="The item of the work plan this mailing serves; it is counted "
        "there, with its sent, opened and replied e-mails.",
    )
    vsms_left_out_count = fields.Integer(
        string="Left Out",
        compute="_compute_vsms_left_out",
        groups=USER_GROUP,
        help="Contacts of the segment who will not receive the mailing.",
    )
    vsms_left_out_no_consent_count = fields.Integer(
        string="Left Out: No Consent",
        compute="_compute_vsms_left_out",
        groups=USER_GROUP,
    )
    vsms_left_out_blacklisted_count = fields.Integer(
        string="Left Out: Blacklisted",
        compute="_compute_vsms_left_out",
        groups=USER_GROUP,
    )
    vsms_left_out_no_email_count = fields.Integer(
        string="Left Out: No E-mail",
        compute="_compute_vsms_left_out",
        groups=USER_GROUP,
    )

    @api.depends("vsms_occurrence_id")
    def _compute_vsms_plan_item_id(self):
        for mailing in self:
            if mailing.vsms_occurrence_id:
                mailing.vsms_plan_item_id = mailing.vsms_occurrence_id.item_id

    @api.constrains("vsms_occurrence_id", "vsms_plan_item_id")
    def _check_vsms_occurrence(self):
        # sudo: the constraint runs for marketers outside ВСМС too (they never
        # set these fields, so it passes for them)
        for mailing in self.sudo().filtered("vsms_occurrence_id"):
            occurrence = mailing.vsms_occurrence_id
            if mailing.vsms_plan_item_id and occurrence.item_id != (
                mailing.vsms_plan_item_id
            ):
                raise ValidationError(
                    self.env._(
                        "«%(occurrence)s» is not an occurrence of «%(item)s».",
                        occurrence=occurrence.display_name,
                        item=mailing.vsms_plan_item_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Who the segment leaves out
    # ------------------------------------------------------------------
    def _vsms_audience_domain(self):
        """The contacts the mailing's segment is about: its domain without
        its mailing-consent condition (a segment may carry one, see
        data/vsms_membership_data.xml), so that those it leaves out for want
        of a consent are counted too."""
        self.ensure_one()

        def without_consent(condition):
            value = condition.value
            values = value if isinstance(value, (list, tuple, set)) else [value]
            if (
                condition.field_expr == "vsms_mailing_allowed"
                and condition.operator in ("=", "in")
                and list(values) == [True]
            ):
                return Domain.TRUE
            return condition

        return Domain(self._parse_mailing_domain()).map_conditions(without_consent)

    def _vsms_left_out(self):
        """{reason: contacts} of the segment's contacts who will not receive
        this mailing to contacts: no e-mail address, a blacklisted address
        (always for people of the contact base; for others when the mailing
        honours the blacklist), or no mailing consent in force (152-ФЗ, see
        ``_get_recipients_domain``).  The same few queries, whatever the size."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        left_out = dict.fromkeys(LEFT_OUT_REASONS, Partner)
        if self.mailing_model_real != "res.partner":
            return left_out
        audience = Partner.search(self._vsms_audience_domain())
        if not audience:
            return left_out
        mailable = set(
            Partner.search(
                Domain("id", "in", audience.ids)
                & Partner._vsms_mailing_recipient_domain()
            ).ids
        )
        ids = {reason: [] for reason in LEFT_OUT_REASONS}
        for partner in audience:
            if not partner.email_normalized:
                ids["no_email"].append(partner.id)
            elif partner.is_blacklisted and (
                self.use_exclusion_list or partner.id not in mailable
            ):
                ids["blacklisted"].append(partner.id)
            elif partner.id not in mailable:
                ids["no_consent"].append(partner.id)
        left_out = {reason: Partner.browse(ids[reason]) for reason in ids}
        return left_out

    @api.depends("mailing_model_real", "mailing_domain", "use_exclusion_list", "state")
    def _compute_vsms_left_out(self):
        for mailing in self:
            left_out = (
                mailing._vsms_left_out()
                if mailing.state in ("draft", "test", "in_queue")
                else {}
            )
            counts = {
                reason: len(left_out.get(reason, ())) for reason in LEFT_OUT_REASONS
            }
            mailing.vsms_left_out_no_email_count = counts["no_email"]
            mailing.vsms_left_out_blacklisted_count = counts["blacklisted"]
            mailing.vsms_left_out_no_consent_count = counts["no_consent"]
            mailing.vsms_left_out_count = sum(counts.values())

    def _vsms_open_left_out(self, reasons, title):
        self.ensure_one()
        # who has no consent is for ВСМС staff only (the lists are built
        # from the consents, read as the superuser)
        self._check_field_access(self._fields["vsms_left_out_count"], "read")
        left_out = self._vsms_left_out()
        partners = self.env["res.partner"].union(
            *(left_out[reason] for reason in reasons)
        )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", partners.ids)],
            "context": {"create": False},
        }

    def action_vsms_open_left_out(self):
        return self._vsms_open_left_out(
            LEFT_OUT_REASONS,
            self.env._("Left out of «%(mailing)s»", mailing=self.subject),
        )

    def action_vsms_open_left_out_no_consent(self):
        return self._vsms_open_left_out(
            ["no_consent"],
            self.env._("Without mailing consent: «%(mailing)s»", mailing=self.subject),
        )

    def action_vsms_open_left_out_blacklisted(self):
        return self._vsms_open_left_out(
            ["blacklisted"],
            self.env._("Blacklisted: «%(mailing)s»", mailing=self.subject),
        )

    def action_vsms_open_left_out_no_email(self):
        return self._vsms_open_left_out(
            ["no_email"],
            self.env._("Without e-mail: «%(mailing)s»", mailing=self.subject),
        )

    # ------------------------------------------------------------------
    # Mailings prepared from the branch's ready-made letters
    # ------------------------------------------------------------------
    @api.model
    def _vsms_template_body(self, template_xmlid, details=None):
        """The body of the ready-made letter ``template_xmlid`` (see
        data/vsms_mailing_template_data.xml), with ``details`` (HTML) in its
        slot for details, or before its signature if staff removed the slot."""
        template = self.env.ref(template_xmlid).sudo()
        body = template.body_arch or ""
        if details is None:
            return template.subject, body
        root = html.fromstring(f"<div>{body}</div>")
        details_nodes = html.fragments_fromstring(str(details))
        slot = next(iter(root.find_class("o_vsms_slot")), None)
        if slot is None:
            # before the signature, the last paragraph of the letter's text
            slot = html.Element("div", {"class": "o_vsms_slot"})
            columns = root.find_class("o_mail_v_padding")
            if columns and len(columns[0]):
                columns[0].insert(len(columns[0]) - 1, slot)
            else:
                root.append(slot)
        for child in list(slot):
            slot.remove(child)
        slot.text = None
        for node in details_nodes:
            if isinstance(node, str):
                slot.text = (slot.text or "") + node
            else:
                slot.append(node)
        inner = "".join(html.tostring(child, encoding="unicode") for child in root)
        return template.subject, (root.text or "") + inner

    @api.model
    def _vsms_prepare_action(
        self,
        template_xmlid,
        subject,
        details=None,
        item=None,
        occurrence=None,
        segment_xmlid=None,
        extra_context=None,
    ):
        """A new mailing to contacts, in its form: the ready-made letter
        ``template_xmlid`` with ``details`` in it, the plan item and
        occurrence it serves, and the segment ``segment_xmlid`` proposed
        (staff may pick another before sending).  Without ``subject``, the
        letter's own."""
        template_subject, body = self._vsms_template_body(template_xmlid, details)
        subject = subject or template_subject
        context = {
            "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "default_subject": subject,
            "default_body_arch": body,
            "default_body_html": body,
        }
        if occurrence:
            context["default_vsms_occurrence_id"] = occurrence.id
        if item or occurrence:
            context["default_vsms_plan_item_id"] = (item or occurrence.item_id).id
        segment = segment_xmlid and self.env.ref(segment_xmlid, False)
        if segment:
            context["default_mailing_filter_id"] = segment.id
            context["default_mailing_domain"] = segment.mailing_domain
        context.update(extra_context or {})
        return {
            "type": "ir.actions.act_window",
            "name": subject,
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": context,
        }
