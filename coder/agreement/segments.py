"""Segment matching as MAXQDA does it: a coded segment agrees when another coder gave the
same code to a segment that overlaps it by at least a threshold share.

The share is intersection over union of the two stretches; every segment of every coder
is checked against each other coder, so the result is symmetric in the coders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from coder.agreement.unitizing import Span
from coder.errors import InputError


def segment_overlap(spans: Iterable[Span], threshold: float = 0.9) -> dict[str, Any]:
    """Per code and overall: checks, agreements, percent agreement, and a kappa with
    chance 1/(number of codes) as MAXQDA reports it (Brennan & Prediger 1981)."""
    if not 0 < threshold <= 1:
        raise InputError(f"the overlap threshold must lie in (0, 1], got {threshold}", params=("overlap",))
    spans = list(spans)
    by_coder_code: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for s in spans:
        by_coder_code[(s.coder, s.code)].append(s)
    coders = sorted({s.coder for s in spans})
    codes = sorted({s.code for s in spans})
    per_code = {}
    agree_all = checks_all = 0
    for code in codes:
        agree = checks = 0
        for me in coders:
            for other in coders:
                if other == me:
                    continue
                theirs = by_coder_code.get((other, code), [])
                for seg in by_coder_code.get((me, code), []):
                    checks += 1
                    agree += any(_overlap(seg, t) >= threshold for t in theirs)
        per_code[code] = {"checks": checks, "agreements": agree,
                          "percent": agree / checks if checks else None}
        agree_all += agree
        checks_all += checks
    pa = agree_all / checks_all if checks_all else None
    chance = 1 / len(codes) if codes else None
    kappa = None
    if pa is not None and chance is not None and chance < 1:
        kappa = (pa - chance) / (1 - chance)
    return {"threshold": threshold, "coders": coders, "per_code": per_code,
            "checks": checks_all, "agreements": agree_all, "percent": pa,
            "kappa_brennan_prediger": kappa}


def _overlap(a: Span, b: Span) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union
