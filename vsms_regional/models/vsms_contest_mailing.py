"""Contests: «Разослать итоги» prepares the branch's results letter."""

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError

RESULTS = "vsms_regional.mailing_vsms_template_contest"


class VsmsContest(models.Model):
    _inherit = "vsms.contest"  # pylint: disable=consider-merging-classes-inherited

    def _vsms_results_details(self):
        """The results letter's details: the contest, then per nomination its
        places (an olympiad: its winners and prize-winners) with the name,
        organisation or school and municipality of each."""
        self.ensure_one()
        results = dict(
            self.env["vsms.contest.application"]
            ._fields["result"]
            ._description_selection(self.env)
        )
        winners = self._vsms_prize_winners()
        olympiad = self.kind == "olympiad"

        def rank(application):
            if olympiad:
                return (0 if application.result == "winner" else 1, application.rank)
            return (application.place, application.rank)

        parts = [
            Markup('<p style="margin:0px 0 0.5rem 0;"><strong>%s:</strong> %s</p>')
            % (self.env._("Contest"), self.name)
        ]
        groups = [
            (nomination, winners.filtered(lambda a, n=nomination: a.nomination_id == n))
            for nomination in winners.nomination_id.sorted(lambda n: (n.sequence, n.id))
        ]
        rest = winners.filtered(lambda a: not a.nomination_id)
        if rest:
            groups.append((None, rest))
        for nomination, applications in groups:
            if nomination:
                parts.append(
                    Markup(
                        '<p style="margin:0.75rem 0 0.25rem 0;"><strong>%s</strong></p>'
                    )
                    % nomination.name
                )
            items = []
            for application in applications.sorted(rank):
                label = (
                    results.get(application.result, "")
                    if olympiad
                    else self.env._("%(place)s place", place=application.place)
                )
                where = ", ".join(
                    value
                    for value in (
                        application.school_id.name
                        if olympiad
                        else application.organization,
                        application.municipality_id.name,
                    )
                    if value
                )
                who = application.partner_id.name or ""
                items.append(
                    Markup("<li>%s — %s%s</li>")
                    % (label, who, f" ({where})" if where else "")
                )
            parts.append(
                Markup('<ul style="margin:0px 0 0.5rem 0;">%s</ul>')
                % Markup("").join(items)
            )
        return Markup("").join(parts)

    def action_vsms_mail_results(self):
        """«Разослать итоги»: a mailing to contacts with the branch's results
        letter, this contest's places, its plan item and occurrence, and its
        participants proposed as recipients (final results only)."""
        self.ensure_one()
        self._check_field_access(self._fields["vsms_occurrence_id"], "read")
        if self.state != "done":
            raise UserError(
                self.env._(
                    "The results of «%(contest)s» are not final yet.",
                    contest=self.name,
                )
            )
        participants = (
            self.sudo()
            .application_ids.filtered(lambda a: a.state == "admitted")
            .partner_id
        )
        return self.env["mailing.mailing"]._vsms_prepare_action(
            RESULTS,
            self.env._("Results: %(contest)s", contest=self.name),
            details=self._vsms_results_details(),
            item=self.vsms_plan_item_id,
            occurrence=self.vsms_occurrence_id,
            extra_context={
                "default_mailing_domain": repr([("id", "in", participants.ids)]),
            },
        )
