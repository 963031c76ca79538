from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import get_lang

from ..lib.amount_words import euros_in_words

# The models in force (checked 2026-12, see readme): the form printed on a new receipt.
CERFA_VERSIONS = {"cerfa_16216": "16216*02", "cerfa_11580": "11580*05"}

# Fields that may still change on an issued or cancelled receipt (workflow and chatter); its
# number and date are written with the issue, while it is a draft, and never again.
MUTABLE_FIELDS = {
    "state",
    "replaced_by_id",
    "access_token",
    "message_main_attachment_id",
    "message_follower_ids",
    "message_ids",
    "activity_ids",
}


class AlimDonationReceipt(models.Model):
    """A tax receipt for goods given to the association (Cerfa 16216 / 11580)."""

    _name = "alim.donation.receipt"
    _description = "Donation Receipt"
    _inherit = ["gesmip.state.machine.mixin", "portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _state_transitions = {
        "issue": (("draft",), "issued"),
        "cancel": (("draft", "issued"), "cancelled"),
        "replace": (("cancelled",), None),
    }
    _state_transition_depends = ("line_ids", "replaced_by_id")

    name = fields.Char(string="Number", readonly=True, copy=False, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Donor",
        required=True,
        index=True,
        tracking=True,
        domain=[("donor_kind", "!=", False)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    grouping = fields.Selection(
        [("per_donation", "Per donation"), ("yearly", "Yearly")], required=True, default="per_donation"
    )
    year = fields.Integer(help="The year of the donations on a yearly receipt.")
    date = fields.Date(string="Issue Date", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    picking_ids = fields.Many2many(
        "stock.picking",
        "alim_donation_receipt_picking_rel",
        "receipt_id",
        "picking_id",
        string="Receptions",
        domain="[('alim_is_donation', '=', True), ('state', '=', 'done'), "
        "('partner_id', 'child_of', partner_id)]",
        copy=True,
    )
    line_ids = fields.One2many("alim.donation.receipt.line", "receipt_id", string="Goods", copy=True)
    weight_kg = fields.Float(
        string="Total Weight (kg)", digits=(12, 3), compute="_compute_totals", store=True
    )
    amount_total = fields.Monetary(string="Total Declared Value", compute="_compute_totals", store=True)
    donor_form = fields.Selection(
        [("cerfa_16216", "Cerfa 16216 (companies)"), ("cerfa_11580", "Cerfa 11580 (individuals)")],
        string="Receipt Model",
        compute="_compute_donor_form",
        store=True,
        help="Follows the donor's tax status while the receipt is a draft; kept as issued.",
    )
    cerfa_version = fields.Char(
        string="Model Version",
        readonly=True,
        copy=False,
        help="The version of the official model the receipt was issued on.",
    )
    gift_date_from = fields.Date(string="Gifts From", compute="_compute_gift_period")
    gift_date_to = fields.Date(string="Gifts To", compute="_compute_gift_period")
    gift_nature = fields.Selection(
        [("in_kind", "Gift in kind")],
        string="Nature of the Gift",
        required=True,
        default="in_kind",
        help="The goods given: food and other goods from the donor's stock.",
    )
    gift_form = fields.Selection(
        [
            ("manual", "Declaration of manual gift"),
            ("private_deed", "Private deed"),
            ("notarial_deed", "Notarial deed"),
            ("other", "Other"),
        ],
        string="Form of the Gift",
        required=True,
        default="manual",
    )
    valuation_basis = fields.Selection(
        [
            ("cost_price", "Cost price, given by the donor"),
            ("stock_value", "Stock value, given by the donor"),
            ("market_value", "Market value, given by the donor"),
        ],
        help="How the donor valued the goods, under its own responsibility: a business at cost "
        "price (art. 238 bis 1 CGI), a private person at market value.",
    )
    valuation_document = fields.Binary(string="Donor's Valuation Document", attachment=True, copy=True)
    valuation_document_name = fields.Char(copy=True)
    amount_total_words = fields.Char(string="Amount in Words", compute="_compute_amount_total_words")
    signatory_name = fields.Char(readonly=True, copy=False)
    signatory_role = fields.Char(readonly=True, copy=False)
    replaces_id = fields.Many2one("alim.donation.receipt", readonly=True, copy=False)
    replaced_by_id = fields.Many2one("alim.donation.receipt", readonly=True, copy=False)
    is_action_issue_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_cancel_allowed = fields.Boolean(compute="_compute_is_action_allowed")
    is_action_replace_allowed = fields.Boolean(compute="_compute_is_action_allowed")

    _sql_constraints = [
        ("name_company_uniq", "UNIQUE(name, company_id)", "A donation receipt number is used only once."),
    ]

    @api.depends("line_ids.weight_kg", "line_ids.value")
    def _compute_totals(self):
        for receipt in self:
            receipt.weight_kg = sum(receipt.line_ids.mapped("weight_kg"))
            receipt.amount_total = sum(receipt.line_ids.mapped("value"))

    @api.depends(
        "partner_id.commercial_partner_id.donor_tax_status", "partner_id.is_company", "cerfa_version"
    )
    def _compute_donor_form(self):
        for receipt in self:
            if receipt.cerfa_version:
                # Issued: the model it was issued on, whatever the donor became since.
                receipt.donor_form = "cerfa_11580" if "11580" in receipt.cerfa_version else "cerfa_16216"
                continue
            status = receipt.partner_id.commercial_partner_id._alim_donor_tax_status()
            receipt.donor_form = "cerfa_11580" if status == "individual" else "cerfa_16216"

    @api.model_create_multi
    def create(self, vals_list):
        """A new receipt takes the usual valuation basis of its donor (a plain field, so that an
        issued receipt keeps the one it was issued with whatever the donor becomes)."""
        for vals in vals_list:
            if not vals.get("valuation_basis") and vals.get("partner_id"):
                donor = self.env["res.partner"].browse(vals["partner_id"]).commercial_partner_id
                individual = donor._alim_donor_tax_status() == "individual"
                vals["valuation_basis"] = "market_value" if individual else "cost_price"
        return super().create(vals_list)

    @api.depends("line_ids.date")
    def _compute_gift_period(self):
        for receipt in self:
            dates = [fields.Date.to_date(d) for d in receipt.line_ids.mapped("date") if d]
            receipt.gift_date_from = min(dates) if dates else False
            receipt.gift_date_to = max(dates) if dates else False

    @api.depends("amount_total", "currency_id")
    def _compute_amount_total_words(self):
        """French words of our own for euros (Odoo's say "zéro euros" and "cents"), Odoo's
        for another currency or language."""
        lang = self._receipt_lang()
        for receipt in self:
            currency = receipt.currency_id.with_context(lang=lang)
            if lang.startswith("fr") and currency.name == "EUR":
                receipt.amount_total_words = euros_in_words(receipt.amount_total)
            else:
                receipt.amount_total_words = (
                    currency.amount_to_text(receipt.amount_total).lower() if currency else ""
                )

    def _receipt_lang(self):
        """Receipts are French tax documents: French when it is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        return "fr_FR" if "fr_FR" in installed else get_lang(self.env).code

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for receipt in self:
            receipt.access_url = f"/my/donation-receipts/{receipt.id}"
        return res

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for receipt in self:
            number = receipt.name or self.env._("Draft")
            receipt.display_name = f"{number} - {receipt.partner_id.name or ''}"

    # ------------------------------------------------------------------ integrity
    @api.constrains("picking_ids", "state", "partner_id")
    def _check_pickings(self):
        for receipt in self.filtered(lambda r: r.state != "cancelled"):
            donor = receipt.partner_id.commercial_partner_id
            for picking in receipt.picking_ids:
                if picking.state != "done" or not picking.alim_is_donation:
                    raise ValidationError(
                        self.env._(
                            "%(picking)s is not a validated donation: it cannot go on a receipt.",
                            picking=picking.display_name,
                        )
                    )
                if picking.partner_id.commercial_partner_id != donor:
                    raise ValidationError(
                        self.env._(
                            "%(picking)s was given by another donor than %(donor)s.",
                            picking=picking.display_name,
                            donor=donor.display_name,
                        )
                    )
                others = (picking.alim_donation_receipt_ids - receipt).filtered(
                    lambda r: r.state != "cancelled"
                )
                if others:
                    raise ValidationError(
                        self.env._(
                            "%(picking)s is already on the receipt %(receipt)s.",
                            picking=picking.display_name,
                            receipt=others[0].display_name,
                        )
                    )

    def write(self, vals):
        self.check_access("write")
        locked = self.filtered(lambda r: r.state != "draft")
        # for everyone, the superuser included: the only move of an issued receipt's state is
        # its cancellation (a correction is a cancellation and a new receipt)
        if locked and (
            set(vals) - MUTABLE_FIELDS
            or ("state" in vals and (vals["state"] != "cancelled" or "cancelled" in locked.mapped("state")))
        ):
            raise UserError(self.env._("An issued or cancelled donation receipt cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(receipt.state != "draft" for receipt in self):
            raise UserError(self.env._("An issued or cancelled donation receipt cannot be deleted."))

    # ------------------------------------------------------------------ building
    @api.model
    def _prepare_line_vals(self, move):
        lots = move.move_line_ids.lot_id
        return {
            "picking_id": move.picking_id.id,
            "move_id": move.id,
            "product_id": move.product_id.id,
            "name": move.product_id.display_name,
            "food_category_id": move.product_id.food_category_id.id,
            "quantity": move.quantity,
            "uom_id": move.product_uom.id,
            "weight_kg": move.alim_weight_kg,
            "value": move.alim_declared_value,
            "lot_names": ", ".join(lots.mapped("name")),
        }

    def action_compute_lines(self):
        """(Re)build the goods from the receptions; drafts only."""
        for receipt in self:
            if receipt.state != "draft":
                raise UserError(self.env._("Only a draft receipt can be rebuilt from its receptions."))
            moves = receipt.picking_ids.move_ids.filtered(lambda m: m.state == "done")
            receipt.line_ids = [fields.Command.clear()] + [
                fields.Command.create(self._prepare_line_vals(move)) for move in moves
            ]
        return True

    @api.model
    def _create_for_pickings(self, partner, pickings, grouping="per_donation", year=False):
        if partner.commercial_partner_id._alim_donor_tax_status() == "no_receipt":
            raise UserError(
                self.env._(
                    "%(donor)s is a public programme or a partner platform: its goods get no "
                    "donation receipt.",
                    donor=partner.commercial_partner_id.display_name,
                )
            )
        receipt = self.create(
            {
                "partner_id": partner.id,
                "picking_ids": [fields.Command.set(pickings.ids)],
                "grouping": grouping,
                "year": year or (pickings[:1].date_done.year if pickings else False),
            }
        )
        receipt.action_compute_lines()
        return receipt

    @api.model
    def _pickings_to_receipt(self, partner, year):
        """The donor's validated donations of that year that are not on a valid receipt yet."""
        pickings = self.env["stock.picking"].search(
            [
                ("partner_id", "child_of", partner.commercial_partner_id.id),
                ("alim_is_donation", "=", True),
                ("state", "=", "done"),
                ("date_done", ">=", fields.Datetime.to_datetime(f"{year}-01-01")),
                ("date_done", "<", fields.Datetime.to_datetime(f"{year + 1}-01-01")),
            ],
            order="date_done, id",
        )
        return pickings.filtered(lambda p: not p.alim_donation_receipt_id)

    @api.model
    def create_yearly(self, partner, year):
        """One receipt grouping all of the donor's donations of the year not receipted yet."""
        pickings = self._pickings_to_receipt(partner, year)
        if not pickings:
            raise UserError(
                self.env._(
                    "%(donor)s has no validated donation in %(year)s that is not on a receipt yet.",
                    donor=partner.display_name,
                    year=year,
                )
            )
        return self._create_for_pickings(partner.commercial_partner_id, pickings, "yearly", year)

    # ------------------------------------------------------------------ state machine
    def _action_refusal(self, action):
        refusal = super()._action_refusal(action)
        if refusal:
            return refusal
        if action == "issue" and not self.line_ids:
            return self.env._(
                "Only a draft receipt with goods can be issued (%(receipt)s).", receipt=self.display_name
            )
        if action == "replace" and self.replaced_by_id:
            return self.env._(
                "Only a cancelled receipt not yet replaced can be replaced (%(receipt)s).",
                receipt=self.display_name,
            )
        return ""

    def _next_number(self, date):
        """The next number of the year, from a no-gap sequence. The sequence row is updated
        first so that a second transaction issuing at the same time waits, then fails on a
        serialization error and is retried by Odoo on fresh data: no gap, no duplicate, even
        for the first receipt of a new year (when the year's range is created)."""
        sequence = self.env.ref("alim_donation.seq_alim_donation_receipt").sudo()
        self.env.cr.execute("UPDATE ir_sequence SET number_next = number_next WHERE id = %s", [sequence.id])
        return sequence.next_by_id(sequence_date=date)

    def _issue_missing(self):
        """What the receipt still lacks to follow its official model, one phrase each."""
        self.ensure_one()
        missing = []
        company = self.company_id
        if not (company.alim_beneficiary_siren or company.alim_beneficiary_rna):
            missing.append(self.env._("the beneficiary's SIREN or RNA number (company settings)"))
        if not (company.street and company.zip and company.city):
            missing.append(self.env._("the beneficiary's address (company settings)"))
        if not company.alim_beneficiary_object:
            missing.append(self.env._("the beneficiary's object (company settings)"))
        if not company.alim_beneficiary_category:
            missing.append(self.env._("the beneficiary's category of organisation (company settings)"))
        if not (company.alim_receipt_signatory_name and company.alim_receipt_signatory_role):
            missing.append(self.env._("the signatory's name and role (company settings)"))
        donor = self.partner_id.commercial_partner_id
        if not (donor.street and donor.zip and donor.city):
            missing.append(self.env._("the donor's address"))
        if self.donor_form == "cerfa_16216":
            if not donor.donor_legal_form:
                missing.append(self.env._("the donor company's legal form"))
            if not donor._alim_siren():
                missing.append(self.env._("the donor company's SIREN (9 digits, or the 14 of a SIRET)"))
        if not self.valuation_basis:
            missing.append(self.env._("the valuation basis"))
        unvalued = self.line_ids.filtered(lambda line: line.value <= 0)
        if unvalued:
            missing.append(
                self.env._(
                    "a valuation above 0 for %(goods)s",
                    goods=", ".join(unvalued.mapped("name")),
                )
            )
        return missing

    def _check_can_issue(self):
        for receipt in self:
            donor = receipt.partner_id.commercial_partner_id
            if donor._alim_donor_tax_status() == "no_receipt":
                raise UserError(
                    self.env._(
                        "%(donor)s is a public programme or a partner platform: its goods get no "
                        "donation receipt.",
                        donor=donor.display_name,
                    )
                )
            programme = receipt.line_ids.filtered(
                lambda line: any(line.move_id.move_line_ids.lot_id.mapped("alim_public_programme"))
            )
            if programme:
                raise UserError(
                    self.env._(
                        "Goods of a public programme never go on a donation receipt: %(goods)s.",
                        goods=", ".join(programme.mapped("name")),
                    )
                )
            missing = receipt._issue_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "The receipt for %(donor)s cannot be issued yet. Missing: %(missing)s.",
                        donor=donor.display_name,
                        missing="; ".join(missing),
                    )
                )

    def action_issue(self):
        self._check_is_action_allowed("issue")
        self._check_pickings()
        self._check_can_issue()
        for receipt in self.sorted("id"):
            date = fields.Date.context_today(receipt)
            company = receipt.company_id
            receipt._transition(
                "issue",
                date=date,
                name=receipt._next_number(date),
                cerfa_version=CERFA_VERSIONS[receipt.donor_form],
                signatory_name=company.alim_receipt_signatory_name,
                signatory_role=company.alim_receipt_signatory_role,
            )
        # the donor's link now, so that the portal pages listing receipts never write it
        # (they are served read-only, from a replica where there is one)
        for receipt in self:
            receipt._portal_ensure_token()
        return True

    def action_cancel(self):
        return self._transition("cancel")

    def action_replace(self):
        """A new draft receipt with the same receptions and goods; both are kept."""
        self._check_is_action_allowed("replace")
        new = self.env["alim.donation.receipt"]
        for receipt in self:
            replacement = receipt.copy({"replaces_id": receipt.id})
            receipt.replaced_by_id = replacement
            new |= replacement
        if len(new) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": new.id,
                "view_mode": "form",
            }
        return True

    def action_send_email(self):
        self.ensure_one()
        template = self.env.ref("alim_donation.mail_template_alim_donation_receipt")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "force_email": True,
            },
        }

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Donation receipt %(number)s", number=self.name)
