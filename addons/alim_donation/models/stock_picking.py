from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .stock_move import DONATION_SOURCES, SOURCE_TYPES


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alim_source_type = fields.Selection(
        SOURCE_TYPES, string="Source Type", tracking=True, help="Where the goods of this reception come from."
    )
    alim_is_donation = fields.Boolean(
        string="Is a Donation",
        compute="_compute_alim_is_donation",
        store=True,
        help="Goes on donation receipts.",
    )
    alim_declared_value = fields.Monetary(
        string="Declared Value", currency_field="alim_currency_id", compute="_compute_alim_totals"
    )
    alim_currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    alim_donation_receipt_ids = fields.Many2many(
        "alim.donation.receipt",
        "alim_donation_receipt_picking_rel",
        "picking_id",
        "receipt_id",
        string="Donation Receipts",
        readonly=True,
        copy=False,
    )
    alim_donation_receipt_id = fields.Many2one(
        "alim.donation.receipt",
        string="Donation Receipt",
        compute="_compute_alim_donation_receipt_id",
        help="The valid (draft or issued) receipt this reception is on.",
    )

    @api.depends("alim_source_type", "picking_type_code")
    def _compute_alim_is_donation(self):
        for picking in self:
            picking.alim_is_donation = (
                picking.picking_type_code == "incoming" and picking.alim_source_type in DONATION_SOURCES
            )

    @api.depends("move_ids.alim_declared_value", "move_ids.state")
    def _compute_alim_totals(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            picking.alim_declared_value = sum(moves.mapped("alim_declared_value"))

    @api.depends("alim_donation_receipt_ids.state")
    def _compute_alim_donation_receipt_id(self):
        for picking in self:
            picking.alim_donation_receipt_id = picking.alim_donation_receipt_ids.filtered(
                lambda r: r.state != "cancelled"
            )[:1]

    # ------------------------------------------------------------------ receipts
    def action_alim_create_donation_receipt(self):
        """One draft receipt per donation, opened for review."""
        receipts = self.env["alim.donation.receipt"]
        for picking in self:
            receipts |= receipts._create_for_pickings(picking.partner_id.commercial_partner_id, picking)
        action = self.env["ir.actions.act_window"]._for_xml_id("alim_donation.alim_donation_receipt_action")
        if len(receipts) == 1:
            action.update(res_id=receipts.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", receipts.ids)]
        return action

    # ------------------------------------------------------------------ demo
    @api.model
    def _alim_demo_year_of_donations(self):
        """Demo data: twelve months of receptions from the three demo donors, validated at
        the dock then dated back, and their donation receipts (yearly for the retailer, per
        donation for the others; the last month not receipted yet)."""
        ref = self.env.ref
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
        done = self.browse()
        for months_ago in range(12, -1, -1):
            for index, (donor, source, lines) in enumerate(plans):
                when = today - relativedelta(months=months_ago, days=3 * index)
                if when > today:
                    continue
                picking = self._alim_demo_reception(
                    warehouse, rooms, donor, source, lines, months_ago + index
                )
                picking.button_validate()
                picking.write({"date_done": when})
                picking.move_ids.write({"date": when})
                picking.move_line_ids.write({"date": when})
                done |= picking
        Receipt = self.env["alim.donation.receipt"]
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

    @api.model
    def _alim_demo_platform_exchanges(self):
        """Demo data: apples received from the Rhône-Alpes platform, part of them sent on to the
        Bourgogne-Franche-Comté platform."""
        ref = self.env.ref
        warehouse = ref("stock.warehouse0")
        rooms = {"chilled": ref("alim_food.location_cold_positive")}
        received = self._alim_demo_reception(
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
        sent = self.create(
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

    @api.model
    def _alim_demo_reception(self, warehouse, rooms, donor, source, lines, seed):
        supplier = self.env.ref("stock.stock_location_suppliers")
        picking = self.create(
            {
                "partner_id": donor.id,
                "picking_type_id": warehouse.in_type_id.id,
                "location_id": supplier.id,
                "location_dest_id": warehouse.lot_stock_id.id,
                "alim_source_type": source,
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": self.env.ref(xmlid).display_name,
                            "product_id": self.env.ref(xmlid).id,
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
                                "lot_name": f"DON-{picking.id}-{move.id}"
                                if product.tracking == "lot"
                                else False,
                                "expiration_date": fields.Datetime.now() + relativedelta(days=days + seed)
                                if dated
                                else False,
                                "location_id": supplier.id,
                                "location_dest_id": rooms[product.storage_class].id,
                            }
                        )
                    ],
                    "picked": True,
                }
            )
        return picking
