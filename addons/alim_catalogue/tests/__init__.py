from . import test_food_attributes
from . import test_alim_order_cycle
from . import test_bench_alim_order_cycle
