from . import test_alim_order_cycle
from . import test_alim_member_pricing
from . import test_alim_standing_order
from . import test_alim_starter_kit
from . import test_alim_order_cycle_concurrency
from . import test_bench_alim_order_cycle
from . import test_alim_group_purchase
from . import test_migration_pricing
