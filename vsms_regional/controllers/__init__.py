from . import personal_data
from . import plan_execution
from . import portal
from . import contest_website
from . import plan_docx
from . import event_registration
