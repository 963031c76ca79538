"""Freezing a chilled use-by lot before its date, only under the authorisation the company
records: a new lot of the frozen product, its best-before date set by the platform and its
"frozen on" day, in a negative room; never frozen twice; recalls follow it."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ColdChainCommon


@tagged("post_install", "-at_install")
class TestFreezing(ColdChainCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.freezer = cls.env["stock.location"].create(
            {"name": "Test negative room", "location_id": cls.stock.id, "storage_class": "frozen"}
        )
        cls.frozen_yoghurt = cls.env["product.product"].create(
            {
                "name": "Test yoghurt, frozen",
                "is_storable": True,
                "food_date_type": "ddm",
                "storage_class": "frozen",
                "food_category_id": cls.category.id,
            }
        )
        cls.yoghurt.alim_frozen_product_id = cls.frozen_yoghurt
        cls.lot = cls._lot(cls.yoghurt, "FRZ-1", cls.now + timedelta(days=3))
        cls._move(cls.yoghurt, cls.lot, 10, cls.supplier_location, cls.room, cls.now - timedelta(days=1))
        cls.best_before = fields.Date.today() + timedelta(days=90)

    def _freeze(self, lot, quantity=None):
        wizard = (
            self.env["alim.lot.freeze"]
            .with_user(self.warehouse_user)
            .create({"lot_id": lot.id, "location_dest_id": self.freezer.id, "best_before": self.best_before})
        )
        if quantity is not None:
            wizard.quantity = quantity
        return wizard.action_freeze()

    def test_nothing_is_frozen_without_the_authorisation(self):
        with self.assertRaisesRegex(UserError, "no authorisation to freeze"):
            self._freeze(self.lot)
        self.assertEqual(self.lot.product_qty, 10)

    def test_a_chilled_use_by_lot_becomes_a_frozen_lot_and_is_never_frozen_again(self):
        self.env.company.alim_freezing_authorisation = "Dérogation DDPP 31-2026-04"
        action = self._freeze(self.lot)
        frozen = self.env["stock.lot"].browse(action["res_id"])
        self.assertEqual(frozen.product_id, self.frozen_yoghurt)
        self.assertEqual(frozen.alim_frozen_on, fields.Date.today())
        self.assertEqual(frozen.alim_frozen_from_lot_id, self.lot)
        self.assertEqual(frozen.expiration_date.date(), self.best_before)
        self.assertEqual(frozen.product_qty, 10)
        self.assertEqual(self.lot.product_qty, 0)
        quants = self.env["stock.quant"].search([("lot_id", "=", frozen.id), ("quantity", ">", 0)])
        self.assertEqual(quants.location_id, self.freezer)
        self.assertIn("31-2026-04", self.lot.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "never frozen twice"):
            self._freeze(frozen)
        # a recall of the chilled lot follows the frozen one
        self.assertIn(frozen, self.lot._alim_trace_downstream())
        # its label: "congelé le", the platform's best-before date, not to refreeze
        html = (
            self.env["ir.actions.report"]
            .with_user(self.warehouse_user)
            ._render_qweb_html("alim_coldchain.alim_frozen_lot_label_report", frozen.ids)[0]
            .decode()
        )
        self.assertIn(f"Congelé le <strong>{fields.Date.today():%d/%m/%Y}</strong>", html)
        self.assertIn(f"{self.best_before:%d/%m/%Y}", html)
        self.assertIn("Ne pas recongeler", html)

    def test_past_or_held_or_dry_goods_are_not_frozen(self):
        self.env.company.alim_freezing_authorisation = "Agrément FR 31.555.001 CE"
        past = self._lot(self.yoghurt, "FRZ-PAST", self.now - timedelta(days=1))
        self._move(self.yoghurt, past, 2, self.supplier_location, self.room, self.now - timedelta(days=3))
        with self.assertRaisesRegex(UserError, "past its use-by date"):
            self._freeze(past)
        with self.assertRaisesRegex(UserError, "are free in"):
            self._freeze(self.lot, quantity=50)
        self.yoghurt.storage_class = "dry"
        with self.assertRaisesRegex(UserError, "Only chilled food"):
            self._freeze(self.lot)

    def test_freeze_offered_only_on_chilled_use_by_goods_before_their_date(self):
        """The Freeze button and its action, as the warehouse volunteer (the lab operator is
        one too): dry rice, goods bought frozen, goods already frozen and goods past their
        use-by date are refused by the lot itself, before any wizard, and the button is
        hidden; a chilled use-by lot before its date is offered."""
        rice = self._create_dated_product("Test rice 1 kg", "ddm", storage_class="dry")
        peas = self._create_dated_product("Test peas, frozen", "ddm", storage_class="frozen")
        rice_lot = self._lot(rice, "FRZ-RICE", self.now + timedelta(days=200))
        peas_lot = self._lot(peas, "FRZ-PEAS", self.now + timedelta(days=200))
        past = self._lot(self.yoghurt, "FRZ-OLD", self.now - timedelta(days=2))
        refrozen = self._lot(self.yoghurt, "FRZ-AGAIN", self.now + timedelta(days=3))
        refrozen.alim_frozen_on = fields.Date.today()
        refusals = {
            rice_lot: "Only chilled food with a use-by date",
            peas_lot: "Only chilled food with a use-by date",
            past: "past its use-by date",
            refrozen: "never frozen twice",
        }
        for lot, reason in refusals.items():
            lot = lot.with_user(self.warehouse_user)
            self.assertFalse(lot.alim_freeze_allowed, lot.name)
            with self.assertRaisesRegex(UserError, reason):
                lot.action_alim_freeze()
        lot = self.lot.with_user(self.warehouse_user)
        self.assertTrue(lot.alim_freeze_allowed)
        self.assertEqual(lot.action_alim_freeze()["res_model"], "alim.lot.freeze")
        # the form shows the button only where the lot allows it
        view = self.env["stock.lot"].with_user(self.warehouse_user).get_view(view_type="form")
        self.assertIn('name="action_alim_freeze"', view["arch"])
        self.assertRegex(view["arch"], r'name="action_alim_freeze"[^>]*invisible="not alim_freeze_allowed"')
