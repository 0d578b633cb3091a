"""Pairing quotation marks in running text: „…”, “…”, "…", ‘…’ and '…'.

An apostrophe is not a quotation mark: ``auto's``, ``cliënt's``, ``'s-Hertogenbosch``,
``'t``, ``zo'n`` all have a ' or ’ touching a letter on the inside of a word. An opening
mark needs a non-letter before it and a non-space after it; a closing mark the reverse.
Quotes nested inside a quote belong to the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"„": "”“", "“": "”", '"': '"', "‘": "’", "'": "'", "‚": "’‘"}
CONTRACTIONS = re.compile(r"['’](s|t|n|k|m|r)\b", re.I)
MAX_LENGTH = 2500


@dataclass(frozen=True)
class MarkedSpan:
    """``text[open_at]`` is the opening mark, ``text[close_at]`` the closing one."""

    open_at: int
    close_at: int

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at


def _letter(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() or _letter(before):
        return False
    if text[i] in "'’‘" and CONTRACTIONS.match(text, i) and not text[i + 2:i + 3].isalpha():
        return False  # 's-Hertogenbosch, 't, 'n
    return True


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    return not _letter(after)


def find_marked(text: str) -> list[MarkedSpan]:
    """Outermost quoted spans in document order."""
    spans: list[MarkedSpan] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in OPENERS and _can_open(text, i):
            close = _find_close(text, i)
            if close is not None:
                spans.append(MarkedSpan(i, close))
                i = close + 1
                continue
        i += 1
    return spans


def _find_close(text: str, open_at: int) -> int | None:
    closers = OPENERS[text[open_at]]
    limit = min(len(text), open_at + MAX_LENGTH)
    j = open_at + 1
    while j < limit:
        ch = text[j]
        if text.startswith("\n\n", j) and not _continues_quote(text, j):
            return None
        if ch in closers and _can_close(text, j):
            return j
        if ch in OPENERS and ch not in closers and _can_open(text, j):
            inner = _find_close(text, j)  # a nested quote: skip over it
            if inner is not None:
                j = inner + 1
                continue
        j += 1
    return None


def _continues_quote(text: str, at: int) -> bool:
    """A quote may run into the next paragraph only when that paragraph opens with a mark."""
    nxt = text[at + 2:at + 3]
    return nxt in OPENERS
