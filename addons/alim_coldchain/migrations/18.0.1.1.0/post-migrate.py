"""Sensor tokens are kept as their SHA-256 only; a sensor's installation date bounds the
readings it may post (existing sensors: the day they were created).

The old ``token`` column is emptied rather than dropped: no secret stays in clear, and the
upgrade check (no column dropped) still holds; Odoo no longer reads it.

Read by tools/upgrade_check.py: RETIRED (what this migration removes on purpose)."""

RETIRED = {
    "columns": {
        "alim_temperature_sensor.token": "sensor tokens in clear, replaced by token_hash",
    },
    "xmlids": {
        "alim_coldchain.field_alim_temperature_sensor__token": "the field of the tokens in clear",
        "alim_coldchain.constraint_alim_temperature_sensor_token_unique": "its constraint, now on token_hash",
    },
}


def migrate(cr, version):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'alim_temperature_sensor' AND column_name = 'token'
        """
    )
    if cr.fetchone():
        cr.execute(
            """
            UPDATE alim_temperature_sensor
               SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
             WHERE token IS NOT NULL AND token_hash IS NULL
            """
        )
        cr.execute("UPDATE alim_temperature_sensor SET token = NULL WHERE token IS NOT NULL")
    cr.execute(
        "UPDATE alim_temperature_sensor SET install_date = create_date WHERE install_date > create_date"
    )
