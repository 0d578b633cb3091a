"""Extraction and quote detection measured on the demo corpus (gold list written with it)."""

from __future__ import annotations

import pytest

from tests.extraction import corpus_eval

pytestmark = pytest.mark.skipif(not (corpus_eval.CORPUS / "gold_quotes.csv").exists(), reason="no corpus")


@pytest.fixture(scope="module")
def scores():
    return corpus_eval.score()


def test_quote_recall_and_precision(scores):
    assert scores.matched >= 0.95 * scores.gold, scores.misses
    assert scores.true_found >= 0.80 * scores.found, scores.extras


def test_quotes_are_on_their_printed_page(scores):
    assert scores.right_page >= 0.98 * scores.matched


def test_found_quotes_carry_their_attribution(scores):
    assert scores.attributed >= 0.9 * scores.matched


def test_no_running_header_footer_or_page_number_is_left():
    assert corpus_eval.leftover_furniture() == []
    for row in corpus_eval.rows("documents.csv"):
        text = corpus_eval.extracted(row["file"].split("/")[-1]).text
        assert "pagina" not in text.lower().replace("pagina's", "")


def test_page_table_tiles_the_text_and_lines_are_plain():
    for row in corpus_eval.rows("documents.csv"):
        e = corpus_eval.extracted(row["file"].split("/")[-1])
        assert e.pages[0].start == 0 and e.pages[-1].end == len(e.text)
        assert all(a.end == b.start for a, b in zip(e.pages, e.pages[1:]))
        assert e.text.splitlines() == e.text.split("\n")
