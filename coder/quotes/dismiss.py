"""Dismissing a candidate quote: one coder's judgement that it is "not a quote".

A dismissal is kept per coder, like a coding, so it stays blind: the other members of
an open round still see the candidate. It is one event (``quote.dismiss`` /
``quote.undismiss``) that ``coder undo`` takes back. Dismissing also removes that
coder's codings of the quote (they are in the event, so undo restores them): a coder
cannot both code a passage and call it no quote.

What a dismissal changes: the quote leaves the coder's quote list, "next uncoded" and
progress counts (:func:`coder.quotes.store.list_quotes` with ``visible_to``); agreement
counts it as the category "not a quote" (:mod:`coder.reliability.compare`); a quote
dismissed by every coder who judged it is left out of new round samples
(:func:`excluded_from_samples`). Rounds already made never change, and once a round is locked its members can
neither dismiss nor undismiss its quotes (:mod:`coder.coding.frozen`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlite_utils

from coder.coding.events import Op, now, record
from coder.coding.frozen import check_not_frozen
from coder.errors import InputError
from coder.quotes.store import get_quote
from coder.store.db import write

if TYPE_CHECKING:
    from coder.coding.coders import Coder

NOT_A_QUOTE = "not a quote"


def dismissal(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM dismissals WHERE quote_id = ? AND coder_id = ?",
                         [quote_id, coder.id]))
    return rows[0] if rows else None


def dismiss_quote(db: sqlite_utils.Database, quote_id: int, coder: Coder,
                  reason: str | None = None) -> int | None:
    """Mark the quote "not a quote" for this coder; the event id, or None if it already was."""
    with write(db):
        get_quote(db, quote_id)
        check_not_frozen(db, quote_id, coder)
        if dismissal(db, quote_id, coder) is not None:
            return None
        codings = list(db.query("SELECT * FROM codings WHERE quote_id = ? AND coder_id = ?",
                                [quote_id, coder.id]))
        ops: list[Op] = [{"op": "coding_remove", "coding": c} for c in codings]
        row = {"quote_id": quote_id, "coder_id": coder.id, "reason": reason or None, "created_at": now()}
        ops.append({"op": "dismiss_add", "dismissal": row})
        return record(db, coder_id=coder.id, action="quote.dismiss", ops=ops, quote_id=quote_id)


def undismiss_quote(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> int:
    """Take the coder's dismissal back (also possible with ``coder undo``)."""
    with write(db):
        check_not_frozen(db, quote_id, coder)
        row = dismissal(db, quote_id, coder)
        if row is None:
            raise InputError(f"quote {quote_id} is not dismissed by this coder")
        return record(db, coder_id=coder.id, action="quote.undismiss",
                      ops=[{"op": "dismiss_remove", "dismissal": row}], quote_id=quote_id)


def dismissed_ids(db: sqlite_utils.Database, coder: Coder) -> set[int]:
    return {r[0] for r in db.execute("SELECT quote_id FROM dismissals WHERE coder_id = ?", [coder.id])}


def list_dismissed(db: sqlite_utils.Database, *, coder: Coder | None = None) -> list[dict[str, Any]]:
    """Dismissed quotes with who dismissed them and why, in document order."""
    where, params = ("WHERE d.coder_id = ?", [coder.id]) if coder is not None else ("", [])
    return list(db.query(
        "SELECT q.id, q.doc_id, q.page, q.text, c.name AS coder, d.reason, d.created_at"
        " FROM dismissals d JOIN quotes q ON q.id = d.quote_id JOIN coders c ON c.id = d.coder_id"
        f" {where} ORDER BY q.doc_id, q.start, c.name", params))


def excluded_from_samples(db: sqlite_utils.Database) -> set[int]:
    """Quotes dismissed by every coder who judged them (coded or dismissed)."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT d.quote_id FROM dismissals d WHERE NOT EXISTS"
        " (SELECT 1 FROM codings k WHERE k.quote_id = d.quote_id AND NOT EXISTS"
        "   (SELECT 1 FROM dismissals e WHERE e.quote_id = k.quote_id AND e.coder_id = k.coder_id))")}
