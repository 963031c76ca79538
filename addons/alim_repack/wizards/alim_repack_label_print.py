from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.label_sheet import DEFAULT_SHEET, SHEETS


class AlimRepackLabelPrint(models.TransientModel):
    """How many labels of a repack order to print and from which place of the sheet: the
    first print (every pack) and a reprint (a few labels, e.g. on a sheet already started)
    make the same labels, with the same mentions and the allergens in bold."""

    _name = "alim.repack.label.print"
    _description = "Print Pack Labels"

    order_id = fields.Many2one("alim.repack.order", required=True, readonly=True, ondelete="cascade")
    lot_id = fields.Many2one(related="order_id.output_lot_id", string="Pack lot")
    packs_made = fields.Integer(related="order_id.packs_made")
    label_sheet = fields.Selection(related="order_id.company_id.alim_label_sheet", string="Label sheet")
    label_count = fields.Integer(
        string="Labels",
        compute="_compute_label_count",
        store=True,
        readonly=False,
        precompute=True,
        help="One label per pack; fewer to replace labels lost or spoilt.",
    )
    first_position = fields.Integer(
        string="Start at label",
        default=1,
        help="The place on the first sheet where printing starts (1 is the top left label, "
        "then along the row): the labels of a sheet already started are not lost.",
    )
    per_sheet = fields.Integer(compute="_compute_per_sheet", string="Labels per sheet")

    @api.depends("order_id")
    def _compute_label_count(self):
        for wizard in self:
            wizard.label_count = wizard.order_id.packs_made

    @api.depends("label_sheet")
    def _compute_per_sheet(self):
        for wizard in self:
            wizard.per_sheet = SHEETS[wizard.label_sheet or DEFAULT_SHEET].per_sheet

    def _check_printable(self):
        self.ensure_one()
        self.order_id._check_labels_printable()
        if not 1 <= self.label_count <= max(self.packs_made, 1):
            raise UserError(
                self.env._(
                    "Print between 1 and %(packs)s labels: lot %(lot)s holds %(packs)s packs.",
                    packs=self.packs_made,
                    lot=self.lot_id.name,
                )
            )
        if not 1 <= self.first_position <= self.per_sheet:
            raise UserError(
                self.env._(
                    "The sheet has %(count)s labels: start at a label from 1 to %(count)s.",
                    count=self.per_sheet,
                )
            )

    def action_print(self):
        self._check_printable()
        action = self.env.ref("alim_repack.alim_repack_order_report_labels").report_action(
            self.order_id, data=self._report_data()
        )
        action["close_on_report_download"] = True
        return action

    def _report_data(self):
        return {
            "alim_order_ids": self.order_id.ids,
            "alim_label_count": self.label_count,
            "alim_first_slot": self.first_position - 1,
        }
