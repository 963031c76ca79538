import os
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from ..report.report_alim_repack_report_alim_repack_labels import ReportAlimRepackLabels
from .common import RepackFixtures


class LabelTourCommon(RepackFixtures, HttpCase):
    """In a real browser, in French and in Paris: the lab operator records the repack of a
    sack a grocery's delivery has reserved, then prints its 25 labels from the third place
    of a sheet. The delivery lost its reservation and was told; the labels were rendered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("web", "stock", "alim_food", "alim_repack"))]
        )._update_translations("fr_FR")
        cls.lab = new_test_user(
            cls.env,
            login="test_lab_tour",
            groups="alim_repack.alim_repack_group_lab",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        cls.bulk.alim_ingredients = "Boulgour de blé dur"
        cls.tour_lot = cls._receive(cls.bulk, "BULK-TOUR", 1.0, 18.0, cls.best_before)

    def _tour_repack_a_reserved_lot_and_print_its_labels(self):
        delivery = self._delivery(self.bulk, 2.0)
        self.assertEqual(sorted(delivery.move_line_ids.lot_id.mapped("name")), ["BULK-1", "BULK-TOUR"])
        order = self._order(self.tour_lot, packs_made=25)
        printed = []
        original = ReportAlimRepackLabels._get_report_values

        def spy(report, docids, data=None):
            values = original(report, docids, data=data)
            printed.append((values["docs"], data, sum(len(sheet["positions"]) for sheet in values["sheets"])))
            return values

        with (
            patch.dict(os.environ, {"TZ": "Europe/Paris"}),
            patch.object(ReportAlimRepackLabels, "_get_report_values", spy),
        ):
            self.start_tour(
                f"/odoo/action-alim_repack.alim_repack_order_action/{order.id}",
                "alim_repack_reserved_lot_labels",
                login=self.lab.login,
            )
        self.assertEqual(order.state, "done")
        self.assertEqual(order.output_lot_id.product_qty, 25)
        self.assertEqual(delivery.move_line_ids.lot_id.mapped("name"), ["BULK-1"])
        self.assertTrue(delivery.message_ids.filtered(lambda message: order.name in (message.body or "")))
        docs, data, labels = printed[-1]
        self.assertEqual((docs, labels), (order, 25))
        self.assertEqual((data["alim_label_count"], data["alim_first_slot"]), (25, 2))


@tagged("post_install", "-at_install")
class TestLabelTourPhone(LabelTourCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_tour_phone_repack_a_reserved_lot_and_print_its_labels(self):
        self._tour_repack_a_reserved_lot_and_print_its_labels()


@tagged("post_install", "-at_install")
class TestLabelTourDesktop(LabelTourCommon):
    browser_size = "1366x900"

    def test_tour_desktop_repack_a_reserved_lot_and_print_its_labels(self):
        self._tour_repack_a_reserved_lot_and_print_its_labels()
