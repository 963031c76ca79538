"""Demo: tomorrow's extra round, planned, with its deliveries to two groceries (dry and
chilled goods), so that the round sheet has stops to show. Run through gesmip.demo."""

from datetime import timedelta

from odoo import Command, fields


def planned_round(env):
    ref = env.ref
    goods = [
        (ref("alim_food.product_rice_1kg"), 20),
        (ref("alim_food.product_pasta"), 12),
        (ref("alim_food.product_yogurt"), 24),
    ]
    out_type = ref("stock.picking_type_out")
    pickings = env["stock.picking"].create(
        [
            {
                "picking_type_id": out_type.id,
                "partner_id": grocery.id,
                "origin": "Livraison complémentaire",
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                        }
                    )
                    for product, qty in goods
                ],
            }
            for grocery in (ref("gesmip_network.grocery_mirail"), ref("gesmip_network.grocery_albi"))
        ]
    )
    pickings.action_confirm()
    pickings.action_assign()
    tomorrow = fields.Date.context_today(env.user) + timedelta(days=1)
    round_ = env["stock.picking.batch"].create(
        {
            "alim_round_kind": "delivery",
            "vehicle_id": ref("alim_rounds.vehicle_van_cold").id,
            # 07:00 UTC: 8 or 9 in the morning in Toulouse
            "scheduled_date": fields.Datetime.to_datetime(tomorrow) + timedelta(hours=7),
            "description": "Livraison complémentaire (frais et sec)",
        }
    )
    round_._alim_add_pickings(pickings)
    round_.action_confirm()
    env["ir.model.data"].create(
        {
            "module": "alim_rounds",
            "name": "delivery_round_extra",
            "model": round_._name,
            "res_id": round_.id,
            "noupdate": True,
        }
    )
