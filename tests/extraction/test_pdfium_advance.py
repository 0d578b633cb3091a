"""Words set close together in an embedded font whose glyphs overhang their advance stay
apart: a box ends at the glyph's advance (as pdfminer's does), not at its ink.

Found on pypdf's sample ``crazyones.pdf`` (Computer Modern: "of rules" read as
"ofrules"); here an italic f, whose ink reaches well past its advance.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.fontmetrics import FONT_METRICS
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from coder.extraction.pdf import PDFIUM, PDFPLUMBER, extract_pdf

HELVETICA: dict[str, int] = FONT_METRICS["Helvetica"][1]  # type: ignore[assignment]  # advances, em/1000

ITALIC = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf")
GAP = 3.6  # points from the advance of one word to the next: over pdfplumber's 3, under it from the ink


def _overhanging_words(path: Path) -> None:
    pdfmetrics.registerFont(TTFont("SerifItalic", str(ITALIC)))
    c = canvas.Canvas(str(path), pagesize=A4)
    for row, (left, right) in enumerate([("of", "rules"), ("staff", "meeting"), ("if", "needed")]):
        x, y = 72.0, 700.0 - 30 * row
        c.setFont("SerifItalic", 12)
        c.drawString(x, y, left)
        c.drawString(x + pdfmetrics.stringWidth(left, "SerifItalic", 12) + GAP, y, right)
    c.save()


@pytest.mark.skipif(not ITALIC.exists(), reason="no DejaVu Serif Italic to set overhanging glyphs with")
@pytest.mark.parametrize("reader", [PDFIUM, PDFPLUMBER])
def test_a_glyph_overhanging_its_advance_does_not_join_two_words(tmp_path, reader):
    path = tmp_path / "overhang.pdf"
    _overhanging_words(path)
    assert extract_pdf(path, jobs=1, reader=reader).text.split() == [
        "of", "rules", "staff", "meeting", "if", "needed"]


def test_a_forced_reader_is_one_of_the_two(tmp_path):
    path = tmp_path / "overhang.pdf"
    canvas.Canvas(str(path)).save()
    with pytest.raises(ValueError):
        extract_pdf(path, reader="mupdf")


def _identity_font_pdf(path: Path, words: list[str]) -> None:
    """One line of ``words`` in a composite font (Type0, Identity-H, not embedded, with
    Helvetica's widths, which pdfium's stand-in has too) whose glyph ids are not the
    letters' Unicode values."""
    letters = sorted({c for w in words for c in w})
    cid = {c: i + 1 for i, c in enumerate(letters)}
    size, x = 24, 72.0
    shown = []
    for word in words:
        shown.append(f"1 0 0 1 {x:.2f} 700 Tm <{''.join(f'{cid[c]:04X}' for c in word)}> Tj")
        x += size * sum(HELVETICA[c] for c in word) / 1000 + 8  # a gap of 8 pt between words
    content = f"BT /F1 {size} Tf {' '.join(shown)} ET".encode()
    bfchar = "\n".join(f"<{cid[c]:04X}> <{ord(c):04X}>" for c in letters)
    cmap = (f"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Made def "
            f"1 begincodespacerange <0000> <FFFF> endcodespacerange {len(letters)} beginbfchar\n"
            f"{bfchar}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    widths = " ".join(str(HELVETICA[c]) for c in letters)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /MadeSans /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MadeSans /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 100 /W [1 [%s]] >>"
        % widths.encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
        b"<< /Type /FontDescriptor /FontName /MadeSans /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.mark.parametrize("reader", [PDFIUM, PDFPLUMBER])
def test_a_composite_font_whose_widths_pdfium_cannot_look_up_keeps_its_words(tmp_path, reader):
    """fpdf2 and others set text in Identity-encoded composite fonts, where pdfium's width
    look-up can go wrong (on pypdf's fontsampler.pdf it found narrower glyphs' widths and
    split "World"; that file is not ours to ship). This font does not trip the look-up:
    the test only checks that a composite font's words come out as drawn."""
    words = ["World", "wide", "word", "rolled", "low", "old", "dew", "Wilde", "row", "lower", "rider"]
    path = tmp_path / "identity.pdf"
    _identity_font_pdf(path, words)
    assert extract_pdf(path, jobs=1, reader=reader).text.split() == words
