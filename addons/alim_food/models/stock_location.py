from odoo import api, fields, models

from ..lib.storage_class import STORAGE_CLASSES


class StockLocation(models.Model):
    _inherit = "stock.location"

    storage_class = fields.Selection(
        STORAGE_CLASSES,
        help="What may be stored here. Children inherit it unless set otherwise. Goods of this "
        "class received in the parent location are put away here (a put-away rule is created "
        "for the first room of each class).",
    )
    room_volume_m3 = fields.Float(string="Volume (m³)", digits=(8, 1))
    pallet_places = fields.Integer()

    @api.model_create_multi
    def create(self, vals_list):
        locations = super().create(vals_list)
        locations._alim_sync_putaway_rules()
        return locations

    def write(self, vals):
        result = super().write(vals)
        if {"storage_class", "location_id", "usage", "active"} & set(vals):
            self._alim_sync_putaway_rules()
        return result

    def _alim_is_room(self):
        """A room of a storage class directly inside a location without one (the stock)."""
        self.ensure_one()
        if not (self.active and self.usage == "internal" and self.storage_class and self.location_id):
            return False
        parent = self.location_id
        while parent:
            if parent.storage_class:
                return False
            parent = parent.location_id
        return True

    def _alim_sync_putaway_rules(self):
        """Goods of a storage class received in the stock go to a room of that class: one
        put-away rule per class and parent location, to the first room of that class there
        (the largest of those given together: pallet places, then volume). A rule whose room
        no longer has the class is removed; a rule archived by hand is left as it is (nothing
        is created again in its place)."""
        Rule = self.env["stock.putaway.rule"].with_context(active_test=False)
        stale = Rule.search([("location_out_id", "in", self.ids), ("alim_storage_class", "!=", False)])
        stale.filtered(
            lambda rule: (
                rule.alim_storage_class != rule.location_out_id.storage_class
                or not rule.location_out_id._alim_is_room()
            )
        ).unlink()
        rooms = self.filtered(lambda location: location._alim_is_room()).sorted(
            lambda room: (-room.pallet_places, -room.room_volume_m3, room.id)
        )
        for room in rooms:
            if Rule.search_count(
                [
                    ("location_in_id", "=", room.location_id.id),
                    ("alim_storage_class", "=", room.storage_class),
                ],
                limit=1,
            ):
                continue
            Rule.create(
                {
                    "location_in_id": room.location_id.id,
                    "location_out_id": room.id,
                    "alim_storage_class": room.storage_class,
                    "company_id": (room.company_id or room.location_id.company_id or self.env.company).id,
                    "sequence": 50,
                }
            )
