"""Rounds on core batch transfers (alim_rounds 18.0.2): the platform's own vehicle, delivery
round and collection round models gave way to Odoo's fleet.vehicle (its category carrying
the capacities) and stock.picking.batch (stock_picking_batch + stock_fleet). Before the new
code loads, every old record becomes its core counterpart, keeping its id's references
(stops, deliveries, cycles, chatter, external ids); the old tables are then dropped by Odoo
with their models."""

import logging

from odoo.tools import SQL
from odoo.tools.sql import table_exists

from odoo.addons.alim_food.hooks import adopt_xmlids

_logger = logging.getLogger(__name__)


def pre_init_hook(env):
    """Module split: take over the external ids this addon's records had in alim_catalogue,
    then turn its old rounds (if the database has any) into batch transfers."""
    adopt_xmlids(env, "alim_rounds")
    convert_rounds_to_batches(env)


def _add_column(cr, table, column, sql_type):
    cr.execute(
        SQL(
            "ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s %s",
            SQL.identifier(table),
            SQL.identifier(column),
            SQL(sql_type),
        )
    )


def _drop_foreign_keys(cr, table, column):
    cr.execute(
        """SELECT con.conname FROM pg_constraint con
             JOIN pg_class rel ON rel.oid = con.conrelid
             JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum = ANY(con.conkey)
            WHERE con.contype = 'f' AND rel.relname = %s AND att.attname = %s""",
        (table, column),
    )
    for (name,) in cr.fetchall():
        cr.execute(SQL("ALTER TABLE %s DROP CONSTRAINT %s", SQL.identifier(table), SQL.identifier(name)))


def _repoint(cr, old_model, new_model, mapping):
    """Chatter, followers, activities, attachments and external ids of the old records now
    name their new ones."""
    if not mapping:
        return
    cr.execute("CREATE TEMP TABLE IF NOT EXISTS _alim_round_map (old_id int, new_id int)")
    cr.execute("TRUNCATE _alim_round_map")
    cr.execute(
        SQL(
            "INSERT INTO _alim_round_map VALUES %s",
            SQL(", ").join(SQL("(%s, %s)", old, new) for old, new in mapping.items()),
        )
    )
    for table, model_column, id_column in (
        ("mail_message", "model", "res_id"),
        ("mail_followers", "res_model", "res_id"),
        ("mail_activity", "res_model", "res_id"),
        ("ir_attachment", "res_model", "res_id"),
        ("ir_model_data", "model", "res_id"),
    ):
        cr.execute(
            SQL(
                """UPDATE %(table)s t SET %(model_column)s = %(new_model)s, %(id_column)s = m.new_id
                     FROM _alim_round_map m
                    WHERE t.%(model_column)s = %(old_model)s AND t.%(id_column)s = m.old_id""",
                table=SQL.identifier(table),
                model_column=SQL.identifier(model_column),
                id_column=SQL.identifier(id_column),
                new_model=new_model,
                old_model=old_model,
            )
        )
    cr.execute(
        """UPDATE mail_activity SET res_model_id = (SELECT id FROM ir_model WHERE model = %s)
            WHERE res_model = %s""",
        (new_model, new_model),
    )
    cr.execute("DROP TABLE _alim_round_map")


