"""Contacts: the addon's one ``create`` and ``write``.

The additions to ``res.partner`` are split by concern, one file each:

- ``res_partner_names.py``: the name and its parts, gender, salutation;
- ``res_partner_contact_base.py``: the contact base — municipality, offices,
  main office, newly elected, verification and the daily upkeep;
- ``res_partner_membership.py``: member status, number, history, admission;
- ``res_partner_consent.py``: consents (152-ФЗ) and who may be mailed;
- ``res_partner_duplicates.py``: likely duplicates and merging;
- ``res_partner_personal_data.py``: the personal-data export.

A concern takes part in saving a contact through the hooks below, which it
extends (calling ``super()``), instead of overriding ``create``/``write``;
it refuses deletions with ``@api.ondelete`` methods.
"""

from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = self._vsms_prepare_create_vals([dict(vals) for vals in vals_list])
        partners = super().create(vals_list)
        partners._vsms_after_create(vals_list)
        return partners

    def write(self, vals):
        vals = self._vsms_prepare_write_vals(dict(vals))
        before = self._vsms_before_write(vals)
        res = True
        for records, record_vals in self._vsms_write_batches(vals):
            res = super(ResPartner, records).write(record_vals) and res
        self._vsms_after_write(vals, before)
        return res

    # ------------------------------------------------------------------
    # Hooks, extended by the concern files
    # ------------------------------------------------------------------
    @api.model
    def _vsms_prepare_create_vals(self, vals_list):
        """Check and complete the values of new contacts; return the list."""
        return vals_list

    def _vsms_after_create(self, vals_list):
        """Follow-up of the contacts just created from ``vals_list``."""

    def _vsms_prepare_write_vals(self, vals):
        """Clean the values to write (e.g. trim them); return them."""
        return vals

    def _vsms_before_write(self, vals):
        """Checks before ``write``; returns a dict handed to
        :meth:`_vsms_after_write` (e.g. the values being replaced)."""
        return {}

    def _vsms_write_batches(self, vals):
        """``(records, values)`` pairs to write, when a concern needs
        different values per record (e.g. each person's full name)."""
        return [(self, vals)]

    def _vsms_after_write(self, vals, before):
        """Follow-up of ``write(vals)``; ``before`` is what
        :meth:`_vsms_before_write` returned."""
