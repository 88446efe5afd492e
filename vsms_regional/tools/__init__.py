from . import schedule
from . import names
from . import quorum
from . import guard
from . import records
from . import contest_marks_import
from . import plan_docx
from . import annual_report
