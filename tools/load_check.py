# Run by tools/load_test.sh in `odoo-bin shell` after the load: every accepted order is there
# with the quantities last accepted, one live order per grocery, then closing and allocating
# the cycle never hands out more than stock.
import json
import os

expected = json.load(open(os.environ["GESMIP_LOAD_EXPECTED"]))
cycle = env["alim.order.cycle"].browse(expected["cycle"])  # noqa: F821
problems = []
for grocery_id, quantities in expected["orders"].items():
    orders = cycle.order_ids.filtered(
        lambda o, g=int(grocery_id): o.partner_id.id == g and o.state != "cancel"
    )
    if len(orders) != 1:
        problems.append(f"grocery {grocery_id}: {len(orders)} live orders")
        continue
    got = {str(line.product_id.id): line.product_uom_qty for line in orders.order_line}
    for line_id, qty in quantities.items():
        product = str(cycle.line_ids.browse(int(line_id)).product_id.id)
        if abs(got.get(product, 0.0) - qty) > 1e-6:
            problems.append(
                f"grocery {grocery_id}: line {line_id} has {got.get(product, 0.0)}, accepted {qty}"
            )
cycle = cycle.with_context(gesmip_job_mode="inline")  # the check waits for no cron
cycle.with_context(alim_close_early=True).action_close()
cycle.action_allocate()
for line in cycle.line_ids:
    order_lines = cycle.order_ids.order_line.filtered(lambda o, p=line.product_id: o.product_id == p)
    given = sum(order_lines.mapped("product_uom_qty"))
    asked = sum(ol.asked_qty or ol.product_uom_qty for ol in order_lines)
    if asked > line.available_qty or line == cycle.line_ids[:1]:
        print(f"LOAD-CHECK {line.product_name}: available {line.available_qty}, asked {asked}, given {given}")
    if given > line.available_qty + 1e-6:
        problems.append(f"{line.product_name}: {given} allocated for {line.available_qty} in stock")
orders = cycle.order_ids
print(f"LOAD-CHECK {len(cycle.line_ids)} lines, {len(orders)} orders of {len(orders.order_line)} lines")
env.cr.rollback()  # noqa: F821
print("LOAD-CHECK " + ("ok" if not problems else "FAILED " + "; ".join(problems)))
