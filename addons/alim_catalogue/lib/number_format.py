"""Numbers as a language writes them (decimal point, thousands separator, grouping), the way
Odoo's ``res.lang.format`` does, without going back to the language for each number.

A catalogue page writes four or five numbers per line; Odoo's own formatting looks up the
language and its settings for every one of them, which costs more than the rest of the line.
The page resolves the language once (:class:`NumberStyle`) and formats with these functions.

Pure Python, no Odoo import.
"""

from typing import NamedTuple

NO_BREAK_SPACE = "\N{NO-BREAK SPACE}"


class NumberStyle(NamedTuple):
    """A language's way of writing numbers: Odoo's ``res.lang`` decimal point, thousands
    separator and grouping (``[3, 0]``: groups of three, repeated)."""

    decimal_point: str = "."
    thousands_sep: str = ","
    grouping: tuple = (3, 0)


ENGLISH = NumberStyle()


def group_digits(digits, grouping, separator):
    """``digits`` (a string of digits) with ``separator`` between the groups that
    ``grouping`` counts from the right: a count of 0 repeats the previous one, -1 stops."""
    reversed_digits, groups, size = digits[::-1], [], len(digits)
    for count in grouping:
        if not reversed_digits or count == -1:
            break
        if count == 0:
            while reversed_digits:
                groups.append(reversed_digits[:size])
                reversed_digits = reversed_digits[size:]
            break
        groups.append(reversed_digits[:count])
        reversed_digits = reversed_digits[count:]
        size = count
    if reversed_digits:
        groups.append(reversed_digits)
    return separator.join(group[::-1] for group in reversed(groups))


def format_number(value, decimals, style=ENGLISH):
    """``value`` with ``decimals`` decimals, rounded half to even, grouped as ``style`` says."""
    text = f"{round(float(value), decimals):.{decimals}f}"
    sign = "-" if text.startswith("-") else ""
    integer, _dot, fraction = text.lstrip("-").partition(".")
    grouped = group_digits(integer, style.grouping, style.thousands_sep)
    return sign + grouped + (style.decimal_point + fraction if fraction else "")


def quantity_decimals(value, most=3):
    """How many decimals ``value`` needs, at most ``most`` (12 -> 0, 45.70 -> 1)."""
    text = f"{value:.{most}f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def format_quantity(value, style=ENGLISH, decimals=None):
    """A quantity with as many decimals as it has (at most 3) unless ``decimals`` is given."""
    return format_number(value, quantity_decimals(value) if decimals is None else decimals, style)


def format_amount(value, decimals, symbol, symbol_before, style=ENGLISH):
    """``(before, amount, after)`` of an amount as Odoo's monetary widget writes it: no-break
    spaces inside the number and around the symbol, a zero-width no-break space after a minus
    sign so that it stays with the number."""
    amount = format_number(value, decimals, style).replace(" ", NO_BREAK_SPACE)
    amount = amount.replace("-", "-\N{ZERO WIDTH NO-BREAK SPACE}")
    if symbol_before:
        return f"{symbol}{NO_BREAK_SPACE}", amount, ""
    return "", amount, f"{NO_BREAK_SPACE}{symbol}"
