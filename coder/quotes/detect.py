"""Candidate quotes: quoted passages and italic quote paragraphs, with their attribution.

Two sources of candidates, merged:

1. text between quotation marks (:mod:`coder.quotes.marks`) of at least
   :data:`MIN_WORDS` words, so that scare quotes ("wijkgericht") are left alone;
2. paragraphs set (mostly) in italics — the extractor marks them as ``quote`` blocks
   and reports every italic run; an italic run that covers whole sentences of an
   ordinary paragraph counts too, trimmed to sentence boundaries (spaCy).

Where both find the same passage the quoted one wins (its bounds exclude the marks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coder.quotes.attribution import Attribution, after_quote, before_quote, following_line
from coder.quotes.marks import find_marked
from coder.quotes.model import CandidateQuote

MIN_WORDS = 4
MIN_ITALIC_WORDS = 6
CAPTION = re.compile(r"^\s*(Tabel|Figuur|Grafiek|Bron|Noot)\b", re.I)


def _words(text: str) -> int:
    return len(text.split())


def _marked(text: str) -> list[CandidateQuote]:
    found = []
    for span in find_marked(text):
        inner = text[span.start:span.end]
        if _words(inner) < MIN_WORDS:
            continue
        who = after_quote(text, span.close_at + 1) or before_quote(text, span.open_at) or Attribution()
        found.append(_candidate(text, span.start, span.end, who))
    return found


def _candidate(text: str, start: int, end: int, who: Attribution) -> CandidateQuote:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return CandidateQuote(start, end, text[start:end], who.speaker, who.source, who.attribution)


def _italic_blocks(text: str, italics: Sequence[tuple[int, int]], blocks: Sequence[object]) -> list[tuple[int, int]]:
    """Spans of paragraphs that are quote blocks or mostly italic."""
    spans = [(b.start, b.end) for b in blocks if getattr(b, "kind", "") == "quote"]
    for block in blocks:
        if getattr(block, "kind", "") != "paragraph":
            continue
        covered = sum(max(0, min(e, block.end) - max(s, block.start)) for s, e in italics)
        if covered >= 0.8 * (block.end - block.start):
            spans.append((block.start, block.end))
    if not blocks:  # no layout information: use long italic runs as they are
        spans = [(s, e) for s, e in italics if _words(text[s:e]) >= MIN_ITALIC_WORDS]
    return sorted(set(spans))


def _partial_italic_runs(text: str, italics: Sequence[tuple[int, int]], blocks: Sequence[object],
                         taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Italic runs of whole sentences inside ordinary paragraphs, trimmed to sentences."""
    runs = [(s, e) for s, e in italics
            if _words(text[s:e]) >= MIN_ITALIC_WORDS and not CAPTION.match(text[s:e]) and not _overlaps(s, e, taken)]
    if not runs:
        return []
    from coder.quotes.nlp import sentence_spans  # spaCy only when a paragraph needs it

    found = []
    for start, end in runs:
        block = next((b for b in blocks if b.start <= start < b.end), None)
        lo, hi = (block.start, block.end) if block else (start, end)
        inside = [(s + lo, e + lo) for s, e in sentence_spans(text[lo:hi]) if s + lo >= start - 1 and e + lo <= end + 2]
        if inside:
            found.append((inside[0][0], min(inside[-1][1], end + 1)))
    return found


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def detect_quotes(
    text: str,
    *,
    italics: Sequence[tuple[int, int]] = (),
    blocks: Sequence[object] = (),
) -> list[CandidateQuote]:
    """Candidate quotes in document order, with offsets into ``text``."""
    found = _marked(text)
    marked = [(q.start, q.end) for q in found]
    block_spans = _italic_blocks(text, italics, blocks)
    for start, end in block_spans:
        body = text[start:end]
        if CAPTION.match(body) or _words(body) < MIN_ITALIC_WORDS:
            continue
        if any(s - 1 <= start and end <= e + 1 for s, e in marked):
            continue  # the quoted passage already covers it
        found = [q for q in found if not (start <= q.start and q.end <= end)]  # marks inside an italic quote
        who = following_line(text, end) or before_quote(text, start) or Attribution()
        found.append(_candidate(text, start, end, who))
    taken = [(q.start, q.end) for q in found] + block_spans
    if blocks:
        for start, end in _partial_italic_runs(text, italics, blocks, taken):
            if CAPTION.match(text[start:end]) or _words(text[start:end]) < MIN_ITALIC_WORDS:
                continue
            who = after_quote(text, end) or before_quote(text, start) or Attribution()
            found.append(_candidate(text, start, end, who))
    return sorted(found, key=lambda q: (q.start, q.end))
