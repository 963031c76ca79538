from . import res_partner
from . import ge_ames_activity
from . import ge_ames_rate
from . import ge_ames_agreement
from . import account_analytic_line
from . import account_move
from . import ge_ames_billing_run
