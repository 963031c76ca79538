from datetime import date, datetime

from alim_repack_lib.repack import emphasise, label_day, pack_date
from hypothesis import given
from hypothesis import strategies as st


def test_pack_date_is_the_earliest_input_shortened_by_the_shelf_life_after_opening():
    lab = date(2026, 3, 2)
    assert pack_date(date(2026, 9, 30), lab, 0) == date(2026, 9, 30)
    assert pack_date(date(2026, 9, 30), lab, 90) == date(2026, 5, 31)
    assert pack_date(date(2026, 3, 10), lab, 90) == date(2026, 3, 10)
    assert pack_date(datetime(2026, 9, 30, 21, 59), lab, 3) == datetime(2026, 3, 5, 12, 0)
    assert pack_date(None, lab, 3) == datetime(2026, 3, 5, 12, 0)
    assert pack_date(None, lab, 0) is None


def test_the_label_day_is_the_day_in_paris():
    # 23:30 UTC on 31 March is already 1 April in Paris (summer time)
    assert label_day(datetime(2026, 3, 31, 23, 30)) == date(2026, 4, 1)
    assert label_day(datetime(2026, 1, 15, 22, 59)) == date(2026, 1, 15)
    assert label_day(datetime(2026, 1, 15, 23, 0)) == date(2026, 1, 16)
    assert label_day(date(2026, 1, 15)) == date(2026, 1, 15)


def test_allergens_are_emphasised_in_the_ingredients():
    text = "Farine de blé, sucre, LAIT écrémé, œufs, noisettes, blettes"
    parts = emphasise(text, ["blé", "lait", "œufs", "Fruits à coque", "noisettes"])
    assert "".join(segment for segment, _ in parts) == text
    assert [segment for segment, bold in parts if bold] == ["blé", "LAIT", "œufs", "noisettes"]
    assert emphasise("riz", []) == [("riz", False)]
    assert emphasise("", ["blé"]) == []


@given(st.text(max_size=60), st.lists(st.text(min_size=1, max_size=8), max_size=4))
def test_emphasis_never_changes_the_text(text, words):
    assert "".join(segment for segment, _ in emphasise(text, words)) == text
