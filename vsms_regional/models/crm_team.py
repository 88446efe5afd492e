from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    vsms_is_admission = fields.Boolean(
        string="ВСМС admission pipeline",
        index=True,
        help="Leads of this team are admissions of new members: its stages "
        "drive the person's member status and are kept apart from sales stages.",
    )

    def _vsms_admission_stages(self):
        """The team's own stages, in pipeline order."""
        return self.env["crm.stage"].search(
            [("team_ids", "in", self.ids)], order="sequence, id"
        )
