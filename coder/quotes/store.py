"""Storing and querying quotes: detected at import, or made by a coder.

A quote is ``document_text[start:end]`` of its document; ``text`` is stored too (for
search and export) and always equals that slice. Manual quote changes are coding
actions (events), so they can be undone like codings.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from coder.coding.events import Op, now, record
from coder.errors import InputError
from coder.quotes.model import CandidateQuote
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

if TYPE_CHECKING:
    from coder.coding.coders import Coder


class PageIndex:
    """Offset → page number for one document, by bisecting the page starts."""

    def __init__(self, pages: Sequence[tuple[int, int, int]]) -> None:
        ordered = sorted(pages, key=lambda p: p[1])
        self._starts = [start for _, start, _ in ordered]
        self._numbers = [page for page, _, _ in ordered]

    @classmethod
    def for_document(cls, db: sqlite_utils.Database, doc_id: int) -> PageIndex:
        return cls(list(db.execute('SELECT page, start, "end" FROM pages WHERE doc_id = ?', [doc_id])))

    def page_at(self, offset: int) -> int | None:
        if not self._starts:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._numbers[max(i, 0)]


def document_text(db: sqlite_utils.Database, doc_id: int) -> str:
    row = db.execute("SELECT text FROM document_texts WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        raise InputError(f"unknown document {doc_id}")
    text: str = row[0]
    return text


def insert_detected(db: sqlite_utils.Database, doc_id: int, candidates: Iterable[CandidateQuote],
                    pages: PageIndex) -> int:
    """Store detected quotes of a freshly imported document (caller holds the transaction)."""
    stamp = now()
    rows = [
        {"doc_id": doc_id, "start": q.start, "end": q.end, "text": q.text,
         "page": q.page or pages.page_at(q.start),
         "end_page": q.page or pages.page_at(q.end - 1), "origin": "detected",
         "speaker": q.speaker,
         "source": q.source, "attribution": q.attribution, "created_at": stamp}
        for q in candidates if q.end > q.start
    ]
    db.table("quotes").insert_all(rows, ignore=True)
    return len(rows)


def _bounds(db: sqlite_utils.Database, doc_id: int, start: int, end: int) -> dict[str, Any]:
    text = document_text(db, doc_id)
    if not (0 <= start < end <= len(text)):
        raise InputError(f"quote bounds [{start}, {end}) outside document {doc_id} (0..{len(text)})")
    if not text[start:end].strip():
        raise InputError(f"quote [{start}, {end}) of document {doc_id} is only whitespace")
    pages = PageIndex.for_document(db, doc_id)
    return {"start": start, "end": end, "text": text[start:end],
            "page": pages.page_at(start), "end_page": pages.page_at(end - 1)}


def _next_quote_id(db: sqlite_utils.Database) -> int:
    next_id: int = db.execute(
        "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'quotes'), 0),"
        " COALESCE((SELECT MAX(id) FROM quotes), 0)) + 1"
    ).fetchone()[0]
    return next_id


def find_quote(db: sqlite_utils.Database, doc_id: int, start: int, end: int) -> int | None:
    """The id of the quote with exactly these bounds in this document, if there is one."""
    row = db.execute('SELECT id FROM quotes WHERE doc_id = ? AND start = ? AND "end" = ?',
                     [doc_id, start, end]).fetchone()
    return row[0] if row else None


def add_manual_quote(db: sqlite_utils.Database, doc_id: int, start: int, end: int,
                     coder: Coder, *, speaker: str | None = None) -> int:
    """Make a quote from a coder's selection; returns the new quote id."""
    with write(db):
        bounds = _bounds(db, doc_id, start, end)
        clash = find_quote(db, doc_id, start, end)
        if clash is not None:
            raise InputError(f"quote {clash} already covers [{start}, {end}) of document {doc_id}")
        quote_id = _next_quote_id(db)
        quote = {"id": quote_id, "doc_id": doc_id, **bounds, "origin": "manual",
                 "speaker": speaker, "source": None, "attribution": None,
                 "created_by": coder.id, "created_at": now()}
        record(db, coder_id=coder.id, action="quote.add", ops=[{"op": "quote_add", "quote": quote}],
               quote_id=quote_id)
        return quote_id


