"""Demo: the platform's bank account (a French IBAN), and the invoices of the Mirail
grocery, one paid, one left to pay and one overdue, and one of Albi's left to pay, so that
/my shows a grocery's balance and an invoice its bank transfer details. Run through
gesmip.demo."""

from datetime import timedelta

from odoo import Command, fields


def bank_account(env):
    company = env.ref("base.main_company")
    bank = env["res.bank"].create(
        {"name": "Crédit Coopératif", "bic": "CCOPFRPPXXX", "country": env.ref("base.fr").id}
    )
    account = env["res.partner.bank"].create(
        {
            "acc_number": "FR76 4255 9100 0008 0012 3456 771",
            "acc_holder_name": company.name,
            "bank_id": bank.id,
            "partner_id": company.partner_id.id,
            "company_id": company.id,
            "allow_out_payment": True,
        }
    )
    journal = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "bank")], limit=1)
    if journal and not journal.bank_account_id:
        journal.bank_account_id = account
    _xmlid(env, "platform_bank_account", account)


def grocery_invoices(env):
    ref = env.ref
    today = fields.Date.context_today(env.user)
    flour, rice, pasta = (
        ref("alim_food.product_flour"),
        ref("alim_food.product_rice_1kg"),
        ref("alim_food.product_pasta"),
    )
    mirail, albi = ref("gesmip_network.grocery_mirail"), ref("gesmip_network.grocery_albi")
    specs = [
        # (name, grocery, invoiced days ago, due days after, lines)
        ("invoice_mirail_paid", mirail, 40, 30, [(flour, 60, 0.35), (rice, 40, 0.45)]),
        ("invoice_mirail_overdue", mirail, 45, 30, [(pasta, 50, 0.40), (flour, 30, 0.35)]),
        ("invoice_mirail_due", mirail, 6, 30, [(rice, 80, 0.45), (pasta, 24, 0.40)]),
        ("invoice_albi_due", albi, 6, 30, [(flour, 40, 0.35)]),
    ]
    journal = env["account.journal"].search(
        [("company_id", "=", ref("base.main_company").id), ("type", "=", "sale")], limit=1
    )
    invoices = {}
    for name, grocery, days_ago, due_after, lines in specs:
        invoice_date = today - timedelta(days=days_ago)
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": grocery.id,
                "journal_id": journal.id,
                "invoice_user_id": ref("base.user_admin").id,
                "invoice_date": invoice_date,
                "invoice_date_due": invoice_date + timedelta(days=due_after),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": product.id, "quantity": qty, "price_unit": price, "tax_ids": []}
                    )
                    for product, qty, price in lines
                ],
            }
        )
        invoice.action_post()
        _xmlid(env, name, invoice)
        invoices[name] = invoice
    paid = invoices["invoice_mirail_paid"]
    env["account.payment.register"].with_context(active_model="account.move", active_ids=paid.ids).create(
        {"payment_date": paid.invoice_date + timedelta(days=20)}
    )._create_payments()


def _xmlid(env, name, record):
    env["ir.model.data"].create(
        {
            "module": "alim_catalogue",
            "name": name,
            "model": record._name,
            "res_id": record.id,
            "noupdate": True,
        }
    )
