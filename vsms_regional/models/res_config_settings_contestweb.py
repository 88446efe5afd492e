from odoo import api, fields, models
from odoo.exceptions import ValidationError

# ir.config_parameter keys and their defaults
MAX_FILE_MB_PARAM = "vsms_regional.contest_max_file_mb"
MAX_FILE_MB_DEFAULT = 10
RATE_LIMIT_PARAM = "vsms_regional.contest_rate_limit"
RATE_LIMIT_DEFAULT = 5


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    vsms_contest_max_file_mb = fields.Integer(
        string="Largest document (MB)",
        config_parameter=MAX_FILE_MB_PARAM,
        default=MAX_FILE_MB_DEFAULT,
    )
    vsms_contest_rate_limit = fields.Integer(
        string="Applications per hour from one address",
        config_parameter=RATE_LIMIT_PARAM,
        default=RATE_LIMIT_DEFAULT,
    )

    @api.constrains("vsms_contest_max_file_mb", "vsms_contest_rate_limit")
    def _check_vsms_contest_web_limits(self):
        for settings in self:
            for name in ("vsms_contest_max_file_mb", "vsms_contest_rate_limit"):
                if settings[name] < 1:
                    raise ValidationError(
                        self.env._(
                            "«%(setting)s» must be at least 1 (%(value)s).",
                            setting=self._fields[name]._description_string(self.env),
                            value=settings[name],
                        )
                    )

    @api.model
    def _vsms_contest_web_limits(self):
        """(largest document in bytes, applications per hour per address)."""
        params = self.env["ir.config_parameter"].sudo()

        def positive(key, default):
            try:
                value = int(params.get_param(key, default))
            except (TypeError, ValueError):
                return default
            return value if value >= 1 else default

        return (
            positive(MAX_FILE_MB_PARAM, MAX_FILE_MB_DEFAULT) * 1024 * 1024,
            positive(RATE_LIMIT_PARAM, RATE_LIMIT_DEFAULT),
        )
