"""The door of the pages meant for member groceries: the one rule of who is a member grocery
(``res.users._gesmip_member_grocery``) said once for every portal controller of the suite.
Anyone else (a donor's or a supplier's portal user, a grocery that left) gets a 404, as for
a page that does not exist."""

from werkzeug.exceptions import NotFound

from odoo.http import request

from odoo.addons.gesmip_base.controllers.door import record_or_404


def member_grocery_or_404():
    """The member grocery the current user acts for, else raise NotFound (a 404)."""
    grocery = request.env.user._gesmip_member_grocery()
    if not grocery:
        raise NotFound()
    return grocery


def member_model_or_404(model):
    """The model ``model`` for the current user's member grocery, if the user may read it,
    else raise NotFound (a 404): the door of a list page meant for member groceries."""
    member_grocery_or_404()
    Model = request.env[model]
    if not Model.has_access("read"):
        raise NotFound()
    return Model


def member_record_or_404(model, record_id, check=None):
    """The record ``record_id`` of ``model`` for the current user's member grocery, read as
    the user (see :func:`~odoo.addons.gesmip_base.controllers.door.record_or_404`), else a
    404; the user must act for a member grocery."""
    member_grocery_or_404()
    return record_or_404(model, record_id, check=check)


def member_count(model, domain):
    """How many records of ``model`` match ``domain`` for the portal home's counter: 0 for a
    user who is no member grocery or may not read the model."""
    Model = request.env[model]
    if not request.env.user._gesmip_member_grocery() or not Model.has_access("read"):
        return 0
    return Model.search_count(domain)
