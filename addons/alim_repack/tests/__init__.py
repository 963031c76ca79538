from . import test_repack_order
