"""The letterhead stamped on every page of a PDF document, and the PDF checks, free of Odoo.

The PDF engine (wkhtmltopdf) of a Debian machine cannot draw the HTML headers and footers
of Odoo's layouts, so the letterhead is drawn with reportlab into the page's top and bottom
margins, left free by the paper format, and merged onto each page with pypdf: the issuer's
logo, name, address and identity (SIREN, RNA, VAT) at the top, a footer line and
"Page x / N" at the bottom. The same code draws it whatever the engine's build."""

import io
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

try:  # Odoo 18 runs on PyPDF2 2.x where it is installed, on pypdf otherwise
    from PyPDF2 import PdfReader, PdfWriter
except ImportError:  # pragma: no cover
    from pypdf import PdfReader, PdfWriter

FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIDE = 12 * mm  # left and right edge of the letterhead
TOP = 9 * mm  # from the top of the page to the top of the logo and name
BOTTOM = 8 * mm  # from the bottom of the page to the page number's baseline
LOGO_BOX = (42 * mm, 17 * mm)  # largest logo, width and height
# The page's top and bottom margins, in mm, where the letterhead is drawn: they replace the
# paper format's, sized for the HTML header and footer of Odoo's layouts that it replaces.
MARGIN_TOP_MM = 40
MARGIN_BOTTOM_MM = 24


class PdfCheckError(ValueError):
    """The bytes are not a PDF document (empty, or something else)."""


@dataclass
class Letterhead:
    """What the letterhead says, in plain values."""

    name: str
    address_lines: list = field(default_factory=list)
    contact_line: str = ""
    identity_lines: list = field(default_factory=list)  # "SIREN 775 671 372", "RNA W313000000"
    footer_lines: list = field(default_factory=list)
    logo: bytes = b""
    color: str = "#333333"
    page_label: str = "Page %(page)s / %(pages)s"


def check_pdf(data):
    """Raise ``PdfCheckError`` saying why ``data`` is not a PDF document; return its pages."""
    if not data:
        raise PdfCheckError("empty file (0 bytes)")
    if not data.startswith(b"%PDF"):
        raise PdfCheckError(f"not a PDF document (it starts with {data[:8]!r})")
    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except Exception as error:  # pypdf raises many kinds on a broken file
        raise PdfCheckError(f"unreadable PDF document ({error})") from error
    if not pages:
        raise PdfCheckError("PDF document without any page")
    return pages


def format_siren(registry):
    """The SIREN of a company registry number: the first nine digits of a SIREN or SIRET,
    grouped by three; anything else as typed."""
    digits = "".join(c for c in registry or "" if c.isdigit())
    if len(digits) in (9, 14):
        return f"{digits[:3]} {digits[3:6]} {digits[6:9]}"
    return (registry or "").strip()


def _fit(text, font, size, width):
    """``text`` cut with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _logo_reader(logo):
    if not logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(logo))
        reader.getSize()
    except Exception:  # an SVG or broken image: the letterhead goes without it
        return None
    return reader


def _draw_page(pdf, head, width, height, page, pages, logo):
    color = HexColor(head.color) if head.color else HexColor("#333333")
    top = height - TOP
    text_x = SIDE
    block_bottom = top - LOGO_BOX[1]
    if logo:
        logo_w, logo_h = logo.getSize()
        scale = min(LOGO_BOX[0] / logo_w, LOGO_BOX[1] / logo_h)
        draw_w, draw_h = logo_w * scale, logo_h * scale
        pdf.drawImage(logo, SIDE, top - draw_h, draw_w, draw_h, mask="auto")
        text_x = SIDE + draw_w + 5 * mm
    right = width - SIDE
    identity_width = max([stringWidth(line, FONT, 8) for line in head.identity_lines] or [0])
    text_width = right - identity_width - 6 * mm - text_x
    y = top - 10
    pdf.setFillColor(color)
    pdf.setFont(BOLD, 11)
    pdf.drawString(text_x, y, _fit(head.name, BOLD, 11, text_width))
    pdf.setFillColor(HexColor("#333333"))
    pdf.setFont(FONT, 8)
    for line in [*head.address_lines, head.contact_line]:
        if line:
            y -= 10
            pdf.drawString(text_x, y, _fit(line, FONT, 8, text_width))
    block_bottom = min(block_bottom, y - 4)
    y = top - 10
    for line in head.identity_lines:
        pdf.drawRightString(right, y, line)
        y -= 10
    block_bottom = min(block_bottom, y + 6)
    pdf.setStrokeColor(color)
    pdf.setLineWidth(0.8)
    pdf.line(SIDE, block_bottom - 2 * mm, right, block_bottom - 2 * mm)
    # footer: the issuer's footer lines on the left, the page number on the right
    label = head.page_label % {"page": page, "pages": pages}
    label_width = stringWidth(label, FONT, 8)
    lines = [line for line in head.footer_lines if line][:2]
    footer_top = BOTTOM + 9 * max(len(lines) - 1, 0) + 10
    pdf.setStrokeColor(HexColor("#999999"))
    pdf.setLineWidth(0.4)
    pdf.line(SIDE, footer_top, right, footer_top)
    pdf.setFont(FONT, 7.5)
    y = footer_top - 10
    for line in lines:
        pdf.drawString(SIDE, y, _fit(line, FONT, 7.5, right - SIDE - label_width - 8 * mm))
        y -= 9
    pdf.setFont(FONT, 8)
    pdf.drawRightString(right, BOTTOM, label)


def stamp(data, head):
    """``data`` (one document's PDF) with ``head`` drawn on every page, numbered 1 to N."""
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    overlay_stream = io.BytesIO()
    pdf = canvas.Canvas(overlay_stream, pageCompression=1)
    pdf.setTitle(head.name)
    logo = _logo_reader(head.logo)
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        pdf.setPageSize((width, height))
        _draw_page(pdf, head, width, height, number, pages, logo)
        pdf.showPage()
    pdf.save()
    overlay = PdfReader(overlay_stream)
    writer = PdfWriter()
    for page, stamp_page in zip(reader.pages, overlay.pages, strict=True):
        page.merge_page(stamp_page)
        page.compress_content_streams()  # merging leaves the page's content decoded
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge(documents):
    """One PDF of the pages of ``documents`` (PDF bytes), in order."""
    writer = PdfWriter()
    for data in documents:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
