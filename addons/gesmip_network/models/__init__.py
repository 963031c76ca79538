from . import gesmip_department
from . import res_partner
from . import res_users
from . import gesmip_grocery_declaration
