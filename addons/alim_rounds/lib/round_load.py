"""The load of a delivery round against its vehicle: pure Python, no Odoo import."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Load:
    kg: float
    dry_kg: float  # dry goods travel on pallets
    cold_kg: float  # chilled and frozen goods travel in cold boxes
    pallets: int
    cold_boxes: int


def round_load(lines, pallet_kg, cold_box_kg):
    """Load of ``lines`` (``[(kg, storage class)]``): dry goods on pallets of ``pallet_kg``,
    chilled and frozen goods in cold boxes of ``cold_box_kg``, each rounded up."""
    if pallet_kg <= 0 or cold_box_kg <= 0:
        raise ValueError("a pallet and a cold box carry a positive weight")
    dry = sum(kg for kg, storage in lines if storage not in ("chilled", "frozen"))
    cold = sum(kg for kg, storage in lines if storage in ("chilled", "frozen"))
    return Load(
        kg=dry + cold,
        dry_kg=dry,
        cold_kg=cold,
        pallets=math.ceil(round(dry / pallet_kg, 6)),
        cold_boxes=math.ceil(round(cold / cold_box_kg, 6)),
    )


def over_capacity(load, capacity_kg, capacity_pallets, capacity_cold_boxes):
    """What exceeds the vehicle, as ``[(what, load, capacity)]`` (empty if it fits)."""
    over = []
    if load.kg > capacity_kg:
        over.append(("kg", load.kg, capacity_kg))
    if load.pallets > capacity_pallets:
        over.append(("pallets", load.pallets, capacity_pallets))
    if load.cold_boxes > capacity_cold_boxes:
        over.append(("cold_boxes", load.cold_boxes, capacity_cold_boxes))
    return over
