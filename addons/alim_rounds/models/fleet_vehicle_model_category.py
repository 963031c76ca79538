from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FleetVehicleModelCategory(models.Model):
    """What a kind of vehicle carries, beside stock_fleet's maximum weight: dry goods travel
    on pallets, chilled and frozen goods in cold boxes."""

    _inherit = "fleet.vehicle.model.category"

    alim_is_refrigerated = fields.Boolean(string="Refrigerated")
    alim_capacity_pallets = fields.Integer(string="Capacity (pallets)")
    alim_capacity_cold_boxes = fields.Integer(string="Capacity (cold boxes)")
    alim_pallet_kg = fields.Float(
        string="Kg per Pallet",
        default=600.0,
        help="Dry goods are counted in pallets of this weight (rounded up).",
    )
    alim_cold_box_kg = fields.Float(
        string="Kg per Cold Box",
        default=25.0,
        help="Chilled and frozen goods are counted in cold boxes of this weight (rounded up).",
    )

    @api.constrains(
        "weight_capacity",
        "alim_capacity_pallets",
        "alim_capacity_cold_boxes",
        "alim_pallet_kg",
        "alim_cold_box_kg",
    )
    def _check_alim_capacities(self):
        for category in self:
            if (
                min(
                    category.weight_capacity,
                    category.alim_capacity_pallets,
                    category.alim_capacity_cold_boxes,
                )
                < 0
            ):
                raise ValidationError(self.env._("A vehicle's capacities cannot be negative."))
            if category.alim_pallet_kg <= 0 or category.alim_cold_box_kg <= 0:
                raise ValidationError(self.env._("A pallet and a cold box carry a positive weight."))
