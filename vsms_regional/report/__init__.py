from . import vsms_contest_protocol
from . import vsms_contest_diploma
from . import vsms_annual_report_xlsx
from . import vsms_annual_report
