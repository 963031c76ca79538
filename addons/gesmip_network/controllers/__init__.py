from . import grocery_door
from . import portal
