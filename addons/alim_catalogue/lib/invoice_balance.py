"""A grocery's balance with the platform, from its posted invoices and credit notes: what it
still owes, what of it is overdue (and on how many invoices), and what it paid of the year's
invoices; and an IBAN written as a person copies it.

Pure Python, no Odoo import: the model reads the rows as the grocery's portal user (its
record rules decide which invoices are there) and hands them here.
"""

from datetime import date
from typing import NamedTuple


class InvoiceRow(NamedTuple):
    """One posted invoice or credit note, amounts signed in the company's currency (a credit
    note's are negative), as Odoo's ``amount_total_signed`` and ``amount_residual_signed``."""

    is_refund: bool
    invoice_date: date | None
    due_date: date | None
    total: float
    residual: float


class Balance(NamedTuple):
    due: float
    overdue: float
    overdue_count: int
    paid_this_year: float
    year: int


def invoice_balance(rows, today, rounding=0.01):
    """The :class:`Balance` of ``rows`` on ``today``.

    - ``due``: every residual added up, credit notes not yet used taken off;
    - ``overdue``: the residual of the invoices whose due date is before ``today``, and how
      many they are (a credit note is never overdue);
    - ``paid_this_year``: what was settled of the invoices (less the credit notes) dated in
      ``today``'s year: total less residual.

    Amounts are rounded to ``rounding`` (the currency's) so that sums of cents stay exact.
    """
    places = max(0, len(f"{rounding:.10f}".rstrip("0").split(".")[1]))
    due = overdue = paid = 0.0
    overdue_count = 0
    for row in rows:
        due += row.residual
        if not row.is_refund and row.residual > 0 and row.due_date and row.due_date < today:
            overdue += row.residual
            overdue_count += 1
        if row.invoice_date and row.invoice_date.year == today.year:
            paid += row.total - row.residual
    return Balance(
        due=round(due, places) + 0.0,
        overdue=round(overdue, places) + 0.0,
        overdue_count=overdue_count,
        paid_this_year=round(paid, places) + 0.0,
        year=today.year,
    )


def is_iban(number):
    """Whether ``number`` (spaces and dashes allowed) is an IBAN: country letters, check
    digits, 11 to 30 letters or digits, and the ISO 13616 check (modulo 97 is 1)."""
    compact = "".join(char for char in (number or "") if char not in " -").upper()
    if not (15 <= len(compact) <= 34 and compact.isalnum() and compact.isascii()):
        return False
    if not (compact[:2].isalpha() and compact[2:4].isdigit()):
        return False
    return int("".join(str(int(char, 36)) for char in compact[4:] + compact[:4])) % 97 == 1


def format_iban(iban):
    """``iban`` in groups of four characters, capitals, as printed on a French RIB
    (``FR76 4255 9100 ...``); anything else than letters and digits left out."""
    compact = "".join(char for char in (iban or "") if char.isalnum()).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
