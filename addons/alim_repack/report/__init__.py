from . import alim_repack_delivery_report
