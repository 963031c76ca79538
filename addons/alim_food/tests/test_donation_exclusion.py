"""Food the law excludes from donation (arrêté of 7 January 2021) is refused at reception,
with the reason."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AlimFoodCommon


@tagged("post_install", "-at_install")
class TestDonationExclusion(AlimFoodCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cold_room = cls._create_room("Exclusion cold room", "chilled")
        cls.ham = cls._create_product(
            "Jambon à la coupe", storage_class="chilled", food_animal_origin=True, food_loose=True
        )
        cls.supermarket = cls.env["res.partner"].create({"name": "Supermarché", "is_company": True})

    def _reception(self, product, donor):
        picking = self._create_reception([(product, 4)], dest=self.cold_room, partner=donor)
        picking.move_ids.quantity = 4
        picking.move_ids.picked = True
        return self._measure(picking)

    def test_loose_food_of_animal_origin_is_refused_with_the_reason(self):
        picking = self._reception(self.ham, self.supermarket)
        with self.assertRaisesRegex(UserError, "excluded from donation \\(arrêté of 7 January 2021\\)"):
            picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "assigned")

    def test_prepacked_or_from_an_approved_establishment_is_accepted(self):
        self.ham.food_loose = False
        picking = self._reception(self.ham, self.supermarket)
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
        self.ham.food_loose = True
        butcher = self.env["res.partner"].create(
            {"name": "Atelier de découpe agréé", "is_company": True, "food_donation_exemption": "approved"}
        )
        picking = self._reception(self.ham, butcher)
        picking.with_user(self.warehouse_user).button_validate()
        self.assertEqual(picking.state, "done")
