"""Extraction quality held against hand-written gold (not timed; figures in the README).

Generated magazine layouts (gold recorded as they are laid out) and the real 16-page
Kamerstuk (gold read from its pages). ``benchmarks/quality.py`` prints the full table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction import quality_eval as qe

SPREADS = ["spread_brochure", "spread_three_columns"]
COLUMNS = ["three_columns", "four_columns", "two_columns_table", "short_repeating"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quality")


@pytest.mark.parametrize("name", SPREADS + COLUMNS)
def test_generated_layouts_keep_sentences_whole_and_drop_furniture(folder, name):
    doc = qe.generated_docs(folder, [name])[0]
    score = qe.score(doc, qe.read_ours(doc.pdf, jobs=1))
    assert score.sentences is not None and score.sentences >= (0.95 if name in SPREADS else 0.98), \
        score.broken[:5]
    assert score.furniture == 0
    if score.quotes is not None and score.quotes.matched:
        assert score.quotes.right_page >= 0.95 * score.quotes.matched


def test_spread_pages_carry_both_printed_page_numbers(folder):
    from coder.extraction import extract_pdf

    doc = qe.generated_docs(folder, ["spread_brochure"])[0]
    labels = [p.label for p in extract_pdf(doc.pdf, jobs=1).pages]
    assert labels[:3] == ["2–3", "4–5", "6–7"]


@pytest.mark.skipif(
    not (qe.REAL / "nl_raad_van_state_advies_notificatieapp.pdf").exists(),
    reason="the real PDF set is not on this machine",
)
def test_real_one_column_kamerstuk(folder):
    doc = next(d for d in qe.real_docs(folder) if d.name == "rvs_advies")
    score = qe.score(doc, qe.read_ours(doc.pdf, jobs=1))
    assert score.sentences is not None and score.sentences >= 0.97, score.broken[:5]
    assert score.furniture == 0
