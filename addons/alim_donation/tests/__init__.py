from . import test_alim_reception
from . import test_alim_donation_receipt
from . import test_alim_donation_receipt_models
from . import test_alim_donation_portal
from . import test_alim_donation_numbering
from . import test_kg_delivered
from . import test_platform_exchanges
from . import test_alim_donation_year_statement
