from alim_coldchain_lib.recall_tally import LotTally, classify, tally, total


def test_classify_each_flow():
    assert classify("supplier", "internal") == "received"
    assert classify("production", "internal") == "received"
    assert classify("internal", "internal") is None
    assert classify("internal", "customer") == "delivered"
    assert classify("customer", "internal") == "returned_by_grocery"
    assert classify("internal", "inventory", True) == "destroyed"
    assert classify("internal", "inventory", False) is None  # a loss: not located
    assert classify("internal", "supplier") == "returned"
    assert classify("internal", "production") == "transformed"


def test_tally_of_a_lot_delivered_to_two_groceries():
    movements = [
        ("L1", "supplier", "internal", False, None, 30),
        ("L1", "internal", "internal", False, None, 30),
        ("L1", "internal", "customer", False, "A", 10),
        ("L1", "internal", "customer", False, "B", 5),
        ("L1", "customer", "internal", False, "B", 2),
        ("L1", "internal", "inventory", True, None, 3),
        ("L1", "internal", "inventory", False, None, 1),
    ]
    rows = tally(movements, {"L1": 13})
    row = rows["L1"]
    assert row.received == 30
    assert row.delivered == 13
    assert row.by_grocery == {"A": 10, "B": 3}
    assert row.destroyed == 3
    assert row.in_stock == 13
    assert row.located == 29
    assert round(row.located_percent, 1) == 96.7


def test_total_weights_lots_of_other_units():
    rows = {
        "BULK": LotTally(received=25, transformed=25),
        "PACK": LotTally(received=24, in_stock=20, delivered=4, by_grocery={"A": 4}),
    }
    summed = total(rows, {"BULK": 1.0, "PACK": 1.0})
    assert summed.received == 49 and summed.located == 49 and summed.located_percent == 100.0
    assert summed.by_grocery == {"A": 4}


def test_nothing_received_nothing_located_is_complete():
    assert LotTally().located_percent == 100.0
