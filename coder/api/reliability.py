"""The second-rater workflow on a :class:`~coder.api.Project`: rounds, agreement, adjudication.

Coders are named by their names (as on the command line); ``round`` limits a call to the
quotes of a double-coding round. Each method turns the names into coders once, after the
round and the blind rules are checked (which work on the names given) and before the core
is called, so the errors come in the order they always did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from coder.errors import InputError

if TYPE_CHECKING:
    from coder.coding.coders import Coder
    from coder.reliability.handoff import Handoff
    from coder.reliability.rounds import Round
    from coder.store.sqlite import sqlite_utils


class Reliability:
    """Methods for `coder round`, `coder agree --coders` and `coder adjudicate`."""

    db: sqlite_utils.Database
    path: Path

    def _scope(self, round: str | None, *, locked: bool) -> list[int] | None:
        from coder.reliability.rounds import round_scope

        return round_scope(self.db, round, must_be_locked=locked)

    def _blind(self, by: str | None, coders: list[str], quotes: list[int] | None) -> None:
        """Refuse to show an open round's coders side by side to one of them (or to nobody named)."""
        from coder.reliability.blind import blind_for

        blind_for(self.db, by).check_compare(coders, quotes)

    def _coders(self, names: list[str]) -> list[Coder]:
        """The coders with these names, in order; the first unknown name is the error."""
        from coder.coding.coders import get_coder

        return [get_coder(self.db, name) for name in names]

    def create_round(self, name: str, *, coders: list[str] | None = None, quotes: list[int] | None = None,
                     from_coder: str | None = None, documents: list[int] | None = None,
                     sample: int | None = None, seed: int | None = None) -> Round:
        """Fix the quotes and coders of a new round: listed quotes, one coder's coded quotes,
        some documents or all, optionally a seeded random sample of them."""
        from coder.reliability.rounds import create_round

        return create_round(self.db, name, coders=coders, quotes=quotes, from_coder=from_coder,
                            documents=documents or None, sample=sample, seed=seed)

    def rounds(self) -> list[Round]:
        """Every round with its size and whether it is locked."""
        from coder.reliability.rounds import list_rounds

        return list_rounds(self.db)

    def round_status(self, name: str) -> dict[str, Any]:
        """How many of the round's quotes each of its coders has coded, and which are left."""
        from coder.reliability.rounds import round_progress

        return round_progress(self.db, name)

    def lock_round(self, name: str, *, force: bool = False) -> Round:
        """Close a round: its quotes are fixed and its agreement final. Refused while a
        coder has uncoded quotes in it, unless ``force``."""
        from coder.reliability.rounds import lock_round

        return lock_round(self.db, name, force=force)

    def unlock_round(self, name: str, *, reason: str | None = None, by: str | None = None) -> Round:
        """Reopen a locked round so that a member can mend a coding; the reopening is
        logged and shown with the round's agreement from then on."""
        from coder.reliability.rounds import unlock_round

        return unlock_round(self.db, name, reason=reason, by=by)

    def round_quotes(self, name: str | None) -> list[int] | None:
        """The quote ids of a round, open or locked (None for no round: all quotes)."""
        return self._scope(name, locked=False)

    def round_coders(self, name: str) -> list[str]:
        """The coders named for a round (at least two), for `agree --round` without --coders."""
        from coder.reliability.rounds import get_round

        members = list(get_round(self.db, name).members)
        if len(members) < 2:
            raise InputError(f"round {name!r} names no coders; name two or more", params=("coders",))
        return members

    def agreement(self, *coders: str, facet: str | None = None, round: str | None = None,
                  ci: str = "analytic", require_locked: bool = True, by: str | None = None) -> dict[str, Any]:
        """Agreement of two or more coders per facet and code, per goal, and their disagreements
        (with three or more: Fleiss, Conger, alpha and AC1 over all, plus ``pairs``).

        With ``round``, only that round's quotes (its coders when none are named); final
        figures need a locked round, a look at work in progress (the TUI) passes
        ``require_locked=False``. Members of an open round are compared only for someone
        outside it (``by``).
        """
        from coder.reliability.compare import coders_agreement

        names = list(coders) or self.round_coders(round or "")
        quotes = self._scope(round, locked=require_locked)
        self._blind(by, names, quotes)
        out = coders_agreement(self.db, self._coders(names), facet=facet, ci=ci, quotes=quotes)
        if round:
            out["round"] = self._round_record(round)
        return out

    def _round_record(self, name: str) -> dict[str, Any]:
        """The round's name, lock time and reopenings, for the agreement on it."""
        from coder.reliability.rounds import get_round, reopenings

        r = get_round(self.db, name)
        return {"name": r.name, "locked_at": r.locked_at, "reopened": reopenings(self.db, name)}

    def ratings(self, coders: list[str], variable: str, *, round: str | None = None,
                by: str | None = None) -> list[tuple[str, str, str]]:
        """The coders' (unit, coder, value) rows for one single facet or one code."""
        from coder.reliability.compare import ratings_rows

        quotes = self._scope(round, locked=False)
        self._blind(by, coders, quotes)
        return ratings_rows(self.db, self._coders(coders), variable, quotes)

    def disagreements(self, coder_a: str, coder_b: str, *, round: str | None = None,
                      by: str | None = None) -> list[dict[str, Any]]:
        """The adjudication queue: unresolved disagreements, one per quote and single facet,
        one per quote and code of a multi facet."""
        from coder.reliability.adjudication import queue

        quotes = self._scope(round, locked=False)
        self._blind(by, [coder_a, coder_b], quotes)
        a, b = self._coders([coder_a, coder_b])
        return queue(self.db, a, b, quotes)

    def accept_agreed(self, coder_a: str, coder_b: str, *, round: str | None = None,
                      by: str | None = None) -> int:
        """Copy everything both coders agree on (per code for multi facets) into the consensus
        layer; how many."""
        from coder.reliability.adjudication import accept_agreed

        quotes = self._scope(round, locked=False)
        self._blind(by, [coder_a, coder_b], quotes)
        a, b = self._coders([coder_a, coder_b])
        return accept_agreed(self.db, a, b, quotes)

    def resolve(self, coder_a: str, coder_b: str, quote_id: int, facet: str, pick: str, *,
                code: str | None = None, codes: list[str] | None = None, reason: str | None = None,
                adjudicator: str | None = None) -> list[str]:
        """Decide one disagreement (pick ``a``, ``b``, ``both`` or ``other`` codes; on a multi
        facet one ``code`` at a time); the consensus codes now on the facet."""
        from coder.reliability.adjudication import decision_mode, resolve

        self._blind(adjudicator, [coder_a, coder_b], [quote_id])
        decision_mode(self.db, facet, pick)  # a bad pick or facet is told before an unknown coder
        a, b = self._coders([coder_a, coder_b])
        return list(resolve(self.db, a, b, quote_id, facet, pick, code=code, codes=codes,
                            reason=reason, adjudicator=adjudicator))

    def handoff(self, coder: str, output: str | Path, *, force: bool = False) -> Handoff:
        """Write a complete copy of the project for ``coder`` (registered if new), without
        anyone else's codings, memos, history or adjudications; never onto this project,
        an existing file only with ``force``."""
        from coder.reliability.handoff import handoff

        return handoff(self.db, self.path, coder, output, force=force)
