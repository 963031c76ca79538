from datetime import date

from alim_catalogue_lib.invoice_balance import Balance, InvoiceRow, format_iban, invoice_balance, is_iban
from hypothesis import given
from hypothesis import strategies as st

TODAY = date(2026, 12, 6)


def invoice(total, residual, invoice_date=date(2026, 11, 1), due_date=date(2026, 12, 1)):
    return InvoiceRow(False, invoice_date, due_date, total, residual)


def refund(total, residual, invoice_date=date(2026, 11, 15)):
    return InvoiceRow(True, invoice_date, invoice_date, -total, -residual)


def test_nothing():
    assert invoice_balance([], TODAY) == Balance(0.0, 0.0, 0, 0.0, 2026)


def test_paid_due_and_overdue():
    rows = [
        invoice(100.0, 0.0, date(2026, 3, 1), date(2026, 3, 31)),  # paid
        invoice(40.5, 40.5, date(2026, 12, 1), date(2026, 12, 31)),  # due, not yet overdue
        invoice(25.25, 25.25, date(2026, 10, 1), date(2026, 10, 31)),  # overdue
    ]
    assert invoice_balance(rows, TODAY) == Balance(65.75, 25.25, 1, 100.0, 2026)


def test_due_today_is_not_overdue():
    assert invoice_balance([invoice(10.0, 10.0, due_date=TODAY)], TODAY).overdue_count == 0


def test_partly_paid_overdue_counts_what_is_left():
    balance = invoice_balance([invoice(100.0, 30.0, date(2026, 9, 1), date(2026, 9, 30))], TODAY)
    assert balance == Balance(30.0, 30.0, 1, 70.0, 2026)


def test_credit_note_lowers_due_and_is_never_overdue():
    rows = [invoice(100.0, 100.0, date(2026, 9, 1), date(2026, 9, 30)), refund(20.0, 20.0, date(2026, 1, 1))]
    assert invoice_balance(rows, TODAY) == Balance(80.0, 100.0, 1, 0.0, 2026)


def test_reversed_invoice_is_not_paid():
    # an invoice cancelled by its credit note: nothing due, nothing paid
    rows = [invoice(100.0, 0.0), refund(100.0, 0.0)]
    assert invoice_balance(rows, TODAY) == Balance(0.0, 0.0, 0, 0.0, 2026)


def test_last_years_invoices_not_paid_this_year_but_still_due():
    rows = [
        invoice(50.0, 0.0, date(2025, 12, 20), date(2026, 1, 19)),
        invoice(60.0, 60.0, date(2025, 12, 28), date(2026, 1, 27)),
    ]
    assert invoice_balance(rows, TODAY) == Balance(60.0, 60.0, 1, 0.0, 2026)


@given(st.lists(st.integers(min_value=1, max_value=10**7), max_size=30))
def test_cents_add_up_exactly(cents):
    rows = [invoice(c / 100, c / 100, date(2026, 1, 1), date(2026, 1, 2)) for c in cents]
    balance = invoice_balance(rows, TODAY)
    assert balance.due == sum(cents) / 100
    assert balance.overdue == balance.due
    assert balance.overdue_count == len(cents)


def test_format_iban():
    assert format_iban("fr7642559100000800123456789") == "FR76 4255 9100 0008 0012 3456 789"
    assert format_iban(" FR76 4255-9100 ") == "FR76 4255 9100"
    assert format_iban(False) == ""


def test_is_iban():
    assert is_iban("FR76 4255 9100 0008 0012 3456 771")
    assert is_iban("fr7642559100000800123456771")
    assert is_iban("BE61 3101 2698 5517")
    assert not is_iban("FR76 4255 9100 0008 0012 3456 772")  # one digit wrong
    assert not is_iban("60-16-13 31926819")
    assert not is_iban("")
    assert not is_iban(False)
