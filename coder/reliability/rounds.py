"""Double-coding rounds: the fixed set of quotes that named coders must each code.

A round is all quotes, a list of quotes, the quotes one coder coded, the quotes of some
documents, or a seeded random sample of N of any of these (the study drew its reliability
sample from 46 reports). Its members are the coders who code it blind. Once locked, the
set can no longer change (the schema refuses to delete its quotes), its members' codes
and dismissals on it are frozen (:mod:`coder.coding.frozen`) and agreement on it is
final; :func:`unlock_round` reopens it, and that stays on record. Candidates that
every coder who judged them dismissed as "not a quote" are left out of new rounds (unless
listed by id); a round already made keeps its quotes whatever is dismissed later, and a
member's dismissal of a round quote counts as done.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from coder.coding.coders import CONSENSUS, ensure_coder, get_coder
from coder.coding.events import log_event, now
from coder.errors import InputError
from coder.store.db import write
from coder.store.sqlite import sqlite_utils


@dataclass(frozen=True)
class Round:
    id: int
    name: str
    scope: dict[str, Any]
    seed: int | None
    created_at: str
    locked_at: str | None
    members: tuple[str, ...] = field(default=())

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


@dataclass(frozen=True)
class Source:
    """Where a round's quotes come from (at most one of quotes, from_coder, documents)."""

    quotes: list[int] | None = None
    from_coder: str | None = None
    documents: list[int] | None = None
    sample: int | None = None
    seed: int | None = None


def _row(db: sqlite_utils.Database, row: dict[str, Any]) -> Round:
    members = tuple(r[0] for r in db.execute(
        "SELECT c.name FROM round_members m JOIN coders c ON c.id = m.coder_id"
        " WHERE m.round_id = ? ORDER BY c.name", [row["id"]]))
    return Round(row["id"], row["name"], json.loads(row["scope"]), row["seed"], row["created_at"],
                 row["locked_at"], members)


def get_round(db: sqlite_utils.Database, name: str) -> Round:
    rows = list(db.query("SELECT * FROM rounds WHERE name = ?", [name]))
    if not rows:
        known = ", ".join(r[0] for r in db.execute("SELECT name FROM rounds ORDER BY id")) or "none yet"
        raise InputError(f"unknown round {name!r} (rounds: {known})")
    return _row(db, rows[0])


def list_rounds(db: sqlite_utils.Database) -> list[Round]:
    return [_row(db, r) for r in db.query("SELECT * FROM rounds ORDER BY id")]


def create_round(db: sqlite_utils.Database, name: str, *, coders: list[str] | None = None,
                 documents: list[int] | None = None, sample: int | None = None,
                 seed: int | None = None, quotes: list[int] | None = None,
                 from_coder: str | None = None) -> Round:
    """Fix the round's quotes and members now; later imports do not change a round.

    Members are registered on first use, as `coder code` does; `consensus` cannot be one.
    """
    if not name.strip():
        raise InputError("a round needs a name")
    source = Source(quotes, from_coder, documents, sample, seed)
    if sum(x is not None and x != [] for x in (quotes, from_coder, documents)) > 1:
        raise InputError("take the quotes from one source: quote ids, a coder's coded quotes or documents "
                         "(a sample can go with any)", params=("quotes", "from_coder", "documents", "sample"))
    names = _member_names(coders or [])
    with write(db):
        if db.execute("SELECT 1 FROM rounds WHERE name = ?", [name]).fetchone():
            raise InputError(f"round {name!r} exists already")
        ids = _pool(db, source)
        if sample is not None:
            if sample < 1:
                raise InputError("the sample must hold at least 1 quote", params=("sample",))
            seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
            ids = sorted(random.Random(seed).sample(ids, min(sample, len(ids))))
        scope = {"documents": documents or "all", "sample": sample, "quotes": len(ids)}
        if quotes:
            scope["documents"] = "listed quotes"
        if from_coder:
            scope["from_coder"] = from_coder
        row = {"name": name, "scope": json.dumps(scope), "seed": seed, "created_at": now(), "locked_at": None}
        round_id = db.table("rounds").insert(row).last_pk
        db.table("round_quotes").insert_all([{"round_id": round_id, "quote_id": q} for q in ids])
        members = [ensure_coder(db, n)[0].id for n in names]
        db.table("round_members").insert_all([{"round_id": round_id, "coder_id": c} for c in members])
    return get_round(db, name)


def _member_names(names: list[str]) -> list[str]:
    names = [n.strip() for n in names if n.strip()]
    if names and len(names) < 2:
        raise InputError("a round needs at least two coders", params=("coders",))
    if len({n.lower() for n in names}) != len(names):
        raise InputError("the round names a coder twice", params=("coders",))
    if any(n.lower() == CONSENSUS for n in names):
        raise InputError(f"{CONSENSUS!r} is the adjudicated layer, not a coder of a round")
    return names


def _pool(db: sqlite_utils.Database, source: Source) -> list[int]:
    """The quote ids a round is drawn from, checked to exist."""
    if source.quotes:
        wanted = sorted(set(source.quotes))
        found = {r[0] for r in db.execute(
            f"SELECT id FROM quotes WHERE id IN ({','.join('?' * len(wanted))})", wanted)}
        missing = [q for q in wanted if q not in found]
        if missing:
            raise InputError(f"unknown quote(s) {', '.join(map(str, missing[:10]))}")
        return wanted
    sql, params = "SELECT id FROM quotes", []
    if source.from_coder:
        sql += " WHERE id IN (SELECT quote_id FROM codings WHERE coder_id = ?)"
        params = [get_coder(db, source.from_coder).id]
    elif source.documents:
        sql += f" WHERE doc_id IN ({','.join('?' * len(source.documents))})"
        params = list(source.documents)
    from coder.quotes.dismiss import excluded_from_samples

    excluded = excluded_from_samples(db)
    ids = [r[0] for r in db.execute(sql + " ORDER BY id", params) if r[0] not in excluded]
    if not ids:
        raise InputError("no quotes to put in the round")
    return ids


