# Run by tools/bench_background.py in `odoo-bin shell`, while the benchmark's server is up and a
# grocery reads another cycle's catalogue: Odoo's own batch confirmation of the prepared plain
# sale orders (BG_ODOO_ORDERS, ids in JSON) in one transaction, timed, then rolled back. It
# runs as the same cycle manager (BG_ODOO_LOGIN) who clicks the cycle's "Confirm Orders", whose
# task the cron runs as that user, and under the same load, so the two times compare (as the
# superuser, without access rules, Odoo's confirmation is about a fifth faster).
import json
import os
import time

env = globals()["env"]  # given by odoo-bin shell

manager = env["res.users"].search([("login", "=", os.environ["BG_ODOO_LOGIN"])])
orders = env["sale.order"].with_user(manager).browse(json.loads(os.environ["BG_ODOO_ORDERS"]))
started, start = time.time(), time.perf_counter()
orders.action_confirm()
env.flush_all()
seconds = time.perf_counter() - start
confirmed = len(orders.filtered(lambda o: o.state == "sale"))
env.cr.rollback()
result = {"start": started, "end": time.time(), "seconds": seconds, "confirmed": confirmed}
print("BG-ODOO " + json.dumps(result))
