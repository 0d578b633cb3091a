"""Krippendorff's unitizing alpha (u-alpha; Krippendorff 1995, 2004 ch. 11).

Coders cut a continuum [begin, end) into coded stretches; everything they left uncoded
counts as gaps. Per code, observed disagreement sums squared boundary mismatches of
overlapping stretches (and whole lengths where one coder's stretch lies inside another's
gap); expected disagreement is the closed form over all possible unitizations of the
same stretches. The pooled value is 1 - sum(D_o)/sum(D_e) over codes.

Note that D_e, and so alpha, depends on the resolution of the continuum (characters
here), as Krippendorff's own 1995 examples show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from coder.errors import InputError


@dataclass(frozen=True)
class Span:
    coder: str
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    coded: bool

    @property
    def length(self) -> int:
        return self.end - self.start


def unitized_alpha(spans: Iterable[Span], begin: int, end: int,
                   coders: Sequence[str] | None = None) -> dict[str, Any]:
    """u-alpha per code and pooled, with each code's D_o and D_e.

    Coders are those named in `coders` or in the spans; a coder with no span of a code
    counts as having left the whole continuum uncoded for it. Overlapping spans of one
    code by one coder are merged first (u-alpha assumes they do not overlap).
    """
    spans = list(spans)
    _check(spans, begin, end)
    names = list(coders) if coders else sorted({s.coder for s in spans})
    if len(names) < 2:
        raise InputError("u-alpha needs at least two coders")
    codes = sorted({s.code for s in spans})
    per_code, d_o_sum, d_e_sum = {}, 0.0, 0.0
    for code in codes:
        layout = [_segments([s for s in spans if s.coder == c and s.code == code], begin, end)
                  for c in names]
        d_o = _observed(layout, end - begin)
        d_e = _expected(layout, end - begin)
        per_code[code] = {"alpha": _alpha(d_o, d_e), "d_o": d_o, "d_e": d_e}
        d_o_sum += d_o
        d_e_sum += d_e
    return {"per_code": per_code, "pooled": _alpha(d_o_sum, d_e_sum), "coders": names,
            "continuum": [begin, end]}


def _alpha(d_o: float, d_e: float) -> float | None:
    if d_e == 0:
        return 1.0 if d_o == 0 else None
    return 1 - d_o / d_e


def _check(spans: list[Span], begin: int, end: int) -> None:
    if end <= begin:
        raise InputError(f"continuum {begin}:{end} is empty")
    for s in spans:
        if not (begin <= s.start < s.end <= end):
            raise InputError(f"span {s.start}:{s.end} of coder {s.coder!r} ({s.code}) lies "
                             f"outside the continuum {begin}:{end} or is empty")


def _segments(spans: list[Span], begin: int, end: int) -> list[_Segment]:
    """One coder's stretches for one code, with the gaps between them made explicit."""
    merged: list[list[int]] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and s.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s.end)
        else:
            merged.append([s.start, s.end])
    out, cursor = [], begin
    for start, stop in merged:
        if start > cursor:
            out.append(_Segment(cursor, start, False))
        out.append(_Segment(start, stop, True))
        cursor = stop
    if cursor < end:
        out.append(_Segment(cursor, end, False))
    return out


def _distance(g: _Segment, h: _Segment) -> float:
    """Squared mismatch of two stretches from different coders (Krippendorff 2004, p. 252)."""
    if g.coded and h.coded:
        if g.start < h.end and h.start < g.end:
            return float((g.start - h.start) ** 2 + (g.end - h.end) ** 2)
        return 0.0
    if g.coded and h.start <= g.start and g.end <= h.end:
        return float(g.length ** 2)
    if h.coded and g.start <= h.start and h.end <= g.end:
        return float(h.length ** 2)
    return 0.0


def _observed(layout: list[list[_Segment]], length: int) -> float:
    m = len(layout)
    total = 0.0
    for i, mine in enumerate(layout):
        for j, theirs in enumerate(layout):
            if i != j:
                total += sum(_distance(g, h) for g in mine for h in theirs)
    return total / (m * (m - 1) * length ** 2)


def _expected(layout: list[list[_Segment]], length: int) -> float:
    m = len(layout)
    segments = [s for coder in layout for s in coder]  # every coder's stretches and gaps
    coded = [s.length for s in segments if s.coded]
    gaps = [s.length for s in segments if not s.coded]
    n_coded = len(coded)
    numerator = 0.0
    for l in coded:
        within = (n_coded - 1) / 3 * (2 * l ** 3 - 3 * l ** 2 + l)
        across = l ** 2 * sum(gap - l + 1 for gap in gaps if gap >= l)
        numerator += within + across
    denominator = length * (m * length * (m * length - 1) - sum(l * (l - 1) for l in coded))
    return 2 * numerator / denominator if denominator else 0.0
