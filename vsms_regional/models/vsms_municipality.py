import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..const import USER_GROUP

OKTMO = re.compile(r"^\d{8}(\d{3})?$")


class VsmsMunicipality(models.Model):
    _name = "vsms.municipality"
    _description = "Municipality"
    _order = "sequence, name, id"
    _parent_store = True
    _rec_names_search = ["name", "oktmo"]

    name = fields.Char(required=True, index="trigram")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [
            ("city_okrug", "City okrug"),
            ("municipal_okrug", "Municipal okrug"),
            ("municipal_district", "Municipal district"),
            ("urban_settlement", "Urban settlement"),
            ("rural_settlement", "Rural settlement"),
        ],
        required=True,
        default="municipal_okrug",
        index=True,
    )
    parent_id = fields.Many2one(
        "vsms.municipality",
        string="Part of",
        index=True,
        ondelete="restrict",
        help="For a settlement: the municipal district it belongs to.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("vsms.municipality", "parent_id", string="Parts")
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.ref(
            "base.state_ru_smo", raise_if_not_found=False
        ),
    )
    oktmo = fields.Char(
        string="OKTMO",
        help="All-Russian classifier of municipal territories: 8 or 11 digits.",
    )
    admin_center = fields.Char(string="Administrative centre")
    partner_ids = fields.One2many(
        "res.partner", "vsms_municipality_id", string="Contacts"
    )
    partner_count = fields.Integer(string="Contact count", compute="_compute_counts")
    member_count = fields.Integer(
        string="Member count",
        compute="_compute_member_count",
        groups=USER_GROUP,
    )

    _name_state_uniq = models.Constraint(
        "UNIQUE(name, state_id)",
        "A region already has a municipality with this name.",
    )
    _oktmo_uniq = models.UniqueIndex(
        "(oktmo) WHERE oktmo IS NOT NULL",
        "Another municipality already has this OKTMO code.",
    )

    def _compute_counts(self):
        """Contacts the user can see (everyone may open a municipality)."""
        contacts = dict(
            self.env["res.partner"]._read_group(
                [("vsms_municipality_id", "in", self.ids)],
                ["vsms_municipality_id"],
                ["__count"],
            )
        )
        for municipality in self:
            municipality.partner_count = contacts.get(municipality, 0)

    def _compute_member_count(self):
        """ВСМС staff only: the member status is theirs to see."""
        members = dict(
            self.env["res.partner"]._read_group(
                [
                    ("vsms_municipality_id", "in", self.ids),
                    ("vsms_member_state", "=", "member"),
                ],
                ["vsms_municipality_id"],
                ["__count"],
            )
        )
        for municipality in self:
            municipality.member_count = members.get(municipality, 0)

    @api.constrains("oktmo")
    def _check_oktmo(self):
        for municipality in self.filtered("oktmo"):
            if not OKTMO.match(municipality.oktmo):
                raise ValidationError(
                    self.env._(
                        "OKTMO code «%(code)s» of %(name)s must be 8 or 11 digits.",
                        code=municipality.oktmo,
                        name=municipality.name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A municipality cannot be a part of itself.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unreferenced(self):
        """Contacts and offices point at municipalities: archive those instead."""
        Partner = self.env["res.partner"].with_context(active_test=False).sudo()
        Position = self.env["vsms.position"].with_context(active_test=False).sudo()
        used = (
            Partner.search(
                [("vsms_municipality_id", "in", self.ids)]
            ).vsms_municipality_id
            | Position.search([("municipality_id", "in", self.ids)]).municipality_id
        )
        used |= self.child_ids.parent_id
        if used:
            raise UserError(
                self.env._(
                    "%(names)s cannot be deleted: contacts, offices or other "
                    "municipalities refer to it. Archive it instead.",
                    names=", ".join(used.mapped("name")),
                )
            )

    def action_open_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.res_partner_action_vsms_contacts"
        )
        action["domain"] = [("vsms_municipality_id", "=", self.id)]
        action["context"] = {"default_vsms_municipality_id": self.id}
        return action
