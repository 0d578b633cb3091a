"""Measuring extraction and quote detection on the demo corpus against its gold files.

Used by the tests (with thresholds) and runnable on its own to print the figures:
``python -m tests.extraction.corpus_eval``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from coder.extraction import Extraction, extract_pdf
from coder.quotes.detect import detect_quotes
from coder.quotes.model import CandidateQuote

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.lower())


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


def same_quote(gold: str, found: str) -> bool:
    g, f = squash(gold), squash(found)
    if not g or not f:
        return False
    shorter, longer = sorted((g, f), key=len)
    return shorter in longer and len(shorter) >= 0.9 * len(longer)


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    matched_gold: int = 0
    matched_found: int = 0
    right_page: int = 0
    attributed: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold

    @property
    def precision(self) -> float:
        return self.matched_found / self.found

    @property
    def page_accuracy(self) -> float:
        return self.right_page / self.matched_gold

    @property
    def attribution_rate(self) -> float:
        return self.attributed / self.matched_gold


def page_of(e: Extraction, offset: int) -> int | None:
    return next((p.page for p in e.pages if p.start <= offset < p.end), None)


def score() -> Scores:
    s = Scores()
    by_file: dict[str, list[dict[str, str]]] = {}
    for g in rows("gold_quotes.csv"):
        by_file.setdefault(g["file"], []).append(g)
    for row in rows("documents.csv"):
        file = Path(row["file"]).name
        e, quotes = extracted(file), detected(file)
        gold = by_file.get(file, [])
        s.gold += len(gold)
        s.found += len(quotes)
        for g in gold:
            hit = next((q for q in quotes if same_quote(g["quote"], q.text)), None)
            if hit is None:
                s.misses.append(f"{file}: {g['quote'][:60]}")
                continue
            s.matched_gold += 1
            s.right_page += page_of(e, hit.start) == int(g["page"])
            s.attributed += bool(hit.attribution)
        for q in quotes:
            if any(same_quote(g["quote"], q.text) for g in gold):
                s.matched_found += 1
            else:
                s.extras.append(f"{file}: {q.text[:60]}")
    return s


def leftover_furniture() -> list[str]:
    """Printed header/footer strings still present in the extracted text."""
    left = []
    for row in rows("gold_pages.csv"):
        text = extracted(row["file"]).text
        for printed in (row["header"], row["footer"]):
            # a header may also be cited in the body, "(Jaarverslag … 2021)": that is not furniture
            if printed and not printed.strip().isdigit() and re.search(rf"(?<!\(){re.escape(printed)}(?!\))", text):
                left.append(f"{row['file']} p.{row['page']}: {printed}")
    return sorted(set(left))


if __name__ == "__main__":
    result = score()
    print(f"quotes: gold {result.gold}, detected {result.found}")
    print(f"recall {result.recall:.1%}, precision {result.precision:.1%}, "
          f"page accuracy {result.page_accuracy:.1%}, with attribution {result.attribution_rate:.1%}")
    print("misses:", *result.misses, sep="\n  ")
    print("extras:", *result.extras, sep="\n  ")
    print("furniture left:", *leftover_furniture(), sep="\n  ")
