import psycopg2

from odoo import SUPERUSER_ID, api, fields
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestAlimDonationNumbering(TransactionCase):
    """Two real transactions (two database connections, nothing committed) number receipts:
    the second waits for the first; when the first is gone, the second takes the same
    number (no gap); it never gets the first one's number while the first may commit."""

    def test_two_transactions_no_gap_no_duplicate(self):
        date = fields.Date.today()
        cr1 = db_connect(self.env.cr.dbname).cursor()
        cr2 = db_connect(self.env.cr.dbname).cursor()
        try:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            first = env1["alim.donation.receipt"]._next_number(date)
            cr2.execute("SET LOCAL lock_timeout = '300ms'")
            with self.assertRaises(psycopg2.errors.LockNotAvailable), mute_logger("odoo.sql_db"):
                env2["alim.donation.receipt"]._next_number(date)
            cr2.rollback()
            cr1.rollback()  # the first transaction fails: its number is not lost
            env2.invalidate_all()
            self.assertEqual(env2["alim.donation.receipt"]._next_number(date), first)
        finally:
            cr1.rollback()
            cr2.rollback()
            cr1.close()
            cr2.close()
