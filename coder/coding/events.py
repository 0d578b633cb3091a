"""The append-only event log, and undo/redo replayed from it.

Every user action (code a quote, change a memo, add or delete a manual quote, dismiss a
candidate as "not a quote") is one
event holding the list of elementary *ops* it performed. The ops are applied and the
event appended in the same transaction, so the log and the data never disagree and
undo survives a restart: the undo stack is not kept in memory but derived from the log.

An undo is itself an event (``action='undo'``, ``target_event`` = the undone event)
whose ops are the inverse ops; a redo re-applies the target's ops. Nothing is ever
deleted from ``events``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from coder.coding.frozen import check_ops
from coder.errors import CoderError
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

if TYPE_CHECKING:
    from coder.coding.coders import Coder

Op = dict[str, Any]


def now() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    coder_id: int | None
    action: str
    quote_id: int | None
    ops: list[Op]
    target_event: int | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        payload = json.loads(row["payload"] or "{}")
        return cls(row["id"], row["at"], row["coder_id"], row["action"], row["quote_id"],
                   payload.get("ops", []), row["target_event"])


# --- elementary ops: each knows how to apply itself and what undoes it -------------

def _apply(db: sqlite_utils.Database, op: Op) -> None:
    kind = op["op"]
    if kind == "coding_add":
        db.table("codings").insert(_under_current_codebook(db, op["coding"]))
    elif kind == "coding_remove":
        db.execute("DELETE FROM codings WHERE id = ?", [op["coding"]["id"]])
    elif kind == "coding_memo":
        db.execute("UPDATE codings SET memo = ?, updated_at = ? WHERE id = ?",
                   [op["after"], now(), op["id"]])
    elif kind == "quote_memo":
        db.execute("DELETE FROM quote_memos WHERE quote_id = ? AND coder_id = ?",
                   [op["quote_id"], op["coder_id"]])
        if op["after"]:
            db.execute("INSERT INTO quote_memos (quote_id, coder_id, memo, updated_at) VALUES (?, ?, ?, ?)",
                       [op["quote_id"], op["coder_id"], op["after"], now()])
    elif kind == "quote_add":
        db.table("quotes").insert(op["quote"])
    elif kind == "quote_remove":
        db.execute("DELETE FROM quotes WHERE id = ?", [op["quote"]["id"]])
    elif kind == "dismiss_add":
        db.table("dismissals").insert(op["dismissal"])
    elif kind == "dismiss_remove":
        d = op["dismissal"]
        db.execute("DELETE FROM dismissals WHERE quote_id = ? AND coder_id = ?",
                   [d["quote_id"], d["coder_id"]])
    elif kind == "quote_bounds":
        after = op["after"]
        db.execute('UPDATE quotes SET start = ?, "end" = ?, text = ?, page = ? WHERE id = ?',
                   [after["start"], after["end"], after["text"], after["page"], op["id"]])
        if "end_page" in after:  # events written before quotes had an end page lack it
            db.execute("UPDATE quotes SET end_page = ? WHERE id = ?", [after["end_page"], op["id"]])
    else:
        raise CoderError(f"unknown event op {kind!r}")


def _under_current_codebook(db: sqlite_utils.Database, coding: dict[str, Any]) -> dict[str, Any]:
    """The coding with its code followed through later renames and its facet the code's
    facet now, so undo/redo still apply after the codebook renamed or moved codes."""
    code = coding["code"]
    known = {row[0]: row[1] for row in db.execute("SELECT key, facet FROM codes")}
    if code not in known:
        renames = dict(db.execute(
            "SELECT json_extract(payload, '$.from'), json_extract(payload, '$.to') FROM events"
            " WHERE action = 'codebook.rename' ORDER BY id"))
        seen = {code}
        while code not in known and code in renames and renames[code] not in seen:
            code = renames[code]
            seen.add(code)
    if code not in known:
        return coding  # dropped from the codebook: the insert fails and the replay says so
    return {**coding, "code": code, "facet": known[code]}


def _inverse(op: Op) -> Op:
    kind = op["op"]
    swaps = {"coding_add": "coding_remove", "coding_remove": "coding_add",
             "quote_add": "quote_remove", "quote_remove": "quote_add",
             "dismiss_add": "dismiss_remove", "dismiss_remove": "dismiss_add"}
    if kind in swaps:
        return {**op, "op": swaps[kind]}
    if kind in ("coding_memo", "quote_bounds", "quote_memo"):
        return {**op, "before": op["after"], "after": op["before"]}
    raise CoderError(f"unknown event op {kind!r}")


def inverse_ops(ops: list[Op]) -> list[Op]:
    """The ops that undo ``ops``: each inverted, in reverse order.

    Removing a quote cascades to its codings, so a ``quote_remove`` op carries the
    codings it removed as ``coding_remove`` ops *before* it; inverting re-adds the
    quote first and then its codings.
    """
    return [_inverse(op) for op in reversed(ops)]


# --- recording -------------------------------------------------------------------

def record(
    db: sqlite_utils.Database,
    *,
    coder_id: int | None,
    action: str,
    ops: list[Op],
    quote_id: int | None = None,
    facet: str | None = None,
    code: str | None = None,
    target_event: int | None = None,
    apply: bool = True,
) -> int:
    """Apply ``ops`` and append the event, atomically. Returns the event id.

    Refused, with nothing changed, when an op would move a member's codes or dismissal
    on a quote of a locked round (:mod:`coder.coding.frozen`), whoever calls.
    """
    with write(db):
        check_ops(db, ops)
        if apply:
            for op in ops:
                _apply(db, op)
        cursor = db.execute(
            "INSERT INTO events (at, coder_id, action, quote_id, facet, code, payload, target_event)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [now(), coder_id, action, quote_id, facet, code,
             json.dumps({"ops": ops}, ensure_ascii=False), target_event],
        )
        if cursor.lastrowid is None:  # never after an INSERT; narrows the type
            raise CoderError("the event was not recorded")
        return cursor.lastrowid


def log_event(db: sqlite_utils.Database, action: str, payload: dict[str, Any], *,
              code: str | None = None) -> None:
    """Append an event that no coder made and nothing can undo (a codebook rename, a round
    locked or reopened), so the project's history shows it. Call inside the writer's
    transaction."""
    db.execute("INSERT INTO events (at, action, code, payload) VALUES (?, ?, ?, ?)",
               [now(), action, code, json.dumps(payload, ensure_ascii=False)])


def coder_events(db: sqlite_utils.Database, coder: Coder, *, last: int | None = None) -> list[Event]:
    """The coder's events, oldest first; only the ``last`` N when given."""
    if last is None:
        rows = db.query("SELECT * FROM events WHERE coder_id = ? ORDER BY id", [coder.id])
    else:
        rows = db.query("SELECT * FROM (SELECT * FROM events WHERE coder_id = ? ORDER BY id DESC LIMIT ?)"
                        " ORDER BY id", [coder.id, last])
    return [Event.from_row(row) for row in rows]


