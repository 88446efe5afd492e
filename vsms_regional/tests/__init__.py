from . import test_schedule_parser
from . import test_plan_2021_data
from . import test_plan
from . import test_security
from . import test_report
from . import test_performance
from . import test_tour
from . import test_i18n
