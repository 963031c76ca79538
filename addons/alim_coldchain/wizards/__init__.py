from . import alim_temperature_import
from . import alim_temperature_annul
from . import alim_haccp_report_wizard
from . import alim_recall_decision
from . import alim_lot_freeze
