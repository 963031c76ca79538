from . import grocery_door
