"""What of Odoo's own demo data still shows in a built demo database (a furniture shop's
transfers, vehicles, orders, people, English location names), and which of the platform's
records name OdooBot, the administrator or Odoo's demo users in charge. Run by tools/test.sh
(step 4) on the demo database it builds; by hand:

    .gesmip venv python odoo-bin shell -c .gesmip/odoo-run.conf -d DEMO_DB --no-http \\
        < tools/demo_odoo_leftovers.py

Prints "ok ..." when nothing shows, else one "FAILED ..." line per record.
"""

from odoo.addons.gesmip_base.demo.odoo_demo_cleanup import odoo_demo_leftovers

leftovers = odoo_demo_leftovers(env)  # noqa: F821 (the shell's environment)
for line in leftovers:
    print("FAILED", line)
if not leftovers:
    print("ok nothing of Odoo's demo data shows, the platform's staff are in charge")
