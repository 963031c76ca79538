from . import test_grocery
