"""A recall opened on a donor's bulk lot holds the packs the lab made from it, and the
catalogue stops offering them: cold chain, repack lab and catalogue installed together."""

from datetime import datetime

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.alim_catalogue.tests.common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon
from odoo.addons.alim_coldchain.tests.common import done_move


@tagged("post_install", "-at_install")
class TestRecallThroughRepack(AlimCatalogueCommon):
    manager_login = "suite_quality"
    manager_groups = CYCLE_MANAGER_GROUPS
    warehouse_login = "suite_recall_wh"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality = cls.manager
        cls.lab = new_test_user(cls.env, login="suite_recall_lab", groups="alim_repack.alim_repack_group_lab")
        cls.bulk = cls._create_product(
            "Rice (sack 25 kg)", food_date_type="ddm", storage_class="dry", weight=25.0
        )
        cls.pack = cls._create_product("Rice 1 kg", food_date_type="ddm", storage_class="dry", weight=1.0)
        cls.grocery = cls.env["res.partner"].create(
            {"name": "Épicerie du Mirail", "is_grocery": True, "grocery_status": "active"}
        )
        cls.bulk_lot = cls._create_lot(cls.bulk, "DON-RICE-1", datetime(2030, 6, 30, 12))
        cls._put_in_stock(cls.bulk, 2.0, lot=cls.bulk_lot)
        with Form(cls.env["alim.repack.order"].with_user(cls.lab)) as form:
            form.product_id = cls.pack
            with form.input_ids.new() as line:
                line.lot_id = cls.bulk_lot
                line.quantity = 1.0
            form.packs_made = 25
        cls.order = form.record
        cls.order.with_user(cls.lab).action_done()
        cls.pack_lot = cls.order.output_lot_id

    def test_recall_of_the_donor_lot_holds_its_packs_and_takes_them_out_of_the_catalogue(self):
        self.assertTrue(self.pack_lot)
        # made by the superuser, as in the back office by an administrator
        cycle = self._create_cycle(
            self.grocery, self.pack, "Recall cycle", user=self.env.user, location_id=self.stock.id
        )
        cycle.line_ids._compute_stock()
        self.assertEqual(cycle.line_ids.available_qty, 25)
        recall = (
            self.env["alim.recall"]
            .with_user(self.quality)
            .create({"name": "Aflatoxins", "lot_id": self.bulk_lot.id})
        )
        recall.with_user(self.quality).action_open()
        self.assertEqual(recall.held_lot_ids, self.bulk_lot | self.pack_lot)
        self.assertTrue(self.pack_lot.alim_on_hold)
        cycle.line_ids._compute_stock()
        self.assertEqual(cycle.line_ids.available_qty, 0)
        # a sale of packs reserves none of them, and a pack put by hand is refused
        order = (
            self.env["sale.order"]
            .with_user(self.quality)
            .create(
                {
                    "partner_id": self.grocery.id,
                    "order_line": [Command.create({"product_id": self.pack.id, "product_uom_qty": 5})],
                }
            )
        )
        order.action_confirm()
        picking = order.picking_ids
        self.assertFalse(picking.move_line_ids)
        self.env["stock.move.line"].with_user(self.warehouse_user).create(
            {
                "move_id": picking.move_ids.id,
                "picking_id": picking.id,
                "product_id": self.pack.id,
                "lot_id": self.pack_lot.id,
                "quantity": 5,
                "location_id": self.stock.id,
                "location_dest_id": picking.location_dest_id.id,
            }
        )
        picking.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "held by the recall Aflatoxins"):
            picking.with_user(self.warehouse_user).button_validate()
        # the tally: the sack went into the packs, the packs are all in stock
        recall = recall.with_user(self.quality)
        self.assertEqual(recall.tally_in_stock_qty, 25 * 1.0 + 1.0 * 25.0)
        self.assertEqual(recall.tally_located_percent, 100.0)

    def test_recall_of_platform_packs_asks_for_rappelconso_and_prints_its_report(self):
        """The packs are the platform's own: it declares the recall on RappelConso (code de
        la consommation L. 423-3) and cannot close it without the sheet's reference; the
        report gives scope, lots, quantities, groceries, their answers and the dates."""
        grocery_user = new_test_user(
            self.env, login="suite_recall_grocery", groups="gesmip_network.gesmip_network_group_grocery"
        )
        grocery_user.partner_id.parent_id = self.grocery
        other = self.env["res.partner"].create(
            {"name": "Épicerie de Saint-Cyprien", "is_grocery": True, "grocery_status": "active"}
        )
        for grocery in (self.grocery, other):
            done_move(
                self.env,
                self.pack,
                self.pack_lot,
                5,
                self.stock,
                self.env.ref("stock.stock_location_customers"),
                fields.Datetime.now(),
                grocery,
                self.warehouse.out_type_id,
            )
        recall = (
            self.env["alim.recall"]
            .with_user(self.quality)
            .create({"name": "Aflatoxines riz", "lot_id": self.bulk_lot.id, "reason": "Ne pas distribuer."})
        )
        self.assertEqual(recall.own_pack_lot_ids, self.pack_lot)
        recall.action_notify()
        self.assertIn("RappelConso", recall.activity_ids.summary)
        recall.with_user(grocery_user)._alim_portal_answer(
            {"destroyed": "3", "given_out": "2", "note": "Jeté"}
        )
        recall._alim_decide(recall.held_lot_ids, "destroy", "Détruit, bon 12.")
        recall.close_reason = "Saint-Cyprien joint par téléphone."
        with self.assertRaisesRegex(UserError, "declare it on RappelConso"):
            recall.action_close()
        recall.rappelconso_ref = "RC-2026-0412"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("alim_coldchain.alim_recall_report", recall.ids)[0]
            .decode()
        )
        for text in (
            "Aflatoxines riz",
            "RC-2026-0412",
            "DON-RICE-1",
            self.pack_lot.name,
            "Épicerie du Mirail",
            "Épicerie de Saint-Cyprien",
            "No answer",
            "Jeté",
        ):
            self.assertIn(text, html)
        recall.action_close()
        self.assertEqual(recall.state, "closed")
        self.assertTrue(recall.closed_date)
