"""Blind coding: who may see which codings while a round is open.

While a round with named coders is open, its quotes show each member only their own
codings and memos. Anyone else (a supervisor, the adjudicator) who names themselves with
``--by NAME`` sees everything; nobody named sees the members' codings on those quotes
hidden. Comparing or adjudicating members of an open round is refused outright, since
it would show one coder the other's codes.

The CLI cannot check who types a command: this keeps coders from stumbling on each
other's work, it does not lock anyone out. The hand-off copy (:mod:`coder.reliability.handoff`)
is what makes the second coder's file truly blind: other coders' work is not in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coder.errors import InputError
from coder.store.sqlite import sqlite_utils

if TYPE_CHECKING:
    from coder.coding.coders import Coder


@dataclass(frozen=True)
class OpenRound:
    name: str
    members: frozenset[str]  # lower-case names
    quotes: frozenset[int]


@dataclass(frozen=True)
class Blind:
    """What one viewer may see; ``viewer`` is None when nobody named themselves."""

    viewer: str | None
    rounds: tuple[OpenRound, ...]

    def _binding(self) -> tuple[OpenRound, ...]:
        """The open rounds that restrict this viewer (all of them for an unnamed viewer)."""
        if self.viewer is None:
            return self.rounds
        return tuple(r for r in self.rounds if self.viewer.lower() in r.members)

    def visible(self, quote_id: int, coder: str) -> bool:
        """May the viewer see ``coder``'s codings on this quote?"""
        for r in self._binding():
            if quote_id not in r.quotes:
                continue
            if self.viewer is None and coder.lower() in r.members:
                return False
            if self.viewer is not None and coder.lower() != self.viewer.lower():
                return False
        return True

    def quote_visible(self, quote_id: int, origin: str, maker: str | None) -> bool:
        """A coder in an open round sees others' manual quotes only when they are part of
        one of their rounds (a quote someone drew is a trace of their coding)."""
        binding = self._binding()
        if self.viewer is None or not binding or origin != "manual" or maker is None:
            return True
        if maker.lower() == self.viewer.lower():
            return True
        return any(quote_id in r.quotes for r in binding)

    def check_compare(self, coders: list[str], quotes: list[int] | None = None) -> None:
        """Refuse to put members' codings of an open round side by side for this viewer."""
        names = {c.lower() for c in coders}
        for r in self._binding():
            if names & r.members and (quotes is None or r.quotes & set(quotes)):
                raise InputError(
                    f"round {r.name!r} is open and its coders code blind: lock it first "
                    f"(coder round lock {r.name}), or, if you are not one of its coders, "
                    "say who you are", params=("by",))

    def check_layer(self, coder: str) -> None:
        """Refuse to show ``coder``'s whole layer when it holds blind codings for this viewer."""
        for r in self._binding():
            if coder.lower() in r.members and (self.viewer is None or coder.lower() != self.viewer.lower()):
                raise InputError(
                    f"{coder}'s codings include the open round {r.name!r}, which its coders code "
                    f"blind; only {coder} or someone outside the round, saying who they are, "
                    "can see them", params=("by",))


def open_rounds(db: sqlite_utils.Database) -> tuple[OpenRound, ...]:
    out = []
    for round_id, name in db.execute("SELECT id, name FROM rounds WHERE locked_at IS NULL ORDER BY id"):
        members = frozenset(r[0].lower() for r in db.execute(
            "SELECT c.name FROM round_members m JOIN coders c ON c.id = m.coder_id WHERE m.round_id = ?",
            [round_id]))
        if members:
            quotes = frozenset(r[0] for r in db.execute(
                "SELECT quote_id FROM round_quotes WHERE round_id = ?", [round_id]))
            out.append(OpenRound(name, members, quotes))
    return tuple(out)


def blind_for(db: sqlite_utils.Database, viewer: str | None) -> Blind:
    """The blind rules for ``viewer`` (a coder name, or None when nobody said who asks)."""
    viewer = viewer.strip() if viewer and viewer.strip() else None
    return Blind(viewer, open_rounds(db))


def member_of_open_round(db: sqlite_utils.Database, coder: Coder) -> str | None:
    """The name of an open round ``coder`` codes blind in, if any (the TUI's compare key)."""
    return next((r.name for r in open_rounds(db) if coder.name.lower() in r.members), None)


def visible_quotes(db: sqlite_utils.Database, rows: list[dict[str, Any]],
                   blind: Blind) -> list[dict[str, Any]]:
    """The quote rows (with origin and created_by) the viewer may see."""
    makers = dict(db.execute("SELECT id, name FROM coders"))
    return [r for r in rows if blind.quote_visible(r["id"], r["origin"], makers.get(r.get("created_by")))]


def visible_codings(db: sqlite_utils.Database, quote_ids: list[int],
                    blind: Blind) -> tuple[dict[int, list[dict[str, Any]]], int]:
    """Each quote's codings the viewer may see (coder, facet, code, memo), and how many
    codings were held back."""
    out: dict[int, list[dict[str, Any]]] = {q: [] for q in quote_ids}
    hidden = 0
    wanted = set(quote_ids)
    for quote_id, coder, facet, code, memo in db.execute(
            "SELECT k.quote_id, c.name, k.facet, k.code, k.memo FROM codings k"
            " JOIN coders c ON c.id = k.coder_id ORDER BY c.name, k.id"):
        if quote_id not in wanted:
            continue
        if blind.visible(quote_id, coder):
            out[quote_id].append({"coder": coder, "facet": facet, "code": code, "memo": memo})
        else:
            hidden += 1
    return out, hidden
