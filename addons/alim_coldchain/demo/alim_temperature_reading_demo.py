"""Demo data of the cold chain: a month of temperature readings of the three cold rooms."""

import math
from datetime import timedelta

from odoo import fields


def load_readings(env):
    """A month of quarter-hourly readings for the three cold rooms, one excursion in the
    positive room (a door left open on a delivery afternoon) and its corrective action."""
    rooms = [
        (env.ref("alim_food.location_cold_positive", raise_if_not_found=False), 2.5, "sensor"),
        (
            env.ref("alim_food.location_cold_negative_1", raise_if_not_found=False),
            -21.0,
            "import",
        ),
        (
            env.ref("alim_food.location_cold_negative_2", raise_if_not_found=False),
            -20.0,
            "import",
        ),
    ]
    sensor = env.ref("alim_coldchain.alim_temperature_sensor_demo_positive", raise_if_not_found=False)
    end = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    start = end - timedelta(days=30)
    door_open = (end - timedelta(days=10)).replace(hour=13)
    admin = env.ref("base.user_admin")
    for room, base, source in rooms:
        if not room:
            continue
        readings = []
        when = start
        step = 0
        while when <= end:
            value = base + 0.6 * math.sin(step / 9.0) + 0.3 * math.sin(step / 2.3)
            if source == "sensor" and door_open <= when < door_open + timedelta(hours=2):
                value = 6.0 + (when - door_open).total_seconds() / 3600.0
            readings.append((when, round(value, 1)))
            when += timedelta(minutes=15)
            step += 1
        env["alim.temperature.reading"].with_user(admin)._alim_bulk_insert(
            room, readings, source, sensor=sensor if source == "sensor" else None, import_key="demo"
        )
        excursions = room.with_user(admin)._alim_detect_excursions(start, end)
        for excursion in excursions:
            excursion.action_reason = (
                "Porte restée ouverte pendant la réception. Produits sondés à cœur : 4,5 °C au plus, "
                "moins de 2 heures. Lots remis en stock."
            )
            excursion.with_user(admin).action_release()
    positive = rooms[0][0]
    if positive:
        manual = (
            env["alim.temperature.reading"]
            .with_user(admin)
            .create(
                [
                    {
                        "location_id": positive.id,
                        "reading_at": end - timedelta(days=1, hours=3),
                        "value": 3.1,
                    },
                    {
                        "location_id": positive.id,
                        "reading_at": end - timedelta(days=1, hours=12),
                        "value": 31.0,
                    },
                ]
            )
        )
        manual[1].with_user(admin)._action_annul("Saisie erronée : 3,1 °C et non 31 °C.")
        # the reading alerted at once; the typing error is a false alarm, dismissed with its reason
        false_alarm = env["alim.temperature.excursion"].search(
            [("location_id", "=", positive.id), ("state", "=", "open"), ("peak", ">=", 31.0)], limit=1
        )
        if false_alarm:
            false_alarm = false_alarm.with_user(admin)
            false_alarm.action_reason = "Saisie erronée (3,1 °C tapé 31 °C), relevé annulé : fausse alerte."
            false_alarm.action_dismiss()
