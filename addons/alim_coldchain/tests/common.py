import base64
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


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


class ColdChainCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="cc_manager",
            groups="alim_food.alim_food_group_manager,sales_team.group_sale_manager",
        )
        cls.warehouse_user = new_test_user(
            cls.env, login="cc_warehouse", groups="alim_food.alim_food_group_warehouse"
        )
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.room = cls.env["stock.location"].create(
            {
                "name": "Test positive room",
                "location_id": cls.stock.id,
                "usage": "internal",
                "storage_class": "chilled",
                "room_volume_m3": 69,
                "pallet_places": 24,
                "cold_responsible_id": cls.manager.id,
            }
        )
        cls.other_room = cls.env["stock.location"].create(
            {
                "name": "Test dry zone",
                "location_id": cls.stock.id,
                "usage": "internal",
                "storage_class": "dry",
            }
        )
        cls.category = cls.env["alim.food.category"].create({"name": "Test dairy", "ddm_tolerance_days": 30})
        cls.yoghurt = cls.env["product.product"].create(
            {
                "name": "Test yoghurt",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "food_date_type": "dlc",
                "storage_class": "chilled",
                "food_category_id": cls.category.id,
                "volume": 0.01,
            }
        )
        cls.now = fields.Datetime.now().replace(microsecond=0)

    @classmethod
    def _move(cls, product, lot, qty, source, dest, when, partner=None, picking_type=None):
        return done_move(cls.env, product, lot, qty, source, dest, when, partner, picking_type)

    @classmethod
    def _lot(cls, product, name, expiration=None):
        vals = {"name": name, "product_id": product.id}
        if expiration:
            vals["expiration_date"] = expiration
        return cls.env["stock.lot"].create(vals)

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
