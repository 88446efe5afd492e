from . import personal_data
from . import plan_docx
