from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.alim_repack_order import AlimRepackOrder
from .common import RepackCommon


@tagged("post_install", "-at_install")
class TestRepackOrder(RepackCommon):
    # ------------------------------------------------------------------ the main flow
    def test_new_order_reads_nouveau_until_saved_then_its_number(self):
        """As mrp's orders: "Nouveau" on a French volunteer's form (not "/"), the LAB/ number
        once saved."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"].search([("name", "=", "alim_repack")])._update_translations("fr_FR")
        form = Form(self.env["alim.repack.order"].with_user(self.lab).with_context(lang="fr_FR"))
        self.assertEqual(form.name, "Nouveau")
        form.product_id = self.pack
        with form.input_ids.new() as line:
            line.lot_id = self.bulk_lot
        order = form.save()
        self.assertTrue(order.name.startswith("LAB/"), order.name)

    def test_25kg_bulk_into_1kg_packs(self):
        order = self._order(self.bulk_lot, packs_made=24, loss_reason="spillage", duration_minutes=50)
        self.assertEqual(order.input_kg, 25.0)
        self.assertEqual(order.pack_kg, 1.0)
        self.assertEqual(order.expected_packs, 25)
        self.assertEqual(order.output_kg, 24.0)
        self.assertEqual((order.loss_kg, order.loss_pct), (1.0, 4.0))
        self.assertTrue(order.name.startswith("LAB/"))
        order.action_plan()
        self.assertEqual(order.state, "planned")
        order.action_done()
        self.assertEqual(order.state, "done")

        lot = order.output_lot_id
        self.assertTrue(lot.name.startswith("RC"))
        self.assertEqual(lot.product_id, self.pack)
        self.assertEqual(lot.expiration_date.date(), self.best_before.date())
        self.assertEqual(lot.use_date.date(), self.best_before.date())
        self.assertEqual(lot.alim_date_type, "ddm")
        self.assertEqual(lot.alim_allergen_ids, self.gluten)
        self.assertEqual(lot.alim_origin, "Lauragais, France")
        self.assertEqual(lot.alim_source_lot_ids, self.bulk_lot)
        self.assertEqual(self.bulk_lot.alim_derived_lot_ids, lot)
        self.assertEqual(lot.alim_repack_order_id, order)

        # Stock: the bulk lot is empty, the packs are in stock in their new lot.
        self.assertEqual(self.bulk_lot.product_qty, 0.0)
        self.assertEqual(lot.product_qty, 24.0)
        self.assertEqual(self.pack.with_context(location=self.stock.id).qty_available, 24.0)
        self.assertEqual(len(order.move_ids), 2)
        self.assertTrue(all(move.state == "done" for move in order.move_ids))
        # Valuation: what left the bulk (18.00, loss included) is what entered the packs.
        out_value = sum(
            order.move_ids.filtered(lambda m: m.product_id == self.bulk).stock_valuation_layer_ids.mapped(
                "value"
            )
        )
        in_value = sum(
            order.move_ids.filtered(lambda m: m.product_id == self.pack).stock_valuation_layer_ids.mapped(
                "value"
            )
        )
        self.assertAlmostEqual(out_value, -18.0)
        self.assertAlmostEqual(in_value, 18.0)
        self.assertAlmostEqual(self.pack.standard_price, 0.75)
        # Odoo's own traceability links the consumed and produced move lines.
        consumed = order.move_ids.filtered(lambda m: m.product_id == self.bulk).move_line_ids
        self.assertEqual(consumed.produce_line_ids.lot_id, lot)

    def test_a_new_order_reads_new_until_saved(self):
        with Form(self.env["alim.repack.order"].with_user(self.lab)) as form:
            self.assertEqual(form.name, "New")
            form.product_id = self.pack
            with form.input_ids.new() as line:
                line.lot_id = self.bulk_lot
        self.assertTrue(form.record.name.startswith("LAB/"))
        copy = form.record.copy()
        self.assertTrue(copy.name.startswith("LAB/"))
        self.assertNotEqual(copy.name, form.record.name)

    def test_odoo_traceability_report_unfolds_the_repack(self):
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        report = self.env["stock.traceability.report"].with_user(self.lab)
        lines = report.with_context(active_id=order.output_lot_id.id, model="stock.lot").get_lines()
        produced = [line for line in lines if line["unfoldable"]]
        self.assertEqual(len(produced), 1)
        self.assertEqual(produced[0]["reference"], order.name)
        upstream = report._lines(
            line_id=produced[0]["id"], model_id=produced[0]["model_id"], model="stock.move.line", level=1
        )
        self.assertEqual([line["lot_name"] for line in upstream], [self.bulk_lot.name])
        self.assertEqual(upstream[0]["res_model"], "alim.repack.order")

    def test_lab_figures(self):
        self._order(self.bulk_lot, packs_made=24, loss_reason="spillage").action_done()
        groups = (
            self.env["alim.repack.order"]
            .with_user(self.lab)
            .read_group(
                [("state", "=", "done")],
                ["output_kg:sum", "loss_pct:avg"],
                ["lab_date:month", "product_id"],
                lazy=False,
            )
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["output_kg"], 24.0)
        self.assertEqual(groups[0]["loss_pct"], 4.0)

    def test_packaging_leaves_stock_into_pack_value(self):
        bag = self.env["product.product"].create(
            {
                "name": "Kraft bag",
                "is_storable": True,
                "standard_price": 0.04,
                "categ_id": self.bulk.categ_id.id,
            }
        )
        self.env["stock.quant"]._update_available_quantity(bag, self.shelf, 100.0)
        order = self._order(self.bulk_lot, packs_made=25, packaging_product_id=bag, packaging_qty=25)
        order.action_done()
        self.assertEqual(bag.with_context(location=self.stock.id).qty_available, 75.0)
        in_value = sum(
            order.move_ids.filtered(lambda m: m.product_id == self.pack).stock_valuation_layer_ids.mapped(
                "value"
            )
        )
        self.assertAlmostEqual(in_value, 18.0 + 25 * 0.04)

    def test_part_of_a_sack_leaves_the_rest(self):
        order = self._order(self.bulk_lot, packs_made=12, loss_reason="sample")
        order.input_ids.quantity = 0.5
        self.assertEqual(order.expected_packs, 12)
        self.assertAlmostEqual(order.loss_kg, 0.5)
        order.action_done()
        self.assertAlmostEqual(self.bulk_lot.product_qty, 0.5)
        self.assertEqual(order.output_lot_id.product_qty, 12.0)

    def test_earliest_date_of_several_lots(self):
        earlier = self._receive(self.bulk, "BULK-2", 1.0, 20.0, datetime(2029, 1, 31, 12, 0))
        order = self._order(self.bulk_lot | earlier, packs_made=50)
        self.assertEqual(order.input_kg, 50.0)
        self.assertEqual(order.expected_packs, 50)
        order.action_done()
        self.assertEqual(order.output_lot_id.expiration_date.date(), datetime(2029, 1, 31).date())
        self.assertEqual(order.output_lot_id.alim_source_lot_ids, self.bulk_lot | earlier)
        self.assertEqual(self.pack.with_context(location=self.stock.id).qty_available, 50.0)

    # ------------------------------------------------------------------ refusals
    def test_expired_lot_refused(self):
        old = self._receive(self.bulk, "BULK-OLD", 1.0, 18.0, datetime.now() - timedelta(days=2))
        order = self._order(old, packs_made=25)
        with self.assertRaisesRegex(UserError, "past its date"):
            order.action_plan()
        with self.assertRaisesRegex(UserError, "past its date"):
            order.action_done()
        self.assertEqual(order.state, "draft")
        self.assertEqual(old.product_qty, 1.0)

    def test_held_lot_refused(self):
        order = self._order(self.bulk_lot, packs_made=25)
        held = [name for name in ("alim_on_hold", "is_held", "alim_hold") if name in self.bulk_lot._fields]
        if held:  # alim_coldchain is installed: use its real hold
            self.bulk_lot.sudo()[held[0]] = True
            context = patch.object(AlimRepackOrder, "_lot_is_held", AlimRepackOrder._lot_is_held)
        else:
            context = patch.object(AlimRepackOrder, "_lot_is_held", lambda self, lot: lot.name == "BULK-1")
        with context, self.assertRaisesRegex(UserError, "on hold"):
            order.action_done()
        self.assertEqual(order.state, "draft")
        self.assertEqual(self.bulk_lot.product_qty, 1.0)

    def test_mixing_refused_unless_manager_allows(self):
        dairy = self._product("Milk powder (sack 25 kg)", allergen_ids=[Command.set(self.milk.ids)])
        dairy_lot = self._receive(dairy, "DAIRY-1", 1.0, 30.0, datetime(2031, 1, 1))
        order = self._order(self.bulk_lot | dairy_lot, packs_made=50)
        with self.assertRaisesRegex(UserError, "different allergens"):
            order.action_plan()
        with self.assertRaisesRegex(ValidationError, "Only a lab manager"), self.env.cr.savepoint():
            order.allow_mixing = True
        order.with_user(self.lab_manager).allow_mixing = True
        order.action_done()
        self.assertEqual(order.output_lot_id.alim_allergen_ids, self.gluten | self.milk)

    def test_mixing_date_types_refused(self):
        fresh = self._product(
            "Fresh bulgur salad (5 kg)",
            food_date_type="dlc",
            weight=5.0,
            allergen_ids=[Command.set(self.gluten.ids)],
        )
        fresh_lot = self._receive(fresh, "FRESH-1", 1.0, 10.0, datetime(2030, 1, 1))
        order = self._order(self.bulk_lot | fresh_lot, packs_made=30)
        with self.assertRaisesRegex(UserError, "use-by and best-before"):
            order.action_done()
        order.with_user(self.lab_manager).allow_mixing = True
        order.action_done()
        self.assertEqual(order.output_lot_id.alim_date_type, "dlc")
        self.assertEqual(order.output_lot_id.expiration_date.date(), datetime(2030, 1, 1).date())

    def test_result_checks(self):
        order = self._order(self.bulk_lot)
        with self.assertRaisesRegex(UserError, "number of packs"):
            order.action_done()
        order.packs_made = 24
        with self.assertRaisesRegex(UserError, "reason"):
            order.action_done()
        order.write({"packs_made": 25, "output_kg": 26.0})
        with self.assertRaisesRegex(UserError, "more than the 25.0 kg"):
            order.action_done()
        with self.assertRaisesRegex(ValidationError, "negative"), self.env.cr.savepoint():
            order.packs_made = -1
        self.assertEqual(order.state, "draft")

    def test_not_enough_stock(self):
        order = self._order(self.bulk_lot, packs_made=40, loss_reason="other")
        order.input_ids.quantity = 2.0
        with self.assertRaisesRegex(UserError, "not enough"), self.env.cr.savepoint():
            order.action_done()
        self.assertEqual(order.state, "draft")
        self.assertEqual(self.bulk_lot.product_qty, 1.0)

    def test_pack_product_must_be_lot_tracked(self):
        # a dated pack product is always lot-tracked (alim_food): only an undated one can be untracked
        self.pack.write({"food_date_type": "none", "tracking": "none"})
        order = self._order(self.bulk_lot, packs_made=25)
        with self.assertRaisesRegex(UserError, "tracked by lots"):
            order.action_plan()

    # ------------------------------------------------------------------ state machine
    def test_transitions(self):
        order = self._order(self.bulk_lot, packs_made=25)
        self.assertTrue(order.is_action_plan_allowed and order.is_action_done_allowed)
        self.assertFalse(order.is_action_draft_allowed)
        with self.assertRaisesRegex(UserError, 'is already "Draft"'):
            order.action_draft()
        order.action_plan()
        with self.assertRaisesRegex(UserError, 'is already "Planned"'):
            order.action_plan()
        order.action_cancel()
        self.assertEqual(order.state, "cancelled")
        with self.assertRaisesRegex(UserError, 'is already "Cancelled"'):
            order.action_cancel()
        with self.assertRaisesRegex(UserError, 'cannot go from "Cancelled" to "Done"'):
            order.action_done()
        order.action_draft()
        order.action_done()
        self.assertFalse(
            order.is_action_cancel_allowed or order.is_action_done_allowed or order.is_action_plan_allowed
        )
        with self.assertRaisesRegex(UserError, 'is already "Done"'):
            order.action_done()
        with self.assertRaisesRegex(UserError, 'cannot go from "Done" to "Cancelled"'):
            order.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            order.with_user(self.lab_manager).unlink()

    def test_access(self):
        order = self._order(self.bulk_lot, packs_made=25)
        self.assertEqual(order.with_user(self.warehouse_user).name, order.name)
        with self.assertRaises(AccessError):
            self.env["alim.repack.order"].with_user(self.warehouse_user).create({"product_id": self.pack.id})
        with self.assertRaises(AccessError):
            order.with_user(self.warehouse_user).write({"packs_made": 3})
        with self.assertRaises(AccessError):
            order.with_user(self.lab).unlink()
        order.with_user(self.lab_manager).unlink()
        self.assertFalse(order.exists())

    # ------------------------------------------------------------------ recall and labels
    def test_recall_of_bulk_reaches_grocery(self):
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        pack_lot = order.output_lot_id
        picking = self._delivery(self.pack, 5.0)
        self.assertEqual(picking.move_line_ids.lot_id, pack_lot)
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")

        bulk = self.bulk_lot.with_user(self.warehouse_user)
        self.assertEqual(bulk._alim_trace_downstream(), self.bulk_lot | pack_lot)
        delivered = bulk._alim_delivered_move_lines()
        self.assertIn(picking, delivered.picking_id)
        self.assertEqual(delivered.picking_id.partner_id, self.grocery)
        # Odoo's own "deliveries of a lot" follows the repack too.
        self.assertIn(picking, self.bulk_lot.delivery_ids)
        action = bulk.action_alim_view_deliveries()
        self.assertEqual(self.env["stock.move.line"].search(action["domain"]).picking_id, picking)
        # Lab figures: packs by grocery.
        self.env.flush_all()
        delivered_report = (
            self.env["alim.repack.delivery.report"].with_user(self.lab).search([("lot_id", "=", pack_lot.id)])
        )
        self.assertEqual(delivered_report.partner_id, self.grocery)
        self.assertEqual((delivered_report.quantity, delivered_report.weight_kg), (5.0, 5.0))
        self.assertEqual(delivered_report.repack_order_id, order)
        # The lab sees the genealogy on the lot form, both ways.
        with Form(pack_lot.with_user(self.lab)) as lot_form:
            self.assertEqual(lot_form.alim_source_lot_ids[0], self.bulk_lot)
        with Form(self.bulk_lot.with_user(self.lab)) as lot_form:
            self.assertEqual(lot_form.alim_derived_lot_count, 1)
        derived = self.env["stock.lot"].search(bulk.action_alim_view_derived_lots()["domain"])
        self.assertEqual(derived, pack_lot)

    def test_label_pdf_renders(self):
        self.bulk.alim_ingredients = "Boulgour de blé dur"
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        report = self.env.ref("alim_repack.alim_repack_order_report_labels")
        html, _type = (
            self.env["ir.actions.report"].with_user(self.lab)._render_qweb_html(report.report_name, order.ids)
        )
        html = html.decode()
        self.assertEqual(html.count('class="alim-label"'), 25)
        self.assertIn("consommer de préférence avant le", html)
        self.assertIn(order.output_lot_id.name, html)
        self.assertIn("30/06/2030", html)
        self.assertIn("Reconditionné par", html)
        self.assertIn(fields.Date.today().strftime("%d/%m/%Y"), html)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.lab)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, order.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(
            order.with_user(self.lab).action_print_labels()["res_model"], "alim.repack.label.print"
        )

    def test_label_says_what_reg_1169_asks_and_the_date_is_shortened_after_opening(self):
        """Name, ingredients of every input with the allergens emphasised, net quantity, the
        date with its wording on the Paris day, storage conditions, operator and address,
        lot and origin; the pack's date is the earliest input date shortened by the shelf
        life after opening."""
        self.env.company.partner_id.write(
            {"street": "12 rue des Entrepôts", "zip": "31200", "city": "Toulouse"}
        )
        self.bulk.alim_ingredients = "Blé dur précuit, sel"
        self.pack.alim_opened_shelf_days = 60
        order = self._order(self.bulk_lot, packs_made=25)
        order.action_done()
        lot = order.output_lot_id
        self.assertEqual(lot.expiration_date.date(), order.lab_date + timedelta(days=60))
        values = order._alim_label_values()
        self.assertEqual(values["net"], "1 kg")
        self.assertEqual(values["date_wording"], "À consommer de préférence avant le")
        self.assertEqual(values["storage"], "À conserver dans un endroit sec et frais.")
        report = self.env.ref("alim_repack.alim_repack_order_report_labels")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.lab)
            ._render_qweb_html(report.report_name, order.ids)[0]
        ).decode()
        self.assertIn("Ingrédients\xa0: <strong>Blé</strong>", html)
        self.assertIn("<strong>Blé</strong> dur précuit, sel", html)
        self.assertIn("Poids net\xa0: <strong>1 kg</strong>", html)
        self.assertIn("12 rue des Entrepôts, 31200 Toulouse", html)
        self.assertIn("Origine\xa0: Lauragais, France", html)
        self.assertIn((order.lab_date + timedelta(days=60)).strftime("%d/%m/%Y"), html)
        # chilled packs: their storage conditions; a date stored at 23:30 UTC is the next
        # day in Paris
        self.pack.storage_class = "chilled"
        lot.expiration_date = datetime(2030, 3, 31, 23, 30)
        values = order._alim_label_values()
        self.assertEqual(values["storage"], "À conserver entre 0 et +4 °C.")
        self.assertEqual(values["date"], "01/04/2030")
        self.pack.storage_class = "frozen"
        self.assertIn("Ne pas recongeler", order._alim_label_values()["storage"])

    # ------------------------------------------------------------------ authorisation
    def test_chilled_meat_refused_without_an_agrement(self):
        mince = self._product("Minced beef (5 kg)", food_date_type="dlc", storage_class="chilled")
        mince.food_animal_origin = True
        pack = self._product("Minced beef 500 g", food_date_type="dlc", storage_class="chilled", weight=0.5)
        pack.food_animal_origin = True
        self.pack = pack
        cold_room = self.env["stock.location"].create(
            {"name": "Lab cold room", "location_id": self.stock.id, "storage_class": "chilled"}
        )
        lot = self._receive(mince, "MINCE-1", 1.0, 20.0, datetime(2030, 1, 10, 12, 0), location=cold_room)
        order = self._order(lot, packs_made=10, location_src_id=cold_room, location_dest_id=cold_room)
        with self.assertRaisesRegex(UserError, "Minced beef.*chilled or frozen.*agrément"):
            order.with_user(self.lab).action_plan()
        self.assertEqual(order.state, "draft")
        company = self.env.company
        # a box ticked without the approval's number does not count
        company.alim_repack_cold_allowed = True
        with self.assertRaisesRegex(UserError, "chilled or frozen"):
            order.with_user(self.lab).action_plan()
        company.alim_repack_agrement = "FR 31.555.001 CE"
        with self.assertRaisesRegex(UserError, "animal origin"):
            order.with_user(self.lab).action_plan()
        company.alim_repack_animal_allowed = True
        order.with_user(self.lab).action_plan()
        self.assertEqual(order.state, "planned")

    def test_dry_goods_need_no_agrement(self):
        self.assertFalse(self.env.company.alim_repack_agrement)
        order = self._order(self.bulk_lot, packs_made=25)
        order.with_user(self.lab).action_plan()
        self.assertEqual(order.state, "planned")
