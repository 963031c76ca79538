from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDemoLoader(BaseCommon):
    def _declared_by(self, record, module, name):
        self.env["ir.model.data"].create(
            {"module": module, "name": name, "model": record._name, "res_id": record.id, "noupdate": True}
        )
        return record

    def test_odoo_demo_contacts_are_archived(self):
        """Odoo's demo contacts are archived; the network's own, the users' and the
        companies' partners stay."""
        Partner = self.env["res.partner"]
        foreign = self._declared_by(Partner.create({"name": "Deco Addict"}), "base", "test_deco")
        donor = self._declared_by(Partner.create({"name": "Supermarché"}), "alim_donation", "test_donor")
        admin_partner = self.env.ref("base.partner_admin")
        company_partner = self.env.company.partner_id
        shop = self._declared_by(
            self.env["res.company"].create({"name": "My Company (Chicago)"}), "stock", "test_co"
        )
        Demo = self.env["gesmip.demo"]
        Demo._generate("gesmip_network.demo.odoo_demo_cleanup.archive_odoo_companies")
        self.assertFalse(shop.active)
        self.assertFalse(shop.partner_id.active)
        self.assertTrue(self.env.ref("base.main_company").active)
        Demo._generate("gesmip_network.demo.odoo_demo_cleanup.archive_odoo_contacts")
        self.assertFalse(foreign.active)
        self.assertTrue(donor.active)
        self.assertTrue(admin_partner.active)
        self.assertTrue(company_partner.active)
