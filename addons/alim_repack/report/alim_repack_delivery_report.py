from odoo import fields, models, tools


class AlimRepackDeliveryReport(models.Model):
    """Repacked packs delivered, one line per delivered move line (packs by grocery)."""

    _name = "alim.repack.delivery.report"
    _description = "Repacked Packs Delivered"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Grocery", readonly=True)
    picking_id = fields.Many2one("stock.picking", string="Delivery", readonly=True)
    product_id = fields.Many2one("product.product", string="Pack Product", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Pack Lot", readonly=True)
    repack_order_id = fields.Many2one("alim.repack.order", readonly=True)
    quantity = fields.Float(string="Packs", readonly=True)
    weight_kg = fields.Float(string="Weight (kg)", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT sml.id AS id,
                       sml.date AS date,
                       sml.company_id AS company_id,
                       COALESCE(partner.commercial_partner_id, partner.id) AS partner_id,
                       sml.picking_id AS picking_id,
                       sml.product_id AS product_id,
                       sml.lot_id AS lot_id,
                       lot.alim_repack_order_id AS repack_order_id,
                       sml.quantity_product_uom AS quantity,
                       sml.quantity_product_uom * COALESCE(product.weight, 0) AS weight_kg
                  FROM stock_move_line sml
                  JOIN stock_lot lot ON lot.id = sml.lot_id
                  JOIN stock_location dest ON dest.id = sml.location_dest_id
                  JOIN product_product pp ON pp.id = sml.product_id
                  JOIN product_template product ON product.id = pp.product_tmpl_id
             LEFT JOIN stock_picking picking ON picking.id = sml.picking_id
             LEFT JOIN res_partner partner ON partner.id = picking.partner_id
                 WHERE sml.state = 'done'
                   AND dest.usage = 'customer'
                   AND lot.alim_repack_order_id IS NOT NULL
            )
            """
        )