def get_event(db: sqlite_utils.Database, event_id: int) -> Event:
    rows = list(db.query("SELECT * FROM events WHERE id = ?", [event_id]))
    if not rows:
        raise CoderError(f"no event {event_id}")
    return Event.from_row(rows[0])


def stacks(db: sqlite_utils.Database, coder: Coder) -> tuple[list[Event], list[Event]]:
    """(undo stack, redo stack) of a coder, newest last, replayed from the log."""
    events = coder_events(db, coder)
    by_id = {event.id: event for event in events}
    undo: list[Event] = []
    redo: list[Event] = []
    for event in events:
        if event.action == "undo":
            if undo and undo[-1].id == event.target_event:
                redo.append(undo.pop())
        elif event.action == "redo":
            if redo and redo[-1].id == event.target_event:
                undo.append(redo.pop())
        elif event.action.startswith(("coding.", "quote.")):
            undo.append(by_id[event.id])
            redo.clear()
    return undo, redo


def undo(db: sqlite_utils.Database, coder: Coder) -> Event | None:
    """Undo the coder's latest action; None when there is nothing to undo."""
    with write(db):
        undo_stack, _ = stacks(db, coder)
        if not undo_stack:
            return None
        target = undo_stack[-1]
        _record_replay(db, coder, "undo", target, inverse_ops(target.ops))
        return target


def redo(db: sqlite_utils.Database, coder: Coder) -> Event | None:
    """Redo the coder's most recently undone action; None when there is none."""
    with write(db):
        _, redo_stack = stacks(db, coder)
        if not redo_stack:
            return None
        target = redo_stack[-1]
        _record_replay(db, coder, "redo", target, target.ops)
        return target


def _record_replay(db: sqlite_utils.Database, coder: Coder, action: str,
                   target: Event, ops: list[Op]) -> None:
    try:
        check_ops(db, ops)
    except CoderError as exc:  # a locked round: say which action cannot be taken back
        raise CoderError(f"cannot {action} {target.action} (event {target.id}): {exc}") from None
    try:
        record(db, coder_id=coder.id, action=action, ops=ops, quote_id=target.quote_id,
               target_event=target.id)
    except Exception as exc:  # the data moved on (e.g. a codebook merge): say so, change nothing
        raise CoderError(f"cannot {action} event {target.id} ({target.action}): {exc}") from exc
