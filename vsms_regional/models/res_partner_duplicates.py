"""Contacts: likely duplicates (same name and municipality, or e-mail)."""

from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Possible duplicates",
        compute="_compute_vsms_duplicate_ids",
        search="_search_vsms_duplicate_ids",
    )
    vsms_duplicate_count = fields.Integer(compute="_compute_vsms_duplicate_ids")

    def _vsms_duplicate_domain(self):
        """Others with the same full name and municipality, or the same e-mail."""
        self.ensure_one()
        conditions = []
        if self.name and not self.is_company and self.vsms_municipality_id:
            conditions.append(
                Domain("name", "=ilike", self.name.strip())
                & Domain("vsms_municipality_id", "=", self.vsms_municipality_id.id)
            )
        if self.email_normalized:
            conditions.append(Domain("email_normalized", "=", self.email_normalized))
        if not conditions:
            return Domain.FALSE
        domain = Domain.OR(conditions) & Domain("is_company", "=", self.is_company)
        if self._origin.id:
            domain &= Domain("id", "!=", self._origin.id)
            # A contact and the company it works for share e-mails often.
            domain &= Domain(
                "id", "not in", (self._origin.parent_id | self._origin.child_ids).ids
            )
        return domain

    @api.depends("name", "email", "vsms_municipality_id", "is_company")
    def _compute_vsms_duplicate_ids(self):
        for partner in self:
            duplicates = self.search(partner._vsms_duplicate_domain(), limit=20)
            partner.vsms_duplicate_ids = duplicates
            partner.vsms_duplicate_count = len(duplicates)

    def _search_vsms_duplicate_ids(self, operator, value):
        """``('vsms_duplicate_ids', '!=', False)``: contacts having a likely twin."""
        if operator not in ("in", "not in") or value != {False}:
            return NotImplemented
        self.env["res.partner"].flush_model(
            ["name", "is_company", "vsms_municipality_id", "email_normalized", "active"]
        )
        self.env.cr.execute(
            """
            SELECT unnest(array_agg(id)) FROM res_partner
             WHERE active AND NOT is_company AND vsms_municipality_id IS NOT NULL
             GROUP BY lower(trim(name)), vsms_municipality_id HAVING count(*) > 1
            UNION
            SELECT unnest(array_agg(id)) FROM res_partner
             WHERE active AND email_normalized IS NOT NULL
             GROUP BY email_normalized, is_company HAVING count(*) > 1
            """
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        # "in {False}" means "has no duplicate", "not in {False}" the opposite.
        return Domain("id", "not in" if operator == "in" else "in", ids)

    @api.onchange("name", "email", "vsms_municipality_id")
    def _onchange_vsms_duplicates(self):
        if not (self.name or self.email):
            return None
        duplicates = self.search(self._vsms_duplicate_domain(), limit=5)
        if not duplicates:
            return None
        return {
            "warning": {
                "title": self.env._("Possible duplicate"),
                "message": self.env._(
                    "These contacts have the same name and municipality or the "
                    "same e-mail: %(names)s. Check them before saving; you can "
                    "merge contacts afterwards.",
                    names=", ".join(duplicates.mapped("display_name")),
                ),
                "type": "notification",
            }
        }

    def action_vsms_merge_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge contacts"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": (self | self.vsms_duplicate_ids).ids,
            },
        }
