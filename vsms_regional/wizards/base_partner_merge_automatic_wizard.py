from odoo import models

# The most telling status wins when contacts are merged.
STATE_RANK = {
    "none": 0,
    "former": 1,
    "prospect": 2,
    "applicant": 3,
    "suspended": 4,
    "member": 5,
}


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        """Keep one membership for the merged person.

        The member number is unique, so it is moved rather than copied, and
        the merged contact takes the status of whichever record had gone
        furthest (a member stays a member)."""
        everyone = (src_partners | dst_partner).sudo()
        best = max(
            everyone,
            key=lambda p: (STATE_RANK[p.vsms_member_state], p == dst_partner),
        )
        number = best.vsms_member_number or next(
            (p.vsms_member_number for p in everyone if p.vsms_member_number), False
        )
        since = best.vsms_member_since
        state = best.vsms_member_state
        numbered = src_partners.sudo().filtered("vsms_member_number")
        numbered.write({"vsms_member_number": False})
        numbered.flush_recordset(["vsms_member_number"])
        res = super()._update_values(src_partners, dst_partner)
        dst = dst_partner.sudo()
        values = {}
        if number and dst.vsms_member_number != number:
            values["vsms_member_number"] = number
        if since and not dst.vsms_member_since:
            values["vsms_member_since"] = since
        if values:
            dst.write(values)
        if dst.vsms_member_state != state:
            dst._vsms_set_member_state(
                state,
                reason=self.env._(
                    "Merged with %(names)s",
                    names=", ".join(src_partners.mapped("name")),
                ),
                check_transitions=False,
            )
        return res
