from . import alim_food_category
from . import alim_allergen
from . import product_template
from . import stock_location
from . import stock_lot
from . import stock_move
from . import stock_move_line
from . import stock_picking
