# Odoo imports this addon as "odoo.addons.alim_coldchain". pytest imports this file too, as
# the parent package of lib/ whose pure tests run without Odoo: then load nothing.
if __name__.startswith("odoo.addons."):
    from . import controllers
    from . import models
    from . import wizards
