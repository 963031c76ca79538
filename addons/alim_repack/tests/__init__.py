from . import test_repack_order
from . import test_repack_stock
from . import test_repack_label
from . import test_repack_label_tour
