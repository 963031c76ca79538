from . import alim_vehicle
from . import alim_delivery_round
from . import alim_delivery_round_stop
from . import alim_collection_round
from . import alim_collection_round_stop
from . import stock_picking
from . import alim_order_cycle
