"""Adjudication: turning two coders' codings into a consensus layer.

Both originals stay untouched. A single facet is decided as a whole; a multi facet per
code, because agreement there is per code too: a code both coders gave goes into
consensus with `accept_agreed`, and each code only one of them gave is a decision of its
own (keep it or not). Every other (quote, facet) of a single facet where the coders
differ waits in the queue: A, B, both, or other codes, with a reason. Each decision is
stored (table `adjudications`, `code` '' for a whole facet) with both coders' memos, and
written to the consensus layer as one coding event; the memos travel onto the consensus
codings so exports show them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from coder.codebook.facets import facet_codes
from coder.coding.assign import Assignment, code_quote, set_memo
from coder.coding.coders import Coder, consensus_layer
from coder.coding.events import now
from coder.errors import InputError
from coder.reliability.blind import open_rounds
from coder.reliability.compare import shared_units
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

CHOICES = ("a", "b", "both", "other")
Key = tuple[int, str, str]  # (quote, facet, code or '' for a whole single facet)


@dataclass
class Side:
    """One coder's codes and memos per quote and facet."""

    coder: Coder
    codes: dict[int, dict[str, set[str]]]
    memos: dict[tuple[int, str], str]  # (quote, code) -> memo
    dismissed: set[int]  # quotes this coder dismissed as not a quote (they hold no codings)

    def judged(self) -> dict[int, dict[str, set[str]]]:
        """Every quote the coder coded or dismissed; a dismissed one has no codes."""
        return {**{q: {} for q in self.dismissed}, **self.codes}


def _side(db: sqlite_utils.Database, coder: Coder) -> Side:
    codes: dict[int, dict[str, set[str]]] = {}
    memos: dict[tuple[int, str], str] = {}
    for quote_id, facet, code, memo in db.execute(
            "SELECT quote_id, facet, code, memo FROM codings WHERE coder_id = ?", [coder.id]):
        codes.setdefault(quote_id, {}).setdefault(facet, set()).add(code)
        if memo:
            memos[(quote_id, code)] = memo
    dismissed = {r[0] for r in db.execute("SELECT quote_id FROM dismissals WHERE coder_id = ?", [coder.id])}
    return Side(coder, codes, memos, dismissed)


def _kind(a: Side, b: Side, quote_id: int, ca: set[str], cb: set[str]) -> str:
    """Why a (quote, facet[, code]) is in the queue: a coder who dismissed the quote as not
    a quote disagrees with one who coded it, and that is decided like any other difference."""
    for side in (a, b):
        if quote_id in side.dismissed:
            return f"not a quote for {side.coder.name}"
    return "one coder only" if not ca or not cb else "different codes"


