from werkzeug.exceptions import NotFound

from odoo import models
from odoo.http import request

from ..controllers.door import MAX_ID

# The network's groceries are in Occitanie.
DEFAULT_TZ = "Europe/Paris"


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
        result = super()._pre_dispatch(rule, args)
        cls._gesmip_set_timezone()
        return result

    @classmethod
    def _gesmip_set_timezone(cls):
        """Pages rendered on the server (the portal) show times in the reader's time zone: its
        own, else its company's, else the network's (Europe/Paris), never UTC because a portal
        user was created without one."""
        if not request.env.uid or request.env.context.get("tz"):
            return
        user = request.env.user
        tz = user.tz or user.company_id.partner_id.tz or DEFAULT_TZ
        request.update_context(tz=tz)
