"""The label sheets the lab prints on, where each label sits on the page, and the smallest
type a label may use (pure: no Odoo import).

Every length is in millimetres, measured from the top left corner of the page, as the
makers publish their sheets (label size, top and side margins, pitches)."""

from dataclasses import dataclass

# Reg. EU 1169/2011 art. 13(2): the mandatory particulars are printed in characters whose
# x-height (annex IV) is at least 1.2 mm; art. 13(3): 0.9 mm on packaging whose largest
# surface is under 80 cm2. A label does not know the pack it goes on, so the labels keep
# the general minimum.
MIN_X_HEIGHT_MM = 1.2
MIN_X_HEIGHT_SMALL_PACK_MM = 0.9
MM_PER_PT = 25.4 / 72


@dataclass(frozen=True)
class LabelSheet:
    code: str
    name: str
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    column_pitch: float
    row_pitch: float
    page_width: float = 210.0
    page_height: float = 297.0

    @property
    def per_sheet(self):
        return self.columns * self.rows

    def position(self, slot):
        """Top left corner ``(x, y)`` of the label in ``slot`` (0 is the top left label, then
        along the row)."""
        if not 0 <= slot < self.per_sheet:
            raise ValueError(f"slot {slot} is not on a sheet of {self.per_sheet} labels")
        row, column = divmod(slot, self.columns)
        return (
            round(self.left + column * self.column_pitch, 3),
            round(self.top + row * self.row_pitch, 3),
        )

    def fits_on_page(self):
        """True when every label lies inside the page."""
        right = self.left + (self.columns - 1) * self.column_pitch + self.width
        bottom = self.top + (self.rows - 1) * self.row_pitch + self.height
        return (
            self.column_pitch >= self.width
            and self.row_pitch >= self.height
            and right <= self.page_width + 1e-6
            and bottom <= self.page_height + 1e-6
        )


# The makers' published dimensions (Avery UK product sheets; Herma, Agipa and unbranded
# "24 / 21 / 14 per sheet" A4 sheets share them).
SHEETS = {
    sheet.code: sheet
    for sheet in (
        LabelSheet("l7159", "Avery/Herma L7159: A4, 3 x 8 labels of 63.5 x 33.9 mm",
                   3, 8, 63.5, 33.9, 7.2, 12.9, 66.0, 33.9),
        LabelSheet("l7160", "Avery/Herma L7160: A4, 3 x 7 labels of 63.5 x 38.1 mm",
                   3, 7, 63.5, 38.1, 7.2, 15.1, 66.0, 38.1),
        LabelSheet("l7163", "Avery/Herma L7163: A4, 2 x 7 labels of 99.1 x 38.1 mm",
                   2, 7, 99.1, 38.1, 4.65, 15.1, 101.6, 38.1),
    )
}  # fmt: skip
DEFAULT_SHEET = "l7159"


def sheet_pages(count, sheet, first_slot=0):
    """Where ``count`` labels go: a list of pages, each a list of ``(x, y)`` label corners,
    the first label in ``first_slot`` of the first page (to finish a sheet already started),
    the next pages from their first slot."""
    if count < 0:
        raise ValueError("a negative number of labels")
    if not 0 <= first_slot < sheet.per_sheet:
        raise ValueError(f"slot {first_slot} is not on a sheet of {sheet.per_sheet} labels")
    pages, slot = [], first_slot
    for _label in range(count):
        if slot == sheet.per_sheet or not pages:
            pages.append([])
            slot = slot % sheet.per_sheet
        pages[-1].append(sheet.position(slot))
        slot += 1
    return pages


def min_font_pt(x_height_ratio, min_x_height_mm=MIN_X_HEIGHT_MM):
    """The smallest font size (points) whose x-height reaches ``min_x_height_mm``, for a font
    whose x-height is ``x_height_ratio`` of its size (0.55 for DejaVu Sans, 0.52 for Arial
    and Liberation Sans)."""
    if x_height_ratio <= 0:
        raise ValueError("a font's x-height is a positive share of its size")
    return min_x_height_mm / x_height_ratio / MM_PER_PT


def x_height_mm(font_pt, x_height_ratio):
    """The x-height in millimetres of text set in ``font_pt`` points."""
    return font_pt * MM_PER_PT * x_height_ratio
