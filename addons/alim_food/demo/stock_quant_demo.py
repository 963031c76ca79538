"""The platform's stock on the day the demo starts: every food product of the demo in the
room of its storage class (chosen by the put-away rules), with dated lots, so that the open
order cycle offers a real weekly catalogue. A few products are left to the other addons'
demo flows (bulk goods bought and repacked, a scarce product shared at allocation, fruit
and vegetables donated all year)."""

from dateutil.relativedelta import relativedelta

from odoo import fields

LEFT_OUT = {
    "product_rice_bulk",
    "product_lentils_bulk",
    "product_flour",
    "product_apples",
    "product_carrots",
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
        quants |= Quant.create(
            {
                "product_id": product.id,
                "location_id": stock._get_putaway_strategy(product, quantity=qty).id,
                "lot_id": lot.id,
                "inventory_quantity": qty,
            }
        )
    quants.with_context(inventory_name="Stock d'ouverture (démo)")._apply_inventory()
