"""Contacts: the name of a person and its parts (Фамилия, Имя, Отчество)."""

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import guard, names

NAME_PARTS = ("vsms_last_name", "vsms_first_name", "vsms_patronymic")

# Allowed (tools/guard.py) while users are created: their partners' names
# stay whole.
KEEP_NAMES_WHOLE = "res.partner.keep_names_whole"


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_last_name = fields.Char(string="Last name", index=True)
    vsms_first_name = fields.Char(string="First name")
    vsms_patronymic = fields.Char(string="Patronymic")
    vsms_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        string="Gender",
        compute="_compute_vsms_gender",
        store=True,
        readonly=False,
        help="Guessed from the patronymic when not set.",
    )
    vsms_salutation = fields.Char(
        string="Salutation",
        compute="_compute_vsms_salutation",
        help="How letters and mailings address the person, e.g. "
        "«Уважаемый Иван Петрович».",
    )

    @api.depends("vsms_patronymic")
    def _compute_vsms_gender(self):
        for partner in self:
            partner.vsms_gender = partner.vsms_gender or names.guess_gender(
                partner.vsms_patronymic
            )

    @api.depends(
        "is_company",
        "name",
        "vsms_last_name",
        "vsms_first_name",
        "vsms_patronymic",
        "vsms_gender",
    )
    def _compute_vsms_salutation(self):
        for partner in self:
            if partner.is_company:
                partner.vsms_salutation = "Уважаемые коллеги"
                continue
            partner.vsms_salutation = names.salutation(
                partner.vsms_first_name,
                partner.vsms_patronymic,
                partner.vsms_gender,
                partner.vsms_last_name or partner.name,
            )

    # ------------------------------------------------------------------
    # Name parts kept in step with the display name
    # ------------------------------------------------------------------
    def _vsms_splits_name(self, name):
        """Whether this contact's full name ``name`` is split into parts.

        Only people are: those in the contact base, those whose name reads as
        a Russian ФИО, and those whose parts are already kept.  Never
        organisations, invoice or delivery addresses, users (their partners)
        or OdooBot."""
        self.ensure_one()
        if self.is_company or not name:
            return False
        if any(self[part] for part in NAME_PARTS):
            return True
        if self.type not in (False, "contact"):
            return False
        origin = self._origin.sudo().with_context(active_test=False)
        if origin.user_ids or origin == self.env.ref("base.partner_root"):
            return False
        return self.vsms_in_base or names.is_cyrillic_full_name(name)

    @api.model
    def _vsms_splits_new_name(self, vals):
        """:meth:`_vsms_splits_name` for a contact being created from ``vals``."""
        if (
            not vals.get("name")
            or guard.allowed(KEEP_NAMES_WHOLE)
            or vals.get("is_company")
            or vals.get("company_type") == "company"
            or vals.get("type", "contact") not in (False, "contact")
        ):
            return False
        return self._vsms_vals_join_base(vals) or names.is_cyrillic_full_name(
            vals["name"]
        )

    @api.onchange(*NAME_PARTS)
    def _onchange_vsms_name_parts(self):
        if not self.is_company and any(self[part] for part in NAME_PARTS):
            self.name = names.join_full_name(*(self[part] for part in NAME_PARTS))

    @api.onchange("name")
    def _onchange_vsms_name(self):
        if self._vsms_splits_name(self.name):
            parts = names.split_full_name(self.name)
            if names.join_full_name(*parts) != names.join_full_name(
                *(self[part] for part in NAME_PARTS)
            ):
                for field, value in zip(NAME_PARTS, parts, strict=True):
                    self[field] = value

    @staticmethod
    def _vsms_complete_parts(vals):
        """``vals`` has a full name and some of its parts: the full name is
        kept; the missing parts are taken from it when it agrees with the
        given ones."""
        split = dict(zip(NAME_PARTS, names.split_full_name(vals["name"]), strict=True))
        given = {part: names.clean(vals[part]) for part in NAME_PARTS if vals.get(part)}
        if all(split[part] == value for part, value in given.items()):
            return dict(split, **vals)
        return vals

    @api.model
    def _vsms_fill_name_parts(self, batch_size=5000):
        """Name parts and gender of the people who were contacts before the
        addon (run once at installation, see ``hooks.py``): those whose name
        reads as a Russian ФИО, and who are neither organisations, addresses,
        users nor OdooBot.  Plain SQL in batches: there may be many.
        Returns how many contacts got their parts."""
        cr = self.env.cr
        self.flush_model()
        root = self.env.ref("base.partner_root", raise_if_not_found=False)
        last_id, filled = 0, 0
        while True:
            cr.execute(
                SQL(
                    """
                    SELECT partner.id, partner.name
                      FROM res_partner partner
                     WHERE partner.id > %(last_id)s
                       AND partner.id != %(root)s
                       AND NOT partner.is_company
                       AND COALESCE(partner.type, 'contact') = 'contact'
                       AND partner.name IS NOT NULL
                       AND partner.vsms_last_name IS NULL
                       AND partner.vsms_first_name IS NULL
                       AND partner.vsms_patronymic IS NULL
                       AND NOT EXISTS (
                           SELECT 1 FROM res_users u WHERE u.partner_id = partner.id
                       )
                  ORDER BY partner.id
                     LIMIT %(limit)s
                    """,
                    last_id=last_id,
                    root=root.id if root else 0,
                    limit=batch_size,
                )
            )
            rows = cr.fetchall()
            if not rows:
                break
            last_id = rows[-1][0]
            values = []
            for partner_id, name in rows:
                if not names.is_cyrillic_full_name(name):
                    continue
                last, first, patronymic = names.split_full_name(name)
                values.append(
                    SQL(
                        "(%s, %s, %s, %s, %s)",
                        partner_id,
                        last,
                        first or None,
                        patronymic or None,
                        names.guess_gender(patronymic) or None,
                    )
                )
            if values:
                cr.execute(
                    SQL(
                        """
                        UPDATE res_partner partner
                           SET vsms_last_name = new.last,
                               vsms_first_name = new.first,
                               vsms_patronymic = new.patronymic,
                               vsms_gender = COALESCE(partner.vsms_gender, new.gender)
                          FROM (VALUES %s) AS new(id, last, first, patronymic, gender)
                         WHERE partner.id = new.id
                        """,
                        SQL(", ").join(values),
                    )
                )
                filled += len(values)
        self.invalidate_model([*NAME_PARTS, "vsms_gender"])
        return filled

    # ------------------------------------------------------------------
    # Hooks of create() and write() (res_partner.py)
    # ------------------------------------------------------------------
    @api.model
    def _vsms_prepare_create_vals(self, vals_list):
        """A new person's full name and its parts agree."""
        prepared = []
        for given in super()._vsms_prepare_create_vals(vals_list):
            # An empty gender (e.g. an import column): guess from the patronymic.
            vals = {
                key: value
                for key, value in given.items()
                if key != "vsms_gender" or value
            }
            is_company = vals.get("is_company") or vals.get("company_type") == "company"
            has_parts = any(vals.get(part) for part in NAME_PARTS)
            if is_company:
                pass
            elif has_parts and vals.get("name"):
                vals = self._vsms_complete_parts(vals)
            elif has_parts:
                vals["name"] = names.join_full_name(
                    *(vals.get(part) for part in NAME_PARTS)
                )
            elif self._vsms_splits_new_name(vals):
                vals.update(
                    zip(NAME_PARTS, names.split_full_name(vals["name"]), strict=True)
                )
            prepared.append(vals)
        return prepared

    def _vsms_write_batches(self, vals):
        """Keep the name and its parts in step (people only): new parts make
        the name; a new name alone is split (see :meth:`_vsms_splits_name`);
        a new name with new parts is kept as given."""
        batches = super()._vsms_write_batches(vals)
        parts_given = any(part in vals for part in NAME_PARTS)
        if "name" in vals and parts_given:
            return batches
        if not (parts_given or (vals.get("name") and "is_company" not in vals)):
            return batches
        result = []
        for records, record_vals in batches:
            if parts_given:
                persons = records.filtered(lambda p: not p.is_company)
            else:
                persons = records.filtered(
                    lambda p, name=record_vals["name"]: p._vsms_splits_name(name)
                )
            if not persons:
                result.append((records, record_vals))
                continue
            result.append((records - persons, record_vals))
            if parts_given:
                for partner in persons:
                    merged = [
                        record_vals.get(part, partner[part]) for part in NAME_PARTS
                    ]
                    result.append(
                        (
                            partner,
                            dict(record_vals, name=names.join_full_name(*merged))
                            if any(merged)
                            else record_vals,
                        )
                    )
            else:
                parts = names.split_full_name(record_vals["name"])
                result.append(
                    (
                        persons,
                        dict(record_vals, **dict(zip(NAME_PARTS, parts, strict=True))),
                    )
                )
        return result
