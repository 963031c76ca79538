from odoo import SUPERUSER_ID, api

from odoo.addons.alim_rounds.hooks import convert_rounds_to_batches

# Read by tools/upgrade_check.py. The models turned into core ones: their tables go, their
# rows live on in the new tables (which must grow by as many rows), their external ids name
# the new records. Their metadata (model, fields, selections, views, access rules), and the
# stored related field that named a delivery's round (now core's batch_id), are retired
# with them; Odoo leaves what mail, sms, portal and rating held on a removed model naming
# nothing, so it is listed too.
CONVERTED = {
    "alim.vehicle": "fleet.vehicle",
    "alim.delivery.round": "stock.picking.batch",
    "alim.collection.round": "stock.picking.batch",
}
RETIRED = {
    "xmlid_patterns": {
        r"\.((model|field|selection_*|model_inherit_*)_alim_(vehicle|delivery_round|collection_round)(__\w+)?"
        r"|alim_(vehicle|delivery_round|collection_round)_view_\w+|alim_vehicle_action"
        r"|access_alim_(vehicle|delivery_round|collection_round)_(warehouse|manager)"
        r"|field_stock_picking__alim_delivery_round_id)$": "the converted models' metadata",
    },
    "column_patterns": {
        r"^(alim_vehicle|alim_delivery_round|alim_collection_round)\.": "the converted models' tables",
        r"^stock_picking\.alim_delivery_round_id$": "a delivery's round, now core's batch_id",
    },
}


def migrate(cr, version):
    """Vehicles and rounds become fleet vehicles and batch transfers (see hooks.py)."""
    convert_rounds_to_batches(api.Environment(cr, SUPERUSER_ID, {}))
