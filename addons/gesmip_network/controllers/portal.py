from odoo import http
from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import pop_flash, submit
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..lib.declaration import FigureError, read_month
from .grocery_door import member_grocery_or_404, member_model_or_404, member_record_or_404

MODEL = "gesmip.grocery.declaration"
FIELDS = ("households_count", "people_count", "distribution_days", "kg_distributed")


class GesmipDeclarationPortal(CustomerPortal):
    """The monthly figures of the user's grocery, under /my/declarations: the form of the
    month to declare and the months declared. Read with the portal user's own rights (the
    record rule gives its grocery's only); the declaration is the model's
    (``gesmip.grocery.declaration._portal_declare``)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:  # the home page itself, not its counters
            values.update(self._prepare_declaration_home_values())
        return values

    def _prepare_declaration_home_values(self):
        """The tile and, while last month is not declared, the banner of /my."""
        grocery = request.env.user._gesmip_member_grocery()
        if not grocery or not request.env[MODEL].has_access("read"):
            return {}
        Declaration = request.env[MODEL]
        month = Declaration._portal_month_to_declare(grocery)
        return {
            "declaration_tile": True,
            "declaration_late_month": Declaration._month_label(month) if month else False,
        }

    @http.route(["/my/declarations"], type="http", auth="user", website=True, readonly=True)
    def portal_my_declarations(self, **_kwargs):
        member_model_or_404(MODEL)
        values = self._prepare_declarations_values()
        values.update(pop_flash())
        return request.render("gesmip_network.portal_my_declarations", values)

    def _prepare_declarations_values(self, post=None, month=None):
        """The page's values: the month to declare (the month just ended, or ``month``, a
        draft of the grocery), what the user typed (``post``, kept after a refusal) and the
        months declared."""
        grocery = member_grocery_or_404()
        Declaration = request.env[MODEL]
        month = month or Declaration._portal_month_to_declare(grocery)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "grocery": grocery,
                "declarations": Declaration.search([], limit=24),
                "form_month": month,
                "form_month_value": month.strftime("%Y-%m") if month else "",
                "form_month_label": Declaration._month_label(month) if month else "",
                "post": post or {},
                "month_label": Declaration._month_label,
                "page_name": "gesmip_declarations",
            }
        )
        return values

    @http.route(
        ["/my/declarations/<int:declaration_id>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_declaration(self, declaration_id, **_kwargs):
        declaration = member_record_or_404(MODEL, declaration_id)
        month = declaration.month if declaration.state == "draft" else None
        values = self._prepare_declarations_values(month=month)
        values.update({"declaration": declaration, **pop_flash()})
        return request.render("gesmip_network.portal_my_declarations", values)

    @http.route(["/my/declarations/declare"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_declarations_declare(self, **post):
        """The grocery declares a month: written whole, or refused with a 400 and the message,
        the values typed kept in the form (nothing written)."""
        Declaration = member_model_or_404(MODEL)
        typed = {key: post.get(key, "") for key in ("month", *FIELDS)}

        def refused(error):
            month = None
            if post.get("month"):  # the month the form was for, kept with the values typed
                try:
                    month = read_month(post["month"])
                except FigureError:
                    month = None
            values = self._prepare_declarations_values(post=typed, month=month)
            values["error"] = error.args[0]
            return request.render("gesmip_network.portal_my_declarations", values, status=400)

        return submit(
            lambda: Declaration._portal_declare(typed),
            lambda declaration: request.env._(
                "Your figures of %(month)s are declared. Thank you.", month=declaration._month_label()
            ),
            "/my/declarations",
            refused=refused,
        )
