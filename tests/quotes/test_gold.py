"""Quote detection on the hand-written gold of tests/quotes/gold (targets of issue 16).

The real PDFs live outside the repository (/work/shared/real/pdf); a gold whose PDF is
missing is skipped. ``python -m benchmarks.quality`` prints the same figures next to a
plain pdfplumber read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coder.extraction import extract_pdf
from coder.quotes.detect import detect_quotes
from tests.quotes.scoring import score

GOLD = Path(__file__).resolve().parent / "gold"
FILES = sorted(GOLD.glob("*.yaml"))


def gold_pdf(gold: dict, workdir: Path) -> Path | None:
    """The gold's PDF: its real file, or one built by its ``build`` module (None if absent)."""
    import importlib

    if gold.get("path"):
        path = Path(gold["path"])
        return path if path.exists() else None
    return importlib.import_module(gold["build"]).build(workdir / gold["document"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_quotes_against_gold(path: Path, tmp_path: Path) -> None:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    pdf = gold_pdf(gold, tmp_path)
    if pdf is None:
        pytest.skip(f"{gold['document']} not available")
    offset = 0
    if gold.get("pages"):  # a long report: the gold covers these pages only
        from tests.extraction.quality_eval import subset

        first, last = gold["pages"]
        pdf, offset = subset(pdf, first, last, tmp_path / f"pages-{first}-{last}.pdf"), first - 1
    e = extract_pdf(pdf, jobs=1)
    result = score(gold["quotes"] or [], detect_quotes(e.text, italics=e.italics, blocks=e.blocks), e.page_at,
                   page_offset=offset)
    assert result.matched >= 0.95 * result.gold, result.misses
    assert result.true_found >= 0.8 * result.found, result.extras
    assert result.right_page >= 0.98 * result.matched
    assert result.right_end == result.with_end
    assert result.right_speaker >= 0.7 * result.named and result.spurious_speaker == 0


def test_score_counts_a_merged_pair_as_one_miss() -> None:
    class Cand:
        def __init__(self, start: int, text: str, speaker: str | None = None) -> None:
            self.start, self.text, self.speaker = start, text, speaker

    gold = [{"page": 1, "text": "Eerst wachten", "speaker": "ouder"},
            {"page": 1, "text": "Daarna ging het", "speaker": None}]
    result = score(gold, [Cand(0, "Eerst wachten we. Daarna ging het snel.", "ouder")], lambda _: 1)
    assert (result.matched, result.true_found, result.right_speaker) == (1, 1, 1)
    assert result.misses == ["p.1 Daarna ging het"]
