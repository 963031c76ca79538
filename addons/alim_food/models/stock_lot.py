from odoo import api, models
from odoo.osv import expression


class StockLot(models.Model):
    _inherit = "stock.lot"

    @api.model
    def _alim_blocked_domain(self):
        """Lots that must be neither offered, reserved nor delivered. Hook: alim_coldchain adds
        the lots on hold, so that the catalogue leaves them out without knowing why."""
        return expression.FALSE_DOMAIN

    def _alim_derived_lots(self):
        """Lots made directly from these lots. Hook: alim_repack adds the packs made from a
        bulk lot, so that a recall (alim_coldchain) follows them without depending on it."""
        return self.browse()

    def _alim_source_lots(self):
        """The lots each of these lots was made from (empty for goods received as they are).
        Hook: alim_repack returns the bulk lots a pack was repacked from."""
        return {lot.id: self.browse() for lot in self}

    def _alim_given_free(self):
        """Those of these lots that reach groceries free of charge: their delivered quantities
        are invoiced at 0. Hook: alim_donation returns the public programmes' lots (FSE+,
        national programmes) and the packs made only from them."""
        return self.browse()

    def _alim_platform_packs(self):
        """Those of these lots the platform made itself (it is then the operator who put
        them on the market, and declares their recall). Hook: alim_repack returns its packs."""
        return self.browse()

    def _alim_trace_downstream(self):
        """These lots and every lot made from them, transitively."""
        lots = frontier = self
        while frontier:
            frontier = frontier._alim_derived_lots() - lots
            lots |= frontier
        return lots

    def _alim_delivered_move_lines(self):
        """Done move lines that took these lots, or lots made from them, to a customer."""
        return self.env["stock.move.line"].search(
            [
                ("lot_id", "in", self._alim_trace_downstream().ids),
                ("state", "=", "done"),
                ("location_dest_id.usage", "=", "customer"),
            ]
        )
