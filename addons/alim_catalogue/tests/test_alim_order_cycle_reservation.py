from odoo import Command
from odoo.tests import tagged

from .common import CYCLE_MANAGER_GROUPS, AlimCatalogueCommon


@tagged("post_install", "-at_install")
class TestOrderCycleReservation(AlimCatalogueCommon):
    """Confirming a cycle reserves each delivery exactly as Odoo's own confirmation does, but
    computes the delivery's state once instead of once per reserved line, so that a line costs
    the same on a delivery of 10 lines and of 40."""

    manager_groups = CYCLE_MANAGER_GROUPS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("alim_catalogue.alim_order_cycle_job_cron")
        # one order per cron call
        cls.env["ir.config_parameter"].set_param("gesmip.job_batch_seconds", "0")

    def _products(self, count, stock=1000):
        vals_list = [{"name": f"Resa product {i}", "list_price": 1.0} for i in range(count)]
        return self._create_stocked_products(vals_list, stock)

    def _allocated_cycle(self, groceries, lines):
        """A cycle whose groceries each ordered ``lines`` ({product: quantity}), allocated and
        ready to be confirmed in the background."""
        cycle = self._open_cycle(groceries, list(lines), "Resa week", location_id=self.stock.id)
        for grocery in groceries:
            self._create_order(cycle, grocery, lines)
        cycle.with_context(alim_close_early=True).action_close()
        cycle = cycle.with_context(gesmip_job_mode="background")
        cycle.with_context(gesmip_job_mode="inline").action_allocate()
        return cycle

    def _groceries(self, count):
        return self._create_groceries(
            [{"name": f"Resa grocery {i}", "households_count": 10} for i in range(count)]
        )

    @staticmethod
    def _reservation(picking):
        """What a delivery's reservation left: its state, and each move's state and quantity."""
        return picking.state, [
            (m.product_id, m.state, m.quantity) for m in picking.move_ids.sorted("product_id")
        ]

    def test_deliveries_reserved_as_odoo_reserves_them(self):
        rice, oil = self._products(2, stock=0)
        self.env["stock.quant"]._update_available_quantity(rice, self.stock, 1000)
        self.env["stock.quant"]._update_available_quantity(oil, self.stock, 30)  # 60 asked
        groceries = self._groceries(3)
        cycle = self._allocated_cycle(groceries, {rice: 10, oil: 20})
        cycle.action_confirm()
        for _order in range(3):
            self.cron.method_direct_trigger()
        self.assertEqual(cycle.state, "confirmed")
        ours = {o.partner_id: self._reservation(o.picking_ids) for o in cycle.order_ids}
        self.assertEqual({state for state, _moves in ours.values()}, {"assigned"})
        # the same orders, as allocated, confirmed by Odoo alone after the stock is put back
        cycle.order_ids.picking_ids.do_unreserve()
        plain = self.env["sale.order"].create(
            [
                {
                    "partner_id": order.partner_id.id,
                    "order_line": [
                        Command.create(
                            {"product_id": line.product_id.id, "product_uom_qty": line.product_uom_qty}
                        )
                        for line in order.order_line
                    ],
                }
                for order in cycle.order_ids
            ]
        )
        plain.action_confirm()
        self.assertEqual({o.partner_id: self._reservation(o.picking_ids) for o in plain}, ours)

    def test_partly_and_not_available_moves_keep_odoo_states(self):
        """Moves whose stock is short or missing end as Odoo's own reservation leaves them."""
        plenty, short, missing = self._products(3, stock=0)
        self.env["stock.quant"]._update_available_quantity(plenty, self.stock, 100)
        self.env["stock.quant"]._update_available_quantity(short, self.stock, 4)
        warehouse = self.env.ref("stock.warehouse0")

        def delivery(**context):
            picking = self.env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "location_id": self.stock.id,
                    "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": p.name,
                                "product_id": p.id,
                                "product_uom_qty": 5,
                                "product_uom": p.uom_id.id,
                                "location_id": self.stock.id,
                                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                            }
                        )
                        for p in (plenty, short, missing)
                    ],
                }
            )
            picking.with_context(**context).action_confirm()  # reserves at once
            return picking

        ours = delivery(alim_cycle_confirm=True)
        ours_result = self._reservation(ours)
        ours.do_unreserve()
        odoo = delivery()
        self.assertEqual(
            [(state, qty) for _product, state, qty in ours_result[1]],
            [("assigned", 5), ("partially_available", 4), ("confirmed", 0)],
        )
        self.assertEqual(self._reservation(odoo), ours_result)

    def _queries_to_confirm_one_order(self, lines):
        cycle = self._allocated_cycle(self._groceries(1), dict.fromkeys(self._products(lines), 5))
        cycle.action_confirm()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.cron.method_direct_trigger()
        queries = self.env.cr.sql_log_count - before
        self.assertEqual(cycle.state, "confirmed")
        self.assertEqual(cycle.order_ids.picking_ids.state, "assigned")
        return queries

    def test_confirmation_cost_per_line_is_flat(self):
        """A cron call confirming a grocery's order: each further line costs Odoo's own work on
        that line (its procurement, its move, its reservation), not a look at the whole
        delivery again."""
        small, large = self._queries_to_confirm_one_order(10), self._queries_to_confirm_one_order(40)
        per_line = (large - small) / 30
        self.assertLessEqual(per_line, 13, f"{small} queries at 10 lines, {large} at 40")
