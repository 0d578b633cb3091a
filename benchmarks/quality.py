"""Extraction quality per document: coder's pipeline next to a plain pdfplumber read.

Documents: the real PDFs that have a gold file in ``tests/extraction/gold/`` and the
generated magazine-style documents (spreads, 3 and 4 columns, pull quotes, captions,
sidebars, tables beside text). See :mod:`tests.extraction.quality_eval` for what each
figure means. Targets: sentences intact >= 99 % on one- and two-column documents and
>= 95 % on spreads, furniture left 0.

Run: ``python -m benchmarks.quality`` (``-v`` also lists the broken sentences).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.extraction import quality_eval as qe


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"


def main() -> None:
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        docs = qe.real_docs(Path(tmp)) + qe.generated_docs(Path(tmp))
        results = qe.evaluate(docs, {"ours": qe.read_ours, "plain": qe.read_plain})
    head = ("| document | kind | sentences intact (ours / plain) | furniture left (ours / plain) "
            "| quote recall | quote precision | start page | speaker |")
    print(head)
    print("|" + "---|" * 8)
    for doc in docs:
        o, p = results[doc.name]["ours"], results[doc.name]["plain"]
        print(f"| {doc.name} | {doc.kind} | {_pct(o.sentences)} / {_pct(p.sentences)} ({len(doc.sentences)}) "
              f"| {o.furniture} / {p.furniture} | {_pct(o.recall)} / {_pct(p.recall)} "
              f"| {_pct(o.precision)} / {_pct(p.precision)} | {_pct(o.start_page)} / {_pct(p.start_page)} "
              f"| {_pct(o.speaker)} / {_pct(p.speaker)} |")
        if verbose:
            for s in o.broken[:15]:
                print(f"    broken: {s[:110]}")


if __name__ == "__main__":
    main()
