"""The layout pipeline on small PDFs made for each case."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from coder.extraction import ExtractionError, extract_pdf
from coder.extraction.hyphenation import join_broken, vocabulary

W, H = A4


def two_column_pdf(path: Path, pages: int = 3) -> Path:
    """Each page: a header, a footer with the page number, and two columns of numbered sentences."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, H - 40, "Jaarverslag 2021 | Wijkteam Proefstad")
        c.drawString(60, 30, f"pagina {p}")
        c.setFont("Times-Roman", 10)
        for col, x in enumerate((60, 320)):
            for i in range(30):
                c.drawString(x, H - 110 - i * 14, f"Zin p{p}c{col}r{i:02d} staat hier netjes.")
        c.showPage()
    c.save()
    return path


def test_two_columns_are_read_left_then_right_without_furniture(tmp_path):
    e = extract_pdf(two_column_pdf(tmp_path / "cols.pdf"), jobs=1)
    order = [w for w in e.text.split() if w.startswith("p")]
    assert order == sorted(order)  # p1c0r00 … p1c0r29, p1c1r00 …, p2…
    assert "Jaarverslag 2021" not in e.text and "pagina" not in e.text
    assert [p.page for p in e.pages] == [1, 2, 3]
    assert e.text[e.pages[1].start:].startswith("Zin p2c0r00")


def test_parallel_extraction_gives_the_same_text(tmp_path):
    pdf = two_column_pdf(tmp_path / "many.pdf", pages=30)
    assert extract_pdf(pdf, jobs=2).text == extract_pdf(pdf, jobs=1).text


@pytest.mark.parametrize("head, tail, expected", [
    ("zorg-", "en welzijn", "zorg- en welzijn"),
    ("Noord-", "Holland", "Noord-Holland"),
    ("ICT-", "systemen", "ICT-systemen"),
    ("maat-", "werk", "maatwerk"),
    ("wacht-", "lijsten", "wachtlijsten"),
    ("zee-", "egel", "zee-egel"),
])
def test_dutch_dehyphenation(head, tail, expected):
    assert join_broken(head, tail, vocabulary([])) == expected


def test_vocabulary_keeps_a_real_hyphen():
    vocab = vocabulary(["de prestatie-indicatoren en de prestatie-indicatoren"])
    assert join_broken("prestatie-", "indicatoren", vocab) == "prestatie-indicatoren"


def test_italic_quote_paragraph(tmp_path):
    path = tmp_path / "italic.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Times-Roman", 10)
    c.drawString(60, 760, "Een gewone zin over de financiën van het team.")
    c.setFont("Times-Italic", 10)
    c.drawString(72, 730, "Het wijkteam heeft ons echt geholpen met alles wat speelde.")
    c.save()
    e = extract_pdf(path, jobs=1)
    assert "financiën" in e.text
    (start, end), = e.italics
    assert e.text[start:end] == "Het wijkteam heeft ons echt geholpen met alles wat speelde."
    assert [b.kind for b in e.blocks] == ["paragraph", "quote"]


def test_image_only_page_is_reported_not_fatal(tmp_path):
    from tests.conftest import make_half_scanned_pdf

    path = make_half_scanned_pdf(tmp_path / "scan.pdf", "Pagina met tekst.")
    e = extract_pdf(path, jobs=1)
    assert e.pages[1].image_only
    assert any("page 2: no text layer" in w and "OCR" in w for w in e.warnings)


def test_encrypted_pdf_needs_the_password(tmp_path):
    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, encrypt="geheim")
    c.drawString(60, 760, "Vertrouwelijk verslag van het wijkteam.")
    c.save()
    with pytest.raises(ExtractionError, match=r"secret.pdf: PDF is encrypted \(give its password\)"):
        extract_pdf(path)
    with pytest.raises(ExtractionError, match="wrong password"):
        extract_pdf(path, password="fout")
    assert "Vertrouwelijk" in extract_pdf(path, password="geheim").text


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"Dit is een tekstbestand.", "not a PDF"),
    (b"%PDF-1.4\n1 0 obj\n<<", "cannot open PDF"),
])
def test_unreadable_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=message) as info:
        extract_pdf(path)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


def test_normalise_spells_out_ligatures_and_drops_invisible_marks():
    from coder.extraction.normalise import normalise

    raw = "\ufb01nanci\u00ebn zorg\u00adverlening\r\nregel\x0cpagina\u200e\x00 e\u0301"
    text = normalise(raw)
    assert text == "financiën zorgverlening\nregel\npagina é"
    assert text.splitlines() == text.split("\n")


def test_every_page_is_read_once(tmp_path):
    e = extract_pdf(two_column_pdf(tmp_path / "seventeen.pdf", pages=17), jobs=1)
    assert [p.page for p in e.pages] == list(range(1, 18))
