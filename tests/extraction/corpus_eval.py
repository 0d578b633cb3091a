"""Measuring extraction and quote detection on the demo corpus against its gold files.

Used by the tests (with thresholds) and runnable on its own to print the figures:
``python -m tests.extraction.corpus_eval``.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

from coder.extraction import Extraction, extract_pdf
from coder.quotes.detect import detect_quotes
from coder.quotes.model import CandidateQuote
from tests.quotes.scoring import QuoteScore
from tests.quotes.scoring import score as score_quotes

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def rows(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def extracted(file: str) -> Extraction:
    return extract_pdf(CORPUS / "pdf" / file, jobs=1)


@cache
def detected(file: str) -> tuple[CandidateQuote, ...]:
    e = extracted(file)
    return tuple(detect_quotes(e.text, italics=e.italics, blocks=e.blocks))


def score() -> QuoteScore:
    """Every demo document's candidates against ``gold_quotes.csv``, summed (one scorer:
    :mod:`tests.quotes.scoring`; a gold row's ``quote`` is its ``text``)."""
    total = QuoteScore()
    by_file: dict[str, list[dict[str, Any]]] = {}
    for g in rows("gold_quotes.csv"):
        gold = {"page": int(g["page"]), "text": g["quote"], "speaker": g.get("speaker") or None}
        by_file.setdefault(g["file"], []).append(gold)
    for row in rows("documents.csv"):
        file = Path(row["file"]).name
        e = extracted(file)
        result = score_quotes(by_file.get(file, []), detected(file), e.page_at)
        for name in ("gold", "found", "matched", "true_found", "right_page", "attributed"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
        total.misses += [f"{file}: {m}" for m in result.misses]
        total.extras += [f"{file}: {x}" for x in result.extras]
    return total


def leftover_furniture() -> list[str]:
    """Printed header/footer strings still present in the extracted text."""
    left = []
    for row in rows("gold_pages.csv"):
        text = extracted(row["file"]).text
        for printed in (row["header"], row["footer"]):
            # a header may also be cited in the body, "(Jaarverslag … 2021)": that is not furniture
            if (printed and not printed.strip().isdigit()
                    and re.search(rf"(?<!\(){re.escape(printed)}(?!\))", text)):
                left.append(f"{row['file']} p.{row['page']}: {printed}")
    return sorted(set(left))


if __name__ == "__main__":
    result = score()
    print(f"quotes: gold {result.gold}, detected {result.found}")
    print(f"recall {result.recall:.1%}, precision {result.precision:.1%}, "
          f"start page {result.start_page:.1%}, with attribution {result.attributed / result.matched:.1%}")
    print("misses:", *result.misses, sep="\n  ")
    print("extras:", *result.extras, sep="\n  ")
    print("furniture left:", *leftover_furniture(), sep="\n  ")
