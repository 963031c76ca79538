from . import portal
from . import donation_portal
