"""Contacts: export of everything stored about a person (152-ФЗ art. 14)."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..const import MANAGER_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def action_vsms_export_personal_data(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._("Only ВСМС managers can export a person's data.")
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/vsms/partner/{self.id}/personal_data",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Personal data export (152-ФЗ art. 14)
    # ------------------------------------------------------------------
    def _vsms_personal_data(self):
        """Everything the addon stores about the person, labelled for people."""
        self.ensure_one()
        partner = self.sudo()

        def rows(records, field_names):
            result = []
            for record in records:
                row = {}
                for name in field_names:
                    field = record._fields[name]
                    value = record[name]
                    if field.type == "many2one":
                        value = value.display_name or ""
                    elif field.type == "selection":
                        value = dict(field._description_selection(self.env)).get(
                            value, ""
                        )
                    elif field.type in ("date", "datetime"):
                        value = str(value) if value else ""
                    elif field.type == "binary":
                        value = bool(value)
                    row[field._description_string(self.env)] = (
                        value if value is not False else ""
                    )
                result.append(row)
            return result

        return {
            self.env._("Person"): rows(
                partner,
                [
                    "name",
                    "vsms_last_name",
                    "vsms_first_name",
                    "vsms_patronymic",
                    "vsms_gender",
                    "vsms_salutation",
                    "email",
                    "phone",
                    "street",
                    "city",
                    "state_id",
                    "function",
                    "parent_id",
                    "vsms_municipality_id",
                    "vsms_member_state",
                    "vsms_member_number",
                    "vsms_member_since",
                    "vsms_verified_on",
                ],
            )[0],
            self.env._("Offices"): rows(
                partner.vsms_position_ids,
                [
                    "role_id",
                    "organization",
                    "municipality_id",
                    "date_start",
                    "date_end",
                    "elected",
                ],
            ),
            self.env._("Consents"): rows(
                partner.vsms_consent_ids,
                [
                    "kind",
                    "date_given",
                    "valid_until",
                    "date_withdrawn",
                    "source",
                    "document",
                    "note",
                ],
            ),
            self.env._("Membership history"): rows(
                partner.vsms_membership_log_ids,
                ["date", "old_state", "new_state", "reason", "user_id"],
            ),
            # lost admissions are archived leads: they are data about the
            # person too
            self.env._("Admission leads"): rows(
                self.env["crm.lead"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("partner_id", "=", partner.id),
                        ("team_id.vsms_is_admission", "=", True),
                    ],
                    order="create_date, id",
                ),
                ["name", "stage_id", "won_status", "lost_reason_id", "create_date"],
            ),
            self.env._("Governing bodies"): rows(
                self.env["vsms.body.member"]
                .sudo()
                .search([("partner_id", "=", partner.id)]),
                ["body_id", "role", "date_start", "date_end"],
            ),
            self.env._("Meetings"): rows(
                self.env["calendar.attendee"]
                .sudo()
                .search(
                    [
                        ("partner_id", "=", partner.id),
                        ("event_id.vsms_body_id", "!=", False),
                    ],
                    order="id",
                ),
                ["event_id", "state", "vsms_present"],
            ),
            self.env._("Event registrations"): rows(
                self.env["event.registration"]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "=", partner.id)], order="id"),
                [
                    "event_id",
                    "name",
                    "email",
                    "phone",
                    "state",
                    "vsms_category",
                    "vsms_organization",
                    "create_date",
                ],
            ),
            self.env._("Decisions"): rows(
                self.env["vsms.decision"]
                .sudo()
                .search([("admission_partner_ids", "in", partner.ids)], order="id"),
                ["body_id", "number", "name", "date", "state"],
            ),
            self.env._("Exported"): {
                self.env._("Date"): format_date(
                    self.env, fields.Date.context_today(self)
                ),
                self.env._("By"): self.env.user.name,
            },
        }
