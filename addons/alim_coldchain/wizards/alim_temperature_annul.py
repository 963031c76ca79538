from odoo import fields, models


class AlimTemperatureAnnul(models.TransientModel):
    _name = "alim.temperature.annul"
    _description = "Annul Temperature Readings"

    reading_ids = fields.Many2many("alim.temperature.reading", string="Readings", required=True)
    reason = fields.Text(required=True)

    def action_annul(self):
        self.ensure_one()
        self.reading_ids._action_annul(self.reason)
        return {"type": "ir.actions.act_window_close"}
