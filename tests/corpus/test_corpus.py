"""The bundled demo corpus is complete, consistent and reproducible."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pdfplumber
import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.lower())


def test_manifest_lists_every_pdf_with_metadata():
    manifest = rows("documents.csv")
    assert len(manifest) >= 8
    assert {CORPUS / r["file"] for r in manifest} == set((CORPUS / "pdf").glob("*.pdf"))
    assert {r["doc_type"] for r in manifest} >= {"jaarverslag", "rekenkameronderzoek", "evaluatie",
                                                 "clientervaringsonderzoek"}
    assert {r["team_type"] for r in manifest} == {"wmo", "jeugd", "integraal"}


def test_page_counts_and_quote_counts():
    for row in rows("documents.csv"):
        with pdfplumber.open(CORPUS / row["file"]) as pdf:
            assert 5 <= len(pdf.pages) <= 40, row["file"]
    gold = rows("gold_quotes.csv")
    assert len(gold) >= 60
    assert {g["style"] for g in gold} == {"marks", "italic"}
    assert all(g["attribution"] for g in gold)


def test_every_gold_quote_is_printed_on_its_page():
    by_file: dict[str, list[dict[str, str]]] = {}
    for g in rows("gold_quotes.csv"):
        by_file.setdefault(g["file"], []).append(g)
    for file, quotes in by_file.items():
        with pdfplumber.open(CORPUS / "pdf" / file) as pdf:
            pages = [column_texts(page) for page in pdf.pages]
        for g in quotes:
            head = squash(g["quote"])[:40]
            assert any(head in text for text in pages[int(g["page"]) - 1]), (file, g["page"], g["quote"][:50])


def column_texts(page) -> list[str]:
    """The page read whole and as columns (plain extract_text interleaves two columns)."""
    w, h = page.width, page.height
    boxes = [(0, 0, w, h), (0, 0, w / 2, h), (w / 2, 0, w, h),
             (0, h * 0.45, w / 2, h), (w / 2, h * 0.45, w, h)]
    return [squash(page.crop(box).extract_text() or "") for box in boxes]


def test_indicators_file_matches_the_surveys():
    figures = rows("indicators.csv")
    files = {r["file"] for r in rows("documents.csv") if r["doc_type"] == "clientervaringsonderzoek"}
    assert {f["file"] for f in figures} == {Path(f).name for f in files}


@pytest.mark.slow
def test_rebuilding_gives_byte_identical_pdfs(tmp_path):
    pytest.importorskip("reportlab")
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules["corpus_build"] = build  # dataclasses look their module up there
    spec.loader.exec_module(build)
    build.main(tmp_path / "pdf", tmp_path)
    for pdf in (CORPUS / "pdf").glob("*.pdf"):
        assert (tmp_path / "pdf" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name
    assert (tmp_path / "gold_quotes.csv").read_text() == (CORPUS / "gold_quotes.csv").read_text()
