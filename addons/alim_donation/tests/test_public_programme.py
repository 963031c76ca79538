import ast

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_donation import DonationCommon


@tagged("post_install", "-at_install")
class TestPublicProgramme(DonationCommon):
    """Goods of a public programme (FSE+, national programmes) are marked on their lots from the
    reception, never go on a receipt, and have their own stock and movements report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme = cls.env["res.partner"].create(
            {"name": "FranceAgriMer FSE+", "is_company": True, "donor_kind": "public_programme"}
        )

    def test_lots_marked_from_the_reception(self):
        fse = self._reception(
            self.programme,
            [(self.pasta, 40, 0.0, [("FSE-PASTA-1", 40, self.in_date, self.dry)])],
            source="public_programme",
        )
        gift = self._reception(
            self.donor, [(self.pasta, 10, 5.0, [("DON-PASTA-1", 10, self.in_date, self.dry)])]
        )
        fse_lot = fse.move_line_ids.lot_id
        self.assertTrue(fse_lot.alim_public_programme)
        self.assertEqual(fse_lot.alim_programme_partner_id, self.programme)
        self.assertFalse(gift.move_line_ids.lot_id.alim_public_programme)
        # Never on a receipt: not a donation, whoever is named as the donor.
        self.assertFalse(fse.alim_is_donation)
        with self.assertRaisesRegex(ValidationError, "not a validated donation"):
            self.env["alim.donation.receipt"].with_user(self.user).create(
                {"partner_id": self.donor.id, "picking_ids": [(6, 0, fse.ids)]}
            )
        # Its own stock and movements, as the warehouse sees them from the menu.
        for xmlid, expected in (
            ("alim_donation.stock_quant_action_alim_public_programme", fse_lot),
            ("alim_donation.stock_move_line_action_alim_public_programme", fse_lot),
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            records = (
                self.env[action["res_model"]].with_user(self.user).search(ast.literal_eval(action["domain"]))
            )
            self.assertEqual(records.lot_id, expected)
        quants = (
            self.env["stock.quant"]
            .with_user(self.user)
            .search([("lot_id.alim_public_programme", "=", True), ("location_id.usage", "=", "internal")])
        )
        self.assertEqual(sum(quants.mapped("quantity")), 40)
