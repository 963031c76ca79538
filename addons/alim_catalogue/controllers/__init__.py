from . import portal
from . import standing_order_portal
from . import group_purchase_portal
from . import invoice_portal
