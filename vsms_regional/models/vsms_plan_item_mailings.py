"""Plan items: the mailings that serve them, and how they went."""

from collections import defaultdict

from odoo import fields, models


class VsmsPlanItem(models.Model):
    _inherit = "vsms.plan.item"  # pylint: disable=consider-merging-classes-inherited

    mailing_count = fields.Integer(
        string="Mailings", compute="_compute_mailing_figures"
    )
    mailing_sent_count = fields.Integer(
        string="E-mails Sent",
        compute="_compute_mailing_figures",
        help="E-mails of the item's mailings that left.",
    )
    mailing_opened_count = fields.Integer(
        string="E-mails Opened",
        compute="_compute_mailing_figures",
        help="E-mails of the item's mailings that were opened (or replied to).",
    )
    mailing_replied_count = fields.Integer(
        string="E-mails Replied",
        compute="_compute_mailing_figures",
        help="E-mails of the item's mailings that got a reply.",
    )

    def _compute_mailing_figures(self):
        """Two grouped queries for all the items: their mailings, then the
        e-mails (traces) of those mailings by status (as Odoo counts them on
        a mailing: opened includes replied).  As the superuser: the figures
        are counts, and staff need not be Email Marketing users to see how
        their item's mailings went."""
        Mailing = self.env["mailing.mailing"].sudo()
        mailings = Mailing._read_group(
            [("vsms_plan_item_id", "in", self.ids)],
            ["vsms_plan_item_id"],
            ["id:array_agg"],
        )
        item_of_mailing = {
            mailing_id: item.id for item, ids in mailings for mailing_id in ids
        }
        figures = defaultdict(lambda: defaultdict(int))
        for item, ids in mailings:
            figures[item.id]["count"] = len(ids)
        if item_of_mailing:
            traces = (
                self.env["mailing.trace"]
                .sudo()
                ._read_group(
                    [("mass_mailing_id", "in", list(item_of_mailing))],
                    ["mass_mailing_id", "trace_status"],
                    ["__count", "sent_datetime:count"],
                )
            )
            for mailing, status, count, sent in traces:
                line = figures[item_of_mailing[mailing.id]]
                line["sent"] += sent
                if status in ("open", "reply"):
                    line["opened"] += count
                if status == "reply":
                    line["replied"] += count
        for item in self:
            line = figures[item._origin.id]
            item.mailing_count = line["count"]
            item.mailing_sent_count = line["sent"]
            item.mailing_opened_count = line["opened"]
            item.mailing_replied_count = line["replied"]

    def action_open_mailings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing.mailing_mailing_action_mail"
        )
        action["domain"] = [("vsms_plan_item_id", "=", self.id)]
        action["context"] = {
            "default_vsms_plan_item_id": self.id,
            "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
        }
        return action
