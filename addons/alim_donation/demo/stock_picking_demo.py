"""Demo data of the donations: a year of receptions from the demo donors with their donation
receipts, and an exchange of goods with two partner platforms."""

from dateutil.relativedelta import relativedelta

from odoo import fields


def year_of_donations(env):
    """Twelve months of receptions from the three demo donors, validated at the dock then
    dated back, and their donation receipts (yearly for the retailer, per donation for the
    others; the last month not receipted yet)."""
    ref = env.ref
    today = fields.Datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    warehouse = ref("stock.warehouse0")
    rooms = {
        "dry": ref("alim_food.location_dry_zone"),
        "chilled": ref("alim_food.location_cold_positive"),
        "frozen": ref("alim_food.location_cold_negative_1"),
    }
    plans = [
        (
            ref("alim_donation.donor_hypermarket"),
            "anti_waste",
            [
                ("alim_donation.product_donation_yogurt_fruit", 40, 1.8),
                ("alim_food.product_apples", 25, 4.0),
                ("alim_donation.product_donation_ready_meal", 24, 2.2),
            ],
        ),
        (
            ref("alim_donation.donor_producer"),
            "donation",
            [("alim_food.product_carrots", 30, 3.0), ("alim_food.product_apples", 20, 4.0)],
        ),
        (
            ref("alim_donation.donor_manufacturer"),
            "donation",
            [
                ("alim_donation.product_donation_ready_meal", 48, 2.2),
                ("alim_donation.product_donation_frozen_veg", 30, 2.5),
            ],
        ),
    ]
    done = env["stock.picking"]
    for months_ago in range(12, -1, -1):
        for index, (donor, source, lines) in enumerate(plans):
            when = today - relativedelta(months=months_ago, days=3 * index)
            if when > today:
                continue
            picking = _reception(env, warehouse, rooms, donor, source, lines, months_ago + index)
            picking.button_validate()
            picking.write({"date_done": when})
            picking.move_ids.write({"date": when})
            picking.move_line_ids.write({"date": when})
            done |= picking
    Receipt = env["alim.donation.receipt"]
    month_ago = today - relativedelta(months=1)
    for donor, _source, _lines in plans:
        pickings = done.filtered(lambda p, d=donor: p.partner_id == d)
        if donor.donation_receipt_mode == "yearly":
            for year in sorted({p.date_done.year for p in pickings}):
                receipt = Receipt.create_yearly(donor, year)
                if year < today.year:
                    receipt.action_issue()
        else:
            for picking in pickings.filtered(lambda p: p.date_done < month_ago).sorted("date_done"):
                Receipt._create_for_pickings(donor, picking).action_issue()
    # One receipt issued with a mistake, cancelled and replaced: both kept.
    wrong = Receipt.search([("partner_id", "=", plans[2][0].id), ("state", "=", "issued")], limit=1)
    if wrong:
        wrong.action_cancel()
        Receipt.browse(wrong.action_replace()["res_id"]).action_issue()


def platform_exchanges(env):
    """Apples received from the Rhône-Alpes platform, part of them sent on to the
    Bourgogne-Franche-Comté platform."""
    ref = env.ref
    warehouse = ref("stock.warehouse0")
    rooms = {"chilled": ref("alim_food.location_cold_positive")}
    received = _reception(
        env,
        warehouse,
        rooms,
        ref("gesmip_network.platform_rhone_alpes"),
        "transfer",
        [("alim_food.product_apples", 60, 4.0)],
        0,
    )
    received.button_validate()
    apples = ref("alim_food.product_apples")
    customers = ref("stock.stock_location_customers")
    sent = env["stock.picking"].create(
        {
            "partner_id": ref("gesmip_network.platform_bfc").id,
            "picking_type_id": warehouse.out_type_id.id,
            "location_id": warehouse.lot_stock_id.id,
            "location_dest_id": customers.id,
            "move_ids": [
                fields.Command.create(
                    {
                        "name": apples.display_name,
                        "product_id": apples.id,
                        "product_uom_qty": 25,
                        "location_id": warehouse.lot_stock_id.id,
                        "location_dest_id": customers.id,
                    }
                )
            ],
        }
    )
    sent.action_confirm()
    sent.action_assign()
    sent.move_ids.picked = True
    if "alim_loading_temp" in sent._fields:  # the cold chain asks for it at loading
        sent.alim_loading_temp = 3.0
    sent.button_validate()


