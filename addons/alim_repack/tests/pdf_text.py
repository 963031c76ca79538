"""What a printed PDF holds, measured: where each run of text starts (mm from the page's top
left corner), its font size as printed and the x-height of its font, read from the glyphs
of the font embedded in the PDF (a test helper, no Odoo model)."""

import io
import itertools
import math
import re
import struct

from odoo.tools.pdf import PdfReaderBase, generic

MM_PER_PT = 25.4 / 72
# lowercase letters whose top is the x-height, without overshoot
FLAT_X_LETTERS = "xzvwy"


def _tables(font):
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", font[12 + 16 * index : 28 + 16 * index])
        tables[tag.decode("latin-1")] = font[offset : offset + length]
    return tables


def _glyph_tops(font):
    """``{glyph id: yMax / unitsPerEm}`` of a TrueType font program."""
    tables = _tables(font)
    head, loca, glyf = tables["head"], tables["loca"], tables["glyf"]
    units = struct.unpack(">H", head[18:20])[0]
    long_offsets = struct.unpack(">h", head[50:52])[0]
    if long_offsets:
        offsets = struct.unpack(f">{len(loca) // 4}I", loca)
    else:
        offsets = [2 * value for value in struct.unpack(f">{len(loca) // 2}H", loca)]
    tops = {}
    for glyph, (start, end) in enumerate(itertools.pairwise(offsets)):
        if end - start >= 10:
            tops[glyph] = struct.unpack(">h", glyf[start + 8 : start + 10])[0] / units
    return tops


def _to_unicode(cmap):
    """``{character code: text}`` of a ToUnicode CMap (bfchar and bfrange)."""
    found = {}
    text = cmap.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, target in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block
        ):
            first, last = int(first, 16), int(last, 16)
            if target.startswith("["):  # one destination per code
                for offset, uni in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", target)):
                    found[first + offset] = bytes.fromhex(uni).decode("utf-16-be")
            else:  # consecutive destinations from the first
                start = int(target[1:-1], 16)
                for code in range(first, last + 1):
                    found[code] = chr(start + code - first)
    return found


def font_x_height(font_dict):
    """The x-height of a Type0/TrueType font of the PDF as a share of its size, measured on
    its embedded glyphs of x, z, v, w or y; None when it embeds none of them."""
    font = font_dict.get_object()
    descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
    descriptor = descendant["/FontDescriptor"].get_object()
    if "/FontFile2" not in descriptor or "/ToUnicode" not in font:
        return None
    tops = _glyph_tops(descriptor["/FontFile2"].get_object().get_data())
    unicode_of = _to_unicode(font["/ToUnicode"].get_object().get_data())
    gid_map = descendant.get("/CIDToGIDMap")
    mapping = None
    if gid_map is not None and gid_map.get_object() != "/Identity":
        raw = gid_map.get_object().get_data()
        mapping = struct.unpack(f">{len(raw) // 2}H", raw)
    heights = []
    for code, text in unicode_of.items():
        if text in FLAT_X_LETTERS:
            glyph = mapping[code] if mapping else code
            if glyph in tops:
                heights.append(tops[glyph])
    return min(heights) if heights else None


def _raw(string):
    """The bytes of a PDF string operand, however the PDF library decoded it."""
    raw = getattr(string, "original_bytes", None)
    if raw is not None:
        return raw
    return string if isinstance(string, bytes) else string.encode("latin-1")


def _multiply(m, n):
    """The product of two PDF matrices ``[a b c d e f]`` (``m`` then ``n``)."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def text_runs(pdf):
    """Per page, the runs of text (one per ``Tj``/``TJ``): dicts of ``text``, ``x`` and ``y``
    (mm from the top left corner of the page to where the run starts on its baseline),
    ``size`` (points, as printed), ``font`` (its name) and ``x_height_ratio``. A small
    interpreter of the content stream (q/Q, cm, BT, Tf, Tm, Td, TD, T*, Tj, TJ), enough for
    what wkhtmltopdf writes."""
    reader = PdfReaderBase(io.BytesIO(pdf))
    pages = []
    fonts = {}
    for page in reader.pages:
        height = float(page.mediabox.height)
        resources = page["/Resources"]["/Font"]
        runs = []
        ctm, stack = [1, 0, 0, 1, 0, 0], []
        tm = line = [1, 0, 0, 1, 0, 0]
        font = size = leading = None
        for operands, operator in generic.ContentStream(page.get_contents(), reader).operations:
            operator = operator.decode() if isinstance(operator, bytes) else operator
            if operator == "q":
                stack.append(ctm)
            elif operator == "Q":
                ctm = stack.pop()
            elif operator == "cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif operator == "BT":
                tm = line = [1, 0, 0, 1, 0, 0]
            elif operator == "Tf":
                key, size = operands[0], float(operands[1])
                if key not in fonts:
                    fontdict = resources[key].get_object()
                    fonts[key] = (
                        str(fontdict.get("/BaseFont")),
                        _to_unicode(fontdict["/ToUnicode"].get_object().get_data())
                        if "/ToUnicode" in fontdict
                        else {},
                        font_x_height(fontdict),
                    )
                font = fonts[key]
            elif operator == "TL":
                leading = float(operands[0])
            elif operator == "Tm":
                tm = line = [float(v) for v in operands]
            elif operator in ("Td", "TD"):
                tm = line = _multiply([1, 0, 0, 1, float(operands[0]), float(operands[1])], line)
                if operator == "TD":
                    leading = -float(operands[1])
            elif operator == "T*":
                tm = line = _multiply([1, 0, 0, 1, 0, -(leading or 0)], line)
            elif operator in ("Tj", "TJ") and font:
                raw = operands[0]
                parts = raw if operator == "TJ" else [raw]
                codes = b"".join(_raw(part) for part in parts if not isinstance(part, (int, float)))
                text = "".join(
                    font[1].get(int.from_bytes(codes[i : i + 2], "big"), "") for i in range(0, len(codes), 2)
                )
                if not text.strip():
                    continue
                m = _multiply(tm, ctm)
                runs.append(
                    {
                        "text": text,
                        "x": m[4] * MM_PER_PT,
                        "y": (height - m[5]) * MM_PER_PT,
                        "size": size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])),
                        "font": font[0],
                        "x_height_ratio": font[2],
                    }
                )
        pages.append(runs)
    return pages
