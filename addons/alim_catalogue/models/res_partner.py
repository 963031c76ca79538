from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.gesmip_network.lib.declaration import previous_month

from ..lib.invoice_balance import InvoiceRow, invoice_balance

TIER_PRICELISTS = {
    "member": "alim_catalogue.pricelist_member",
    "partner": "alim_catalogue.pricelist_partner",
    "non_member": "alim_catalogue.pricelist_non_member",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Not a membership status (that is gesmip_network's grocery_status, the one field read
    # "Membership Status"): the prices a customer pays, whatever its membership.
    member_tier = fields.Selection(
        [("member", "Network Member"), ("partner", "Partner"), ("non_member", "Non-member")],
        string="Pricing Tier",
        help="Sets the customer's pricelist: the price a grocery sees in the portal is the price "
        "it is invoiced. Without a tier, the non-member prices apply.",
    )

    alim_starter_until = fields.Date(
        string="Starter Discount Until",
        compute="_compute_alim_starter_until",
        help="Until this date the grocery, newly opened, gets the starter discount on its orders.",
    )

    @api.depends("grocery_opening_date", "is_grocery")
    def _compute_alim_starter_until(self):
        company = self.env.company
        for partner in self:
            opening = partner.is_grocery and partner.grocery_opening_date
            partner.alim_starter_until = (
                opening + relativedelta(months=company.alim_starter_months)
                if opening and company.alim_starter_discount
                else False
            )

    def _alim_starter_discount(self, date):
        """Starter discount (%) this grocery gets on an order made on ``date``."""
        self.ensure_one()
        grocery = self.commercial_partner_id
        until = grocery.alim_starter_until
        if not until or not date:
            return 0.0
        day = fields.Date.to_date(date)
        if grocery.grocery_opening_date <= day < until:
            return self.env.company.alim_starter_discount
        return 0.0

    def _alim_unit_prices(self, products, date=None):
        """{product id: unit price} of ``products`` for this grocery: its tier pricelist's
        rule less its starter discount, the computation of its order lines
        (``sale.order.line._get_pricelist_price``), so a portal page shows what is invoiced."""
        self.ensure_one()
        grocery = self.sudo()
        pricelist = grocery.property_product_pricelist
        if not pricelist or not products:
            return {}
        prices = pricelist._compute_price_rule(products.sudo(), 1.0, date=date or False)
        starter = grocery._alim_starter_discount(date or fields.Date.context_today(grocery))
        return {pid: price * (1 - starter / 100) for pid, (price, _rule) in prices.items()}

    def _alim_invoice_balance(self):
        """The balance of this customer (a grocery) with the platform, read with the rights
        of the user who asks: for a portal user, the invoices its record rules let it read,
        and only those of this customer (another grocery's are never counted). A
        ``lib.invoice_balance.Balance``: due, overdue (amount and count), paid of the year's
        invoices, in the company's currency."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        year_start = today.replace(month=1, day=1)
        moves = self.env["account.move"].search_fetch(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                "|",
                ("amount_residual", "!=", 0),
                ("invoice_date", ">=", year_start),
            ],
            [
                "move_type",
                "invoice_date",
                "invoice_date_due",
                "amount_total_signed",
                "amount_residual_signed",
            ],
        )
        rows = [
            InvoiceRow(
                is_refund=move.move_type == "out_refund",
                invoice_date=move.invoice_date,
                due_date=move.invoice_date_due,
                total=move.amount_total_signed,
                residual=move.amount_residual_signed,
            )
            for move in moves
        ]
        return invoice_balance(rows, today, rounding=self.env.company.currency_id.rounding)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._alim_set_tier_pricelist(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._alim_set_tier_pricelist(vals)
        return super().write(vals)

    def _alim_set_tier_pricelist(self, vals):
        tier = vals.get("member_tier")
        if tier and "property_product_pricelist" not in vals:
            pricelist = self.env.ref(TIER_PRICELISTS[tier], raise_if_not_found=False)
            if pricelist:
                vals["property_product_pricelist"] = pricelist.id

    # --- ordering waits for last month's figures (company setting) -------------------------
    def _alim_waiting_for_declaration(self, company):
        """Those of these partners' organisations that may not order for ``company`` until
        they declare last month's figures (``res.company.alim_declaration_required``)."""
        if not company.sudo().alim_declaration_required:
            return self.browse()
        month = previous_month(fields.Date.context_today(self))
        return self.sudo()._gesmip_undeclared(month).with_env(self.env)

    def _alim_declaration_refusal(self, company):
        """Why the first of these groceries may not order for ``company``, or an empty text."""
        waiting = self._alim_waiting_for_declaration(company)[:1]
        if not waiting:
            return ""
        month = previous_month(fields.Date.context_today(self))
        return self.env._(
            "%(grocery)s must first declare its figures of %(month)s (households, people and "
            "distributions of the month, in the portal's “Monthly figures”) before it can order.",
            grocery=waiting.display_name,
            month=self.env["gesmip.grocery.declaration"]._month_label(month),
        )

    def _alim_check_declared(self, company):
        """Refuse an order of these groceries for ``company`` while last month's figures are
        owed and the company makes ordering wait for them."""
        refusal = self._alim_declaration_refusal(company)
        if refusal:
            raise UserError(refusal)
