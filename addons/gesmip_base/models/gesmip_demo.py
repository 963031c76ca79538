import importlib
import re

from odoo import api, models
from odoo.exceptions import AccessError

GENERATOR = re.compile(r"^(?P<addon>\w+)\.demo\.(?P<module>\w+)\.(?P<function>\w+)$")


class GesmipDemo(models.AbstractModel):
    """Runs the demo-data generators that the addons keep in their ``demo/`` folder.

    A demo XML file calls, for instance::

        <function model="gesmip.demo" name="_generate"
                  eval="['ge_ames.demo.ge_ames_timesheet_demo.generate_year', 2020]" />

    which imports ``odoo.addons.ge_ames.demo.ge_ames_timesheet_demo`` only then (the addons
    never import their ``demo/`` folder) and calls ``generate_year(env, 2020)``. So the
    generators are demo data, not code of the production models.
    """

    _name = "gesmip.demo"
    _description = "Demo Data Generator"

    @api.model
    def _generate(self, generator, *args):
        match = GENERATOR.match(generator or "")
        if not match:
            raise ValueError(f"{generator!r} is not <addon>.demo.<module>.<function>")
        if not self.env.is_superuser():
            raise AccessError(self.env._("Only the installation of demo data runs demo generators."))
        module = importlib.import_module(f"odoo.addons.{match['addon']}.demo.{match['module']}")
        getattr(module, match["function"])(self.env, *args)
        return True
