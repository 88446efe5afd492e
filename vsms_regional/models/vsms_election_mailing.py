"""Elections: «Разослать поздравления» and «Разослать итоги» prepare the
branch's letters from an election's results."""

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError

CONGRATULATION = "vsms_regional.mailing_vsms_template_election"
INFORMATION = "vsms_regional.mailing_vsms_template_information"
MEMBERS = "vsms_regional.mailing_filter_vsms_members"
# Members and suspended members are not invited to join.
MEMBER_STATES = ["member", "suspended"]


class VsmsElection(models.Model):
    _inherit = "vsms.election"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_check_results(self):
        self.ensure_one()
        # the plan links are ВСМС staff's business
        self._check_field_access(self._fields["vsms_occurrence_id"], "read")
        if self.state not in ("results", "closed"):
            raise UserError(
                self.env._(
                    "«%(election)s» has no confirmed results yet.",
                    election=self.name,
                )
            )

    def _vsms_elected(self):
        return self.candidate_ids.filtered(lambda c: c.state == "elected")

    def _vsms_results_details(self):
        """The elected per district, with their votes."""
        self.ensure_one()
        elected = self._vsms_elected()
        parts = [
            Markup('<p style="margin:0px 0 0.5rem 0;"><strong>%s:</strong> %s</p>')
            % (self.env._("Election"), self.body_name or self.name)
        ]
        for district in self.district_ids.sorted(lambda d: (d.number, d.id)):
            people = elected.filtered(lambda c, d=district: c.district_id == d)
            if not people:
                continue
            items = Markup("").join(
                Markup("<li>%s</li>") % candidate.partner_id.name
                for candidate in people.sorted(lambda c: (-c.votes, c.id))
            )
            parts.append(
                Markup(
                    '<p style="margin:0.75rem 0 0.25rem 0;"><strong>%s</strong></p>'
                    '<ul style="margin:0px 0 0.5rem 0;">%s</ul>'
                )
                % (district.name, items)
            )
        return Markup("").join(parts)

    def action_vsms_mail_congratulations(self):
        """«Разослать поздравления»: the branch's congratulation with an
        invitation to join ВСМС, to the elected who are not members."""
        self._vsms_check_results()
        people = self._vsms_elected().partner_id
        return self.env["mailing.mailing"]._vsms_prepare_action(
            CONGRATULATION,
            None,
            item=self.vsms_plan_item_id,
            occurrence=self.vsms_occurrence_id,
            extra_context={
                "default_mailing_domain": repr(
                    [
                        ("id", "in", people.ids),
                        ("vsms_member_state", "not in", MEMBER_STATES),
                    ]
                ),
            },
        )

    def action_vsms_mail_results(self):
        """«Разослать итоги»: an information letter with the elected per
        district, proposed to the members of the branch."""
        self._vsms_check_results()
        return self.env["mailing.mailing"]._vsms_prepare_action(
            INFORMATION,
            self.env._("Results: %(election)s", election=self.name),
            details=self._vsms_results_details(),
            item=self.vsms_plan_item_id,
            occurrence=self.vsms_occurrence_id,
            segment_xmlid=MEMBERS,
        )
