from . import test_access_matrix
from . import test_doors
from . import test_http_fuzz
from . import test_suite_installed
from . import test_translations
from . import test_coldchain_with_catalogue
from . import test_recall_through_repack
from . import test_bench_recall_repack
