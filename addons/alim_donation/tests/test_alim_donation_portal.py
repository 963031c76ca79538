from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common_donation import DONOR_COMPANY, set_receipt_settings


@tagged("post_install", "-at_install")
class TestAlimDonationPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_receipt_settings(cls.env)
        Partner = cls.env["res.partner"]
        cls.donor = Partner.create(
            {"name": "Hyper Portail", "is_company": True, "donor_kind": "retailer", **DONOR_COMPANY}
        )
        cls.other = Partner.create(
            {"name": "Autre Donateur", "is_company": True, "donor_kind": "producer", **DONOR_COMPANY}
        )
        cls.portal = new_test_user(cls.env, login="test_donor_web", groups="base.group_portal")
        cls.portal.partner_id.parent_id = cls.donor
        cls.mine = cls._issued(cls.donor)
        cls.theirs = cls._issued(cls.other)

    @classmethod
    def _issued(cls, donor):
        product = cls.env["product.product"].create({"name": "Crate", "is_storable": True, "weight": 2.0})
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": donor.id,
                "picking_type_id": warehouse.in_type_id.id,
                "alim_source_type": "anti_waste",
                "move_ids": [
                    fields.Command.create(
                        {
                            "name": "Crate",
                            "product_id": product.id,
                            "product_uom_qty": 5,
                            "product_uom": product.uom_id.id,
                            "alim_declared_value": 12.5,
                            "location_id": warehouse.in_type_id.default_location_src_id.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = 5
        picking.move_ids.picked = True
        picking.button_validate()
        receipt = cls.env["alim.donation.receipt"]._create_for_pickings(donor, picking)
        receipt.action_issue()
        return receipt

    def test_donor_portal_list_and_pdf(self):
        self.authenticate("test_donor_web", "test_donor_web")
        home = self.url_open("/my/home")
        self.assertIn("/my/donation-receipts", home.text)
        page = self.url_open("/my/donation-receipts")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.mine.name, page.text)
        self.assertNotIn(self.theirs.name, page.text)
        pdf = self.url_open(f"/my/donation-receipts/{self.mine.id}?report_type=html")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("Hyper Portail", pdf.text)
        refused = self.url_open(f"/my/donation-receipts/{self.theirs.id}?report_type=html")
        self.assertNotIn("Autre Donateur", refused.text)
