from odoo import api, fields, models

MONITORING_KINDS = [
    ("practice", "Best practice"),
    ("problem", "Problem"),
    ("legislation", "Legislation change"),
    ("event", "Event"),
    ("other", "Other"),
]
# A problem is followed up within this many days.
FOLLOW_UP_DAYS = 14


class VsmsMonitoringNote(models.Model):
    """What the branch learnt about the situation in a municipality (item 11
    of the 2021 plan: collect information about the municipalities)."""

    _name = "vsms.monitoring.note"
    _description = "Monitoring Note"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    municipality_id = fields.Many2one(
        "vsms.municipality",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    kind = fields.Selection(
        MONITORING_KINDS, required=True, default="practice", index=True, tracking=True
    )
    topic_ids = fields.Many2many(
        "vsms.monitoring.topic",
        "vsms_monitoring_note_topic_rel",
        "note_id",
        "topic_id",
        string="Topics",
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    summary = fields.Html()
    source_url = fields.Char(string="Source Link")
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    publication_id = fields.Many2one(
        "vsms.publication",
        index=True,
        ondelete="set null",
        check_company=True,
        help="The publication that came of this note.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.model_create_multi
    def create(self, vals_list):
        notes = super().create(vals_list)
        notes.filtered(lambda note: note.kind == "problem")._vsms_schedule_follow_up()
        return notes

    def write(self, vals):
        problems_before = self.filtered(lambda note: note.kind == "problem")
        res = super().write(vals)
        if vals.get("kind") == "problem":
            (self - problems_before)._vsms_schedule_follow_up()
        return res

    def _vsms_schedule_follow_up(self):
        """A problem gets a to-do for its author: find out how it ends."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        if not todo:
            return
        for note in self:
            note.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=fields.Date.add(
                    fields.Date.context_today(self), days=FOLLOW_UP_DAYS
                ),
                summary=self.env._("Follow up the problem"),
                user_id=(note.user_id or self.env.user).id,
            )
