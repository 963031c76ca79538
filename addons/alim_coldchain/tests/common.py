import base64
from datetime import timedelta

from odoo import fields

from odoo.addons.alim_food.tests.common import AlimFoodCommon, measured


def done_move(env, product, lot, qty, source, dest, when, partner=None, picking_type=None):
    """A done move of ``qty`` of ``lot`` dated ``when``."""
    move = env["stock.move"].create(
        {
            "name": product.name,
            "product_id": product.id,
            "product_uom_qty": qty,
            "product_uom": product.uom_id.id,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "partner_id": partner.id if partner else False,
            "picking_type_id": picking_type.id if picking_type else False,
        }
    )
    move._action_confirm()
    move.move_line_ids.unlink()
    move.write(
        {
            "move_line_ids": [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "quantity": qty,
                        "product_uom_id": product.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": dest.id,
                        **measured(product),
                    }
                )
            ],
            "picked": True,
        }
    )
    move._action_done()
    move.write({"date": when})
    move.move_line_ids.write({"date": when})
    return move


class ColdChainCommon(AlimFoodCommon):
    """alim_food's staff and warehouse, a positive cold room (the manager answers for its
    temperatures), a dry zone, and a yoghurt with a use-by date; lots, done moves and logger
    imports are made by the helpers."""

    manager_login = "cc_manager"
    warehouse_login = "cc_warehouse"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.room = cls._create_room(
            "Test positive room",
            "chilled",
            usage="internal",
            room_volume_m3=69,
            pallet_places=24,
            cold_responsible_id=cls.manager.id,
        )
        cls.other_room = cls._create_room("Test dry zone", "dry", usage="internal")
        cls.category = cls.env["alim.food.category"].create({"name": "Test dairy", "ddm_tolerance_days": 30})
        cls.yoghurt = cls._create_dated_product(
            "Test yoghurt", "dlc", storage_class="chilled", food_category_id=cls.category.id, volume=0.01
        )
        cls.now = fields.Datetime.now().replace(microsecond=0)

    @classmethod
    def _move(cls, product, lot, qty, source, dest, when, partner=None, picking_type=None):
        return done_move(cls.env, product, lot, qty, source, dest, when, partner, picking_type)

    @classmethod
    def _lot(cls, product, name, expiration=None):
        return cls._create_lot(product, name, expiration)

    @classmethod
    def _receive(cls, lot, qty, when, dest=None):
        """``qty`` of ``lot`` received from the suppliers into ``dest`` (the cold room)."""
        return cls._move(
            lot.product_id,
            lot,
            qty,
            cls.supplier_location,
            dest or cls.room,
            when,
            picking_type=cls.warehouse.in_type_id,
        )

    @classmethod
    def _deliver(cls, lot, qty, grocery, when, source=None):
        """``qty`` of ``lot`` delivered to ``grocery`` from ``source`` (the cold room)."""
        return cls._move(
            lot.product_id,
            lot,
            qty,
            source or cls.room,
            cls.customer_location,
            when,
            grocery,
            cls.warehouse.out_type_id,
        )

    @staticmethod
    def _csv(rows):
        text = "date;temperature\n" + "".join(f"{when:%Y-%m-%d %H:%M:%S};{value}\n" for when, value in rows)
        return base64.b64encode(text.encode())

    def _readings(self, hours=12, high_from=None, high_to=None, high=8.0):
        """5-minute readings over the last ``hours``, ``high`` between the two dates."""
        start = self.now - timedelta(hours=hours)
        rows = []
        when = start
        while when <= self.now:
            value = high if high_from and high_from <= when < high_to else 2.5
            rows.append((when, value))
            when += timedelta(minutes=5)
        return rows

    def _import(self, user, location, rows):
        wizard = (
            self.env["alim.temperature.import"]
            .with_user(user)
            .create(
                {"location_id": location.id, "file": self._csv(rows), "filename": "logger.csv", "tz": "UTC"}
            )
        )
        wizard.action_import()
        return wizard
