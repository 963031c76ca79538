from odoo import api, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model_create_multi
    def create(self, vals_list):
        """A stock counted by hand (inventory adjustment, an import of quants) in a location
        that puts goods away by storage class goes to the room of the product's class, as a
        reception would: Odoo applies the put-away rules to moves only."""
        if self._is_inventory_mode():
            for vals in vals_list:
                self._alim_put_away_counted(vals)
        return super().create(vals_list)

    @api.model
    def _alim_put_away_counted(self, vals):
        if not (vals.get("location_id") and vals.get("product_id")) or vals.get("package_id"):
            return
        if not {"inventory_quantity", "inventory_quantity_auto_apply"} & set(vals):
            return
        location = self.env["stock.location"].browse(vals["location_id"])
        product = self.env["product.product"].browse(vals["product_id"])
        if not product.storage_class or not location.sudo().putaway_rule_ids.filtered("alim_storage_class"):
            return
        room = location._get_putaway_strategy(product)
        if room and room != location:
            vals["location_id"] = room.id
