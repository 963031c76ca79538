from . import portal
from . import donation_portal
from . import standing_order_portal
