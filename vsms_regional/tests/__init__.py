from . import test_schedule_parser
from . import test_plan_2021_data
