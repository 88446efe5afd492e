from odoo import fields, models


class VsmsMandateTopic(models.Model):
    """A topic of voters' mandates (roads, housing and utilities, …): a table
    the staff extend as they need."""

    _name = "vsms.mandate.topic"
    _description = "Topic of Voters' Mandates"
    _order = "sequence, name, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    description = fields.Text()

    _name_uniq = models.Constraint("UNIQUE(name)", "This topic already exists.")
