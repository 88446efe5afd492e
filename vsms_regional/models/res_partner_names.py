"""Contacts: the name of a person and its parts (Фамилия, Имя, Отчество)."""

from odoo import api, fields, models

from ..tools import names

NAME_PARTS = ("vsms_last_name", "vsms_first_name", "vsms_patronymic")


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
    @api.onchange(*NAME_PARTS)
    def _onchange_vsms_name_parts(self):
        if not self.is_company and any(self[part] for part in NAME_PARTS):
            self.name = names.join_full_name(*(self[part] for part in NAME_PARTS))

    @api.onchange("name")
    def _onchange_vsms_name(self):
        if not self.is_company and self.name:
            parts = names.split_full_name(self.name)
            if names.join_full_name(*parts) != names.join_full_name(
                *(self[part] for part in NAME_PARTS)
            ):
                for field, value in zip(NAME_PARTS, parts, strict=True):
                    self[field] = value

    @api.model
    def _vsms_name_vals(self, vals, is_company):
        """Complete ``vals`` so that the name and its parts agree."""
        if is_company:
            return vals
        if any(vals.get(part) for part in NAME_PARTS):
            return vals  # handled per record in write(), at once in create()
        if vals.get("name"):
            vals = dict(vals)
            vals.update(
                zip(NAME_PARTS, names.split_full_name(vals["name"]), strict=True)
            )
        return vals

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
            if not is_company and any(vals.get(part) for part in NAME_PARTS):
                full_name = names.join_full_name(
                    *(vals.get(part) for part in NAME_PARTS)
                )
                prepared.append(dict(vals, name=full_name))
            else:
                prepared.append(self._vsms_name_vals(vals, is_company))
        return prepared

    def _vsms_write_batches(self, vals):
        """Keep the name and its parts in step (people only)."""
        batches = super()._vsms_write_batches(vals)
        if not (
            any(part in vals for part in NAME_PARTS)
            or (vals.get("name") and "is_company" not in vals)
        ):
            return batches
        result = []
        for records, record_vals in batches:
            persons = records.filtered(lambda p: not p.is_company)
            if not persons:
                result.append((records, record_vals))
                continue
            result.append((records - persons, record_vals))
            if any(part in record_vals for part in NAME_PARTS):
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
                result.append((persons, self._vsms_name_vals(record_vals, False)))
        return result
