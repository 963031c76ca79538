from . import fleet_vehicle_model_category
from . import alim_delivery_round_stop
from . import alim_collection_round_stop
from . import stock_picking_batch
from . import stock_picking
from . import alim_order_cycle
