from . import vsms_plan
from . import vsms_plan_section
from . import vsms_plan_item
from . import vsms_plan_occurrence
