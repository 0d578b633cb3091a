"""Words set close together in an embedded font whose glyphs overhang their advance stay
apart: a box ends at the glyph's advance (as pdfminer's does), not at its ink.

Found on pypdf's sample ``crazyones.pdf`` (Computer Modern: "of rules" read as
"ofrules"); here an italic f, whose ink reaches well past its advance.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from coder.extraction.pdf import PDFIUM, PDFPLUMBER, extract_pdf

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
