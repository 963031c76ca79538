from . import ge_ames_billing_wizard
from . import ge_ames_regularisation_wizard