def _items(a: Side, b: Side, quotes: list[int] | None,
           modes: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    agreed, differ = [], []
    judged_a, judged_b = a.judged(), b.judged()
    for quote_id in shared_units(judged_a, judged_b, quotes):
        for facet, mode in modes.items():
            ca, cb = judged_a[quote_id].get(facet, set()), judged_b[quote_id].get(facet, set())
            if mode == "multi":
                for code in sorted(ca | cb):
                    item = {"quote": quote_id, "facet": facet, "code": code,
                            "a": [code] if code in ca else [], "b": [code] if code in cb else []}
                    if code in ca and code in cb:
                        agreed.append(item)
                    else:
                        differ.append({**item, "kind": _kind(a, b, quote_id, ca, cb)})
                continue
            if not ca and not cb:
                continue
            item = {"quote": quote_id, "facet": facet, "code": "", "a": sorted(ca), "b": sorted(cb)}
            if ca == cb:
                agreed.append(item)
            else:
                differ.append({**item, "kind": _kind(a, b, quote_id, ca, cb)})
    return agreed, differ


def _modes(db: sqlite_utils.Database) -> dict[str, str]:
    return {key: f.mode for key, f in facet_codes(db).items()}


def compare(db: sqlite_utils.Database, coder_a: Coder, coder_b: Coder,
            quotes: list[int] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(agreements, disagreements) over the quotes both coders coded: per (quote, facet) for
    a single facet, per (quote, facet, code) for a multi facet."""
    return _items(_side(db, coder_a), _side(db, coder_b), quotes, _modes(db))


def _decided(db: sqlite_utils.Database) -> set[Key]:
    return {(q, f, c) for q, f, c in db.execute("SELECT quote_id, facet, code FROM adjudications")}


def _key(item: dict[str, Any]) -> Key:
    return (item["quote"], item["facet"], item["code"])


def queue(db: sqlite_utils.Database, coder_a: Coder, coder_b: Coder,
          quotes: list[int] | None = None) -> list[dict[str, Any]]:
    """Disagreements not yet resolved, with the quote text and where it comes from."""
    _, differ = compare(db, coder_a, coder_b, quotes)
    done = _decided(db)
    info = {r[0]: r[1:] for r in db.execute(
        "SELECT q.id, d.title, q.page, q.text FROM quotes q JOIN documents d ON d.id = q.doc_id")}
    out = []
    for item in differ:
        if _key(item) in done:
            continue
        title, page, text = info[item["quote"]]
        out.append({**item, "document": title, "page": page, "text": text})
    return out


def accept_agreed(db: sqlite_utils.Database, coder_a: Coder, coder_b: Coder,
                  quotes: list[int] | None = None) -> int:
    """Copy every agreement (per code for multi facets) into the consensus layer, once."""
    a, b = _side(db, coder_a), _side(db, coder_b)
    agreed, _ = _items(a, b, quotes, _modes(db))
    copied = 0
    with write(db):
        consensus = consensus_layer(db)
        done = _decided(db)
        for item in agreed:
            if _key(item) in done:
                continue
            _decide(db, consensus, a, b, item, "agreed", item["a"], None, None)
            copied += 1
    return copied


def decision_mode(db: sqlite_utils.Database, facet: str, choice: str) -> str:
    """The mode ("single" or "multi") of the facet a decision is about, once the choice and
    the facet are known ones. Checked before the coders are looked up, so that a bad choice
    or facet is the first thing a user hears about, before an unknown coder."""
    if choice not in CHOICES:
        raise InputError(f"unknown choice {choice!r} (choose from {', '.join(CHOICES)})")
    modes = _modes(db)
    if facet not in modes:
        raise InputError(f"unknown facet {facet!r} (facets: {', '.join(modes)})")
    return modes[facet]


def resolve(db: sqlite_utils.Database, coder_a: Coder, coder_b: Coder, quote_id: int, facet: str,
            choice: str, *, code: str | None = None, codes: list[str] | None = None,
            reason: str | None = None, adjudicator: str | None = None) -> list[str]:
    """Settle one disagreement; returns the consensus codes now on the quote's facet.

    On a multi facet, name the ``code``: `a`/`b` follow that coder (keep the code or not),
    `both` keeps it.
    """
    mode = decision_mode(db, facet, choice)
    a, b = _side(db, coder_a), _side(db, coder_b)
    sa = a.codes.get(quote_id, {}).get(facet, set())
    sb = b.codes.get(quote_id, {}).get(facet, set())
    if mode == "multi":
        chosen = _per_code_choice(facet, code, choice, codes, sa, sb)
    else:
        if code:
            raise InputError(f"{facet!r} takes one code: decide it as a whole, not per code",
                             params=("code",))
        if choice == "other" and not codes:
            raise InputError("choosing other codes needs the codes to set", params=("pick", "codes"))
        if choice != "other" and codes:
            raise InputError("codes to set go only with choosing other codes", params=("codes", "pick"))
        chosen = {"a": sa, "b": sb, "both": sa | sb, "other": set(codes or [])}[choice]
    item = {"quote": quote_id, "facet": facet, "code": code or ""}
    with write(db):
        consensus = consensus_layer(db)
        db.execute("DELETE FROM adjudications WHERE quote_id = ? AND facet = ? AND code = ?",
                   [quote_id, facet, code or ""])
        _decide(db, consensus, a, b, item, choice, sorted(chosen), reason, adjudicator)
    return sorted(c for r in db.execute(
        "SELECT code FROM codings WHERE quote_id = ? AND coder_id = ? AND facet = ?",
        [quote_id, consensus.id, facet]) for c in r)


def _per_code_choice(facet: str, code: str | None, choice: str, codes: list[str] | None,
                     sa: set[str], sb: set[str]) -> set[str]:
    if not code:
        raise InputError(f"{facet!r} is decided per code: name the code", params=("code",))
    if choice == "other" or codes:
        raise InputError("per code, pick a or b (follow that coder) or both (keep the code)")
    if code not in sa | sb:
        raise InputError(f"neither coder gave {code!r} on this quote")
    keep = {"a": code in sa, "b": code in sb, "both": True}[choice]
    return {code} if keep else set()


def _decide(db: sqlite_utils.Database, consensus: Coder, a: Side, b: Side, item: dict[str, Any],
            choice: str, codes: list[str], reason: str | None, adjudicator: str | None) -> None:
    quote_id, facet, code = item["quote"], item["facet"], item["code"]
    given = a.codes.get(quote_id, {}).get(facet, set()) | b.codes.get(quote_id, {}).get(facet, set())
    memos = _memos(a, b, quote_id, [code] if code else sorted(given))
    memo = "; ".join(f"{name}: {text}" for name, text in memos.items()) or None
    if code:
        op = "+=" if codes else "-="
        had = code in {r[0] for r in db.execute(
            "SELECT code FROM codings WHERE quote_id = ? AND coder_id = ?", [quote_id, consensus.id])}
        code_quote(db, quote_id, consensus, [Assignment(facet, op, (code,))],
                   memo=memo if codes and not had else None, action="adjudication")
        if had and codes and memo:
            set_memo(db, quote_id, consensus, code, memo)
    else:
        code_quote(db, quote_id, consensus, [Assignment(facet, "=", tuple(codes))], memo=memo,
                   action="adjudication")
    db.table("adjudications").insert({
        "quote_id": quote_id, "facet": facet, "code": code, "coder_a": a.coder.id, "coder_b": b.coder.id,
        "choice": choice, "codes": json.dumps(codes), "memos": json.dumps(memos, ensure_ascii=False),
        "reason": reason, "adjudicator": adjudicator, "decided_at": now()})


def _memos(a: Side, b: Side, quote_id: int, codes: list[str]) -> dict[str, str]:
    """Both coders' memos on the codings a decision is about (by coder name)."""
    out = {}
    for side in (a, b):
        texts = []
        for code in codes:
            memo = side.memos.get((quote_id, code))
            if memo and memo not in texts:
                texts.append(memo)
        if texts:
            out[side.coder.name] = " / ".join(texts)
    return out


def unresolved(db: sqlite_utils.Database) -> dict[int, list[str]]:
    """Quotes whose facets the consensus layer has not settled yet: facet keys per quote.

    Looked at for every pair of coders whose codings the consensus is to settle: a pair
    that adjudication has been started for, and each pair of members of a locked round,
    also before its first decision (until then every difference of theirs is open, not a
    quote missing from the consensus). Over all quotes both of them coded or dismissed,
    except those of an open round of either: they code those blind, and even which facets
    differ would tell.
    """
    out: dict[int, list[str]] = {}
    rounds = open_rounds(db)
    every = [r[0] for r in db.execute("SELECT id FROM quotes")]
    for coder_a, coder_b in _pairs(db):
        pair = {coder_a.name.lower(), coder_b.name.lower()}
        blind = {q for r in rounds if r.members & pair for q in r.quotes}
        scope = [q for q in every if q not in blind]
        for item in queue(db, coder_a, coder_b, scope):
            facets = out.setdefault(item["quote"], [])
            if item["facet"] not in facets:
                facets.append(item["facet"])
    return out


def _pairs(db: sqlite_utils.Database) -> list[tuple[Coder, Coder]]:
    """The coder pairs of the adjudications so far and of the locked rounds, each once."""
    started = db.execute("SELECT DISTINCT coder_a, coder_b FROM adjudications").fetchall()
    rounds: dict[int, list[int]] = {}
    for round_id, coder_id in db.execute(
            "SELECT m.round_id, m.coder_id FROM round_members m JOIN rounds r ON r.id = m.round_id"
            " WHERE r.locked_at IS NOT NULL ORDER BY m.round_id, m.coder_id"):
        rounds.setdefault(round_id, []).append(coder_id)
    members = [(a, b) for ids in rounds.values() for i, a in enumerate(ids) for b in ids[i + 1:]]
    coders = {row[0]: Coder(*row) for row in db.execute("SELECT id, name, kind FROM coders")}
    seen: set[frozenset[int]] = set()
    pairs = []
    for a, b in [*started, *members]:
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            pairs.append((coders[a], coders[b]))
    return pairs