def round_quote_ids(db: sqlite_utils.Database, name: str) -> list[int]:
    r = get_round(db, name)
    return [row[0] for row in db.execute(
        "SELECT quote_id FROM round_quotes WHERE round_id = ? ORDER BY quote_id", [r.id])]


def uncoded(db: sqlite_utils.Database, r: Round) -> dict[str, list[int]]:
    """Per member, the round's quotes on which that member has no coding yet (a quote the
    member dismissed as not a quote is done)."""
    out = {}
    for member in r.members:
        coder = get_coder(db, member)
        out[member] = [row[0] for row in db.execute(
            "SELECT quote_id FROM round_quotes WHERE round_id = ? AND quote_id NOT IN"
            " (SELECT quote_id FROM codings WHERE coder_id = ?) AND quote_id NOT IN"
            " (SELECT quote_id FROM dismissals WHERE coder_id = ?) ORDER BY quote_id",
            [r.id, coder.id, coder.id])]
    return out


def round_progress(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    """Per member (per human coder for a round made without members): quotes coded, and
    quotes dismissed as not a quote."""
    r = get_round(db, name)
    total = db.execute("SELECT COUNT(*) FROM round_quotes WHERE round_id = ?", [r.id]).fetchone()[0]
    coders = {name: count for name, count in db.execute(
        "SELECT c.name, COUNT(DISTINCT k.quote_id) FROM coders c"
        " LEFT JOIN codings k ON k.coder_id = c.id AND k.quote_id IN"
        "   (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
        " WHERE c.kind = 'human' GROUP BY c.id ORDER BY c.name", [r.id])
        if not r.members or name in r.members}
    dismissed = {name: count for name, count in db.execute(
        "SELECT c.name, COUNT(d.quote_id) FROM coders c"
        " LEFT JOIN dismissals d ON d.coder_id = c.id AND d.quote_id IN"
        "   (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
        " WHERE c.kind = 'human' GROUP BY c.id ORDER BY c.name", [r.id])
        if name in coders}
    return {"round": r.name, "quotes": total, "locked": r.locked, "seed": r.seed, "scope": r.scope,
            "members": list(r.members), "coded": coders, "dismissed": dismissed, "uncoded": uncoded(db, r)}


def lock_round(db: sqlite_utils.Database, name: str, *, force: bool = False) -> Round:
    """Close the round; refused while a member still has uncoded quotes in it (unless forced)."""
    r = get_round(db, name)
    if r.locked:
        return r
    left = {m: len(ids) for m, ids in uncoded(db, r).items() if ids}
    if left and not force:
        detail = ", ".join(f"{m} {n} of {r.scope['quotes']}" for m, n in left.items())
        raise InputError(f"round {name!r}: uncoded quotes left ({detail}); it can be locked anyway",
                         params=("force",))
    with write(db):
        stamp = now()
        db.execute("UPDATE rounds SET locked_at = ? WHERE id = ?", [stamp, r.id])
        log_event(db, "round.lock", {"round": r.name, "round_id": r.id, "locked_at": stamp,
                                "uncoded": left})
    return get_round(db, name)


def unlock_round(db: sqlite_utils.Database, name: str, *, reason: str | None = None,
                 by: str | None = None) -> Round:
    """Reopen a locked round so that a member can mend a mistake; it is logged, and the
    agreement on the round says it was reopened (:func:`reopenings`)."""
    r = get_round(db, name)
    if not r.locked:
        raise InputError(f"round {name!r} is not locked")
    with write(db):
        db.execute("UPDATE rounds SET locked_at = NULL WHERE id = ?", [r.id])
        log_event(db, "round.unlock", {"round": r.name, "round_id": r.id, "locked_at": r.locked_at,
                                  "reason": reason or None, "by": by or None})
    return get_round(db, name)


def reopenings(db: sqlite_utils.Database, name: str) -> list[dict[str, Any]]:
    """Each time the round was reopened after a lock: when, by whom, why, and when it had
    been locked; oldest first."""
    r = get_round(db, name)
    out = []
    for at, payload in db.execute("SELECT at, payload FROM events WHERE action = 'round.unlock'"
                                  " AND json_extract(payload, '$.round_id') = ? ORDER BY id", [r.id]):
        data = json.loads(payload)
        out.append({"at": at, "by": data.get("by"), "reason": data.get("reason"),
                    "was_locked_at": data.get("locked_at")})
    return out


def round_scope(db: sqlite_utils.Database, name: str | None, *, must_be_locked: bool) -> list[int] | None:
    """The quote ids of round ``name`` (None: no round, all quotes).

    Agreement figures count only for a locked round, so ``must_be_locked`` refuses an
    open one; the adjudication queue and the ratings export may look at an open round.
    """
    if not name:
        return None
    if must_be_locked and not get_round(db, name).locked:
        raise InputError(f"round {name!r} is still open; lock it first (coder round lock {name})")
    return round_quote_ids(db, name)
