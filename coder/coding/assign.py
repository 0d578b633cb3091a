"""Coding quotes: validated changes to one coder's codings, each one event.

The CLI (``coder code 12 --coder anna transformatiedoel=normaliseren drie_vs+=v_vertrouwen``)
and the TUI both go through :func:`code_quote`, so validation, the single/multi facet
rules and the event log behave the same everywhere.

Assignment forms:

- ``facet=code`` sets a single facet (replacing the coder's earlier value); on a multi
  facet ``facet=a,b`` sets exactly that set. ``facet=`` clears the facet.
- ``facet+=code`` adds a code to a multi facet (on a single facet it is the same as ``=``).
- ``facet-=code`` removes a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coder.coding.events import Op, now, record
from coder.coding.frozen import check_not_frozen
from coder.errors import InputError
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

if TYPE_CHECKING:
    from coder.coding.coders import Coder

_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_]+)\s*(\+=|-=|=)\s*(.*?)\s*$", re.S)


@dataclass(frozen=True)
class Assignment:
    facet: str
    op: str  # "=", "+=" or "-="
    codes: tuple[str, ...]


@dataclass
class CodingResult:
    event_id: int | None = None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    memos: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.event_id is not None


def parse_assignment(text: str) -> Assignment:
    """``'drie_vs+=v_vertrouwen'`` → ``Assignment('drie_vs', '+=', ('v_vertrouwen',))``."""
    match = _ASSIGNMENT.match(text)
    if not match:
        raise InputError(f"cannot read {text!r}: expected facet=code, facet+=code or facet-=code")
    facet, op, value = match.groups()
    codes = tuple(part.strip() for part in value.split(",") if part.strip())
    if op != "=" and not codes:
        raise InputError(f"{text!r}: no code given after {op}")
    return Assignment(facet, op, codes)


def quote_row(db: sqlite_utils.Database, quote_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM quotes WHERE id = ?", [quote_id]))
    if not rows:
        raise InputError(f"unknown quote {quote_id}")
    return rows[0]


def facet_modes(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute("SELECT key, mode FROM facets"))


def _code_facets(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute("SELECT key, facet FROM codes WHERE active = 1"))


def _validate(db: sqlite_utils.Database, assignments: list[Assignment]) -> dict[str, str]:
    modes = facet_modes(db)
    code_facet = _code_facets(db)
    if not modes:
        raise InputError("the project has no codebook yet; run `coder codebook load codebook.yaml`")
    for assignment in assignments:
        if assignment.facet not in modes:
            raise InputError(f"unknown facet {assignment.facet!r} (facets: {', '.join(modes)})")
        if modes[assignment.facet] == "single" and len(assignment.codes) > 1:
            raise InputError(f"facet {assignment.facet!r} takes one code, got {len(assignment.codes)}")
        for code in assignment.codes:
            owner = code_facet.get(code)
            if owner is None:
                valid = [k for k, f in code_facet.items() if f == assignment.facet]
                raise InputError(f"unknown code {code!r} for facet {assignment.facet!r} "
                                 f"(codes: {', '.join(valid)})")
            if owner != assignment.facet:
                raise InputError(f"code {code!r} belongs to facet {owner!r}, not {assignment.facet!r}")
    return modes


def quote_codings(db: sqlite_utils.Database, quote_id: int) -> list[dict[str, Any]]:
    """Every coder's codings on a quote (coder name, facet, code, memo), by coder name."""
    return list(db.query(
        "SELECT coders.name AS coder, facet, code, memo FROM codings JOIN coders"
        " ON coders.id = codings.coder_id WHERE quote_id = ? ORDER BY coders.name, codings.id",
        [quote_id]))


def document_codes(db: sqlite_utils.Database, coder: Coder, doc_id: int) -> dict[int, list[str]]:
    """The coder's codes on each coded quote of one document (quote id -> code keys)."""
    codes: dict[int, list[str]] = {}
    for quote_id, code in db.execute(
            "SELECT c.quote_id, c.code FROM codings c JOIN quotes q ON q.id = c.quote_id"
            " WHERE c.coder_id = ? AND q.doc_id = ?", [coder.id, doc_id]):
        codes.setdefault(quote_id, []).append(code)
    return codes


