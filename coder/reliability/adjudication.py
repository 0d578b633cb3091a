"""Adjudication: turning two coders' codings into a consensus layer.

Both originals stay untouched. Where the coders agree on a facet of a quote, `accept_agreed`
copies their codes into the consensus layer; every other (quote, facet) is a disagreement
in the queue until the adjudicator resolves it: A, B, both, or other codes, with a reason.
Each decision is stored (table `adjudications`) and written to the consensus layer as one
undoable coding event.
"""

from __future__ import annotations

import json

from coder.store.sqlite import sqlite_utils

from coder.coding.coders import CONSENSUS, add_coder, find_coder, get_coder
from coder.coding.assign import Assignment, code_quote
from coder.store.db import write
from coder.errors import InputError
from coder.coding.events import now
from coder.reliability.compare import coder_codings, shared_units

CHOICES = ("a", "b", "both", "other")


def _consensus(db: sqlite_utils.Database):
    return find_coder(db, CONSENSUS) or add_coder(db, CONSENSUS, kind="consensus")


def compare(db: sqlite_utils.Database, coder_a: str, coder_b: str,
            quotes: list[int] | None = None) -> tuple[list[dict], list[dict]]:
    """(agreements, disagreements) per (quote, facet) over the quotes both coders coded."""
    a, b = get_coder(db, coder_a), get_coder(db, coder_b)
    sa, sb = coder_codings(db, a.id), coder_codings(db, b.id)
    facets = [r[0] for r in db.execute("SELECT key FROM facets ORDER BY position")]
    agreed, differ = [], []
    for quote_id in shared_units(sa, sb, quotes):
        for facet in facets:
            ca, cb = sa[quote_id].get(facet, set()), sb[quote_id].get(facet, set())
            if not ca and not cb:
                continue
            item = {"quote": quote_id, "facet": facet, "a": sorted(ca), "b": sorted(cb)}
            if ca == cb:
                agreed.append(item)
            else:
                item["kind"] = "one coder only" if not ca or not cb else "different codes"
                differ.append(item)
    return agreed, differ


def _decided(db: sqlite_utils.Database) -> set[tuple[int, str]]:
    return {(q, f) for q, f in db.execute("SELECT quote_id, facet FROM adjudications")}


def queue(db: sqlite_utils.Database, coder_a: str, coder_b: str,
          quotes: list[int] | None = None) -> list[dict]:
    """Disagreements not yet resolved, with the quote text and where it comes from."""
    _, differ = compare(db, coder_a, coder_b, quotes)
    done = _decided(db)
    info = {r[0]: r[1:] for r in db.execute(
        "SELECT q.id, d.title, q.page, q.text FROM quotes q JOIN documents d ON d.id = q.doc_id")}
    out = []
    for item in differ:
        if (item["quote"], item["facet"]) in done:
            continue
        title, page, text = info[item["quote"]]
        out.append({**item, "document": title, "page": page, "text": text})
    return out


def accept_agreed(db: sqlite_utils.Database, coder_a: str, coder_b: str,
                  quotes: list[int] | None = None) -> int:
    """Copy every agreement into the consensus layer (once); returns how many were copied."""
    agreed, _ = compare(db, coder_a, coder_b, quotes)
    a, b = get_coder(db, coder_a), get_coder(db, coder_b)
    copied = 0
    with write(db):
        consensus = _consensus(db)
        done = _decided(db)
        for item in agreed:
            if (item["quote"], item["facet"]) in done:
                continue
            _decide(db, consensus.id, a.id, b.id, item["quote"], item["facet"], "agreed", item["a"],
                    None, None)
            copied += 1
    return copied


def resolve(db: sqlite_utils.Database, coder_a: str, coder_b: str, quote_id: int, facet: str,
            choice: str, *, codes: list[str] | None = None, reason: str | None = None,
            adjudicator: str | None = None) -> list[str]:
    """Settle one disagreement; returns the consensus codes now on the quote's facet."""
    if choice not in CHOICES:
        raise InputError(f"unknown choice {choice!r} (choose from {', '.join(CHOICES)})")
    a, b = get_coder(db, coder_a), get_coder(db, coder_b)
    sa = coder_codings(db, a.id).get(quote_id, {}).get(facet, set())
    sb = coder_codings(db, b.id).get(quote_id, {}).get(facet, set())
    chosen = {"a": sa, "b": sb, "both": sa | sb, "other": set(codes or [])}[choice]
    if choice == "other" and not codes:
        raise InputError("--pick other needs --codes")
    if choice != "other" and codes:
        raise InputError("--codes goes with --pick other")
    with write(db):
        consensus = _consensus(db)
        db.execute("DELETE FROM adjudications WHERE quote_id = ? AND facet = ?", [quote_id, facet])
        _decide(db, consensus.id, a.id, b.id, quote_id, facet, choice, sorted(chosen), reason, adjudicator)
    return sorted(chosen)


def _decide(db, consensus_id: int, a_id: int, b_id: int, quote_id: int, facet: str, choice: str,
            codes: list[str], reason: str | None, adjudicator: str | None) -> None:
    code_quote(db, quote_id, consensus_id, [Assignment(facet, "=", tuple(codes))],
               action="adjudication")
    db["adjudications"].insert({"quote_id": quote_id, "facet": facet, "coder_a": a_id, "coder_b": b_id,
                                "choice": choice, "codes": json.dumps(codes), "reason": reason,
                                "adjudicator": adjudicator, "decided_at": now()})
