# Run by tools/load_test.sh in `odoo-bin shell` on a copy of the demo database: 50 grocery
# portal users (login = password = loadNN) and an open order cycle inviting their groceries,
# with one scarce line (20 units for 50 groceries), two plentiful ones first in the catalogue,
# and more plentiful ones to make a catalogue of GESMIP_LOAD_LINES lines (200 by default).
import json
import os

from odoo import Command, fields

users_count = int(os.environ.get("GESMIP_LOAD_USERS", "50"))
groceries = env["res.partner"].search(  # noqa: F821
    [("is_grocery", "=", True), ("grocery_status", "in", ("new", "active"))], limit=users_count, order="id"
)  # groceries that left the network have no catalogue
grocery_group = env.ref("gesmip_network.gesmip_network_group_grocery")  # noqa: F821
logins, warm_logins = {}, []
# the groceries' users, then 8 more of the first grocery that warm the server's workers up
for index, grocery in enumerate(list(groceries) + [groceries[0]] * 8):
    login = f"load{index:02d}" if index < len(groceries) else f"warm{index - len(groceries)}"
    contact = env["res.partner"].create({"name": f"Charge {login}", "parent_id": grocery.id})  # noqa: F821
    env["res.users"].with_context(no_reset_password=True).create(  # noqa: F821
        {
            "name": contact.name,
            "login": login,
            "password": login,
            "partner_id": contact.id,
            "groups_id": [Command.set(grocery_group.ids)],
        }
    )
    if index < len(groceries):
        logins[login] = grocery.id
    else:
        warm_logins.append(login)
stock = env.ref("stock.warehouse0").lot_stock_id  # noqa: F821
lines_count = max(3, int(os.environ.get("GESMIP_LOAD_LINES", "200")))
names = ["rare", "abondant A", "abondant B"] + [f"article {n:03d}" for n in range(3, lines_count)]
products = env["product.product"].create(  # noqa: F821
    [{"name": f"Charge {name}", "is_storable": True, "weight": 1.0, "list_price": 1.0} for name in names]
)
for product, qty in zip(products, [20] + [10000] * (lines_count - 1), strict=True):
    env["stock.quant"]._update_available_quantity(product, stock, qty)  # noqa: F821
now = fields.Datetime.now()
cycle = env["alim.order.cycle"].create(  # noqa: F821
    {
        "name": "Cycle de charge",
        "date_open": fields.Datetime.subtract(now, hours=1),
        "date_close": fields.Datetime.add(now, hours=3),
        "location_id": stock.id,
        "grocery_ids": [Command.set(groceries.ids)],
        # the scarce and the two plentiful lines first, on the first page
        "line_ids": [
            Command.create({"product_id": p.id, "max_per_grocery": 10, "sequence": 1 if n < 3 else 10})
            for n, p in enumerate(products)
        ],
    }
)
cycle.action_open()
env.cr.commit()  # noqa: F821
print(
    "LOAD-SETUP "
    + json.dumps(
        {"cycle": cycle.id, "lines": cycle.line_ids.ids, "logins": logins, "warm_logins": warm_logins}
    )
)
