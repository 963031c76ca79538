from . import test_food_attributes
from . import test_alim_order_cycle
from . import test_bench_alim_order_cycle
from . import test_alim_reception
from . import test_alim_donation_receipt
from . import test_alim_donation_portal
from . import test_alim_donation_numbering
from . import test_kg_delivered
