"""Create an Odoo database as the database manager does: French, company in France (so
that installing account loads the French chart of accounts), admin/admin, demo data.

usage: python create_db.py ODOO_CONF DBNAME   (with Odoo's source on PYTHONPATH)
"""

import sys

import odoo
from odoo.service import db

odoo.tools.config.parse_config(["-c", sys.argv[1]])
db.exp_create_database(sys.argv[2], True, "fr_FR", user_password="admin", login="admin", country_code="FR")
