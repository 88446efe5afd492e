from odoo import api, models

from .res_partner_names import names_kept_whole


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        """A user's name is not a ФИО to split (e.g. «Mitchell Admin»)."""
        with names_kept_whole():
            return super().create(vals_list)
