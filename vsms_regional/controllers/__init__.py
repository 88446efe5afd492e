from . import personal_data
from . import contest_website
