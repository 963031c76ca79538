import pytest
from alim_repack_lib.label_sheet import (
    DEFAULT_SHEET,
    MIN_X_HEIGHT_MM,
    SHEETS,
    min_font_pt,
    sheet_pages,
    x_height_mm,
)
from hypothesis import given
from hypothesis import strategies as st


def test_l7159_is_the_default_and_its_labels_sit_where_the_maker_says():
    sheet = SHEETS[DEFAULT_SHEET]
    assert sheet.code == "l7159"
    assert (sheet.columns, sheet.rows, sheet.per_sheet) == (3, 8, 24)
    assert sheet.position(0) == (7.2, 12.9)
    assert sheet.position(1) == (73.2, 12.9)  # column pitch 66.0 mm
    assert sheet.position(3) == (7.2, 46.8)  # row pitch 33.9 mm
    assert sheet.position(23) == (139.2, 250.2)
    with pytest.raises(ValueError):
        sheet.position(24)


@pytest.mark.parametrize("code", sorted(SHEETS))
def test_every_sheet_fits_its_page(code):
    assert SHEETS[code].fits_on_page()


def test_labels_fill_sheets_from_the_first_free_slot():
    sheet = SHEETS["l7159"]
    pages = sheet_pages(25, sheet)
    assert [len(page) for page in pages] == [24, 1]
    assert pages[1] == [(7.2, 12.9)]
    # a sheet with its first 22 labels used: 2 on it, then a new sheet
    pages = sheet_pages(5, sheet, first_slot=22)
    assert [len(page) for page in pages] == [2, 3]
    assert pages[0] == [(73.2, 250.2), (139.2, 250.2)]
    assert sheet_pages(0, sheet) == []
    with pytest.raises(ValueError):
        sheet_pages(1, sheet, first_slot=24)


@given(st.integers(0, 200), st.sampled_from(sorted(SHEETS)), st.integers(0, 23))
def test_no_label_is_lost_or_doubled(count, code, first):
    sheet = SHEETS[code]
    first %= sheet.per_sheet
    pages = sheet_pages(count, sheet, first)
    assert sum(len(page) for page in pages) == count
    assert all(len(set(page)) == len(page) <= sheet.per_sheet for page in pages)


def test_the_smallest_type_reaches_the_legal_x_height():
    # DejaVu Sans: x-height 1120/2048 of the size
    ratio = 1120 / 2048
    assert round(min_font_pt(ratio), 2) == 6.22
    assert x_height_mm(7, ratio) >= MIN_X_HEIGHT_MM
    assert x_height_mm(6, ratio) < MIN_X_HEIGHT_MM
    assert round(x_height_mm(min_font_pt(0.52), 0.52), 6) == MIN_X_HEIGHT_MM
