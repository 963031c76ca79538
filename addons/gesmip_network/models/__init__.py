from . import gesmip_department
from . import res_partner
