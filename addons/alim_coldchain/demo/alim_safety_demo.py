"""Demo data of food safety: an open recall through a repack with the answers of some
groceries, a lot frozen before its use-by date, and a confirmed excursion.

Called from the demo files of alim_coldchain and of alim_repack: the recall needs both, and
whichever is installed second makes it."""

from datetime import timedelta

from odoo import Command, fields

RECALL_TITLE = "Lentilles vertes : corps étrangers (cailloux)"


def _deliver(env, product, lot, quantity, grocery):
    """A validated delivery of ``quantity`` of ``lot`` to ``grocery``."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    quant = env["stock.quant"].search(
        [("lot_id", "=", lot.id), ("location_id.usage", "=", "internal"), ("quantity", ">=", quantity)],
        limit=1,
    )
    customers = env.ref("stock.stock_location_customers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": warehouse.out_type_id.id,
            "partner_id": grocery.id,
            "location_id": quant.location_id.id,
            "location_dest_id": customers.id,
            "origin": "Livraison de démonstration",
            "move_ids": [
                Command.create(
                    {
                        "name": product.display_name,
                        "product_id": product.id,
                        "product_uom": product.uom_id.id,
                        "product_uom_qty": quantity,
                        "location_id": quant.location_id.id,
                        "location_dest_id": customers.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    picking.move_ids.move_line_ids.unlink()
    env["stock.move.line"].create(
        {
            "move_id": picking.move_ids.id,
            "picking_id": picking.id,
            "product_id": product.id,
            "lot_id": lot.id,
            "quantity": quantity,
            "location_id": quant.location_id.id,
            "location_dest_id": customers.id,
        }
    )
    picking.move_ids.picked = True
    picking.button_validate()
    return picking


def make_recall_through_repack(env):
    """A donor's bulk lentil lot repacked into 500 g packs, delivered to three groceries,
    then recalled: the bulk and the packs are held, the groceries notified; Mirail and Albi
    answered, the third has not."""
    if "alim.recall" not in env or "alim.repack.order" not in env:
        return
    pack = env.ref("alim_repack.product_lentils_500g", raise_if_not_found=False)
    if not pack or env["alim.recall"].search_count([("name", "=", RECALL_TITLE)]):
        return
    bulk = env.ref("alim_food.product_lentils_bulk")
    groceries = [
        env.ref(f"gesmip_network.grocery_{name}", raise_if_not_found=False)
        for name in ("mirail", "albi", "01")
    ]
    groceries = [grocery for grocery in groceries if grocery]
    today = fields.Date.context_today(env["alim.recall"])
    lot = env["stock.lot"].create(
        {
            "name": "DON-LENT-2611",
            "product_id": bulk.id,
            "expiration_date": fields.Datetime.now() + timedelta(days=300),
        }
    )
    order = env["alim.repack.order"].create(
        {
            "lab_date": today - timedelta(days=6),
            "product_id": pack.id,
            "input_ids": [Command.create({"lot_id": lot.id, "quantity": 1.0})],
            "packs_made": 49,
            "loss_reason": "spillage",
        }
    )
    env["stock.quant"]._update_available_quantity(bulk, order.location_src_id, 1.0, lot_id=lot)
    order.action_plan()
    order.action_done()
    pack_lot = order.output_lot_id
    for grocery, quantity in zip(groceries, (20, 12, 8), strict=False):
        _deliver(env, pack, pack_lot, quantity, grocery)
    recall = env["alim.recall"].create(
        {
            "name": RECALL_TITLE,
            "lot_id": lot.id,
            "reason": "Le donateur signale des cailloux dans le lot de vrac. Mettez les paquets de côté, "
            "ne les distribuez plus et dites-nous ce que vous avez fait des paquets reçus.",
        }
    )
    recall.action_notify()
    answers = [
        {
            "destroyed_qty": 14,
            "given_out_qty": 6,
            "note": "6 paquets déjà distribués le samedi ; familles prévenues.",
        },
        {"returned_qty": 12, "note": "Rendus au chauffeur de la tournée du jeudi."},
    ]
    users = [
        env.ref(f"gesmip_network.user_grocery_{name}", raise_if_not_found=False)
        for name in ("mirail", "albi")
    ]
    for grocery, values, user in zip(groceries, answers, users, strict=False):
        vals = dict(values, recall_id=recall.id, grocery_id=grocery.id)
        if user:
            vals["user_id"] = user.id
        env["alim.recall.answer"].create(vals)


def make_frozen_lot(env):
    """The platform holds a dérogation to freeze: chicken two days before its use-by date is
    frozen into a new lot, best before three months later, in the first negative room."""
    chicken = env.ref("alim_food.product_chicken", raise_if_not_found=False)
    positive = env.ref("alim_food.location_cold_positive", raise_if_not_found=False)
    freezer = env.ref("alim_food.location_cold_negative_1", raise_if_not_found=False)
    if not (chicken and positive and freezer) or chicken.alim_frozen_product_id:
        return
    env.company.alim_freezing_authorisation = "Dérogation DDPP 31 n° 2026-014 (démonstration)"
    frozen = env["product.product"].create(
        {
            "name": "Poulet fermier, congelé par la plateforme",
            "is_storable": True,
            "food_date_type": "ddm",
            "storage_class": "frozen",
            "food_category_id": chicken.food_category_id.id,
            "food_animal_origin": chicken.food_animal_origin,
            "weight": chicken.weight,
        }
    )
    chicken.alim_frozen_product_id = frozen
    lot = env["stock.lot"].create(
        {
            "name": "POULET-2611",
            "product_id": chicken.id,
            "expiration_date": fields.Datetime.now() + timedelta(days=2),
        }
    )
    env["stock.quant"]._update_available_quantity(chicken, positive, 6.0, lot_id=lot)
    wizard = env["alim.lot.freeze"].create(
        {
            "lot_id": lot.id,
            "location_dest_id": freezer.id,
            "best_before": fields.Date.today() + timedelta(days=90),
        }
    )
    wizard.action_freeze()


def make_confirmed_excursion(env):
    """The second negative room warmed to -12 °C for three hours a month ago (a compressor fault): the
    excursion was confirmed, the goods probed and released with the corrective action."""
    room = env.ref("alim_food.location_cold_negative_2", raise_if_not_found=False)
    if not room:
        return
    admin = env.ref("base.user_admin")
    # before the month of quarter-hourly readings (a reading already there would be skipped)
    end = fields.Datetime.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=33)
    start = end - timedelta(hours=3)
    readings = [(start + timedelta(minutes=15 * step), -12.0 - 0.1 * step) for step in range(13)]
    env["alim.temperature.reading"].with_user(admin)._alim_bulk_insert(
        room, readings, "import", import_key="demo-fault"
    )
    for excursion in room.with_user(admin)._alim_detect_excursions(start - timedelta(hours=1), end):
        excursion.action_confirm()
        excursion.action_reason = (
            "Panne du compresseur confirmée (technicien). Produits sondés à cœur à -16 °C au plus, "
            "moins de 3 heures : remis en stock ; compresseur remplacé."
        )
        excursion.action_release()
