from . import test_alim_delivery_round
