from odoo import api, models

from ..tools import guard
from .res_partner_names import KEEP_NAMES_WHOLE


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        """A user's name is not a ФИО to split (e.g. «Mitchell Admin»)."""
        with guard.allowing(KEEP_NAMES_WHOLE):
            return super().create(vals_list)
