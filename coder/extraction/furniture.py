"""Running headers, footers and page numbers: what repeats in the top and bottom bands.

A line in the top or bottom band of a page is cut into segments at wide gaps (so the
left and right halves of a spread's footer, or "title … chapter", are judged apart).
Each segment is normalised: case folded, every number (``12``, ``3.2.1``) and roman
numeral (``iv``) made ``#``. A line is furniture when most of it is segments that occur in
the same band on enough pages (odd and even pages simply count as two
variants, each repeating). Lines that sit where furniture sits on many pages, in a type
size other than the body's, are furniture too: that catches a running header that
changes per chapter even when a chapter is short. Bare page numbers (``12``, ``- 12 -``,
``pagina 12 van 40``, ``xii``) in a band always are.

Never strip more than a sane share: when the candidates would empty most pages or take
more than a third of the text, the repetition is the content (a two-page memo whose
lines recur), and only bare page numbers go.
"""

from __future__ import annotations

import re
from collections import Counter

from coder.extraction.words import Line, PageRecord, Word

TOP_SHARE = 0.12
BOTTOM_SHARE = 0.12
SEGMENT_GAP = 15.0
MAX_SHARE = 1 / 3
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ROMAN = re.compile(r"\b(?=[mdclxvi]+\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})\b")
PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:pagina|page|blz\.?|p\.)?\s*(\d+|[ivxlcdm]+)(?:\s*(?:van|of|/|\|)\s*\d+)?[\W_]*$",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    text = NUMBER.sub("#", text.lower())
    return " ".join(ROMAN.sub("#", text).split())


def _parts(line: Line) -> list[list[Word]]:
    parts: list[list[Word]] = []
    current = [line.words[0]]
    for word in line.words[1:]:
        if word.x0 - current[-1].x1 > SEGMENT_GAP:
            parts.append(current)
            current = []
        current.append(word)
    return [*parts, current]


def _segments(line: Line) -> list[str]:
    return [normalise(" ".join(w.text for w in part)) for part in _parts(line)]


def _numbers(line: Line) -> list[tuple[float, str]]:
    """Printed page numbers on a furniture line: segments that are only a number, or
    a number at either end of a segment (``12   Jaarverslag``, ``Jaarverslag 12``)."""
    found = []
    for part in _parts(line):
        for word in (part[0], part[-1]):
            match = PAGE_NUMBER.match(word.text)
            if match:
                found.append(((word.x0 + word.x1) / 2, match.group(1)))
                break
    return found


def _band(line: Line, height: float) -> str | None:
    if line.bottom < height * TOP_SHARE:
        return "top"
    if line.top > height * (1 - BOTTOM_SHARE):
        return "bottom"
    return None


def _slot(line: Line) -> tuple[int, float]:
    return round(line.top / 4), round(line.size)


def page_number(line: Line) -> str | None:
    """The printed page number when the line (or a segment of it) is only that."""
    match = PAGE_NUMBER.match(line.text.strip())
    return match.group(1) if match else None


def find_furniture(pages: list[PageRecord], body: float) -> set[tuple[int, int]]:
    """(page, line index) of every header/footer line to drop."""
    with_text = [p for p in pages if p.lines]
    threshold = max(2, len(with_text) // 2) if len(with_text) < 10 else 3
    counts: Counter[tuple[str, str]] = Counter()
    for record in with_text:
        seen: set[tuple[str, str]] = set()
        for line in record.lines:
            band = _band(line, record.height)
            if band:
                seen.update((band, seg) for seg in _segments(line))
        counts.update(seen)
    repeated: set[tuple[int, int]] = set()
    numbers: set[tuple[int, int]] = set()
    slots: Counter[tuple[str, tuple[int, float]]] = Counter()
    for record in with_text:
        for i, line in enumerate(record.lines):
            band = _band(line, record.height)
            if not band:
                continue
            if page_number(line):
                numbers.add((record.page, i))
            elif _repeated_share(line, band, counts, _needed(line, body, threshold, len(with_text))) >= 0.5:
                repeated.add((record.page, i))
                slots[(band, _slot(line))] += 1
    variants = set()
    for record in with_text:
        for i, line in enumerate(record.lines):
            band = _band(line, record.height)
            if (
                band
                and (record.page, i) not in repeated | numbers
                and abs(line.size - body) > 0.3
                and len(line.words) <= 10
                and slots[(band, _slot(line))] >= max(threshold, 0.3 * len(with_text))
            ):
                variants.add((record.page, i))
    candidates = repeated | variants
    return numbers | candidates if _sane(with_text, candidates | numbers) else numbers


def _needed(line: Line, body: float, threshold: int, pages: int) -> int:
    """Pages a segment must recur on. In the body's own type size it must be on at least
    half of the pages: the last line of a column can recur by chance (digits masked),
    a running header or footer in body type recurs on nearly every page."""
    return max(threshold, -(-pages // 2)) if abs(line.size - body) <= 0.3 else threshold


def _repeated_share(line: Line, band: str, counts: Counter[tuple[str, str]], threshold: int) -> float:
    """Share of the line's characters in segments that repeat across pages (in the same
    band; the height may drift by a point or two, so it is not part of the key)."""
    segs = _segments(line)
    hit = sum(len(seg) for seg in segs if counts[(band, seg)] >= threshold)
    return hit / max(1, sum(len(seg) for seg in segs))


def _sane(pages: list[PageRecord], drop: set[tuple[int, int]]) -> bool:
    total = sum(len(line.text) for p in pages for line in p.lines)
    dropped = sum(len(line.text) for p in pages for i, line in enumerate(p.lines) if (p.page, i) in drop)
    emptied = sum(all((p.page, i) in drop for i in range(len(p.lines))) for p in pages)
    return dropped <= MAX_SHARE * total and emptied <= len(pages) // 2


def strip_furniture(pages: list[PageRecord], body: float) -> dict[int, list[tuple[float, str]]]:
    """Remove header/footer lines in place; return the printed page numbers seen on each
    page, with their x position (a spread carries two)."""
    drop = find_furniture(pages, body)
    labels: dict[int, list[tuple[float, str]]] = {}
    for record in pages:
        for i, line in enumerate(record.lines):
            if (record.page, i) in drop:
                labels.setdefault(record.page, []).extend(_numbers(line))
        record.removed = [line for i, line in enumerate(record.lines) if (record.page, i) in drop]
        record.lines = [line for i, line in enumerate(record.lines) if (record.page, i) not in drop]
    # a page number changes from page to page; a number on several pages is a year or an edition
    seen = Counter(n for found in labels.values() for n in {number for _, number in found})
    # and a four-digit number is a year, not a page
    return {
        page: [(x, n) for x, n in found if (seen[n] == 1 or len(labels) == 1) and len(n) < 4]
        for page, found in labels.items()
    }
