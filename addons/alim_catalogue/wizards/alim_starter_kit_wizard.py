from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.starter_kit import scale_kit


class AlimStarterKitWizard(models.TransientModel):
    """Turn a starter kit into a new grocery's first order, scaled to its households."""

    _name = "alim.starter.kit.wizard"
    _description = "Starter Order for a New Grocery"

    partner_id = fields.Many2one(
        "res.partner", string="Grocery", required=True, domain="[('is_grocery', '=', True)]"
    )
    kit_id = fields.Many2one("alim.starter.kit", string="Starter Kit", required=True)
    households = fields.Integer(
        string="Expected Households",
        required=True,
        help="Households the grocery expects to serve; defaults to the households it serves.",
    )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.households:
            self.households = self.partner_id.households_count

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        partner = self.env["res.partner"].browse(values.get("partner_id"))
        if partner and "households" in fields_list and not values.get("households"):
            values["households"] = partner.households_count
        if "kit_id" in fields_list and not values.get("kit_id"):
            values["kit_id"] = self.env["alim.starter.kit"].search([], limit=1).id
        return values

    def action_create_order(self):
        self.ensure_one()
        grocery = self.partner_id.commercial_partner_id
        if self.households <= 0:
            raise UserError(self.env._("Give the number of households the grocery expects to serve."))
        if not self.kit_id.line_ids:
            raise UserError(self.env._("The starter kit %s has no products.", self.kit_id.name))
        confirmed = self.env["sale.order"].search_count(
            [("partner_id", "child_of", grocery.id), ("state", "=", "sale")], limit=1
        )
        if confirmed:
            raise UserError(
                self.env._(
                    "%s already has confirmed orders: a starter order is only for a new grocery.",
                    grocery.name,
                )
            )
        quantities = scale_kit(
            [(line.product_id.id, line.quantity) for line in self.kit_id.line_ids],
            self.kit_id.reference_households,
            self.households,
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": grocery.id,
                "origin": self.kit_id.name,
                "order_line": [
                    fields.Command.create({"product_id": product_id, "product_uom_qty": qty})
                    for product_id, qty in quantities.items()
                ],
            }
        )
        order.message_post(
            body=self.env._(
                "Starter order from the kit %(kit)s, scaled to %(households)s households.",
                kit=self.kit_id.name,
                households=self.households,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
        }
