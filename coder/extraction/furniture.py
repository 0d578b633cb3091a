"""Running headers, footers and page numbers: lines that repeat at the same height.

A line near the top or bottom of the page is furniture when one of its segments (split
at wide gaps, digits masked) occurs at the same rounded height on enough pages. Masking
digits makes "pagina 7" and "pagina 8" the same; rounding the height tolerates a point
of drift; alternating left/right placement does not matter since x is ignored.
"""

from __future__ import annotations

import re
from collections import Counter

from coder.extraction.words import Line, PageRecord

TOP_SHARE = 0.09
BOTTOM_SHARE = 0.08
SEGMENT_GAP = 15.0
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^[\W_]*(?:pagina|page|blz\.?|p\.)?\s*\d+(?:\s*(?:van|of|/)\s*\d+)?[\W_]*$", re.I)


def _segments(line: Line) -> list[str]:
    parts, current = [], [line.words[0]]
    for word in line.words[1:]:
        if word.x0 - current[-1].x1 > SEGMENT_GAP:
            parts.append(current)
            current = []
        current.append(word)
    parts.append(current)
    return [DIGITS.sub("#", " ".join(w.text for w in part)).lower() for part in parts]


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < height * TOP_SHARE or line.top > height * (1 - BOTTOM_SHARE)


def _keys(line: Line) -> list[tuple[int, str]]:
    y = round(line.top / 2)
    return [(y, seg) for seg in _segments(line)]


def find_furniture(pages: list[PageRecord]) -> set[tuple[int, int]]:
    """(page, line index) of every header/footer line to drop."""
    with_text = [p for p in pages if p.lines]
    threshold = 2 if len(with_text) < 10 else max(3, int(0.3 * len(with_text)))
    counts: Counter[tuple[int, str]] = Counter()
    for record in with_text:
        seen = {key for line in record.lines if _in_margin(line, record.height) for key in _keys(line)}
        counts.update(seen)
    drop = set()
    for record in with_text:
        for i, line in enumerate(record.lines):
            if not _in_margin(line, record.height):
                continue
            if PAGE_NUMBER.match(line.text) or any(counts[key] >= threshold for key in _keys(line)):
                drop.add((record.page, i))
    return drop


def strip_furniture(pages: list[PageRecord]) -> None:
    """Remove header/footer lines in place."""
    drop = find_furniture(pages)
    for record in pages:
        record.lines = [line for i, line in enumerate(record.lines) if (record.page, i) not in drop]
