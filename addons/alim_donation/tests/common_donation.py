from datetime import timedelta

from odoo import fields

from odoo.addons.alim_food.tests.common import AlimFoodCommon, measured

RECEIPT_SETTINGS = {
    "street": "14 chemin de la Plateforme",
    "zip": "31200",
    "city": "Toulouse",
    "alim_beneficiary_rna": "W313000000",
    "alim_beneficiary_object": "Aide alimentaire aux épiceries solidaires",
    "alim_beneficiary_category": "general_interest",
    "alim_receipt_signatory_name": "Claire Fabre",
    "alim_receipt_signatory_role": "Trésorière",
}
DONOR_COMPANY = {
    "street": "120 route d'Espagne",
    "zip": "31100",
    "city": "Toulouse",
    "donor_legal_form": "SAS",
    "company_registry": "552 100 554",
}


def set_receipt_settings(env):
    """The beneficiary and the signatory that a receipt needs, as the admin sets them once."""
    env.company.write(RECEIPT_SETTINGS)


class DonationCommon(AlimFoodCommon):
    """The receipt settings, a dock volunteer (``user``), a dry zone, a positive cold room with
    a shelf, a negative one, dated products of each class and crates of apples, two donors."""

    manager_login = None  # the classes that need one make it in the groups they test
    warehouse_login = "test_dock"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        set_receipt_settings(cls.env)
        cls.user = cls.warehouse_user
        cls.dry = cls._create_room("Dry zone", "dry")
        cls.chilled = cls._create_room("Cold room +", "chilled")
        cls.chilled_shelf = cls.env["stock.location"].create(
            {"name": "Shelf A", "location_id": cls.chilled.id}
        )
        cls.frozen = cls._create_room("Cold room -", "frozen")
        cls.category = cls.env["alim.food.category"].create(
            {"name": "Dairy", "meal_factor": 2.0, "co2_factor": 1.5}
        )
        cls.yogurt = cls._create_dated_product(
            "Yogurt",
            "dlc",
            weight=0.5,
            storage_class="chilled",
            food_category_id=cls.category.id,
            origin_distance_km=30,
        )
        cls.pasta = cls._create_dated_product("Pasta", "ddm", weight=0.5, storage_class="dry")
        cls.peas = cls._create_dated_product("Frozen peas", "dlc", weight=1.0, storage_class="frozen")
        cls.apples = cls._create_product("Apples (crate)", weight=10.0, food_date_type="none")
        Partner = cls.env["res.partner"]
        cls.donor = Partner.create(
            {
                "name": "Hyper Sud",
                "is_company": True,
                "donor_kind": "retailer",
                "email": "dons@hyper.example.com",
                **DONOR_COMPANY,
            }
        )
        cls.donor2 = Partner.create(
            {"name": "Ferme Tarn", "is_company": True, "donor_kind": "producer", **DONOR_COMPANY}
        )
        cls.in_date = fields.Datetime.now() + timedelta(days=10)

    @classmethod
    def _draft_reception(cls, donor, lines, source="donation"):
        """A confirmed reception; lines: (product, qty, value, [(lot, qty, date, location)])."""
        picking = (
            cls.env["stock.picking"]
            .with_user(cls.user)
            .create(
                {
                    "partner_id": donor.id,
                    "picking_type_id": cls.warehouse.in_type_id.id,
                    "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                    "location_dest_id": cls.stock.id,
                    "alim_source_type": source,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "product_uom": product.uom_id.id,
                                "alim_declared_value": value,
                                "location_id": cls.env.ref("stock.stock_location_suppliers").id,
                                "location_dest_id": cls.stock.id,
                            }
                        )
                        for product, qty, value, _lots in lines
                    ],
                }
            )
        )
        picking.action_confirm()
        for move, (_product, _qty, _value, lots) in zip(picking.move_ids, lines, strict=True):
            move.move_line_ids.unlink()
            move.write(
                {
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": move.product_id.id,
                                "lot_name": lot,
                                "quantity": lot_qty,
                                "expiration_date": date,
                                "location_id": move.location_id.id,
                                "location_dest_id": location.id,
                                "picking_id": picking.id,
                                **measured(move.product_id),
                            }
                        )
                        for lot, lot_qty, date, location in lots
                    ],
                    "picked": True,
                }
            )
        return picking

    @classmethod
    def _reception(cls, donor, lines, source="donation"):
        picking = cls._draft_reception(donor, lines, source)
        picking.button_validate()
        return picking

    @classmethod
    def _simple_donation(cls, donor, qty=10, value=20.0):
        return cls._reception(donor, [(cls.apples, qty, value, [(False, qty, False, cls.dry)])])
