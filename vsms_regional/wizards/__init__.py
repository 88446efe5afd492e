from . import vsms_member_state_wizard
from . import base_partner_merge_automatic_wizard
from . import vsms_occurrence_schedule_wizard
from . import vsms_occurrence_schedule_wizard_line
from . import mail_compose_message
from . import vsms_contest_application_reject
from . import vsms_contest_score_import
from . import vsms_election_result_import
