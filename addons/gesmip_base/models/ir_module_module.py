from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        """After loading translations, give the background task's state its labels in every
        language on each model that inherits the mixin.

        Odoo stores a selection's labels per model. Those of ``job_state`` on the cycle, the
        billing run or the excursion detection come from gesmip_base's ``.po``, which Odoo
        loads when gesmip_network is installed, before those models exist, and never again:
        "Queued" stayed in English on the cycle's form. The mixin's own labels are translated,
        so they are copied where a language is missing (never over a translation made)."""
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        mixin = "gesmip.background.mixin"
        children = list(self.env.registry[mixin]._inherit_children) if mixin in self.env.registry else []
        if children:
            self.env.flush_all()
            # source.name || target.name: the target's own labels win over the mixin's
            self.env.cr.execute(
                """
                UPDATE ir_model_fields_selection AS target
                   SET name = source.name || target.name
                  FROM ir_model_fields_selection AS source,
                       ir_model_fields AS source_field,
                       ir_model_fields AS target_field
                 WHERE source_field.id = source.field_id
                   AND source_field.model = %s AND source_field.name = 'job_state'
                   AND target_field.id = target.field_id
                   AND target_field.model IN %s AND target_field.name = 'job_state'
                   AND target.value = source.value
                   AND target.name IS DISTINCT FROM source.name || target.name
                """,
                (mixin, tuple(children)),
            )
            if self.env.cr.rowcount:
                self.env["ir.model.fields.selection"].invalidate_model(["name"])
                self.env.registry.clear_cache()
        return result
