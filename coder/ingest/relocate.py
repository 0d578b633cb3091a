"""Finding kept quotes again in a re-extracted text (``coder import --force``).

A re-extraction (a newer pipeline, OCR) changes the document text, so the offsets of the
quotes a person has worked on — coded, dismissed, made by hand, or sampled into a round —
would point at other words. Each such quote is looked up in the new text by its own text
(exactly, else with any run of whitespace matching any other): found at the same offsets
it is *unchanged*, found elsewhere it *moved* (the occurrence nearest its old start), not
found it *vanished*. Detected quotes nobody touched are simply detected afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from coder.store.sqlite import sqlite_utils

PageAt = Callable[[int], "int | None"]

KEPT_SQL = (
    "SELECT q.id, q.start, q.\"end\", q.text,"
    " EXISTS (SELECT 1 FROM round_quotes rq JOIN rounds r ON r.id = rq.round_id"
    "         WHERE rq.quote_id = q.id AND r.locked_at IS NOT NULL) AS locked"
    " FROM quotes q WHERE q.doc_id = ? AND (q.origin = 'manual'"
    " OR q.id IN (SELECT quote_id FROM codings) OR q.id IN (SELECT quote_id FROM dismissals)"
    " OR q.id IN (SELECT quote_id FROM round_quotes)) ORDER BY q.start"
)


@dataclass(frozen=True)
class Move:
    quote_id: int
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass
class Relocation:
    """Where the kept quotes of one document are in its new text."""

    unchanged: list[int] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    vanished: list[int] = field(default_factory=list)
    locked_vanished: list[int] = field(default_factory=list)  # vanished quotes of a locked round

    def lines(self, path: str) -> list[str]:
        """The report a person reads after the re-import (nothing when nothing changed)."""
        out = []
        if self.moved:
            ids = ", ".join(str(m.quote_id) for m in self.moved)
            out.append(f"{path}: {len(self.moved)} kept quote(s) found at new offsets, codings kept: {ids}")
        if self.vanished:
            ids = ", ".join(str(q) for q in self.vanished)
            out.append(f"{path}: {len(self.vanished)} kept quote(s) not found in the new text: {ids}")
        return out


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def find_again(new_text: str, old_start: int, old_end: int, quote: str) -> tuple[int, int] | None:
    """The offsets of ``quote`` in ``new_text``: the same ones if it is still there, else
    the occurrence nearest ``old_start`` (whitespace-insensitive), else None."""
    if new_text[old_start:old_end] == quote:
        return old_start, old_end
    if not quote.split():
        return None
    hits = [(m.start(), m.end()) for m in _pattern(quote).finditer(new_text)]
    return min(hits, key=lambda h: abs(h[0] - old_start)) if hits else None


def relocate(db: sqlite_utils.Database, doc_id: int, new_text: str) -> Relocation:
    """Where each kept quote of ``doc_id`` is in ``new_text`` (reads only)."""
    result = Relocation()
    for quote_id, start, end, text, locked in db.execute(KEPT_SQL, [doc_id]).fetchall():
        found = find_again(new_text, start, end, text)
        if found is None:
            result.vanished.append(quote_id)
            if locked:
                result.locked_vanished.append(quote_id)
        elif found == (start, end):
            result.unchanged.append(quote_id)
        else:
            result.moved.append(Move(quote_id, (start, end), found))
    return result


def apply_moves(db: sqlite_utils.Database, moves: list[Move], new_text: str,
                page_at: PageAt) -> None:
    """Point moved quotes at their new offsets (caller holds the transaction). Two passes,
    so that two quotes trading places never meet the UNIQUE (doc_id, start, end) key."""
    for m in moves:
        db.execute('UPDATE quotes SET start = ?, "end" = ? WHERE id = ?',
                   [-2 * m.quote_id - 2, -2 * m.quote_id - 1, m.quote_id])
    for m in moves:
        start, end = m.new
        db.execute('UPDATE quotes SET start = ?, "end" = ?, text = ?, page = ?, end_page = ? WHERE id = ?',
                   [start, end, new_text[start:end], page_at(start), page_at(end - 1), m.quote_id])
