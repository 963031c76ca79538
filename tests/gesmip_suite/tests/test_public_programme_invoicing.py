"""Public programme goods (FSE+, national programmes) reach groceries free of charge: the lots
delivered decide, so a grocery that ordered lentils at the logistics fee is invoiced 0 for the
FSE+ lentils it got and the fee for the donated ones; and none of them is on a receipt."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.alim_donation.tests.common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestPublicProgrammeInvoicing(DonationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoicing = new_test_user(
            cls.env,
            login="suite_fse_invoicing",
            groups="sales_team.group_sale_salesman_all_leads,account.group_account_invoice",
        )
        cls.treasurer = new_test_user(
            cls.env,
            login="suite_fse_treasurer",
            groups="alim_food.alim_food_group_warehouse,account.group_account_invoice",
        )
        cls.lab = new_test_user(cls.env, login="suite_fse_lab", groups="alim_repack.alim_repack_group_lab")
        cls.programme = cls.env["res.partner"].create(
            {"name": "FranceAgriMer FSE+", "is_company": True, "donor_kind": "public_programme"}
        )
        cls.grocery = cls.env["res.partner"].create(
            {"name": "Épicerie des Arènes", "is_grocery": True, "grocery_status": "active"}
        )
        cls.fse = cls._reception(
            cls.programme,
            [(cls.pasta, 30, 0.0, [("FSE-PASTA-7", 30, cls.in_date, cls.dry)])],
            source="public_programme",
        )
        cls.gift = cls._reception(
            cls.donor, [(cls.pasta, 10, 6.0, [("DON-PASTA-7", 10, cls.in_date, cls.dry)])]
        )
        cls.fse_lot = cls.fse.move_line_ids.lot_id
        cls.gift_lot = cls.gift.move_line_ids.lot_id

    def _deliver(self, product, lots_qty):
        """A grocery's order of ``product``, delivered from the given lots by the warehouse."""
        order = (
            self.env["sale.order"]
            .with_user(self.invoicing)
            .create(
                {
                    "partner_id": self.grocery.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": sum(lots_qty.values())})
                    ],
                }
            )
        )
        order.action_confirm()
        picking = order.picking_ids.with_user(self.user)
        picking.move_ids.move_line_ids.unlink()
        for lot, qty in lots_qty.items():
            self.env["stock.move.line"].with_user(self.user).create(
                {
                    "move_id": picking.move_ids.id,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "quantity": qty,
                    "location_id": lot.quant_ids.filtered(lambda q: q.quantity > 0).location_id[:1].id,
                    "location_dest_id": picking.location_dest_id.id,
                }
            )
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return order

    def test_catalogue_shows_programme_goods_free_and_orders_them_free(self):
        """What a cycle offers only from programme lots is free in the catalogue and on the
        grocery's order, as on its invoice; offered beside donated lots, the page says how
        much of it is free and the fee stays for the rest (the lots delivered decide)."""
        now = fields.Datetime.now()
        cycle = self.env["alim.order.cycle"].create(
            {
                "name": "FSE cycle",
                "date_open": now - timedelta(hours=1),
                "date_close": now + timedelta(days=1),
                "grocery_ids": [Command.set(self.grocery.ids)],
                "line_ids": [Command.create({"product_id": self.pasta.id})],
            }
        )
        line = cycle.line_ids
        self.assertEqual((line.available_qty, line.free_qty), (40, 30))
        self.assertFalse(line._wholly_free())
        # the donated lot leaves: only programme lots are offered now
        gift_quant = self.gift_lot.quant_ids.filtered(lambda q: q.quantity > 0)
        self.env["stock.quant"]._update_available_quantity(
            self.pasta, gift_quant.location_id, -10, lot_id=self.gift_lot
        )
        line.invalidate_recordset()
        self.assertTrue(line._wholly_free())
        cycle.action_open()
        order = cycle._set_grocery_quantities(self.grocery, {line: 5})
        self.assertEqual(order.order_line.price_unit, 0.0)
        self.assertEqual(order.amount_total, 0.0)

    def test_programme_lots_invoiced_at_zero_and_on_no_receipt(self):
        order = self._deliver(self.pasta, {self.fse_lot: 30, self.gift_lot: 10})
        invoice = order.with_user(self.invoicing)._create_invoices()
        lines = invoice.invoice_line_ids
        free = lines.filtered("alim_given_free")
        charged = lines - free
        self.assertEqual(free.quantity, 30)
        self.assertEqual(free.price_unit, 0.0)
        self.assertIn("Public programme goods", free.name)
        # the member price the grocery ordered at (the logistics fee of donated goods)
        price = order.order_line.price_unit
        self.assertGreater(price, 0.0)
        self.assertEqual(charged.quantity, 10)
        self.assertEqual(charged.price_unit, price)
        self.assertAlmostEqual(invoice.amount_untaxed, 10 * price)
        invoice.with_user(self.invoicing).action_post()
        self.assertEqual(order.order_line.qty_invoiced, 40)
        with self.assertRaises(UserError):
            order.with_user(self.invoicing)._create_invoices()
        # The donation gets its receipt; the programme's reception none, and its lot is on none.
        self.gift.with_user(self.treasurer).action_alim_create_donation_receipt()
        with self.assertRaisesRegex(UserError, "public programme or a partner platform"):
            self.fse.with_user(self.treasurer).action_alim_create_donation_receipt()
        receipts = self.env["alim.donation.receipt"].with_user(self.treasurer).search([])
        receipt_lots = receipts.line_ids.move_id.move_line_ids.lot_id
        self.assertIn(self.gift_lot, receipt_lots)
        self.assertNotIn(self.fse_lot, receipt_lots)

    def test_packs_repacked_from_programme_goods_only_are_free(self):
        pack = self.env["product.product"].create(
            {
                "name": "Pâtes 250 g",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "food_date_type": "ddm",
                "storage_class": "dry",
                "weight": 0.25,
                "list_price": 1.0,
            }
        )
        packs = {}
        for lot in (self.fse_lot, self.gift_lot):
            with Form(self.env["alim.repack.order"].with_user(self.lab)) as form:
                form.product_id = pack
                form.location_src_id = self.dry
                with form.input_ids.new() as line:
                    line.lot_id = lot
                    line.quantity = 1.0
                form.packs_made = 2
            form.record.with_user(self.lab).action_done()
            packs[lot] = form.record.output_lot_id
        self.assertEqual((packs[self.fse_lot] | packs[self.gift_lot])._alim_given_free(), packs[self.fse_lot])
        order = self._deliver(pack, {packs[self.fse_lot]: 2, packs[self.gift_lot]: 2})
        invoice = order.with_user(self.invoicing)._create_invoices()
        self.assertEqual(invoice.invoice_line_ids.filtered("alim_given_free").quantity, 2)
        self.assertGreater(order.order_line.price_unit, 0.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 2 * order.order_line.price_unit)
