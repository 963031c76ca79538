from . import alim_repack_stock_mixin
from . import alim_repack_order
from . import alim_repack_order_input
from . import stock_lot
from . import stock_move
from . import res_company
from . import product_template
from . import ir_actions_report
