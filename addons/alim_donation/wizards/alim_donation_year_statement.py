from odoo import api, fields, models


class AlimDonationYearStatement(models.TransientModel):
    """The yearly figures: the receipts issued in a year (what the association declares under
    art. 222 bis CGI), and the goods each donor company gave in the year (for its own
    declarations), printed or opened as lists to export."""

    _name = "alim.donation.year.statement"
    _description = "Yearly Statement of Donations"

    kind = fields.Selection(
        [
            ("receipts", "Receipts issued in the year (art. 222 bis CGI)"),
            ("donor_goods", "Goods received from each donor company"),
        ],
        required=True,
        default="receipts",
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year - 1)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Donors",
        domain=[("donor_tax_status", "=", "business")],
        help="Leave empty for every donor company that gave in the year.",
    )

    @api.model
    def _year_bounds(self, year):
        return fields.Date.to_date(f"{year}-01-01"), fields.Date.to_date(f"{year}-12-31")

    # ------------------------------------------------------------------ receipts
    def _receipts_domain(self):
        self.ensure_one()
        start, end = self._year_bounds(self.year)
        return [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "issued"),
            ("date", ">=", start),
            ("date", "<=", end),
        ]

    def _receipt_figures(self):
        """Per model and in all: number of receipts issued in the year and their total."""
        self.ensure_one()
        groups = self.env["alim.donation.receipt"]._read_group(
            self._receipts_domain(), ["donor_form"], ["__count", "amount_total:sum"]
        )
        labels = dict(
            self.env["alim.donation.receipt"]._fields["donor_form"]._description_selection(self.env)
        )
        rows = [
            {"form": labels.get(form, form), "count": count, "amount": amount}
            for form, count, amount in sorted(groups, key=lambda g: g[0] or "")
        ]
        total = {
            "count": sum(row["count"] for row in rows),
            "amount": sum(row["amount"] for row in rows),
        }
        return rows, total

    # ------------------------------------------------------------------ goods per donor
    def _goods_domain(self, donors=None):
        self.ensure_one()
        start, _end = self._year_bounds(self.year)
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("picking_id.alim_is_donation", "=", True),
            ("picking_id.date_done", ">=", fields.Datetime.to_datetime(start)),
            ("picking_id.date_done", "<", fields.Datetime.to_datetime(f"{self.year + 1}-01-01")),
            ("alim_donor_id.donor_tax_status", "=", "business"),
        ]
        donors = donors if donors is not None else self.partner_ids
        if donors:
            domain.append(("alim_donor_id", "in", donors.commercial_partner_id.ids))
        return domain

    def _goods_by_donor(self):
        """[(donor, moves)] for the statement, donors by name, moves by date."""
        self.ensure_one()
        moves = self.env["stock.move"].search(self._goods_domain(), order="date, id")
        return [
            (donor, moves.filtered(lambda m, d=donor: m.alim_donor_id == d))
            for donor in moves.alim_donor_id.sorted("name")
        ]

    def _report_lang(self):
        return self.env["alim.donation.receipt"]._receipt_lang()

    # ------------------------------------------------------------------ actions
    def action_print(self):
        self.ensure_one()
        report = (
            "alim_donation.alim_donation_year_statement_receipts_report"
            if self.kind == "receipts"
            else "alim_donation.alim_donation_year_statement_goods_report"
        )
        return self.env.ref(report).report_action(self)

    def action_open_lines(self):
        """The same figures as a list, to export (csv or xlsx) or regroup."""
        self.ensure_one()
        if self.kind == "receipts":
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "alim_donation.alim_donation_receipt_action_statement"
            )
            action["domain"] = self._receipts_domain()
        else:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "alim_donation.stock_move_action_alim_donor_goods"
            )
            action["domain"] = self._goods_domain()
        action["name"] = self.env._(
            "%(what)s, %(year)s",
            what=dict(self._fields["kind"]._description_selection(self.env))[self.kind],
            year=self.year,
        )
        return action
