"""Pairing quotation marks in running text: „…”, “…”, "…", ‘…’, '…' and «…».

An apostrophe is not a quotation mark: ``auto's``, ``cliënt's``, ``'s-Hertogenbosch``,
``'t``, ``zo'n`` all have a ' or ’ touching a letter on the inside of a word. An opening
mark needs a non-letter before it and a non-space after it; a closing mark the reverse.
Quotes nested inside a quote belong to the outer one.

A closing mark may be followed by a footnote number (``…virus».15``). A quote may run on
across a blank line (a paragraph, column or page break) when the sentence goes on (no
final punctuation before the break, or the next paragraph starts in lower case), when
the next paragraph starts with a mark, or when it closes the quote itself before any
new quotation opens in it; a quotation whose mark opens a paragraph (a block quotation)
runs on until its closing mark unless a new one opens first. Otherwise an unclosed mark
is no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"„": "”“", "“": "”", '"': '"', "‘": "’", "'": "'", "‚": "’‘", "«": "»", "‹": "›"}
CONTRACTIONS = re.compile(r"['’](s|t|n|k|m|r)\b", re.I)
SENTENCE_END = re.compile(r"[.!?…:;]\s*$")
YEAR = re.compile(r"['’]\d\d(?!\d)")  # jaren '90
APOSTROPHES = "'’"
POSSESSIVE = re.compile(r"[a-zà-ÿ]*s['’] [a-zà-ÿ]")  # after a capital: a name's (Philips’ approach)
SPACE = re.compile(r"\s*")
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
    return not (text[i] in APOSTROPHES and YEAR.match(text, i))


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if after.isdigit():  # a footnote number; after an apostrophe only behind punctuation
        return text[i] not in APOSTROPHES or before in ".,;:!?"
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
    block = _opens_paragraph(text, open_at)
    crossed = False
    j = open_at + 1
    while j < limit:
        ch = text[j]
        if text.startswith("\n\n", j):
            if not (block or _continues_quote(text, j, closers)):
                return None
            crossed = True
        if ch in closers and _can_close(text, j) and not _possessive(text, j, closers):
            return j
        if crossed and block and (ch == text[open_at] or ch in closers) and _can_open(text, j):
            return None  # a block quotation left open: the next one starts here
        if ch in OPENERS and ch not in closers and _can_open(text, j):
            inner = _find_close(text, j)  # a nested quote: skip over it
            if inner is not None:
                j = inner + 1
                continue
        j += 1
    return None


def _possessive(text: str, at: int, closers: str) -> bool:
    """``‘Philips’ approach … for others’``: an apostrophe after a name ending in -s that a
    lowercase word follows is a possessive when the paragraph closes the quote later, with
    no new quotation opened in between (``‘wijkteams’ en ‘buurtteams’`` are two, and
    ``‘join up the dots’ for our customers’ needs`` ends at dots: not a name)."""
    start = at - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1  # the word the apostrophe ends
    if not POSSESSIVE.match(text, start + 1) or not text[start].isupper():
        return False
    stop = text.find("\n\n", at)
    for k in range(at + 1, len(text) if stop < 0 else stop):
        if text[k] in closers and _can_close(text, k):
            return True
        if text[k] in OPENERS and _can_open(text, k):
            return False
    return False


def _opens_paragraph(text: str, at: int) -> bool:
    """A mark at the start of a paragraph opens a block quotation, which may run over
    several paragraphs (extractors often break every line of one)."""
    before = text[max(0, at - 2):at]
    return at == 0 or before.endswith("\n")


def _continues_quote(text: str, at: int, closers: str) -> bool:
    """Whether a quote open at a blank line (``text[at:at + 2]``) goes on after it."""
    start = SPACE.match(text, at).end()  # type: ignore[union-attr]  # \s* always matches
    nxt = text[start:start + 1]
    if nxt in OPENERS or nxt.islower() or not SENTENCE_END.search(text, max(0, at - 3), at):
        return True
    stop = text.find("\n\n", start)
    stop = len(text) if stop < 0 else stop
    for k in range(start, stop):  # the next paragraph closes the quote before opening another
        if text[k] in closers and _can_close(text, k):
            return True
        if text[k] in OPENERS and _can_open(text, k):
            return False
    return False
