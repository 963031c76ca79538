from . import test_alim_delivery_round
from . import test_alim_order_cycle_round_background
