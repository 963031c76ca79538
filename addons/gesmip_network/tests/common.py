from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class GesmipNetworkCommon(BaseCommon):
    """Two groceries side by side, each with a portal user, plus back-office users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env, login="test_coordinator", groups="gesmip_network.gesmip_network_group_coordinator"
        )
        cls.platform_user = new_test_user(
            cls.env,
            login="test_platform",
            groups="gesmip_network.gesmip_network_group_user,base.group_partner_manager",
        )
        Partner = cls.env["res.partner"]
        cls.department = cls.env.ref("gesmip_network.gesmip_department_31")
        cls.grocery_a = Partner.create(
            {
                "name": "Épicerie A",
                "is_company": True,
                "is_grocery": True,
                "grocery_status": "active",
                "households_count": 120,
                "department_id": cls.department.id,
            }
        )
        cls.grocery_b = Partner.create(
            {
                "name": "Épicerie B",
                "is_company": True,
                "is_grocery": True,
                "grocery_status": "active",
                "households_count": 40,
            }
        )
        cls.portal_a = cls._grocery_portal_user(cls.grocery_a, "test_portal_a")
        cls.portal_b = cls._grocery_portal_user(cls.grocery_b, "test_portal_b")

    @classmethod
    def _grocery_portal_user(cls, grocery, login):
        contact = cls.env["res.partner"].create({"name": login, "parent_id": grocery.id})
        return new_test_user(
            cls.env,
            login=login,
            groups="gesmip_network.gesmip_network_group_grocery",
            partner_id=contact.id,
        )
