from odoo import models
from odoo.exceptions import UserError

from ..tools.plan_docx import (
    ORGANISATIONS_PREFIX,
    VENUE_PREFIX,
    html_paragraphs,
    participants_paragraphs,
    write_plan_docx,
)


class VsmsPlan(models.Model):
    _inherit = "vsms.plan"  # pylint: disable=consider-merging-classes-inherited

    def _prepare_state_change(self, vals):
        """A plan is approved only when every item's schedule is understood
        (an imported item may keep a schedule error)."""
        if vals.get("state") == "approved" and self.state != "approved":
            wrong = self.item_ids.filtered("schedule_error")
            if wrong:
                raise UserError(
                    self.env._(
                        "Plan «%(name)s» cannot be approved: the schedule of "
                        "«%(item)s» is not understood (%(error)s). Correct it first.",
                        name=self.name,
                        item=wrong[0].display_name,
                        error=wrong[0].schedule_error,
                    )
                )
        return super()._prepare_state_change(vals)

    def _vsms_docx_blocks(self):
        """The rows of the plan's Word table (see ``write_plan_docx``)."""
        self.ensure_one()
        blocks = []
        for group in self._report_groups():
            if group["section"]:
                blocks.append(("section", group["section"].name))
            for item in group["items"]:
                name = [item.name]
                if item.venue:
                    name.append(f"{VENUE_PREFIX} {item.venue}")
                participants = participants_paragraphs(
                    item.participants_planned, item.participants_note
                )
                if item.partner_ids:
                    names = "; ".join(item.partner_ids.mapped("name"))
                    participants.append(f"{ORGANISATIONS_PREFIX} {names}")
                blocks.append(
                    (
                        "item",
                        {
                            "number": [str(item.number)],
                            "schedule": [item.schedule_text or ""],
                            "name": name,
                            "participants": participants,
                            "programme": html_paragraphs(item.description),
                        },
                    )
                )
        return blocks

    def _vsms_export_docx(self):
        """The plan as a Word document: ``(file name, bytes)``."""
        self.ensure_one()
        content = write_plan_docx(self.name, self._vsms_docx_blocks())
        return self.env._("Work plan %(year)s.docx", year=self.year), content

    def action_export_docx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/vsms/plan/{self.id}/docx",
            "target": "download",
        }
