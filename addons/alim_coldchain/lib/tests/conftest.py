"""Register this lib as ``alim_coldchain_lib`` when pytest took the addon's pyproject.toml as
its configuration (then the repository's root conftest.py is not loaded)."""

import importlib.util
import pathlib
import sys

NAME = "alim_coldchain_lib"
if NAME not in sys.modules:
    _init = pathlib.Path(__file__).parent.parent / "__init__.py"
    _spec = importlib.util.spec_from_file_location(
        NAME, _init, submodule_search_locations=[str(_init.parent)]
    )
    _module = importlib.util.module_from_spec(_spec)
    sys.modules[NAME] = _module
    _spec.loader.exec_module(_module)
