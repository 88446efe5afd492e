"""Contacts: the contests a person applied to, and their places."""

from odoo import fields, models

from ..const import USER_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_contest_application_ids = fields.One2many(
        "vsms.contest.application",
        "partner_id",
        string="Contest applications",
        groups=USER_GROUP,
        copy=False,
    )
    vsms_contest_count = fields.Integer(
        string="Contests taken part in",
        compute="_compute_vsms_contest_stats",
        groups=USER_GROUP,
    )
    vsms_contest_prize_count = fields.Integer(
        string="Contest prizes",
        compute="_compute_vsms_contest_stats",
        groups=USER_GROUP,
        help="Places and olympiad wins or prizes in contests with final results.",
    )

    def _compute_vsms_contest_stats(self):
        Application = self.env["vsms.contest.application"].sudo()
        taken = dict(
            Application._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "in", ("submitted", "admitted")),
                ],
                ["partner_id"],
                ["contest_id:count_distinct"],
            )
        )
        prizes = dict(
            Application._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "admitted"),
                    ("contest_id.state", "=", "done"),
                    "|",
                    ("place", ">", 0),
                    ("result", "in", ("winner", "prize")),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            origin = partner._origin
            partner.vsms_contest_count = taken.get(origin, 0)
            partner.vsms_contest_prize_count = prizes.get(origin, 0)

    def action_vsms_open_contest_applications(self):
        self.ensure_one()
        name = self.env._("Contests")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "vsms.contest.application",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }
