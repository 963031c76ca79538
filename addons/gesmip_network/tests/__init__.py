from . import test_grocery
from . import test_grocery_http
from . import test_migration
from . import test_demo_loader
