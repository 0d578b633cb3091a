"""Extraction and quote quality per document: coder's pipeline next to a plain pdfplumber read.

Documents: the real PDFs that have a gold file in ``tests/extraction/gold/`` (their quotes
joined with those of ``tests/quotes/gold/``), the generated magazine-style documents
(spreads, 3 and 4 columns, pull quotes, captions, sidebars, tables beside text) and the
built brochure of the quote gold. Baseline, in the same run: pdfplumber's plain
``extract_text()`` per page, with today's quote detector on that text (no layout blocks,
no italics). One scorer for every gold: :mod:`tests.quotes.scoring`.

Targets (issue 16): sentences intact >= 99 % on one- and two-column documents and >= 95 %
on spreads, furniture left 0; quote recall >= 95 %, precision >= 80 %, start page >= 98 %,
speaker role >= 80 % of the quotes that name one. *Ends right*: of the matched quotes whose
gold gives the closing words, those that end there (the attribution kept out).

Run: ``python -m benchmarks.quality`` (``-v`` also lists broken sentences, missed and extra quotes).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.extraction import quality_eval as qe
from tests.quotes.scoring import QuoteScore


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"


def _pair(ours: QuoteScore | None, plain: QuoteScore | None, figure: str) -> str:
    a = getattr(ours, figure) if ours else None
    b = getattr(plain, figure) if plain else None
    return f"{_pct(a)} / {_pct(b)}"


def main() -> None:
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        docs = qe.real_docs(Path(tmp)) + qe.generated_docs(Path(tmp)) + qe.quote_only_docs(Path(tmp))
        results = qe.evaluate(docs, {"ours": qe.read_ours, "plain": qe.read_plain})
    print("ours / plain pdfplumber extract_text() (+ the same quote detector)\n")
    print("| document | kind | sentences intact | furniture left | quotes (gold) | quote recall "
          "| quote precision | start page | ends right | speaker role (named) |")
    print("|" + "---|" * 10)
    for doc in docs:
        o, p = results[doc.name]["ours"], results[doc.name]["plain"]
        oq, pq = o.quotes, p.quotes
        sentences = (f"{_pct(o.sentences)} / {_pct(p.sentences)} ({len(doc.sentences)})"
                     if doc.sentences else "–")
        named = sum(1 for q in doc.quotes if q.get("speaker"))
        print(f"| {doc.name} | {doc.kind} | {sentences} | {o.furniture} / {p.furniture} | {len(doc.quotes)} "
              f"| {_pair(oq, pq, 'recall')} | {_pair(oq, pq, 'precision')} | {_pair(oq, pq, 'start_page')} "
              f"| {_pair(oq, pq, 'end')} | {_pair(oq, pq, 'speaker')} ({named}) |")
        if verbose:
            for s in o.broken[:15]:
                print(f"    broken: {s[:110]}")
            for m in oq.misses if oq else []:
                print(f"    missed: {m}")
            for x in (oq.extras if oq and oq.complete else [])[:15]:
                print(f"    extra:  {x}")


if __name__ == "__main__":
    main()
