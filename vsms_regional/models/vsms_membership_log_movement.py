"""Membership history: whether a change admitted a member or lost one.

Stored so that dashboards and the annual report can count admissions and
departures per month with a plain ``read_group``:

- ``admission``: the person became a member (``new_state`` is «member») from
  anything but «member» or «suspended» (a suspension lifted is no admission);
- ``departure``: a member (or a suspended member) became a former member;
- ``other``: every other change (prospects, applicants, suspensions…).
"""

from odoo import api, fields, models

MEMBER_SIDE = ("member", "suspended")


def membership_movement(old_state, new_state):
    """``admission``, ``departure`` or ``other`` for a change of member state
    from ``old_state`` (False at creation) to ``new_state``."""
    if new_state == "member" and old_state not in MEMBER_SIDE:
        return "admission"
    if new_state == "former" and old_state in MEMBER_SIDE:
        return "departure"
    return "other"


class VsmsMembershipLog(models.Model):
    _inherit = "vsms.membership.log"  # pylint: disable=consider-merging-classes-inherited

    movement = fields.Selection(
        [
            ("admission", "Admission"),
            ("departure", "Departure"),
            ("other", "Other change"),
        ],
        compute="_compute_movement",
        store=True,
        index=True,
        help="Admission: became a member (not back from a suspension). "
        "Departure: a member or suspended member became a former member.",
    )

    @api.depends("old_state", "new_state")
    def _compute_movement(self):
        for log in self:
            log.movement = membership_movement(log.old_state, log.new_state)
