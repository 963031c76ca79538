from werkzeug.exceptions import NotFound

from odoo import models

from ..controllers.door import MAX_ID


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _pre_dispatch(cls, rule, args):
        """A portal URL (/my/...) holding a number beyond PostgreSQL's int4 names no record:
        answer 404 before the number reaches SQL (where it would fail with a 500), for
        Odoo's own portal pages (/my/orders/<id>, /my/invoices/<id>...) as for ours."""
        if rule.rule.startswith("/my/") and any(
            isinstance(value, int) and not isinstance(value, bool) and value > MAX_ID
            for value in args.values()
        ):
            raise NotFound()
        return super()._pre_dispatch(rule, args)
