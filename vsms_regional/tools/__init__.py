from . import schedule
from . import names
from . import quorum
