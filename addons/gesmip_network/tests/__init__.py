from . import test_grocery
from . import test_grocery_http
from . import test_migration
from . import test_network_event
from . import test_network_portal_http
from . import test_call_project
from . import test_needs_study
from . import test_support_programme
