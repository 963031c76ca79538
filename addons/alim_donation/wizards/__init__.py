from . import alim_donation_year_statement
