"""Characters to words by pdfplumber's rules, on plain lists.

What :func:`pdfplumber.utils.text.extract_words` does with ``extra_attrs=["fontname",
"size"]`` and its default tolerances, which the layout analysis was tuned on: runs of
consecutive characters sharing orientation, font and size; within a run, lines by
clustering ``top`` (chained, 3 pt), each line left to right; a word ends at a space, where
a character starts left of the previous one's start, more than 3 pt after its end, or more
than 3 pt above or below it. Sideways characters (not upright) the same way, turned: lines
by ``x0``, top to bottom. pdfplumber's general version builds a dict per character and
was half the cost of reading a page; this one works on the reader's own lists. The tests
compare the two word for word.
"""

from __future__ import annotations

import itertools
from typing import Any

from pdfplumber.utils.text import LIGATURES

# a character: [text, x0, x1, top, bottom, upright, font name, size]
TEXT, X0, X1, TOP, BOTTOM, UPRIGHT, FONT, SIZE = range(8)
Glyph = list[Any]
TOLERANCE = 3.0


def words_of(glyphs: list[Glyph]) -> list[dict[str, Any]]:
    """pdfplumber-style word dicts (text, x0, x1, top, bottom, upright, fontname, size)."""
    words: list[dict[str, Any]] = []
    for _, run in itertools.groupby(glyphs, key=lambda g: (g[UPRIGHT], g[FONT], g[SIZE])):
        chars = list(run)
        upright = chars[0][UPRIGHT]
        for line in _lines(chars, TOP if upright else X0):
            line.sort(key=(lambda g: g[X0]) if upright else (lambda g: (g[TOP], g[BOTTOM])))
            words += (_word(w) for w in _split(line, upright))
    return words


def _lines(chars: list[Glyph], key: int) -> list[list[Glyph]]:
    """Chained clusters of ``key`` values (a value within 3 pt of the previous one joins
    its cluster), each holding its characters in their first order."""
    cluster: dict[float, int] = {}
    index, last = -1, None
    for value in sorted({g[key] for g in chars}):
        if last is None or value > last + TOLERANCE:
            index += 1
        cluster[value] = index
        last = value
    lines: dict[int, list[Glyph]] = {}
    for g in chars:
        lines.setdefault(cluster[g[key]], []).append(g)
    return [lines[k] for k in sorted(lines)]


def _split(line: list[Glyph], upright: bool) -> list[list[Glyph]]:
    along, start, end, across = (X0, X0, X1, TOP) if upright else (TOP, TOP, BOTTOM, X0)
    words: list[list[Glyph]] = []
    current: list[Glyph] = []
    for g in line:
        if g[TEXT].isspace():
            if current:
                words.append(current)
            current = []
        elif current and (g[along] < current[-1][start] or g[along] > current[-1][end] + TOLERANCE
                          or abs(g[across] - current[-1][across]) > TOLERANCE):
            words.append(current)
            current = [g]
        else:
            current.append(g)
    if current:
        words.append(current)
    return words


def _word(chars: list[Glyph]) -> dict[str, Any]:
    first = chars[0]
    return {"text": "".join(LIGATURES.get(g[TEXT]) or g[TEXT] for g in chars),
            "x0": min(g[X0] for g in chars), "x1": max(g[X1] for g in chars),
            "top": min(g[TOP] for g in chars), "bottom": max(g[BOTTOM] for g in chars),
            "upright": first[UPRIGHT], "fontname": first[FONT], "size": first[SIZE]}
