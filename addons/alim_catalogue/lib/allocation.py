"""Fair sharing of a scarce catalogue line among member groceries.

Pure Python, no Odoo import: the model method that calls it stays thin.

Rule (the one staff and groceries are told):

1. Every quantity is counted in whole packs (``pack_size`` units, 1 by default).
2. Each grocery's fair share is ``available * households / total households``,
   capped at what it asked for. What a capped grocery leaves is shared again among
   the others, in the same proportion, until nothing is left or everyone is served
   (water-filling).
3. Each grocery first gets the integer part (in packs) of its share; the packs left
   over go one by one to the largest fractional remainders.
4. Ties are broken by: more households first, then the smaller ``key`` (the grocery's
   id), so that the result never depends on the input order.
"""

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Request:
    """What one grocery asked for on one line."""

    key: int  # the grocery's id, used for the final tie-break
    asked: int  # units asked
    households: int  # households served by the grocery (weight)


def allocate(available, requests, pack_size=1):
    """Share ``available`` units among ``requests``.

    Returns a dict ``key -> allocated units`` with every key of ``requests``.
    Guarantees: sum <= available; each <= asked; each a multiple of ``pack_size``
    (unless the grocery asked for less than a pack, then 0 or what it asked when all
    can be served); deterministic whatever the order of ``requests``.
    """
    if pack_size < 1:
        raise ValueError("pack_size must be at least 1")
    reqs = [r for r in requests if r.asked > 0]
    result = {r.key: 0 for r in requests}
    if available <= 0 or not reqs:
        return result
    total_asked = sum(r.asked for r in reqs)
    if total_asked <= available:
        for r in reqs:
            result[r.key] = r.asked
        return result
    # Work in whole packs.
    packs = available // pack_size
    caps = {r.key: r.asked // pack_size for r in reqs}
    weights = {r.key: max(r.households, 1) for r in reqs}
    shares = _water_fill(packs, caps, weights)
    order = sorted(reqs, key=lambda r: (-weights[r.key], r.key))
    base = {r.key: int(shares[r.key]) for r in reqs}  # floor, shares are >= 0
    left = packs - sum(base.values())
    # Largest remainders, then more households, then smaller key.
    by_remainder = sorted(
        (r for r in order if base[r.key] < caps[r.key]),
        key=lambda r: (-(shares[r.key] - base[r.key]), -weights[r.key], r.key),
    )
    for r in by_remainder:
        if left <= 0:
            break
        base[r.key] += 1
        left -= 1
    for r in reqs:
        result[r.key] = base[r.key] * pack_size
    return result


def _water_fill(packs, caps, weights):
    """Exact proportional shares (Fractions) capped by ``caps``, redistributing the excess."""
    shares = {}
    open_keys = sorted(k for k in caps if caps[k] > 0)
    remaining = Fraction(packs)
    while open_keys and remaining > 0:
        total_w = sum(weights[k] for k in open_keys)
        capped = [k for k in open_keys if Fraction(caps[k]) <= remaining * weights[k] / total_w]
        if not capped:
            for k in open_keys:
                shares[k] = remaining * weights[k] / total_w
            remaining = Fraction(0)
            break
        for k in capped:
            shares[k] = Fraction(caps[k])
            remaining -= caps[k]
        open_keys = [k for k in open_keys if k not in set(capped)]
    for k in caps:
        shares.setdefault(k, Fraction(0))
    return shares


def allocate_lines(lines, pack_sizes=None):
    """Allocate many lines at once: ``lines`` maps line key -> (available, [Request]).

    Returns line key -> {grocery key -> units}.
    """
    pack_sizes = pack_sizes or {}
    return {
        key: allocate(available, requests, pack_sizes.get(key, 1))
        for key, (available, requests) in lines.items()
    }
