from . import schedule
from . import names