def _name_like_the_vehicle(cr, old_vehicle_id, records):
    """A vehicle named ``alim_rounds.vehicle_<x>`` (the demo's) gets its category and model
    named ``vehicle_category_<x>`` and ``vehicle_model_<x>``, and the brand
    ``vehicle_brand_platform``, as the demo data names them: updating the demo then finds
    them instead of creating them a second time."""
    cr.execute(
        """SELECT module, name, noupdate FROM ir_model_data
            WHERE model = 'alim.vehicle' AND res_id = %s AND name LIKE 'vehicle\\_%%'""",
        (old_vehicle_id,),
    )
    for module, name, noupdate in cr.fetchall():
        suffix = name[len("vehicle_") :]
        for kind, record in records.items():
            xmlid = "vehicle_brand_platform" if kind == "brand" else f"vehicle_{kind}_{suffix}"
            cr.execute(
                """INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
                   VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
                (module, xmlid, record._name, record.id, noupdate),
            )


def _convert_vehicles(env):
    cr = env.cr
    cr.execute(
        """SELECT id, name, license_plate, active, is_refrigerated, capacity_kg, capacity_pallets,
                  capacity_cold_boxes, pallet_kg, cold_box_kg
             FROM alim_vehicle ORDER BY id"""
    )
    rows = cr.dictfetchall()
    if not rows:
        return {}
    # the capacities our category fields will hold, as columns already there
    for column, sql_type in (
        ("alim_is_refrigerated", "boolean"),
        ("alim_capacity_pallets", "integer"),
        ("alim_capacity_cold_boxes", "integer"),
        ("alim_pallet_kg", "double precision"),
        ("alim_cold_box_kg", "double precision"),
    ):
        _add_column(cr, "fleet_vehicle_model_category", column, sql_type)
    brand = env["fleet.vehicle.model.brand"].create({"name": "Plateforme"})
    mapping = {}
    for row in rows:
        category = env["fleet.vehicle.model.category"].create(
            {"name": row["name"], "weight_capacity": row["capacity_kg"] or 0.0}
        )
        cr.execute(
            """UPDATE fleet_vehicle_model_category
                  SET alim_is_refrigerated = %s, alim_capacity_pallets = %s,
                      alim_capacity_cold_boxes = %s, alim_pallet_kg = %s, alim_cold_box_kg = %s
                WHERE id = %s""",
            (
                bool(row["is_refrigerated"]),
                row["capacity_pallets"] or 0,
                row["capacity_cold_boxes"] or 0,
                row["pallet_kg"] or 600.0,
                row["cold_box_kg"] or 25.0,
                category.id,
            ),
        )
        model = env["fleet.vehicle.model"].create(
            {"name": row["name"], "brand_id": brand.id, "category_id": category.id}
        )
        vehicle = env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": row["license_plate"], "category_id": category.id}
        )
        if not row["active"]:
            vehicle.active = False
        mapping[row["id"]] = vehicle.id
        _name_like_the_vehicle(cr, row["id"], {"category": category, "model": model, "brand": brand})
    _repoint(cr, "alim.vehicle", "fleet.vehicle", mapping)
    return mapping


def _convert_rounds(env, kind, table, stop_table, vehicles):
    cr = env.cr
    cr.execute(
        SQL(
            """SELECT r.id, r.name, r.company_id, r.date, r.vehicle_id, r.driver_id, r.note,
                      %s AS state, u.partner_id AS driver_partner_id
                 FROM %s r LEFT JOIN res_users u ON u.id = r.driver_id ORDER BY r.id""",
            SQL("r.state") if kind == "delivery" else SQL("NULL"),
            SQL.identifier(table),
        )
    )
    rows = cr.dictfetchall()
    _add_column(cr, "stock_picking_batch", "alim_round_kind", "varchar")
    mapping = {}
    states = {"draft": "draft", "planned": "in_progress", "done": "done", "cancel": "cancel"}
    for row in rows:
        batch = env["stock.picking.batch"].create(
            {
                "name": row["name"],
                "company_id": row["company_id"],
                "user_id": row["driver_id"],
                "description": (row["note"] or "")[:250] or False,
                "vehicle_id": vehicles.get(row["vehicle_id"]),
            }
        )
        cr.execute(
            """UPDATE stock_picking_batch SET alim_round_kind = %s, state = %s, scheduled_date = %s,
                      driver_id = %s WHERE id = %s""",
            (kind, states.get(row["state"], "draft"), row["date"], row["driver_partner_id"], batch.id),
        )
        mapping[row["id"]] = batch.id
    # stops keep their column round_id, which now names the batch
    for old_id, new_id in mapping.items():
        cr.execute(
            SQL(
                "UPDATE %s SET round_id = %s WHERE round_id = %s", SQL.identifier(stop_table), new_id, -old_id
            )
        )
    cr.execute(SQL("UPDATE %s SET round_id = -round_id WHERE round_id < 0", SQL.identifier(stop_table)))
    _repoint(cr, f"alim.{kind}.round", "stock.picking.batch", mapping)
    return mapping


def convert_rounds_to_batches(env):
    """Old vehicles and rounds (alim_rounds < 18.0.2, alim_catalogue < 18.0.2) become fleet
    vehicles and batch transfers. Does nothing on a database without them."""
    cr = env.cr
    if not table_exists(cr, "alim_delivery_round"):
        return
    vehicles = _convert_vehicles(env) if table_exists(cr, "alim_vehicle") else {}
    for stop_table in ("alim_delivery_round_stop", "alim_collection_round_stop"):
        if table_exists(cr, stop_table):
            # mark the old ids negative so that a new batch id equal to an old round id is
            # never mistaken for it while mapping
            _drop_foreign_keys(cr, stop_table, "round_id")
            cr.execute(SQL("UPDATE %s SET round_id = -round_id", SQL.identifier(stop_table)))
    deliveries = _convert_rounds(env, "delivery", "alim_delivery_round", "alim_delivery_round_stop", vehicles)
    collections = {}
    if table_exists(cr, "alim_collection_round"):
        collections = _convert_rounds(
            env, "collection", "alim_collection_round", "alim_collection_round_stop", vehicles
        )
    # deliveries and receptions join their round's batch
    for new_id in deliveries.values():
        cr.execute(
            """UPDATE stock_picking p SET batch_id = %s
                 FROM alim_delivery_round_stop s
                WHERE p.alim_delivery_stop_id = s.id AND s.round_id = %s""",
            (new_id, new_id),
        )
    for new_id in collections.values():
        cr.execute(
            """UPDATE stock_picking p SET batch_id = %s
                 FROM alim_collection_round_stop s
                WHERE s.picking_id = p.id AND s.round_id = %s""",
            (new_id, new_id),
        )
    cr.execute(
        """UPDATE stock_picking_batch b SET picking_type_id = p.picking_type_id
             FROM stock_picking p WHERE p.batch_id = b.id AND b.picking_type_id IS NULL"""
    )
    # the cycles' round
    if deliveries:
        _drop_foreign_keys(cr, "alim_order_cycle", "delivery_round_id")
        cr.execute("UPDATE alim_order_cycle SET delivery_round_id = -delivery_round_id")
        for old_id, new_id in deliveries.items():
            cr.execute(
                "UPDATE alim_order_cycle SET delivery_round_id = %s WHERE delivery_round_id = %s",
                (new_id, -old_id),
            )
        cr.execute("UPDATE alim_order_cycle SET delivery_round_id = NULL WHERE delivery_round_id < 0")
    _logger.info(
        "alim_rounds: %s vehicles, %s delivery rounds and %s collection rounds turned into fleet "
        "vehicles and batch transfers",
        len(vehicles),
        len(deliveries),
        len(collections),
    )
