from . import test_food_attributes
