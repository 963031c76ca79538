from . import test_ge_ames_billing
from . import test_ge_ames_portal
from . import test_bench_ge_ames_billing