def delete_manual_quote(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> int:
    """Delete a manual quote (and its codings, kept in the event for undo)."""
    with write(db):
        quote = get_quote(db, quote_id)
        if quote["origin"] != "manual":
            raise InputError(f"quote {quote_id} was detected at import; only manual quotes can be deleted")
        locked = db.execute("SELECT r.name FROM round_quotes q JOIN rounds r ON r.id = q.round_id"
                            " WHERE q.quote_id = ? AND r.locked_at IS NOT NULL", [quote_id]).fetchone()
        if locked:
            raise InputError(f"quote {quote_id} is part of the locked round {locked[0]!r}; it stays")
        codings = list(db.query("SELECT * FROM codings WHERE quote_id = ?", [quote_id]))
        ops: list[Op] = [{"op": "coding_remove", "coding": c} for c in codings]
        ops += [{"op": "quote_memo", "quote_id": quote_id, "coder_id": m["coder_id"], "before": m["memo"],
                 "after": None} for m in db.query("SELECT * FROM quote_memos WHERE quote_id = ?", [quote_id])]
        ops.append({"op": "quote_remove", "quote": quote})
        return record(db, coder_id=coder.id, action="quote.delete", ops=ops, quote_id=quote_id)


def adjust_quote(db: sqlite_utils.Database, quote_id: int, start: int, end: int, coder: Coder) -> int | None:
    """Move a quote's bounds; returns the event id, or None when nothing changed."""
    with write(db):
        quote = get_quote(db, quote_id)
        if (quote["start"], quote["end"]) == (start, end):
            return None
        after = _bounds(db, quote["doc_id"], start, end)
        before = {k: quote.get(k) for k in ("start", "end", "text", "page", "end_page")}
        op = {"op": "quote_bounds", "id": quote_id, "before": before, "after": after}
        return record(db, coder_id=coder.id, action="quote.adjust", ops=[op], quote_id=quote_id)


def get_quote(db: sqlite_utils.Database, quote_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM quotes WHERE id = ?", [quote_id]))
    if not rows:
        raise InputError(f"unknown quote {quote_id}")
    return rows[0]


def quote_context(db: sqlite_utils.Database, quote_id: int, width: int) -> tuple[str, str, str]:
    """Up to ``width`` characters before the quote, the quote, and up to ``width`` after."""
    quote = get_quote(db, quote_id)
    text = document_text(db, quote["doc_id"])
    start, end = quote["start"], quote["end"]
    return text[max(0, start - width):start], text[start:end], text[end:end + width]


def list_quotes(db: sqlite_utils.Database, *, doc_id: int | None = None,
                visible_to: Coder | None = None, include_dismissed: bool = False) -> list[dict[str, Any]]:
    """Quotes in document order. ``visible_to`` (a coder) hides other coders' manual
    quotes, which is what blind coding needs, except those in a round the coder is a
    member of (they are part of what the coder must code); and the quotes that coder
    dismissed as not a quote (unless ``include_dismissed``)."""
    where: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        where.append("doc_id = ?")
        params.append(doc_id)
    if visible_to is not None:
        where.append("(origin = 'detected' OR created_by = ? OR id IN (SELECT q.quote_id FROM round_quotes q"
                     " JOIN round_members m ON m.round_id = q.round_id WHERE m.coder_id = ?))")
        params += [visible_to.id, visible_to.id]
        if not include_dismissed:
            where.append("id NOT IN (SELECT quote_id FROM dismissals WHERE coder_id = ?)")
            params.append(visible_to.id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return list(db.query(f'SELECT * FROM quotes {clause} ORDER BY doc_id, start, "end"', params))


def search_quotes(db: sqlite_utils.Database, query: str, *, limit: int = 200) -> list[dict[str, Any]]:
    """Full-text search (FTS5) over quote text, best matches first.

    The query is taken as plain words (each quoted), so user input with FTS syntax
    characters cannot raise an error; a trailing ``*`` on a word keeps prefix search.
    """
    terms = [w for w in query.split() if w.strip('"*')]
    if not terms:
        return []
    fts = " ".join(f'"{w.strip(chr(34)).rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in terms)
    return list(db.query(
        "SELECT quotes.* FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid"
        " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", [fts, limit]))
