"""The temperature at reception moves from the reception to each of its lines (alim_food's
``stock.move.line.alim_reception_temp``), where it is empty until measured.

A reception whose temperature was recorded (its ``alim_reception_temp_at`` is set) gives its
value, time and person to each of its lines of chilled or frozen goods not measured yet. A
reception without that stamp showed 0.0 without anyone measuring it: its lines stay not
measured (empty), which is what the 0.0 meant. The three columns of the reception are
retired with their fields.

Read by tools/upgrade_check.py: RETIRED (what this migration removes on purpose)."""

RETIRED = {
    "columns": {
        "stock_picking.alim_reception_temp": "moved to stock_move_line.alim_reception_temp",
        "stock_picking.alim_reception_temp_at": "moved to stock_move_line.alim_reception_temp_at",
        "stock_picking.alim_reception_temp_user_id": "moved to stock_move_line.alim_reception_temp_user_id",
    },
    "xmlids": {
        "alim_coldchain.field_stock_picking__alim_reception_temp": "the temperature, now on the lines",
        "alim_coldchain.field_stock_picking__alim_reception_temp_at": "its stamp, now on the lines",
        "alim_coldchain.field_stock_picking__alim_reception_temp_user_id": "its author, now on the lines",
    },
}


def migrate(cr, version):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'stock_picking' AND column_name = 'alim_reception_temp_at'
        """
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        UPDATE stock_move_line line
           SET alim_reception_temp = picking.alim_reception_temp,
               alim_reception_temp_at = picking.alim_reception_temp_at,
               alim_reception_temp_user_id = picking.alim_reception_temp_user_id
          FROM stock_picking picking, product_product product, product_template template
         WHERE line.picking_id = picking.id
           AND picking.alim_reception_temp_at IS NOT NULL
           AND line.alim_reception_temp_at IS NULL
           AND product.id = line.product_id
           AND template.id = product.product_tmpl_id
           AND template.storage_class IN ('chilled', 'frozen')
        """
    )
