from . import personal_data
from . import event_registration
