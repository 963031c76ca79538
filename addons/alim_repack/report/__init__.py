from . import alim_repack_delivery_report
from . import stock_traceability_report
