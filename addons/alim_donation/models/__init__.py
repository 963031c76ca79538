from . import res_company
from . import res_partner_with_donor
from . import stock_move
from . import stock_picking
from . import alim_donation_receipt
from . import alim_donation_receipt_line
