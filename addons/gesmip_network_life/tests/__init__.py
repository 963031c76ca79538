from . import test_network_event
from . import test_network_portal_http
from . import test_call_project
from . import test_needs_study
from . import test_support_programme
from . import test_state_machine
from . import test_coordinator_tour
from . import test_demo_loader
