"""Create an Odoo database as the database manager does: French, company in France (so
that installing account loads the French chart of accounts), admin/admin, demo data.

usage: python create_db.py ODOO_CONF DBNAME   (with Odoo's source on PYTHONPATH)
"""

import sys

import odoo
from odoo.service import db

odoo.tools.config.parse_config(["-c", sys.argv[1]])
# The shipped configuration turns the database manager off (list_db = False), which also
# blocks its functions; this one-shot process, which serves nothing, uses one of them.
odoo.tools.config["list_db"] = True
db.exp_create_database(sys.argv[2], True, "fr_FR", user_password="admin", login="admin", country_code="FR")
