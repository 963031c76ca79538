from . import test_grocery
from . import test_grocery_http
from . import test_migration
from . import test_demo_loader
from . import test_grocery_declaration
from . import test_grocery_declaration_http
