"""Demo monthly figures: the last three months declared by the groceries taking part, a few
of them late with last month's (Épicerie sociale d'Albi among them, so that its portal user
sees the banner of /my), their figures near the households on their form."""

from dateutil.relativedelta import relativedelta

from odoo import fields

from ..lib.declaration import previous_month

LATE = ("gesmip_network.grocery_albi",)
ON_TIME = ("gesmip_network.grocery_mirail",)
# one grocery in eight is late too, chosen by its id so the demo is the same at every build
LATE_EVERY = 8


def declare_last_months(env, months=3):
    Partner = env["res.partner"]
    Declaration = env["gesmip.grocery.declaration"]
    month = previous_month(fields.Date.context_today(Declaration))
    periods = [month]
    for _index in range(months - 1):
        periods.append(previous_month(periods[-1]))
    late = Partner.browse([env.ref(xmlid).id for xmlid in LATE])
    on_time = Partner.browse([env.ref(xmlid).id for xmlid in ON_TIME])
    groceries = Partner.search([*Partner._gesmip_taking_part_domain(), ("is_company", "=", True)])
    vals_list = []
    for grocery in groceries:
        is_late = grocery in late or (grocery.id % LATE_EVERY == 0 and grocery not in on_time)
        for age, period in enumerate(periods):
            if (age == 0 and is_late) or (
                grocery.grocery_opening_date and grocery.grocery_opening_date > period
            ):
                continue
            # a little more or less each month, as real figures go
            swing = ((grocery.id * 7 + age * 3) % 11 - 5) / 100
            households = max(round(grocery.households_count * (1 + swing)), 1)
            people = max(round((grocery.people_count or households * 2.4) * (1 + swing)), households)
            vals_list.append(
                {
                    "grocery_id": grocery.id,
                    "month": period,
                    "households_count": households,
                    "people_count": people,
                    "distribution_days": 8 + (grocery.id + age) % 6,
                    "kg_distributed": round(households * 14.5, 1) if grocery.id % 3 else 0.0,
                    "state": "declared",
                    # declared in the first days of the next month
                    "declared_on": fields.Datetime.to_datetime(
                        period + relativedelta(months=1, days=grocery.id % 5)
                    ),
                }
            )
    Declaration.create(vals_list)
