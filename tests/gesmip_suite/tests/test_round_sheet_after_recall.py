"""The round sheet after a recall (alim_coldchain) took the recalled lot out of the
reservations of the deliveries already on a round (alim_rounds): both addons installed."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.alim_rounds.tests.common import AlimRoundsCommon


@tagged("post_install", "-at_install")
class TestRoundSheetAfterRecall(AlimRoundsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.van_category.write(
            {"weight_capacity": 5000, "alim_capacity_pallets": 10, "alim_capacity_cold_boxes": 50}
        )
        cls.lentils = cls._create_dated_product(
            "Round green lentils 1 kg", date_type="ddm", weight=1.0, storage_class="dry"
        )
        cls.lot = cls._create_lot(cls.lentils, "LENT-RECALL-1", fields.Datetime.now() + timedelta(days=200))
        cls._put_in_stock(cls.lentils, 100, lot=cls.lot)
        cls.cycle = cls._create_cycle(
            cls.groceries, cls.rice | cls.lentils, "Recall week", delivery_round_id=cls.round.id
        )
        cls._confirm(cls.cycle, {grocery: {cls.rice: 10, cls.lentils: 20} for grocery in cls.groceries})

    def _sheet(self):
        return (
            self.env["ir.actions.report"]
            .with_user(self.warehouse_user)
            ._render_qweb_html("alim_rounds.alim_delivery_round_sheet", self.round.ids)[0]
            .decode()
        )

    def test_the_sheet_no_longer_lists_a_recalled_lot(self):
        sheet = self._sheet()
        self.assertEqual(sheet.count("LENT-RECALL-1"), 2)  # one line per grocery
        self.assertIn("Round green lentils 1 kg", sheet)
        self.assertIn("140.0", sheet)  # 2 x (10 x 5 kg + 20 x 1 kg)
        recall = (
            self.env["alim.recall"]
            .with_user(self.manager)
            .create({"name": "Aflatoxins", "lot_id": self.lot.id, "reason": "Bring them back."})
        )
        recall.with_user(self.manager).action_open()
        self.assertFalse(self.cycle.order_ids.picking_ids.move_line_ids.lot_id & self.lot)
        sheet = self._sheet()
        self.assertNotIn("LENT-RECALL-1", sheet)
        self.assertNotIn("Round green lentils 1 kg", sheet)
        # what is still reserved is still loaded, grocery by grocery
        self.assertIn("Round grocery A", sheet)
        self.assertIn("Round grocery B", sheet)
        self.assertIn("Round rice 5 kg", sheet)
        self.assertIn("100.0", sheet)  # 2 x 10 x 5 kg
