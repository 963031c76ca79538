from . import test_alim_delivery_round
from . import test_alim_order_cycle_round_background
from . import test_alim_round_follows_cycle
from . import test_odoo_demo_hidden
