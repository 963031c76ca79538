from . import test_ge_ames_billing
