from . import personal_data
from . import portal