def current_codings(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> list[dict[str, Any]]:
    """The coder's codings on a quote, in codebook order."""
    return list(db.query(
        "SELECT codings.* FROM codings JOIN codes ON codes.key = codings.code"
        " JOIN facets ON facets.key = codings.facet"
        " WHERE quote_id = ? AND coder_id = ? ORDER BY facets.position, codes.position",
        [quote_id, coder.id],
    ))


def _fold(assignment: Assignment, mode: str, have: set[str]) -> set[str]:
    """The facet's codes after applying one assignment to ``have``."""
    if assignment.op == "-=":
        return have - set(assignment.codes)
    if assignment.op == "+=" and mode == "multi":
        return have | set(assignment.codes)
    # "=" on any facet, or "+=" on a single facet: replace the facet's value(s)
    return set(assignment.codes)


def code_quote(
    db: sqlite_utils.Database,
    quote_id: int,
    coder: Coder,
    assignments: list[Assignment],
    *,
    memo: str | None = None,
    action: str = "coding.change",
) -> CodingResult:
    """Apply ``assignments`` (and ``memo``) for one coder on one quote, as one event.

    ``memo`` goes on the codings this call adds; when it adds none, on all of the coder's
    codings of the facets named (or of the whole quote when no facet is named).
    Nothing changes, and no event is written, when the result equals the current state.
    """
    with write(db):
        quote_row(db, quote_id)
        if assignments:  # a memo alone may still be written on a locked round
            check_not_frozen(db, quote_id, coder)
        if db.execute("SELECT 1 FROM dismissals WHERE quote_id = ? AND coder_id = ?",
                      [quote_id, coder.id]).fetchone():
            raise InputError(f"quote {quote_id} is dismissed as not a quote; undismiss it first "
                             f"(coder quote undismiss {quote_id})")
        modes = _validate(db, assignments)
        existing = current_codings(db, quote_id, coder)
        by_code = {row["code"]: row for row in existing}
        ops: list[Op] = []
        result = CodingResult()
        stamp = now()
        order = {row["code"]: i for i, row in enumerate(existing)}
        state: dict[str, set[str]] = {}
        for assignment in assignments:
            facet = assignment.facet
            have = state.get(facet, {r["code"] for r in existing if r["facet"] == facet})
            state[facet] = _fold(assignment, modes[facet], have)
        for facet, wanted in state.items():
            have = {r["code"] for r in existing if r["facet"] == facet}
            for code in sorted(have - wanted, key=lambda code: order[code]):  # have: from existing
                ops.append({"op": "coding_remove", "coding": by_code[code]})
                result.removed.append(code)
            for code in _in_request_order(assignments, facet, wanted - have):
                coding = {"id": None, "quote_id": quote_id, "coder_id": coder.id,
                          "facet": facet, "code": code, "memo": memo,
                          "created_at": stamp, "updated_at": stamp}
                ops.append({"op": "coding_add", "coding": coding})
                result.added.append(code)
        if memo is not None and not result.added:
            facets = {a.facet for a in assignments}
            for row in existing:
                if (not facets or row["facet"] in facets) and row["code"] not in result.removed \
                        and (row["memo"] or None) != (memo or None):
                    ops.append({"op": "coding_memo", "id": row["id"],
                                "before": row["memo"], "after": memo or None})
                    result.memos.append(row["code"])
        if not ops:
            return result
        _assign_ids(db, ops)
        first = assignments[0] if assignments else None
        result.event_id = record(
            db, coder_id=coder.id, action=action, ops=ops, quote_id=quote_id,
            facet=first.facet if first else None,
            code=(first.codes[0] if first and first.codes else None),
        )
        return result


def _in_request_order(assignments: list[Assignment], facet: str, codes: set[str]) -> list[str]:
    seen: list[str] = []
    for assignment in assignments:
        seen += [c for c in assignment.codes if assignment.facet == facet and c in codes and c not in seen]
    return seen


def _assign_ids(db: sqlite_utils.Database, ops: list[Op]) -> None:
    """Give new codings explicit ids so that undo and redo refer to the same rows."""
    next_id = db.execute(
        "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'codings'), 0),"
        " COALESCE((SELECT MAX(id) FROM codings), 0)) + 1"
    ).fetchone()[0]
    for op in ops:
        if op["op"] == "coding_add" and op["coding"]["id"] is None:
            op["coding"]["id"] = next_id
            next_id += 1


def toggle_code(db: sqlite_utils.Database, quote_id: int, coder: Coder, code: str) -> CodingResult:
    """Turn ``code`` on or off for the coder on the quote (off clears a single facet).

    On or off is decided from what is stored when the write lock is held, not from what a
    screen showed earlier: another process may have changed the quote in between.
    """
    with write(db):
        row = db.execute("SELECT codes.facet, facets.mode FROM codes JOIN facets ON facets.key = codes.facet"
                         " WHERE codes.key = ? AND codes.active = 1", [code]).fetchone()
        if row is None:
            raise InputError(f"unknown code {code!r}")
        facet, mode = row
        check_not_frozen(db, quote_id, coder)
        on = any(r["code"] == code for r in current_codings(db, quote_id, coder))
        if mode == "single":
            assignment = Assignment(facet, "=", () if on else (code,))
        else:
            assignment = Assignment(facet, "-=" if on else "+=", (code,))
        return code_quote(db, quote_id, coder, [assignment])


def quote_memo(db: sqlite_utils.Database, quote_id: int, coder: Coder) -> str | None:
    """The coder's memo on the quote itself (one written before or without a coding)."""
    row = db.execute("SELECT memo FROM quote_memos WHERE quote_id = ? AND coder_id = ?",
                     [quote_id, coder.id]).fetchone()
    return row[0] if row else None


def set_quote_memo(db: sqlite_utils.Database, quote_id: int, coder: Coder, memo: str | None) -> CodingResult:
    """Write (or with ``None``/"" remove) the coder's memo on a quote, as one event; a
    memo needs no coding, so a coder can note a thought before choosing codes."""
    with write(db):
        quote_row(db, quote_id)
        before = quote_memo(db, quote_id, coder)
        if (before or None) == (memo or None):
            return CodingResult()
        op = {"op": "quote_memo", "quote_id": quote_id, "coder_id": coder.id, "before": before,
              "after": memo or None}
        event = record(db, coder_id=coder.id, action="coding.memo", ops=[op], quote_id=quote_id)
        return CodingResult(event_id=event)


def set_memo(db: sqlite_utils.Database, quote_id: int, coder: Coder, code: str,
             memo: str | None) -> CodingResult:
    """Set the memo of one coding (the coder's ``code`` on ``quote_id``)."""
    with write(db):
        row = next((r for r in current_codings(db, quote_id, coder) if r["code"] == code), None)
        if row is None:
            raise InputError(f"quote {quote_id} has no coding {code!r} by this coder")
        if (row["memo"] or None) == (memo or None):
            return CodingResult()
        op = {"op": "coding_memo", "id": row["id"], "before": row["memo"], "after": memo or None}
        event = record(db, coder_id=coder.id, action="coding.memo", ops=[op],
                       quote_id=quote_id, facet=row["facet"], code=code)
        return CodingResult(event_id=event, memos=[code])
