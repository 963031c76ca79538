from . import test_access_matrix
from . import test_suite_installed
