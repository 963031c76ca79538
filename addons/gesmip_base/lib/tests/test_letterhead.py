import io

import pytest
from gesmip_base_lib.letterhead import Letterhead, PdfCheckError, check_pdf, format_siren, merge, stamp
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

try:
    from PyPDF2 import PdfReader
except ImportError:  # pragma: no cover
    from pypdf import PdfReader


def _pdf(pages, text="Body"):
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for number in range(pages):
        pdf.drawString(100, 400, f"{text} {number + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _logo():
    out = io.BytesIO()
    Image.new("RGB", (300, 100), "#2e7d32").save(out, format="PNG")
    return out.getvalue()


HEAD = Letterhead(
    name="Épicerie d'Occitanie",
    address_lines=["14 chemin de la Plateforme", "31200 Toulouse"],
    contact_line="05 61 00 00 00 · contact@example.org",
    identity_lines=["SIREN 775 671 372", "RNA W313000000"],
    footer_lines=["Association loi 1901"],
    logo=_logo(),
    color="#2e7d32",
)


def _texts(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_every_page_gets_the_letterhead_and_its_number():
    texts = _texts(stamp(_pdf(3), HEAD))
    assert len(texts) == 3
    for number, text in enumerate(texts, start=1):
        assert f"Body {number}" in text
        assert "Épicerie d'Occitanie" in text
        assert "SIREN 775 671 372" in text
        assert "RNA W313000000" in text
        assert "31200 Toulouse" in text
        assert f"Page {number} / 3" in text


def test_numbered_per_document_then_merged():
    merged = merge([stamp(_pdf(2, "A"), HEAD), stamp(_pdf(1, "B"), HEAD)])
    texts = _texts(merged)
    assert ["Page 1 / 2" in texts[0], "Page 2 / 2" in texts[1], "Page 1 / 1" in texts[2]] == [True] * 3
    assert "B 1" in texts[2]


def test_without_logo_or_with_a_broken_one():
    for logo in (b"", b"<svg/>"):
        head = Letterhead(name="X", logo=logo, page_label="Seite %(page)s von %(pages)s")
        assert "Seite 1 von 1" in _texts(stamp(_pdf(1), head))[0]


def test_long_lines_are_cut_not_overflowing():
    head = Letterhead(name="N" * 300, address_lines=["A" * 400], identity_lines=["SIREN 775 671 372"])
    text = _texts(stamp(_pdf(1), head))[0]
    assert "…" in text and "SIREN 775 671 372" in text


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b"<html>", "not a PDF"), (b"%PDF-1.4 broken", "unreadable")],
)
def test_check_pdf_says_why(data, reason):
    with pytest.raises(PdfCheckError, match=reason):
        check_pdf(data)


def test_check_pdf_counts_pages():
    assert check_pdf(_pdf(2)) == 2


@pytest.mark.parametrize(
    "registry, siren",
    [("775671372", "775 671 372"), ("775 671 372 00015", "775 671 372"), ("W123", "W123"), (False, "")],
)
def test_format_siren(registry, siren):
    assert format_siren(registry) == siren
