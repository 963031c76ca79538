"""No partner, lot, product or location is created by typing in a field of the suite's forms
(a typo in a grocery field offered 'Créer "..."' and made a junk partner), unless the
allowlist below says why a user expects it there.

Every form and list view of the suite's addons is read as Odoo combines it with its
inheriting views (``_get_combined_arch``, with the branding that says which view brought each
node); each many2one field to one of ``GUARDED`` (and each many2many typed into as tags) that
a suite view brought and a user can edit (in a form, or in an editable list) must carry
``options="{'no_create': True}"`` (or both ``no_quick_create`` and ``no_create_edit``)."""

import ast

from odoo.tests import TransactionCase, tagged

from .suite_addons import SUITE

GUARDED = ("res.partner", "stock.lot", "product.product", "product.template", "stock.location")

# "<view xml id>/<field>": why creating a record from this field is what its user expects.
# Even there, nothing is created from the typed text in one click: the field carries
# ``no_quick_create``, so "Créer et modifier..." opens the full form to fill in.
# Listed too in docs/conventions.md ("Creating records from a field").
ALLOWED = {
    "alim_donation.alim_donation_agreement_view_form/partner_id": "a new donor's first agreement: "
    "the donor is created from it, as a retailer company (the field's context)",
    "alim_donation.stock_picking_view_form_alim_dock/partner_id": "a donor or supplier never seen "
    "before arrives at the dock with goods: it is registered there, not turned away",
    "alim_rounds.fleet_vehicle_view_form_alim/driver_id": "a new volunteer driver is a new "
    "contact, created from the vehicle as Odoo's fleet form does",
    "gesmip_network_life.gesmip_call_project_view_form/funder_id": "a call for projects often "
    "comes from a funder the network has not worked with yet",
    "gesmip_network_life.gesmip_needs_study_view_form/farmer_id": "a needs study lists the local "
    "farmers met during the study, most of them new contacts",
    "gesmip_network_life.gesmip_needs_variety_view_list/producer_ids": "the same farmers, who "
    "could grow a variety, named while the study is made",
    "gesmip_network_life.gesmip_needs_study_view_form/partner_ids": "the NGOs and funders working "
    "on a study are often new to the network",
    "gesmip_network_life.gesmip_support_programme_view_form/partner_ids": "the organisations that "
    "build or fund a programme are often new to the network",
}

TRUE = {"1", "True", "true"}
VIEW_TAGS = ("form", "list", "kanban", "graph", "pivot", "calendar", "search", "activity")


def _options(node):
    raw = node.get("options")
    if not raw:
        return {}
    try:
        return ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        # an expression Python cannot read literally: look for the words
        return {key: True for key in ("no_create", "no_quick_create", "no_create_edit") if key in raw}


def creation_blocked(node):
    options = _options(node)
    return bool(options.get("no_create")) or bool(
        options.get("no_quick_create") and options.get("no_create_edit")
    )


@tagged("post_install", "-at_install")
class TestViewMany2oneCreate(TransactionCase):
    def _suite_views(self):
        data = self.env["ir.model.data"].search([("module", "in", SUITE), ("model", "=", "ir.ui.view")])
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        return views.filtered(lambda v: v.type in ("form", "list")), {
            d.res_id: f"{d.module}.{d.name}" for d in data
        }

    def _origin(self, node):
        """The id of the view that brought ``node`` into the combined arch."""
        while node is not None:
            if node.get("data-oe-id"):
                return int(node.get("data-oe-id"))
            node = node.getparent()
        return None

    def _editable_fields(self, arch, model):
        """(node, model) of each field a user may edit: in a form, or in an editable list."""

        def walk(element, model, editable):
            for child in element.iterchildren(tag="*"):
                if child.tag in VIEW_TAGS:
                    yield from walk(child, model, self._editable_view(child))
                elif child.tag == "field":
                    if editable:
                        yield child, model
                    field = self.env[model]._fields.get(child.get("name"))
                    if field is not None and field.relational and len(child):
                        yield from walk(child, field.comodel_name, editable)
                else:
                    yield from walk(child, model, editable)

        yield from walk(arch, model, self._editable_view(arch))

    @staticmethod
    def _editable_view(node):
        return node.tag == "form" or (node.tag == "list" and bool(node.get("editable")))

    def _offenders(self):
        views, xmlids = self._suite_views()
        roots = self.env["ir.ui.view"]
        for view in views:
            root = view
            while root.mode != "primary":
                root = root.inherit_id
            roots |= root
        found = {}
        for root in roots:
            arch = root.with_context(inherit_branding=True)._get_combined_arch()
            for node, model in self._editable_fields(arch, root.model):
                origin = self._origin(node)
                if origin not in views.ids:
                    continue  # a node of Odoo's own views
                field = self.env[model]._fields.get(node.get("name"))
                if field is None or field.comodel_name not in GUARDED:
                    continue
                # a many2one, or a many2many typed into as tags: both create from the text
                tags = field.type == "many2many" and (node.get("widget") or "").startswith("many2many_tags")
                if field.type != "many2one" and not tags:
                    continue
                if node.get("readonly") in TRUE or node.get("invisible") in TRUE:
                    continue
                if node.get("column_invisible") in TRUE:
                    continue
                if field.readonly and not node.get("readonly"):
                    continue  # read-only on the model, and the view does not open it
                if node.get("widget") in ("selection", "radio", "statusbar"):
                    continue
                if creation_blocked(node):
                    continue
                key = f"{xmlids[origin]}/{node.get('name')}"
                found[key] = (f"{model}.{field.name} -> {field.comodel_name}", _options(node))
        return found

    def test_no_record_created_by_typing_unless_allowed(self):
        found = self._offenders()
        offenders = {key: where for key, (where, _opts) in found.items() if key not in ALLOWED}
        self.assertFalse(
            offenders,
            "Many2one fields that create a record from what is typed (add "
            "options=\"{'no_create': True}\", or list them in ALLOWED with why):\n"
            + "\n".join(f"{key}: {where}" for key, where in sorted(offenders.items())),
        )
        stale = set(ALLOWED) - set(found)
        self.assertFalse(stale, f"ALLOWED lists fields that no longer offer creation: {sorted(stale)}")
        quick = sorted(key for key, (_where, options) in found.items() if not options.get("no_quick_create"))
        self.assertFalse(quick, f"Fields that create a record from the typed text in one click: {quick}")
