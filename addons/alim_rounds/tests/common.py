from datetime import timedelta

from odoo import fields

from odoo.addons.alim_catalogue.tests.common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon


class AlimRoundsCommon(AlimCatalogueCommon):
    """Two groceries, dry rice and chilled yoghurts in stock, a van (500 kg, 1 pallet, 2 cold
    boxes) and a draft delivery round made by the warehouse."""

    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.groceries = cls._create_groceries(
            [
                {"name": "Round grocery A", "households_count": 10},
                {"name": "Round grocery B", "households_count": 20},
            ]
        )
        cls.portal_user = cls._create_grocery_user(cls.groceries[0], "test_round_portal")
        cls.rice, cls.yoghurt = cls._create_stocked_products(
            [
                {"name": "Round rice 5 kg", "weight": 5.0, "storage_class": "dry"},
                {"name": "Round yoghurts", "weight": 0.5, "storage_class": "chilled"},
            ],
            1000,
        )
        cls.van_category = env["fleet.vehicle.model.category"].create(
            {
                "name": "Test van",
                "weight_capacity": 500,
                "alim_capacity_pallets": 1,
                "alim_capacity_cold_boxes": 2,
                "alim_pallet_kg": 600,
                "alim_cold_box_kg": 25,
            }
        )
        brand = env["fleet.vehicle.model.brand"].create({"name": "Test platform"})
        model = env["fleet.vehicle.model"].create(
            {"name": "Van", "brand_id": brand.id, "category_id": cls.van_category.id}
        )
        cls.van = env["fleet.vehicle"].create(
            {"model_id": model.id, "category_id": cls.van_category.id, "license_plate": "TV-500-KG"}
        )
        cls.round_date = fields.Datetime.now().replace(microsecond=0) + timedelta(days=3)
        cls.round = (
            env["stock.picking.batch"]
            .with_user(cls.warehouse_user)
            .create(
                {
                    "alim_round_kind": "delivery",
                    "vehicle_id": cls.van.id,
                    "scheduled_date": cls.round_date,
                }
            )
        )

    @classmethod
    def _confirm(cls, cycle, quantities):
        """Open ``cycle``, each grocery orders its ``quantities`` ({grocery: {product: qty}}),
        then close, allocate and confirm it (as the cycle manager who made it)."""
        cycle.action_open()
        for grocery, lines in quantities.items():
            cls._create_order(cycle, grocery, lines)
        cycle.with_context(alim_close_early=True).action_close()
        cycle.action_allocate()
        cycle.action_confirm()
        return cycle
