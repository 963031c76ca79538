from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _gesmip_member_grocery(self):
        """The member grocery this user acts for, or an empty partner.

        The one rule of "is this portal user a member grocery", used by every door meant for
        groceries (catalogue, orders, standing orders, group purchases, recalls, events): the
        user is in the grocery portal group and works for an organisation that is a member
        grocery of the network (a donor's or a supplier's portal user is not)."""
        self.ensure_one()
        grocery = self.sudo().commercial_partner_id
        if (
            self.has_group("gesmip_network.gesmip_network_group_grocery")
            and grocery.is_grocery
            and grocery.grocery_status != "left"
        ):
            return grocery.with_env(self.env)
        return self.env["res.partner"]
