"""Needs study arithmetic: household interviews -> weekly needs -> supply plan cost.

Plain data in, plain data out, no Odoo import: the model methods of the needs study
only read the survey answers into :class:`Interview` tuples and write the results back.

Scaling rule: for each grocery concerned, the weekly quantity of a variety is the mean
weekly quantity of the households interviewed in that grocery multiplied by the number
of households it serves. A grocery without any interview takes the mean over all the
interviews of the study (so a grocery still in project is not counted as needing
nothing). A household that did not answer for a variety counts as zero for it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

SEASON_WEEKS = {"spring": 13, "summer": 13, "autumn": 13, "winter": 13}
# The months of each season (1 = January), as the plan counts them.
SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "winter": (12, 1, 2)}
ALL_MONTHS = frozenset(range(1, 13))


@dataclass(frozen=True)
class Interview:
    """One household interview: its grocery, its size, its weekly quantities.

    ``quantities`` maps ``(family, variety)`` to a weekly quantity (kg or units).
    """

    grocery: object
    household_size: int
    quantities: dict = field(default_factory=dict)


@dataclass(frozen=True)
class NeedLine:
    family: object
    variety: object
    interviews: int  # households interviewed that want this variety (quantity > 0)
    mean_per_household: float  # over all the interviews of the study, kg/week
    weekly_quantity: float  # scaled to the households served, kg/week


@dataclass(frozen=True)
class PlanLine:
    variety: object
    season: str
    quantity: float
    unit_price: float
    producer: object = None  # who could grow or supply it, when one is known

    @property
    def cost(self):
        return round(self.quantity * self.unit_price, 2)


def aggregate_weekly_needs(interviews, households_by_grocery):
    """Weekly needs per (family, variety), scaled to the households served.

    :param interviews: iterable of :class:`Interview`
    :param households_by_grocery: ``{grocery: households served}`` for the groceries
        concerned; interviews of other groceries still count in the overall mean.
    :return: list of :class:`NeedLine`, sorted by family then variety.
    """
    interviews = list(interviews)
    for interview in interviews:
        if interview.household_size < 1:
            raise ValueError(f"household size must be at least 1, got {interview.household_size}")
        for key, quantity in interview.quantities.items():
            if quantity < 0:
                raise ValueError(f"negative weekly quantity for {key}: {quantity}")
    for grocery, households in households_by_grocery.items():
        if households < 0:
            raise ValueError(f"negative number of households for {grocery}")
    if not interviews:
        return []
    keys = sorted({key for i in interviews for key in i.quantities}, key=lambda k: (str(k[0]), str(k[1])))
    by_grocery = defaultdict(list)
    for interview in interviews:
        by_grocery[interview.grocery].append(interview)
    lines = []
    for key in keys:
        total = sum(i.quantities.get(key, 0.0) for i in interviews)
        overall_mean = total / len(interviews)
        weekly = 0.0
        for grocery, households in households_by_grocery.items():
            answers = by_grocery.get(grocery)
            mean = (
                sum(i.quantities.get(key, 0.0) for i in answers) / len(answers) if answers else overall_mean
            )
            weekly += mean * households
        lines.append(
            NeedLine(
                family=key[0],
                variety=key[1],
                interviews=sum(1 for i in interviews if i.quantities.get(key, 0.0) > 0),
                mean_per_household=round(overall_mean, 3),
                weekly_quantity=round(weekly, 2),
            )
        )
    return lines


def plan_from_needs(needs, prices, season_weeks=None, months=None, producers=None):
    """Plan lines per variety and season: weekly need x the weeks of the season it is available.

    A variety is asked for only in the months it grows (or keeps) in France: a season of
    13 weeks counts the weekly need over 13 weeks when all three of its months are in the
    variety's months, two thirds of that for two of them, nothing (no line) for none.
    Tomatoes available from June to October thus give a summer line (13 weeks) and an
    autumn line (September and October: 8.67 weeks), none in winter or spring.

    :param needs: iterable of :class:`NeedLine`
    :param prices: ``{(variety, season): unit price}``, or ``{variety: unit price}``
        for a price that does not depend on the season; missing prices are 0.
    :param season_weeks: ``{season: weeks}``, the seasons planned (default: the four of 13 weeks)
    :param months: ``{variety: months available}`` (1 = January ... 12 = December); a
        variety missing from it is available all year (dry goods, eggs).
    :param producers: ``{variety: producer}``, who could grow or supply it; set on every
        line of the variety.
    """
    season_weeks = season_weeks or SEASON_WEEKS
    months = months or {}
    producers = producers or {}
    plan = []
    for need in needs:
        available = frozenset(months.get(need.variety, ALL_MONTHS))
        if not available <= ALL_MONTHS:
            raise ValueError(f"months are 1 to 12, got {sorted(available - ALL_MONTHS)} for {need.variety}")
        for season, weeks in season_weeks.items():
            season_months = SEASON_MONTHS[season]
            share = len(available.intersection(season_months)) / len(season_months)
            if not share:
                continue
            price = prices.get((need.variety, season), prices.get(need.variety, 0.0))
            plan.append(
                PlanLine(
                    need.variety,
                    season,
                    round(need.weekly_quantity * weeks * share, 2),
                    price,
                    producers.get(need.variety),
                )
            )
    return plan


def plan_cost(plan):
    """Total cost of a supply plan: sum of quantity x expected price."""
    return round(sum(line.cost for line in plan), 2)


def funding_gap(total_cost, households_payment, groceries_payment):
    """What is left to fund: cost minus what households and groceries pay (never negative)."""
    if total_cost < 0 or households_payment < 0 or groceries_payment < 0:
        raise ValueError("costs and payments cannot be negative")
    return round(max(0.0, total_cost - households_payment - groceries_payment), 2)
