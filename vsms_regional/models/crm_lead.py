from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..const import USER_GROUP


class CrmLead(models.Model):
    _inherit = "crm.lead"

    vsms_is_admission = fields.Boolean(
        related="team_id.vsms_is_admission", string="ВСМС admission"
    )
    vsms_municipality_id = fields.Many2one(
        related="partner_id.vsms_municipality_id",
        string="Municipality",
        store=True,
        index=True,
    )
    vsms_position_ids = fields.One2many(
        related="partner_id.vsms_position_ids",
        string="Offices",
        groups=USER_GROUP,
    )
    vsms_main_role_id = fields.Many2one(
        related="partner_id.vsms_main_role_id",
        string="Main office",
        groups=USER_GROUP,
    )
    vsms_member_state = fields.Selection(
        related="partner_id.vsms_member_state",
        string="Member status",
        groups=USER_GROUP,
    )

    # -- keep admission stages apart from sales stages ---------------------
    @api.model
    def _read_group_stage_ids(self, stages, domain):
        team = self.env["crm.team"].browse(self.env.context.get("default_team_id"))
        if team.exists() and team.vsms_is_admission:
            return team._vsms_admission_stages()
        return super()._read_group_stage_ids(stages, domain)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        teams = self.team_id | self.env["crm.team"].browse(team_id or [])
        if teams and all(teams.mapped("vsms_is_admission")):
            search = Domain("team_ids", "in", teams.ids) & Domain(domain or [])
            return self.env["crm.stage"].search(search, order=order, limit=limit)
        return super()._stage_find(
            team_id=team_id, domain=domain, order=order, limit=limit
        )

    def _pls_increment_frequencies(self, from_state=None, to_state=None):
        """Admissions are not sales: keep them out of predictive lead scoring
        (whose tables ВСМС staff need not be able to touch)."""
        sales = self.filtered(lambda lead: not lead.vsms_is_admission)
        if sales:
            return super(CrmLead, sales)._pls_increment_frequencies(
                from_state=from_state, to_state=to_state
            )
        return None

    # -- member status follows the pipeline ------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._vsms_sync_member_state()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals or vals.get("active"):
            self._vsms_sync_member_state()
        return res

    def _vsms_sync_member_state(self):
        """The people of these admission leads take the member status of
        their stage: one change per stage for all of them (a won stage names
        each lead in the history)."""
        moves = defaultdict(lambda: self.browse())
        for lead in self.filtered(
            lambda lead: lead.vsms_is_admission and lead.partner_id and lead.active
        ):
            current = lead.partner_id.sudo().vsms_member_state
            if lead.stage_id.is_won:
                if current != "member":
                    lead.partner_id.sudo()._vsms_set_member_state(
                        "member",
                        reason=self.env._("Admitted: %(lead)s", lead=lead.name),
                        lead=lead,
                    )
                continue
            target = lead.stage_id.vsms_member_state or "prospect"
            if (
                current in ("none", "former", "prospect", "applicant")
                and current != target
            ):
                moves[target, lead.stage_id] |= lead
        for (target, stage), queued in moves.items():
            # Still to move (a won lead of the same person may have come first).
            leads = queued.filtered(
                lambda lead, target=target: lead.partner_id.sudo().vsms_member_state
                in ("none", "former", "prospect", "applicant")
                and lead.partner_id.sudo().vsms_member_state != target
            )
            if leads:
                leads.partner_id.sudo()._vsms_set_member_state(
                    target,
                    reason=self.env._("Admission stage: %(stage)s", stage=stage.name),
                    lead=leads,
                )

    def action_set_lost(self, **additional_values):
        admissions = self.filtered("vsms_is_admission")
        if admissions and not additional_values.get("lost_reason_id"):
            raise UserError(
                self.env._(
                    "Say why %(people)s will not be admitted: choose a lost reason.",
                    people=", ".join(admissions.partner_id.mapped("name")),
                )
            )
        res = super().action_set_lost(**additional_values)
        reason = self.env["crm.lost.reason"].browse(
            additional_values.get("lost_reason_id")
        )
        for lead in admissions.filtered("partner_id"):
            partner = lead.partner_id.sudo()
            if partner.vsms_member_state not in ("prospect", "applicant"):
                continue
            # Someone who had been a member before goes back to «former».
            previous = "former" if partner.vsms_member_number else "none"
            partner._vsms_set_member_state(
                previous,
                reason=self.env._("Not admitted: %(reason)s", reason=reason.name),
                lead=lead,
            )
        return res
