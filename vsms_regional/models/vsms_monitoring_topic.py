from odoo import fields, models


class VsmsMonitoringTopic(models.Model):
    _name = "vsms.monitoring.topic"
    _description = "Monitoring Topic"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _name_uniq = models.Constraint(
        "UNIQUE(name)", "A monitoring topic with this name already exists."
    )
