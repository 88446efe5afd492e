from . import vsms_contest_protocol
from . import vsms_contest_diploma
