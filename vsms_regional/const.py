"""Constants shared by the models, wizards and controllers of the addon."""

# Groups (xml ids)
JURY_GROUP = "vsms_regional.group_vsms_jury"
USER_GROUP = "vsms_regional.group_vsms_user"
MANAGER_GROUP = "vsms_regional.group_vsms_manager"

# When neither the record nor its user has a time zone (Smolensk keeps
# Moscow time).
DEFAULT_TZ = "Europe/Moscow"

# A person's status in ВСМС (res.partner.vsms_member_state).
MEMBER_STATES = [
    ("none", "Not a member"),
    ("prospect", "Prospect"),
    ("applicant", "Applicant"),
    ("member", "Member"),
    ("suspended", "Suspended"),
    ("former", "Former member"),
]
# Which member-state changes make sense (anything is allowed at creation,
# e.g. when importing an existing member list).
MEMBER_TRANSITIONS = {
    "none": {"prospect", "applicant", "member"},
    "prospect": {"none", "applicant", "member", "former"},
    "applicant": {"none", "prospect", "member", "former"},
    "member": {"suspended", "former"},
    "suspended": {"member", "former"},
    "former": {"prospect", "applicant", "member"},
}
# Changes to these states need a reason (a decision, a personal letter …).
REASON_REQUIRED = {"suspended", "former"}

# The category of a person by their main office (vsms.position.role.code):
# the participant category of event registrations and, grouped further, the
# member categories of the annual report.  Other offices, or none: no
# category of their own.
ROLE_CATEGORIES = {
    "head": "head",
    "council_chair": "deputy",
    "deputy": "deputy",
    "regional_deputy": "deputy",
    "tos_chair": "tos",
    "tos_member": "tos",
    "village_headman": "tos",
    "house_senior": "tos",
    "elder": "tos",
    "admin_staff": "official",
    "expert": "expert",
}
