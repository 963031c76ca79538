"""18.0.1.1.0: dated food follows lots.

A product with a use-by or best-before date type is now lot-tracked with expiry dates (a new
product becomes so when it is given its date type). The products created before are given
the same tracking here, so that none of them moves without a lot.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    templates = (
        env["product.template"]
        .with_context(active_test=False)
        .search([("food_date_type", "in", ("dlc", "ddm"))])
    )
    templates._alim_track_dated()
