"""Demo data of GE AMES: a year of timesheets for the staff-loan agreements."""

from datetime import date, timedelta


def generate_year(env, agreement_ids, year, total_hours):
    """Weekday timesheets of the year for the agreements, adding up to ``total_hours``.

    Deterministic: the hours are shared evenly between the agreements, in whole hours per
    weekday, and the seven activities follow one another day after day.
    """
    agreements = env["ge.ames.agreement"].browse(agreement_ids)
    agreements.partner_id.write({"ge_member": True, "ge_member_since": date(year, 1, 1)})
    activities = env["ge.ames.activity"].search([("active", "=", True)])
    project = env["project.project"].create({"name": "GE AMES", "allow_timesheets": True})
    days = [
        date(year, 1, 1) + timedelta(days=n)
        for n in range(366)
        if (date(year, 1, 1) + timedelta(days=n)).year == year
    ]
    days = [d for d in days if d.isoweekday() <= 5]
    share, extra = divmod(total_hours, len(agreements))
    vals_list = []
    for index, agreement in enumerate(agreements):
        target = share + (1 if index < extra else 0)
        base, longer = divmod(target, len(days))
        for n, day in enumerate(days):
            vals_list.append(
                {
                    "name": activities[(n + index) % len(activities)].name,
                    "project_id": project.id,
                    "employee_id": agreement.employee_id.id,
                    "ge_member_id": agreement.partner_id.id,
                    "ge_activity_id": activities[(n + index) % len(activities)].id,
                    "date": day,
                    "unit_amount": base + (1 if n < longer else 0),
                }
            )
    return env["account.analytic.line"].create(vals_list)
