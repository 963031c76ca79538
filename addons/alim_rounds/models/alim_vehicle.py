from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlimVehicle(models.Model):
    """A vehicle of the pooled transport, with what it can carry."""

    _name = "alim.vehicle"
    _description = "Vehicle"
    _order = "name"

    name = fields.Char(required=True)
    license_plate = fields.Char()
    active = fields.Boolean(default=True)
    is_refrigerated = fields.Boolean(string="Refrigerated")
    capacity_kg = fields.Float(string="Capacity (kg)", required=True)
    capacity_pallets = fields.Integer(string="Capacity (pallets)")
    capacity_cold_boxes = fields.Integer(string="Capacity (cold boxes)")
    pallet_kg = fields.Float(
        string="Kg per Pallet",
        default=600.0,
        required=True,
        help="Dry goods are counted in pallets of this weight (rounded up).",
    )
    cold_box_kg = fields.Float(
        string="Kg per Cold Box",
        default=25.0,
        required=True,
        help="Chilled and frozen goods are counted in cold boxes of this weight (rounded up).",
    )

    @api.constrains("capacity_kg", "capacity_pallets", "capacity_cold_boxes", "pallet_kg", "cold_box_kg")
    def _check_capacities(self):
        for vehicle in self:
            if min(vehicle.capacity_kg, vehicle.capacity_pallets, vehicle.capacity_cold_boxes) < 0:
                raise ValidationError(self.env._("A vehicle's capacities cannot be negative."))
            if vehicle.pallet_kg <= 0 or vehicle.cold_box_kg <= 0:
                raise ValidationError(self.env._("A pallet and a cold box carry a positive weight."))
