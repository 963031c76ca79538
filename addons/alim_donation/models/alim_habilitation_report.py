from odoo import fields, models, tools
from odoo.tools import SQL

from .stock_move import SOURCE_TYPES


def _department_sql(zip_column):
    """The département of a postcode column, as department_of() in alim_grocery_attendance."""
    return SQL(
        """CASE
               WHEN %(zip)s !~ '^[0-9]{5}$' THEN NULL
               WHEN LEFT(%(zip)s, 2) = '97' THEN LEFT(%(zip)s, 3)
               WHEN LEFT(%(zip)s, 2) = '20' THEN CASE WHEN %(zip)s::int < 20200 THEN '2A' ELSE '2B' END
               ELSE LEFT(%(zip)s, 2)
           END""",
        zip=zip_column,
    )


class AlimHabilitationReport(models.Model):
    """Kilograms received and distributed, by food category, source and département: the
    figures of the food-aid licence (habilitation, CASF L266-2 and R266-2) for a year.

    Received: the done receptions that have a source type, with the weight of each move, the
    donor's (or supplier's) département. Distributed: the done deliveries to member groceries,
    lot by lot, with the source the lot was received from and the grocery's département; a
    move's weight is shared among its lots in proportion to their quantities."""

    _name = "alim.habilitation.report"
    _description = "Habilitation Report: Kilograms Received and Distributed"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    direction = fields.Selection([("received", "Received"), ("distributed", "Distributed")], readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    food_category_id = fields.Many2one("alim.food.category", readonly=True)
    source_type = fields.Selection(SOURCE_TYPES, readonly=True)
    public_programme = fields.Boolean(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Donor / Grocery", readonly=True)
    department = fields.Char(string="Département", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    # Two measures, never one mixed figure: a pivot adds up received and distributed kilograms
    # only if they are one field, so each direction has its own column (0 on the other's rows).
    received_kg = fields.Float(string="Received (kg)", digits=(12, 3), readonly=True)
    distributed_kg = fields.Float(string="Distributed (kg)", digits=(12, 3), readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT m.id * 2 AS id,
                       m.date AS date,
                       'received' AS direction,
                       m.company_id AS company_id,
                       m.alim_food_category_id AS food_category_id,
                       p.alim_source_type AS source_type,
                       p.alim_source_type = 'public_programme' AS public_programme,
                       m.alim_donor_id AS partner_id,
                       %(donor_department)s AS department,
                       m.product_id AS product_id,
                       m.alim_weight_kg AS received_kg,
                       0.0 AS distributed_kg
                  FROM stock_move m
                  JOIN stock_picking p ON p.id = m.picking_id
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
             LEFT JOIN res_partner donor ON donor.id = m.alim_donor_id
                 WHERE m.state = 'done' AND t.code = 'incoming' AND p.alim_source_type IS NOT NULL
                UNION ALL
                SELECT l.id * 2 + 1 AS id,
                       m.date AS date,
                       'distributed' AS direction,
                       m.company_id AS company_id,
                       m.alim_food_category_id AS food_category_id,
                       lot.alim_source_type AS source_type,
                       COALESCE(lot.alim_public_programme, FALSE) AS public_programme,
                       m.alim_grocery_id AS partner_id,
                       %(grocery_department)s AS department,
                       m.product_id AS product_id,
                       0.0 AS received_kg,
                       CASE WHEN m.quantity > 0 THEN m.alim_weight_kg * l.quantity / m.quantity
                            ELSE 0 END AS distributed_kg
                  FROM stock_move_line l
                  JOIN stock_move m ON m.id = l.move_id
                  JOIN stock_picking p ON p.id = m.picking_id
                  JOIN stock_picking_type t ON t.id = p.picking_type_id
                  JOIN res_partner grocery ON grocery.id = m.alim_grocery_id
             LEFT JOIN stock_lot lot ON lot.id = l.lot_id
                 WHERE m.state = 'done' AND t.code = 'outgoing' AND grocery.is_grocery
            )
            """,
                table=SQL.identifier(self._table),
                donor_department=_department_sql(SQL.identifier("donor", "zip")),
                grocery_department=_department_sql(SQL.identifier("grocery", "zip")),
            )
        )
