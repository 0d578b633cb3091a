"""The one quote scorer: candidates against hand-written gold quotes.

Gold quotes have one format everywhere (``tests/quotes/gold``, ``tests/extraction/gold``,
the generated magazine layouts, the demo corpus): ``{page, text, speaker}`` with optional
``end``. ``text`` is the quote's opening words (or all of it) and ``end`` its closing words.
A candidate matches when its text starts with the gold's ``text`` (letters and digits
compared, case ignored), so a cut-off start misses and two quotations merged into one
candidate miss the second; ``end`` checks that the source stays out of the quote. The start
page is the candidate's own ``page`` when detection set one (a block the layout moved),
else the page of its start offset; the speaker role must equal the gold's.

Used by ``benchmarks/quality.py``, ``tests/quotes/test_gold.py`` and the corpus checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.lower())


@dataclass
class QuoteScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    true_found: int = 0
    right_page: int = 0
    with_end: int = 0
    right_end: int = 0
    named: int = 0
    right_speaker: int = 0
    spurious_speaker: int = 0
    attributed: int = 0
    complete: bool = True  # the gold lists every quote (else precision is not measured)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        if not self.complete or not self.gold:
            return None
        return self.true_found / self.found if self.found else 0.0

    @property
    def start_page(self) -> float | None:
        return self.right_page / self.matched if self.matched else None

    @property
    def speaker(self) -> float | None:
        return self.right_speaker / self.named if self.named else None

    @property
    def end(self) -> float | None:
        return self.right_end / self.with_end if self.with_end else None


def page_of(candidate: Any, page_at: Callable[[int], int | None]) -> int | None:
    return getattr(candidate, "page", None) or page_at(candidate.start)


def score(gold: Sequence[Mapping[str, Any]], candidates: Sequence[Any],
          page_at: Callable[[int], int | None], *, complete: bool = True,
          page_offset: int = 0) -> QuoteScore:
    """Compare candidates (``start``, ``text``, ``speaker``, optional ``page``) with gold
    quotes; ``page_offset`` is added to the candidates' pages (a document cut to a range)."""
    s = QuoteScore(gold=len(gold), found=len(candidates), complete=complete)
    texts = [squash(c.text) for c in candidates]
    used: set[int] = set()
    for g in gold:
        head = squash(g["text"])
        hit = next((i for i, t in enumerate(texts) if i not in used and head and t.startswith(head)), None)
        if hit is None:
            s.misses.append(f"p.{g['page']} {g['text'][:70]}")
            continue
        used.add(hit)
        cand = candidates[hit]
        s.matched += 1
        s.right_page += (page_of(cand, page_at) or 0) + page_offset == g["page"]
        s.attributed += bool(getattr(cand, "attribution", None))
        if g.get("end"):
            s.with_end += 1
            s.right_end += texts[hit].endswith(squash(g["end"]))
        if g.get("speaker"):
            s.named += 1
            s.right_speaker += (cand.speaker or "").lower() == str(g["speaker"]).lower()
        elif cand.speaker:
            s.spurious_speaker += 1
    s.true_found = len(used)
    s.extras = [f"p.{(page_of(c, page_at) or 0) + page_offset} {c.text[:60]!r}"
                for i, c in enumerate(candidates) if i not in used]
    return s
