from . import ge_ames_billing_wizard
