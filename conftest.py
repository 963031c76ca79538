"""Pure-Python tests of the addons' algorithms (tools/test.sh runs them with pytest).

Each addon keeps its algorithms in <addon>/lib, free of any Odoo import, so they can be
tested without a database. This registers each lib as the package "<addon>_lib", so that a
test imports e.g. ``from alim_catalogue_lib.allocation import allocate``.
"""

import importlib.util
import pathlib
import sys
import types

ADDONS = pathlib.Path(__file__).parent / "addons"

for lib in sorted(ADDONS.glob("*/lib/__init__.py")):
    name = f"{lib.parent.parent.name}_lib"
    spec = importlib.util.spec_from_file_location(name, lib, submodule_search_locations=[str(lib.parent)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)

# pytest's importlib mode imports the packages above a test file (addons, addons.<addon>),
# which would run the addon's __init__ and import Odoo: stand empty packages in for them.
for lib in sorted(ADDONS.glob("*/lib/__init__.py")):
    addon = lib.parent.parent
    for name, path in (("addons", ADDONS), (f"addons.{addon.name}", addon), (addon.name, addon)):
        if name not in sys.modules:
            stub = types.ModuleType(name)
            stub.__path__ = [str(path)]
            sys.modules[name] = stub
