"""Find a code by typing part of it: one ranking for the code picker and the palette.

A coder who types ``netwerk`` means the code *called* Netwerk, not a code that merely
lists netwerk among its keywords; ranking a keyword hit first made Enter toggle the
wrong code. So matches come in tiers, and within a tier in codebook order:

0. the label or key is exactly what was typed;
1. the label or key begins with it;
2. every typed word begins a word of the label or key (``samenwerking`` → *Gebrek aan
   samenwerking*);
3. the label or key contains it;
4. a keyword contains it: shown with the keyword as the reason.

Matching ignores case and accents (``client`` finds *Inwoner/cliënt*).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from coder.codebook.model import Code

EXACT, PREFIX, WORDS, INSIDE, KEYWORD = range(5)


@dataclass(frozen=True)
class CodeMatch:
    code: Code
    tier: int
    keyword: str | None = None  # the keyword that matched (tier KEYWORD only)

    @property
    def reason(self) -> str:
        """Why a code that does not show the typed text is listed ("" when it does)."""
        return f"keyword “{self.keyword}”" if self.keyword else ""


def fold(text: str) -> str:
    """Lower case without accents, ``_`` as a space: the form both sides are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " ").casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s/,()\-–.]+", text) if w]


def _tier(query: str, names: tuple[str, ...]) -> int | None:
    """The best tier of ``query`` against a code's label and key, or None."""
    if query in names:
        return EXACT
    if any(name.startswith(query) for name in names):
        return PREFIX
    typed = _words(query)
    if any(all(any(w.startswith(t) for w in _words(name)) for t in typed) for name in names):
        return WORDS
    if any(query in name for name in names):
        return INSIDE
    return None


def match_code(code: Code, query: str) -> CodeMatch | None:
    """How ``code`` matches ``query`` (already folded), or None."""
    tier = _tier(query, (fold(code.label), fold(code.key)))
    if tier is not None:
        return CodeMatch(code, tier)
    keyword = next((k for k in code.keywords if query in fold(k)), None)
    return CodeMatch(code, KEYWORD, keyword) if keyword else None


def rank_codes(codes: Iterable[Code], query: str) -> list[CodeMatch]:
    """The codes matching ``query``, best first; all of them, in order, for an empty one."""
    q = fold(query)
    codes = list(codes)
    if not q:
        return [CodeMatch(code, EXACT) for code in codes]
    found = [m for m in (match_code(code, q) for code in codes) if m is not None]
    order = {code.key: i for i, code in enumerate(codes)}
    return sorted(found, key=lambda m: (m.tier, order[m.code.key]))
