"""The must-show of rounds, in Chromium, as the cycle manager in French and in Paris, at
desktop and phone sizes: a cycle confirmed without a round is put on a round from its form;
after a recall took a lot out of the deliveries' reservations, the round's sheet no longer
lists it (the Python side of the sheet: test_round_sheet_after_recall)."""

import os
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.alim_catalogue.tests.common import CYCLE_MANAGER_GROUPS
from odoo.addons.alim_rounds.tests.common import AlimRoundsCommon


@tagged("post_install", "-at_install")
class TestRoundTour(AlimRoundsCommon, HttpCase):
    browser_size = "1366x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("web", "stock", "stock_picking_batch", "alim_catalogue", "alim_rounds"))]
        )._update_translations("fr_FR")
        cls.french_manager = new_test_user(
            cls.env,
            login="test_round_tour_manager",
            groups=CYCLE_MANAGER_GROUPS,
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.van_category.write(
            {"weight_capacity": 5000, "alim_capacity_pallets": 10, "alim_capacity_cold_boxes": 50}
        )
        cls.lentils = cls._create_dated_product(
            "Round green lentils 1 kg", date_type="ddm", weight=1.0, storage_class="dry"
        )
        cls.lot = cls._create_lot(cls.lentils, "LENT-RECALL-1", fields.Datetime.now() + timedelta(days=200))
        cls._put_in_stock(cls.lentils, 100, lot=cls.lot)
        cls.cycle = cls._create_cycle(cls.groceries, cls.rice | cls.lentils, "Semaine sans tournée")
        cls._confirm(cls.cycle, {grocery: {cls.rice: 10, cls.lentils: 20} for grocery in cls.groceries})

    def test_tour_cycle_put_on_a_round_then_sheet_after_recall(self):
        self.assertEqual(self.cycle.state, "confirmed")
        self.assertFalse(self.cycle.delivery_round_id)
        with patch.dict(os.environ, {"TZ": "Europe/Paris"}):
            self.start_tour(
                f"/odoo/action-alim_catalogue.alim_order_cycle_action/{self.cycle.id}",
                "gesmip_suite_round_put_on",
                login=self.french_manager.login,
            )
        rnd = self.cycle.delivery_round_id
        self.assertTrue(rnd.name.startswith("TL/"), rnd.name)
        self.assertEqual(rnd.alim_delivery_stop_ids.partner_id, self.groceries)
        self.assertEqual(rnd.picking_ids, self.cycle.order_ids.picking_ids)
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": "Aflatoxines", "lot_id": self.lot.id, "reason": "Rapportez-les."})
        )
        recall.with_user(self.manager).action_open()
        self.assertFalse(rnd.picking_ids.move_line_ids.lot_id & self.lot)
        with patch.dict(os.environ, {"TZ": "Europe/Paris"}):
            self.start_tour(
                f"/odoo/action-alim_rounds.alim_delivery_round_action/{rnd.id}",
                "gesmip_suite_round_sheet_after_recall",
                login=self.french_manager.login,
            )


@tagged("post_install", "-at_install")
class TestRoundTourPhone(TestRoundTour):
    browser_size = "390x844"
    touch_enabled = True
    allow_inherited_tests_method = True  # Odoo's loader runs the inherited tour test too
