from . import gesmip_state_machine_mixin
from . import gesmip_background_mixin
from . import gesmip_demo
from . import ir_actions_report
from . import ir_http
from . import ir_module_module
from . import res_company
