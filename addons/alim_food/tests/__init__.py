from . import test_food_attributes
from . import test_dated_food
from . import test_putaway
from . import test_demo_loader
from . import test_donation_exclusion
from . import test_reception_temperature
