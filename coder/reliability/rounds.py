"""Double-coding rounds: the fixed set of quotes both coders must code.

A round is all quotes, the quotes of some documents, or a seeded random sample of N
quotes (the study drew its reliability sample from 46 reports). Once locked, the set can
no longer change and agreement on it is final. Candidates that every coder who judged
them dismissed as "not a quote" are left out of new rounds; a round already made keeps
its quotes whatever is dismissed later.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from coder.store.sqlite import sqlite_utils

from coder.store.db import write
from coder.errors import InputError
from coder.coding.events import now


@dataclass(frozen=True)
class Round:
    id: int
    name: str
    scope: dict
    seed: int | None
    created_at: str
    locked_at: str | None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


def _row(row: dict) -> Round:
    return Round(row["id"], row["name"], json.loads(row["scope"]), row["seed"], row["created_at"],
                 row["locked_at"])


def get_round(db: sqlite_utils.Database, name: str) -> Round:
    rows = list(db.query("SELECT * FROM rounds WHERE name = ?", [name]))
    if not rows:
        known = ", ".join(r[0] for r in db.execute("SELECT name FROM rounds ORDER BY id")) or "none yet"
        raise InputError(f"unknown round {name!r} (rounds: {known})")
    return _row(rows[0])


def list_rounds(db: sqlite_utils.Database) -> list[Round]:
    return [_row(r) for r in db.query("SELECT * FROM rounds ORDER BY id")]


def create_round(db: sqlite_utils.Database, name: str, *, documents: list[int] | None = None,
                 sample: int | None = None, seed: int | None = None) -> Round:
    """Fix the round's quotes now; later imports do not change a round."""
    if not name.strip():
        raise InputError("a round needs a name")
    with write(db):
        if db.execute("SELECT 1 FROM rounds WHERE name = ?", [name]).fetchone():
            raise InputError(f"round {name!r} exists already")
        sql, params = "SELECT id FROM quotes", []
        if documents:
            sql += f" WHERE doc_id IN ({','.join('?' * len(documents))})"
            params = list(documents)
        from coder.quotes.dismiss import excluded_from_samples

        excluded = excluded_from_samples(db)
        ids = [r[0] for r in db.execute(sql + " ORDER BY id", params) if r[0] not in excluded]
        if not ids:
            raise InputError("no quotes to put in the round")
        if sample is not None:
            if sample < 1:
                raise InputError("--sample must be at least 1")
            seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
            ids = sorted(random.Random(seed).sample(ids, min(sample, len(ids))))
        scope = {"documents": documents or "all", "sample": sample, "quotes": len(ids)}
        round_id = db["rounds"].insert({"name": name, "scope": json.dumps(scope), "seed": seed,
                                        "created_at": now(), "locked_at": None}).last_pk
        db["round_quotes"].insert_all([{"round_id": round_id, "quote_id": q} for q in ids])
    return get_round(db, name)


def round_quote_ids(db: sqlite_utils.Database, name: str) -> list[int]:
    r = get_round(db, name)
    return [row[0] for row in db.execute(
        "SELECT quote_id FROM round_quotes WHERE round_id = ? ORDER BY quote_id", [r.id])]


def round_progress(db: sqlite_utils.Database, name: str) -> dict:
    """Per human coder: how many of the round's quotes they have coded, and dismissed."""
    r = get_round(db, name)
    total = db.execute("SELECT COUNT(*) FROM round_quotes WHERE round_id = ?", [r.id]).fetchone()[0]
    coders = {name: count for name, count in db.execute(
        "SELECT c.name, COUNT(DISTINCT k.quote_id) FROM coders c"
        " LEFT JOIN codings k ON k.coder_id = c.id AND k.quote_id IN"
        "   (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
        " WHERE c.kind = 'human' GROUP BY c.id ORDER BY c.name", [r.id])}
    dismissed = {name: count for name, count in db.execute(
        "SELECT c.name, COUNT(d.quote_id) FROM coders c"
        " LEFT JOIN dismissals d ON d.coder_id = c.id AND d.quote_id IN"
        "   (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
        " WHERE c.kind = 'human' GROUP BY c.id ORDER BY c.name", [r.id])}
    return {"round": r.name, "quotes": total, "locked": r.locked, "seed": r.seed, "scope": r.scope,
            "coded": coders, "dismissed": dismissed}


def lock_round(db: sqlite_utils.Database, name: str) -> Round:
    r = get_round(db, name)
    if r.locked:
        return r
    with write(db):
        db.execute("UPDATE rounds SET locked_at = ? WHERE id = ?", [now(), r.id])
    return get_round(db, name)


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
