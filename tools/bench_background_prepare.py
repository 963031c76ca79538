# Run by tools/bench_background.sh in `odoo-bin shell`: a cycle of N groceries x M lines
# (GESMIP_BENCH_SERVER_CYCLE, default 50x200), ordered, closed and allocated, ready to be
# confirmed from the back office by a cycle manager (login = password = bgmanager); and the
# same orders as plain Odoo sale orders (same groceries, as many products, same quantities),
# twice, left in draft for tools/bench_background_odoo.py to confirm in Odoo's own batch.
import json
import os

from odoo import Command, fields

env = globals()["env"]  # given by odoo-bin shell

n_groceries, n_lines = (int(x) for x in os.environ.get("GESMIP_BENCH_SERVER_CYCLE", "50x200").split("x"))
manager = (
    env["res.users"]
    .with_context(no_reset_password=True)
    .create(
        {
            "name": "Bench manager",
            "login": "bgmanager",
            "password": "bgmanager",
            "groups_id": [
                Command.set(
                    [
                        env.ref("alim_food.alim_food_group_manager").id,
                        env.ref("sales_team.group_sale_manager").id,
                        env.ref("stock.group_stock_manager").id,
                    ]
                )
            ],
        }
    )
)
groceries = env["res.partner"].create(
    [
        {
            "name": f"Bench grocery {i}",
            "is_company": True,
            "is_grocery": True,
            "grocery_status": "active",
            "households_count": 10 + i,
        }
        for i in range(n_groceries)
    ]
)
stock = env.ref("stock.warehouse0").lot_stock_id


def products(tag):
    records = env["product.product"].create(
        [{"name": f"Bench {tag} #{i}", "is_storable": True, "list_price": 1.0} for i in range(n_lines)]
    )
    for product in records:
        env["stock.quant"]._update_available_quantity(product, stock, 1000 * n_groceries)
    return records


cycle_products = products("cycle")
now = fields.Datetime.now()
cycle = env["alim.order.cycle"].create(
    {
        "name": f"Bench {n_groceries} x {n_lines}",
        "date_open": fields.Datetime.subtract(now, hours=1),
        "date_close": fields.Datetime.add(now, days=1),
        "location_id": stock.id,
        "grocery_ids": [Command.set(groceries.ids)],
        "line_ids": [Command.create({"product_id": p.id}) for p in cycle_products],
    }
)
cycle.action_open()
for grocery in groceries:
    order = cycle._get_grocery_order(grocery, create=True)
    env["sale.order.line"].create(
        [{"order_id": order.id, "product_id": p.id, "product_uom_qty": 5} for p in cycle_products]
    )
cycle.with_context(alim_close_early=True).action_close()
cycle.with_context(gesmip_job_mode="inline").action_allocate()
# another cycle, open, whose catalogue a grocery reads while the first one is confirmed
other = env["alim.order.cycle"].create(
    {
        "name": f"Bench open {n_lines}",
        "date_open": fields.Datetime.subtract(now, hours=1),
        "date_close": fields.Datetime.add(now, days=1),
        "location_id": stock.id,
        "grocery_ids": [Command.set(groceries[:1].ids)],
        "line_ids": [Command.create({"product_id": p.id}) for p in cycle_products],
    }
)
other.action_open()
reader = (
    env["res.users"]
    .with_context(no_reset_password=True)
    .create(
        {
            "name": "Bench reader",
            "login": "bgreader",
            "password": "bgreader",
            "partner_id": env["res.partner"]
            .create({"name": "Bench reader", "parent_id": groceries[0].id})
            .id,
            "groups_id": [Command.set([env.ref("gesmip_network.gesmip_network_group_grocery").id])],
        }
    )
)


def plain_orders(tag):
    """The same orders as plain Odoo sale orders, on products of their own."""
    lines = products(tag)
    return env["sale.order"].create(
        [
            {
                "partner_id": g.id,
                "order_line": [Command.create({"product_id": p.id, "product_uom_qty": 5}) for p in lines],
            }
            for g in groceries
        ]
    )


# twice: Odoo's confirmation is timed before and after the suite's (a run second meets bigger
# tables, and the mean of both sides takes that out)
odoo_orders = [plain_orders("odoo before").ids, plain_orders("odoo after").ids]
env.cr.commit()
print(
    "BG-SETUP "
    + json.dumps(
        {
            "cycle": cycle.id,
            "login": manager.login,
            "other_cycle": other.id,
            "reader": reader.login,
            "size": f"{n_groceries} groceries x {n_lines} lines",
            "orders": len(groceries),
            "odoo_orders": odoo_orders,
        }
    )
)
