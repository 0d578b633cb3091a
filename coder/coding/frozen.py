"""Locked rounds are frozen: a member's codes and dismissals on their quotes stay put.

Agreement on a locked round is final, so nothing a member does afterwards may move it:
coding, uncoding, setting a facet, dismissing or undismissing one of the round's quotes,
an undo or redo that would, and a `.codings` or REFI import that would write such a
coding are all refused with the same message. The check lives here, below every writer:
:func:`coder.coding.events.record` checks every op of every event, and the importers
(which report per entry instead of failing the batch) ask :func:`frozen_message` first.

Who is frozen: the members of the locked round; for a round made without named members,
every human coder (any of them may be compared on it). The consensus layer is never a
member, so adjudication goes on. Memos stay writable: they explain a judgement and do
not change the figures. `coder round unlock` reopens a round (recorded in the log).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coder.errors import InputError

if TYPE_CHECKING:
    from coder.coding.coders import Coder
    from coder.store.sqlite import sqlite_utils

#: Ops that change what a coder judged about a quote (memos are not among them).
JUDGEMENT_OPS = {"coding_add": "coding", "coding_remove": "coding",
                 "dismiss_add": "dismissal", "dismiss_remove": "dismissal"}

_LOCKED_FOR = (
    "SELECT r.name FROM rounds r JOIN round_quotes rq ON rq.round_id = r.id"
    " WHERE rq.quote_id = :quote AND r.locked_at IS NOT NULL AND ("
    "   EXISTS (SELECT 1 FROM round_members m WHERE m.round_id = r.id AND m.coder_id = :coder)"
    "   OR (NOT EXISTS (SELECT 1 FROM round_members m WHERE m.round_id = r.id)"
    "       AND EXISTS (SELECT 1 FROM coders c WHERE c.id = :coder AND c.kind = 'human')))"
    " ORDER BY r.id LIMIT 1")


def locked_round_of(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> str | None:
    """The locked round that freezes the coder's codes on the quote, or None: the coding
    screen shows it before a key is refused."""
    return _locked_round(db, quote_id, coder.id)


def _locked_round(db: sqlite_utils.Database, quote_id: int, coder_id: int) -> str | None:
    row = db.execute(_LOCKED_FOR, {"quote": quote_id, "coder": coder_id}).fetchone()
    return str(row[0]) if row else None


def frozen_message(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> str | None:
    """Why the coder's codes on the quote may not change, or None when they may."""
    return _message(db, quote_id, coder.id, coder.name)


def check_not_frozen(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> None:
    """Refuse a write to the coder's codes or dismissal on a quote of a locked round."""
    message = frozen_message(db, quote_id, coder)
    if message:
        raise InputError(message)


def _message(db: sqlite_utils.Database, quote_id: int, coder_id: int, name: str | None = None) -> str | None:
    locked = _locked_round(db, quote_id, coder_id)
    if locked is None:
        return None
    if name is None:  # an op names its coder by id
        found = db.execute("SELECT name FROM coders WHERE id = ?", [coder_id]).fetchone()
        name = found[0] if found else f"coder {coder_id}"
    return f"quote {quote_id} is in locked round {locked!r}: {name}'s codes on it are frozen"


def check_ops(db: sqlite_utils.Database, ops: list[dict[str, Any]]) -> None:
    """Refuse a list of event ops when one of them touches frozen codes or dismissals."""
    seen: set[tuple[int, int]] = set()
    for op in ops:
        if op.get("op") == "quote_bounds":
            _check_bounds(db, int(op["id"]))
        key = JUDGEMENT_OPS.get(op.get("op", ""))
        if key is None:
            continue
        row = op[key]
        pair = (int(row["quote_id"]), int(row["coder_id"]))
        if pair not in seen:
            seen.add(pair)
            message = _message(db, *pair)
            if message:
                raise InputError(message)


def _check_bounds(db: sqlite_utils.Database, quote_id: int) -> None:
    """A locked round's quotes keep their text too: the coders judged that text."""
    row = db.execute("SELECT r.name FROM rounds r JOIN round_quotes rq ON rq.round_id = r.id"
                     " WHERE rq.quote_id = ? AND r.locked_at IS NOT NULL ORDER BY r.id LIMIT 1",
                     [quote_id]).fetchone()
    if row is not None:
        raise InputError(f"quote {quote_id} is in locked round {row[0]!r}: its bounds are frozen")
