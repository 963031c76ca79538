from . import test_repack_order
from . import test_repack_stock
