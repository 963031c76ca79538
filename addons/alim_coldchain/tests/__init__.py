from . import test_temperature_register
from . import test_excursion_hold
from . import test_dates
from . import test_recall
from . import test_recall_hold
from . import test_recall_portal
from . import test_sensor_http
from . import test_bench_coldchain_import
