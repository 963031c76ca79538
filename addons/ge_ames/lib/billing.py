"""Hourly rate at cost, billing lines, time flags and yearly regularisation."""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    hourly_rate: float
    formula: str


def hourly_rate(gross_salary, charges, overhead_share, hours):
    """Rate per hour at cost = (gross salary + employer charges + overhead share) / hours.

    All amounts are for the same period (e.g. a year) and ``hours`` the hours paid over it.
    """
    if hours <= 0:
        raise ValueError("hours must be positive")
    if min(gross_salary, charges, overhead_share) < 0:
        raise ValueError("amounts cannot be negative")
    total = gross_salary + charges + overhead_share
    rate = round(total / hours, 2)
    formula = f"({gross_salary:.2f} + {charges:.2f} + {overhead_share:.2f}) / {hours:g} h = {rate:.2f} / h"
    return Rate(rate, formula)


def billing_lines(entries):
    """Group time entries into billing lines per member.

    ``entries``: iterable of (member, employee, activity, hours, rate).
    Returns {member: [(employee, activity, rate, hours, amount), ...]} sorted by
    employee then activity; one line per (employee, activity, rate).
    """
    grouped = defaultdict(float)
    for member, employee, activity, hours, rate in entries:
        grouped[(member, employee, activity, rate)] += hours
    result = defaultdict(list)
    for (member, employee, activity, rate), hours in sorted(grouped.items(), key=lambda kv: str(kv[0])):
        hours = round(hours, 2)
        result[member].append((employee, activity, rate, hours, round(hours * rate, 2)))
    return dict(result)


def time_flags(has_agreement, working_day, month_hours, planned_hours, tolerance_pct):
    """Flags of a time entry: (outside agreement, day off, over planned hours).

    ``month_hours`` is the employee's total for the member and month including the entry;
    it is over when above planned hours * (1 + tolerance %).
    """
    outside = not has_agreement
    day_off = bool(has_agreement and not working_day)
    over = bool(
        has_agreement
        and planned_hours > 0
        and month_hours > planned_hours * (1 + tolerance_pct / 100.0) + 1e-9
    )
    return outside, day_off, over


def regularisation(hours_by_member, actual_rate, billed_by_member):
    """Difference per member between the actual cost of the hours and what was billed.

    Positive: an adjustment invoice; negative: a credit note; zero differences dropped.
    """
    result = {}
    for member, hours in hours_by_member.items():
        diff = round(hours * actual_rate - billed_by_member.get(member, 0.0), 2)
        if diff:
            result[member] = diff
    return result


def outstanding_regularisation(due_by_member, regularised_by_member):
    """What is left to regularise per member, once earlier regularisations are counted.

    ``due_by_member``: actual cost of the billed hours minus what was billed for them (the
    sum of :func:`regularisation` over the employees); ``regularised_by_member``: what the
    regularisations of the same year already invoiced (credit notes negative, cancelled
    ones left out). Zero results are dropped, so a second run on the same figures proposes
    nothing, and a member regularised earlier whose hours were since credited gets the
    difference back.
    """
    result = {}
    for member in {*due_by_member, *regularised_by_member}:
        diff = round(due_by_member.get(member, 0.0) - regularised_by_member.get(member, 0.0), 2)
        if diff:
            result[member] = diff
    return result
