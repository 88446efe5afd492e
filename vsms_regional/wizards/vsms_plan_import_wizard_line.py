from odoo import fields, models


class VsmsPlanImportWizardLine(models.TransientModel):
    _name = "vsms.plan.import.wizard.line"
    _description = "Work Plan Import Preview Line"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "vsms.plan.import.wizard", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    kind = fields.Selection(
        [("section", "Section"), ("item", "Item")], required=True, default="item"
    )
    row = fields.Integer(help="Row of the document's table.")
    number = fields.Integer(string="No.")
    section_name = fields.Char(string="Section")
    name = fields.Char(string="Event")
    venue = fields.Char()
    schedule_text = fields.Char(string="Schedule")
    occurrences = fields.Char(help="The periods the schedule gives in the plan's year.")
    occurrence_count = fields.Integer()
    schedule_error = fields.Char()
    participants_planned = fields.Integer(string="Planned Participants")
    participants_note = fields.Char(string="Participants")
    partner_ids = fields.Many2many(
        "res.partner",
        "vsms_plan_import_wizard_line_partner_rel",
        "line_id",
        "partner_id",
        string="Organisations",
    )
    unknown_organisations = fields.Char()
    programme = fields.Text()
    problems = fields.Text()
