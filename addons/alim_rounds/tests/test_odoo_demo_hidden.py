from odoo.tests import tagged

from odoo.addons.gesmip_base.demo.odoo_demo_cleanup import odoo_demo_leftovers

from .common import AlimRoundsCommon

HIDE = "gesmip_base.demo.odoo_demo_cleanup.hide_odoo_demo"


@tagged("post_install", "-at_install")
class TestOdooDemoHidden(AlimRoundsCommon):
    """The demo build takes Odoo's own demo (a furniture shop) out of what staff pick and
    read, and puts the platform's staff in charge of the platform's records. Odoo's demo is
    recognised by the xml ids of Odoo's demo files: the records here carry some of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls._declare(cls.warehouse_user, "alim_food", "user_warehouse")
        cls.customer = cls._declare(
            env["res.partner"].create({"name": "Deco Addict"}), "base", "res_partner_2"
        )
        cls.desk = cls._declare(
            env["product.product"].create({"name": "Corner Desk", "is_storable": True}),
            "product",
            "product_product_4",
        )
        model = env["fleet.vehicle.model"].create(
            {"name": "Golf 8", "brand_id": cls.van.model_id.brand_id.id}
        )
        cls.golf = cls._declare(
            env["fleet.vehicle"].create({"model_id": model.id, "license_plate": "1-AUD-001"}),
            "fleet",
            "vehicle_1",
        )
        stock = env.ref("stock.warehouse0")
        cls.shipment = cls._declare(
            cls._picking(stock.out_type_id, cls.desk), "stock", "outgoing_shipment_main_warehouse"
        )
        # a transfer Odoo's demo made from its demo order: no xml id, a demo customer
        cls.derived = cls._picking(stock.out_type_id, cls.desk)
        cls.batch = cls._declare(
            env["stock.picking.batch"].create({"picking_ids": [(4, cls.shipment.id)]}),
            "stock_picking_batch",
            "stock_picking_batch_1",
        )
        cls.order = cls._declare(
            env["sale.order"].create(
                {"partner_id": cls.customer.id, "order_line": [(0, 0, {"product_id": cls.desk.id})]}
            ),
            "sale",
            "sale_order_1",
        )
        # the platform's own reception, made while installing (by OdooBot)
        cls.reception = cls._picking(stock.in_type_id, cls.rice, partner=cls.groceries[0])
        cls.reception.user_id = env.ref("base.user_root")

    @classmethod
    def _declare(cls, record, module, name):
        cls.env["ir.model.data"].create(
            {"module": module, "name": name, "model": record._name, "res_id": record.id, "noupdate": True}
        )
        return record

    @classmethod
    def _picking(cls, picking_type, product, partner=None):
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": (partner or cls.customer).id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": picking_type.default_location_dest_id.id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        return picking

    def test_leftovers_listed_before(self):
        """Before the demo build's last step, the check names what a user would see."""
        lines = "\n".join(odoo_demo_leftovers(self.env))
        for seen in (
            "1-AUD-001",
            "Corner Desk",
            "Deco Addict",
            self.shipment.name,
            self.batch.name,
            "Vendors",
        ):
            self.assertIn(seen, lines)
        self.assertIn(f"{self.reception.name!r}: user_id is OdooBot", lines)

    def test_odoo_demo_hidden(self):
        self.env["gesmip.demo"]._generate(HIDE)
        self.assertEqual(odoo_demo_leftovers(self.env), [])
        # Odoo's demo: archived, cancelled and deleted
        self.assertFalse(self.golf.active)
        self.assertFalse(self.customer.active)
        self.assertFalse(self.desk.active)
        for document in (self.shipment, self.derived, self.batch, self.order):
            self.assertFalse(document.exists())
        # the platform's: untouched, its staff in charge, names in French
        self.assertTrue(self.van.active)
        self.assertTrue(self.round.exists())
        self.assertEqual(self.round.user_id, self.warehouse_user)
        self.assertNotEqual(self.reception.state, "cancel")
        self.assertEqual(self.reception.user_id, self.warehouse_user)
        self.assertEqual(self.env.ref("stock.stock_location_suppliers").name, "Fournisseurs")
        self.assertEqual(self.env.ref("stock.stock_location_customers").name, "Clients")
        self.assertEqual(self.env.ref("base.user_admin").name, "Camille Martin (administration)")
        # what the warehouse picks: no furniture, no furniture shop
        Product = self.env["product.product"].with_user(self.warehouse_user)
        self.assertFalse(Product.name_search("Corner"))
        self.assertFalse(self.env["res.partner"].with_user(self.warehouse_user).name_search("Deco"))
        # a second run changes nothing
        self.env["gesmip.demo"]._generate(HIDE)
        self.assertTrue(self.van.active)
        self.assertEqual(odoo_demo_leftovers(self.env), [])
