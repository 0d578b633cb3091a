"""Reading order on a page: one column, two columns, or a mix of both.

A two-column page has a gutter: an x position that falls in a wide word gap on many
lines. Lines are split at the gutter into a left and a right part; a line that crosses
it (a full-width heading, a wide table, a one-column band) closes the current band, so
the page is read band by band, left column before right column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coder.extraction.words import Line

MIN_GAP = 10.0
MIN_GUTTER_LINES = 4


@dataclass
class Placed:
    """A line in reading order, with the column it was read from."""

    line: Line
    side: str  # "full", "left" or "right"


def _gaps(line: Line) -> Iterator[tuple[float, float]]:
    for a, b in zip(line.words, line.words[1:]):
        if b.x0 - a.x1 >= MIN_GAP:
            yield a.x1, b.x0


def _count_inside(intervals: list[tuple[float, float]], xs: list[float]) -> list[int]:
    """For each x in ``xs`` (ascending, evenly spaced), how many open intervals contain it.

    A difference array makes this linear in intervals + positions instead of their product.
    """
    step = xs[1] - xs[0] if len(xs) > 1 else 1.0
    diff = [0] * (len(xs) + 1)
    for a, b in intervals:
        lo = max(0, int((a - xs[0]) // step) + 1)
        hi = min(len(xs), int(-(-(b - xs[0]) // step)))
        if lo < hi:
            diff[lo] += 1
            diff[hi] -= 1
    counts, running = [], 0
    for i in range(len(xs)):
        running += diff[i]
        counts.append(running)
    return counts


def find_gutter(lines: list[Line], width: float) -> float | None:
    """The x of the column gutter, or None for a one-column page."""
    if len(lines) < MIN_GUTTER_LINES:
        return None
    xs = [float(x) for x in range(int(width * 0.3), int(width * 0.7), 2)]
    gaps = [gap for line in lines for gap in _gaps(line)]
    in_gap = _count_inside(gaps, xs)
    crossing = _count_inside([(w.x0, w.x1) for line in lines for w in line.words], xs)
    far_left, far_right = xs[0] - 1, xs[-1] + 1
    beside = _count_inside([(far_left, line.x0) for line in lines] +
                           [(line.x1, far_right) for line in lines], xs)
    best_i, best = None, 0
    for i in range(len(xs)):
        score = in_gap[i] + beside[i] - 3 * crossing[i]
        if score > best:
            best_i, best = i, score
    if best_i is None or in_gap[best_i] < max(2, 0.15 * len(lines)):
        return None
    return xs[best_i]


def _split(line: Line, gutter: float) -> list[Placed]:
    if any(w.x0 < gutter < w.x1 for w in line.words):
        return [Placed(line, "full")]
    left = [w for w in line.words if w.x1 <= gutter]
    right = [w for w in line.words if w.x0 >= gutter]
    placed = []
    if left:
        placed.append(Placed(Line(left, line.page), "left"))
    if right:
        placed.append(Placed(Line(right, line.page), "right"))
    return placed


def reading_order(lines: list[Line], width: float) -> list[Placed]:
    """The page's lines in the order a reader takes them."""
    lines = sorted(lines, key=lambda l: l.top)
    gutter = find_gutter(lines, width)
    if gutter is None:
        return [Placed(line, "full") for line in lines]
    ordered: list[Placed] = []
    left: list[Placed] = []
    right: list[Placed] = []
    for line in lines:
        parts = _split(line, gutter)
        if parts[0].side == "full":
            ordered += left + right + parts
            left, right = [], []
            continue
        for part in parts:
            (left if part.side == "left" else right).append(part)
    return ordered + left + right
