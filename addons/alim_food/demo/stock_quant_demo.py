"""The platform's stock on the day the demo starts: the food products of the demo in the room
of their storage class, with dated lots, so that the open order cycle offers a real weekly
catalogue. A few products are left to the other addons' demo flows (bulk goods bought and
repacked, a scarce product shared at allocation, fruit and vegetables donated all year), and
a few chilled ones are out of stock this week: each lot takes a pallet place, and the
positive cold room's 24 places are mostly taken by the year's donations. Each product goes
to the room of its class with the most pallet places left (frozen goods to the second
negative room: the year's donations fill the first)."""

from dateutil.relativedelta import relativedelta

from odoo import fields

LEFT_OUT = {
    "product_rice_bulk",
    "product_lentils_bulk",
    "product_flour",
    "product_apples",
    "product_carrots",
    # out of stock this week (the cold room is nearly full)
    "product_oranges",
    "product_leeks",
    "product_cream",
    "product_minced_beef",
    "product_ham",
    "product_salmon",
}
UNITS = (24, 36, 48, 60, 80, 120, 150, 40, 90)


def opening_stock(env):
    today = fields.Date.context_today(env["res.users"])
    stock = env.ref("stock.warehouse0").lot_stock_id
    data = env["ir.model.data"].search(
        [("module", "=", "alim_food"), ("model", "=", "product.product")], order="id"
    )
    products = env["product.product"].browse(d.res_id for d in data if d.name not in LEFT_OUT)
    Quant = env["stock.quant"].with_context(inventory_mode=True)
    quants = Quant
    free = _free_pallet_places(env, stock)
    for index, product in enumerate(products.filtered("food_category_id")):
        qty = UNITS[index % len(UNITS)]
        if product.weight >= 5:
            qty = max(qty // 6, 8)
        lot = env["stock.lot"]
        if product.food_date_type in ("dlc", "ddm"):
            if product.food_date_type == "dlc":
                date = today + relativedelta(days=5 + index % 9)
            else:
                date = today + relativedelta(months=3 + index % 15)
            lot = lot.create(
                {
                    "name": f"OUV-{date:%y%m%d}-{index + 1:02d}",
                    "product_id": product.id,
                    "expiration_date": fields.Datetime.to_datetime(date).replace(hour=12),
                }
            )
        room = stock._get_putaway_strategy(product, quantity=qty)
        same_class = [r for r in free if r.storage_class == product.storage_class]
        if same_class:
            room = max(same_class, key=lambda r: free[r])
        free[room] = free.get(room, 0) - 1
        quants |= Quant.create(
            {
                "product_id": product.id,
                "location_id": room.id,
                "lot_id": lot.id,
                "inventory_quantity": qty,
            }
        )
    quants.with_context(inventory_name="Stock d'ouverture (démo)")._apply_inventory()


def _free_pallet_places(env, stock):
    """Pallet places left in each room (a pallet per product and lot in stock)."""
    rooms = env["stock.location"].search([("location_id", "=", stock.id), ("storage_class", "!=", False)])
    quants = env["stock.quant"].search([("location_id", "child_of", rooms.ids), ("quantity", ">", 0)])
    used = {}
    for quant in quants:
        room = rooms.filtered(lambda r, q=quant: q.location_id.parent_path.startswith(r.parent_path))[:1]
        used.setdefault(room, set()).add((quant.product_id.id, quant.lot_id.id))
    return {room: room.pallet_places - len(used.get(room, ())) for room in rooms}