def public_programme_and_households(env):
    """A delivery of FSE+ lentils (its lots marked as public programme goods), and the
    households and people each grocery served last year and this year."""
    ref = env.ref
    warehouse = ref("stock.warehouse0")
    rooms = {"dry": ref("alim_food.location_dry_zone")}
    # Created here rather than as XML records: demo records would be created again by an
    # update of this addon alone, before the catalogue's required fields are known.
    programme = env["res.partner"].create(
        {
            "name": "FranceAgriMer - FSE+ aide alimentaire",
            "is_company": True,
            "donor_kind": "public_programme",
            "street": "12 rue Henri Rol-Tanguy",
            "zip": "93100",
            "city": "Montreuil",
            "country_id": ref("base.fr").id,
        }
    )
    lentils = env["product.product"].create(
        {
            "name": "Lentilles vertes FSE+ (1 kg)",
            "is_storable": True,
            "tracking": "lot",
            "use_expiration_date": True,
            "weight": 1.0,
            "food_category_id": ref("alim_food.food_category_starches").id,
            "food_date_type": "ddm",
            "storage_class": "dry",
        }
    )
    env["ir.model.data"].create(
        [
            {
                "module": "alim_donation",
                "name": "donor_fse_programme",
                "model": "res.partner",
                "res_id": programme.id,
                "noupdate": True,
            },
            {
                "module": "alim_donation",
                "name": "product_fse_lentils",
                "model": "product.product",
                "res_id": lentils.id,
                "noupdate": True,
            },
        ]
    )
    fse = _reception(
        env,
        warehouse,
        rooms,
        programme,
        "public_programme",
        [("alim_donation.product_fse_lentils", 400, 0.0)],
        0,
    )
    fse.button_validate()
    today = fields.Date.context_today(env.user)
    Attendance = env["alim.grocery.attendance"]
    groceries = env["res.partner"].search([("is_grocery", "=", True), ("is_company", "=", True)])
    last = today.year - 1
    Attendance.create(
        [
            {
                "grocery_id": grocery.id,
                "date_from": f"{last}-01-01",
                "date_to": f"{last}-12-31",
                "households_count": round(grocery.households_count * 0.9),
                "people_count": round((grocery.people_count or grocery.households_count * 2.3) * 0.9),
            }
            for grocery in groceries
        ]
    )
    Attendance._record_current_counts(today.replace(month=1, day=1), today.replace(month=12, day=31))


def _measured(product, seed):
    """The temperature the dock volunteer measures in chilled and frozen goods."""
    if product.storage_class == "chilled":
        return {"alim_reception_temp": 2.0 + (seed % 3) * 0.5}
    if product.storage_class == "frozen":
        return {"alim_reception_temp": -20.0 + (seed % 3) * 0.5}
    return {}


def _reception(env, warehouse, rooms, donor, source, lines, seed):
    """A reception from ``donor``, confirmed and picked into the room of each product's storage
    class (``lines``: product XML id, quantity, declared value per unit), not validated yet."""
    supplier = env.ref("stock.stock_location_suppliers")
    picking = env["stock.picking"].create(
        {
            "partner_id": donor.id,
            "picking_type_id": warehouse.in_type_id.id,
            "location_id": supplier.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "alim_source_type": source,
            "move_ids": [
                fields.Command.create(
                    {
                        "name": env.ref(xmlid).display_name,
                        "product_id": env.ref(xmlid).id,
                        "product_uom_qty": qty + seed % 5,
                        "alim_declared_value": round((qty + seed % 5) * unit_value, 2),
                        "location_id": supplier.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                    }
                )
                for xmlid, qty, unit_value in lines
            ],
        }
    )
    picking.action_confirm()
    prefix = "FSE" if source == "public_programme" else "DON"
    for move in picking.move_ids:
        product = move.product_id
        dated = product.food_date_type in ("dlc", "ddm")
        days = 12 if product.food_date_type == "dlc" else 300
        move.move_line_ids.unlink()
        move.write(
            {
                "move_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "picking_id": picking.id,
                            "quantity": move.product_uom_qty,
                            "lot_name": f"{prefix}-{picking.id}-{move.id}"
                            if product.tracking == "lot"
                            else False,
                            "expiration_date": fields.Datetime.now() + relativedelta(days=days + seed)
                            if dated
                            else False,
                            "location_id": supplier.id,
                            "location_dest_id": rooms[product.storage_class].id,
                            **_measured(product, seed),
                        }
                    )
                ],
                "picked": True,
            }
        )
    return picking
