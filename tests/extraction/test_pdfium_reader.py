"""The pdfium page reader gives the words, rules and boxes pdfplumber gives.

pdfplumber (pdfminer) is the reference here: it is an independent reader, and the layout
analysis downstream was tuned on its numbers. Pages from real reports, the demo corpus, a
generated magazine layout, and small files made for one case each (a rotated page, a media
box that does not start at 0 with a crop box, spaces set in another font, ligatures, soft
hyphens, Dutch diacritics, curly quotes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from coder.extraction.pdfium_page import PdfiumPage
from coder.extraction.words import read_page

REAL = Path("/work/shared/real/pdf")
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
TOLERANCE = 1.0  # points
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _close(a: dict[str, Any], b: dict[str, Any]) -> bool:
    edges = ("x0", "x1", "top", "bottom", "size")
    return a["text"] == b["text"] and all(abs(a[k] - b[k]) <= TOLERANCE for k in edges)


def unmatched(reference: list[dict[str, Any]], other: list[dict[str, Any]]) -> list[str]:
    """The reference words with no word of the same text and box (within a point) in ``other``,
    and the words of ``other`` left over."""
    pool = list(other)
    missing = []
    for word in reference:
        at = next((i for i, w in enumerate(pool) if _close(word, w)), None)
        if at is None:
            missing.append(f"{word['text']!r} at ({word['x0']:.1f}, {word['top']:.1f})")
        else:
            pool.pop(at)
    return missing + [f"extra {w['text']!r} at ({w['x0']:.1f}, {w['top']:.1f})" for w in pool]


def _rules(page: Any) -> list[tuple[float, float, float]]:
    return sorted((round(e["top"]), round(e["x0"]), round(e["x1"])) for e in page.horizontal_edges)


def _boxes(boxes: list[tuple[float, float, float, float]]) -> set[tuple[int, ...]]:
    return {tuple(round(v) for v in box) for box in boxes}


def _pattern_filled(page: Any) -> set[tuple[int, ...]]:
    """Boxes filled with a pattern (a gradient): pdfplumber gives the pattern's name as the
    colour, which the sidebar test takes for a colour; pdfium has no way to tell a pattern
    from white, so the pdfium reader sees no shading there (Philips p. 51: 20 such boxes)."""
    return _boxes([(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects
                   if isinstance(r.get("non_stroking_color"), str)])


def assert_pages_agree(path: Path, numbers: list[int]) -> None:
    doc = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as pdf:
        for number in numbers:
            ref, ours = pdf.pages[number - 1], PdfiumPage(doc[number - 1])
            assert (ours.width, ours.height) == pytest.approx((ref.width, ref.height)), number
            where = (path.name, number)
            words = {"extra_attrs": ["fontname", "size"]}
            assert unmatched(ref.extract_words(**words), ours.extract_words(**words)) == [], where
            assert _rules(ours) == _rules(ref), where
            assert (len(ours.rects), len(ours.images)) == (len(ref.rects), len(ref.images)), where
            a, b = read_page(ref, number), read_page(ours, number)
            assert [line.text for line in b.lines] == [line.text for line in a.lines], where
            assert [t.rows for t in b.tables] == [t.rows for t in a.tables], where
            assert _boxes(b.shaded) == _boxes(a.shaded) - _pattern_filled(ref), where
            assert [(w.italic, w.bold) for line in b.lines for w in line.words] == \
                [(w.italic, w.bold) for line in a.lines for w in line.words]
            ours.close()
    doc.close()


@pytest.mark.skipif(not REAL.exists(), reason="the real PDFs are not on this machine")
@pytest.mark.parametrize("name, pages", [
    ("nl_vws_coronamelder_dpia.pdf", [1, 4, 9, 30, 60]),  # a space in another font; tables; footers
    ("nl_raad_van_state_advies_notificatieapp.pdf", [1, 3, 12]),  # italic Univers, quotation marks
    # two columns, ruled tables, 1,500 rules on one page. Not page 24: there pdfplumber
    # splits "*)" in two because float noise gives its characters two sizes
    # (6.640000000000043 and 6.639999999999986); pdfium gives one, and one word
    ("en_philips_annual_report_2018.pdf", [6, 51, 100]),
    ("nl_vws_nota_SCANNED_image_only.pdf", [1, 2]),  # image only
])
def test_real_pages_agree_with_pdfplumber(name, pages):
    assert_pages_agree(REAL / name, pages)


@pytest.mark.skipif(not CORPUS.exists(), reason="no demo corpus")
def test_demo_corpus_pages_agree_with_pdfplumber():
    for path in sorted(CORPUS.glob("*.pdf"))[:4]:
        with pdfplumber.open(path) as pdf:
            total = len(pdf.pages)
        assert_pages_agree(path, list(range(1, total + 1)))


def test_a_generated_magazine_layout_agrees_with_pdfplumber(tmp_path):
    from tests.extraction import magazine

    built = magazine.build_any("two_columns_table", tmp_path)
    assert_pages_agree(Path(built.file), [1, 2, 3])


def _page_of_text(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 10)
    c.drawString(80, 700, "Een gewone regel tekst in het verslag van het wijkteam.")
    c.setFont("Times-Italic", 10)
    c.drawString(80, 680, "Een schuine regel met een f aan het eind: hoef")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(80, 640, "Kop van een hoofdstuk")
    c.setFillColorRGB(0.85, 0.9, 1)
    c.rect(300, 300, 200, 120, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.line(80, 600, 500, 600)
    c.line(80, 560, 500, 560)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_page_agrees_with_pdfplumber(tmp_path, rotation):
    """A landscape page as Word and Acrobat write it: /Rotate, and the content turned the
    other way so that it reads upright."""
    path = tmp_path / f"rotated{rotation}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setPageRotation(rotation)
    width, height = A4
    c.translate(*{90: (width, 0), 180: (width, height), 270: (0, height)}[rotation])
    c.rotate(rotation)
    _page_of_text(c)
    c.save()
    assert_pages_agree(path, [1])


@pytest.mark.parametrize("rotation", [90, 270])
def test_sideways_text_on_a_rotated_page_gives_pdfplumbers_characters(tmp_path, rotation):
    """Text not turned back reads sideways: the same characters in the same places. Its
    boxes are pdfium's, reaching as far across the line as the font program's ascent and
    descent and along it to the glyph's ink (pdfminer's: one type size from the
    descriptor's descent, the advance), so within a few points; pdfium may order such
    characters differently; and pdfplumber's words there split wherever float noise gives
    one font two sizes."""
    path = tmp_path / f"sideways{rotation}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setPageRotation(rotation)
    _page_of_text(c)
    c.save()
    with pdfplumber.open(path) as pdf:
        reference = pdf.pages[0].chars
    ours = PdfiumPage(pdfium.PdfDocument(path)[0]).chars
    assert len(ours) == len(reference)
    for a in reference:
        assert any(b["text"] == a["text"] and all(abs(a[k] - b[k]) < 4 for k in ("x0", "x1", "top", "bottom"))
                   for b in ours), a


def test_a_media_box_away_from_zero_and_a_crop_box_agree_with_pdfplumber(tmp_path):
    made, path = tmp_path / "made.pdf", tmp_path / "boxes.pdf"
    c = canvas.Canvas(str(made), pagesize=A4, invariant=1)
    _page_of_text(c)
    c.save()
    doc = pdfium.PdfDocument(made)
    page = doc[0]
    page.set_mediabox(40, 30, 560, 800)
    page.set_cropbox(60, 50, 540, 780)
    doc.save(path)
    doc.close()
    assert_pages_agree(path, [1])


def test_a_space_set_in_another_font_still_ends_the_word(tmp_path):
    """Word writes a space between two words of a heading in the body font; pdfium drops
    such a text object, pdfplumber sees the space (and the font change) and splits there."""
    path = tmp_path / "space.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(100, 700, "A.")
    c.setFont("Times-Roman", 9)
    c.drawString(108.6, 700, " ")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(110.0, 700, "Beschrijving")
    c.save()
    with pdfplumber.open(path) as pdf:
        assert [w["text"] for w in pdf.pages[0].extract_words(extra_attrs=["fontname", "size"])] == \
            ["A.", "Beschrijving"]
    assert_pages_agree(path, [1])


@pytest.mark.skipif(not DEJAVU.exists(), reason="no DejaVu font to set ligatures with")
def test_ligatures_diacritics_quotes_and_soft_hyphens_come_out_as_text(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from coder.extraction import extract_pdf

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    path = tmp_path / "chars.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("DejaVu", 11)
    c.drawString(72, 760, "De \ufb01nanciën van de zorg\u00adverlening: „Hij zei: ‘ja’.” Ideeën over "
                          "café\u2019s")
    c.drawString(72, 744, "en re\u00efntegratie, \ufb02ink en beïnvloeding.")
    c.save()
    assert_pages_agree(path, [1])
    text = extract_pdf(path, jobs=1).text
    assert "De financiën van de zorgverlening: „Hij zei: ‘ja’.” Ideeën over café’s en reïntegratie, " \
        "flink en beïnvloeding." in text


@pytest.mark.skipif(not DEJAVU.exists(), reason="no DejaVu font")
def test_a_soft_hyphen_at_a_line_end_joins_the_word(tmp_path):
    """pdfium marks a hyphen at a line end; a soft one then joins its word like a hard one
    (pdfplumber's reading dropped it and left the two halves as two words)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from coder.extraction import extract_pdf

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    path = tmp_path / "soft.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("DejaVu", 11)
    c.drawString(72, 760, "Het wijkteam zorgt samen met de huisarts voor passende zorg\u00ad")
    c.drawString(72, 746, "verlening aan gezinnen in de wijk, en voor prestatie-")
    c.drawString(72, 732, "indicatoren die kloppen.")
    c.save()
    text = extract_pdf(path, jobs=1).text
    assert "passende zorgverlening aan" in text
    assert "prestatie-indicatoren" in text or "prestatieindicatoren" in text


@pytest.mark.parametrize("make", ["upright", "sideways"])
def test_the_fast_word_grouping_is_pdfplumbers_on_the_same_characters(tmp_path, make):
    """:mod:`coder.extraction.pdfium_words` against pdfplumber's own extract_words, fed the
    same characters: equal to the last digit."""
    from pdfplumber.utils.text import extract_words

    from tests.extraction import magazine

    pages = [PdfiumPage(p) for p in pdfium.PdfDocument(magazine.build_any("spread_brochure", tmp_path).file)]
    if make == "sideways":
        path = tmp_path / "sideways.pdf"
        c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        c.setPageRotation(90)
        _page_of_text(c)
        c.save()
        pages = [PdfiumPage(pdfium.PdfDocument(path)[0])]
    for page in pages:
        settings = {"extra_attrs": ["fontname", "size"]}
        keys = ("text", "x0", "x1", "top", "bottom", "upright", "fontname", "size")
        expected = [{k: w[k] for k in keys} for w in extract_words(page.chars, **settings)]
        assert [{k: w[k] for k in keys} for w in page.extract_words(**settings)] == expected
