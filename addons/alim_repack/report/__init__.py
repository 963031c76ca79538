from . import alim_repack_delivery_report
from . import stock_traceability_report
from . import report_alim_repack_report_alim_repack_labels
