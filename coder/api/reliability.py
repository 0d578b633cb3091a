"""The second-rater workflow on a :class:`~coder.api.Project`: rounds, agreement, adjudication.

Coders are named by their names (as on the command line); ``round`` limits a call to the
quotes of a double-coding round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coder.reliability.rounds import Round
    from coder.store.sqlite import sqlite_utils


class Reliability:
    """Methods for `coder round`, `coder agree --coders` and `coder adjudicate`."""

    db: sqlite_utils.Database

    def _scope(self, round: str | None, *, locked: bool) -> list[int] | None:
        from coder.reliability.rounds import round_scope

        return round_scope(self.db, round, must_be_locked=locked)

    def create_round(self, name: str, *, documents: list[int] | None = None, sample: int | None = None,
                     seed: int | None = None) -> Round:
        """Fix the quotes of a new round: all, some documents, or a seeded random sample."""
        from coder.reliability.rounds import create_round

        return create_round(self.db, name, documents=documents or None, sample=sample, seed=seed)

    def rounds(self) -> list[Round]:
        """Every round with its size and whether it is locked."""
        from coder.reliability.rounds import list_rounds

        return list_rounds(self.db)

    def round_status(self, name: str) -> dict[str, Any]:
        """How many of the round's quotes each coder has coded."""
        from coder.reliability.rounds import round_progress

        return round_progress(self.db, name)

    def lock_round(self, name: str) -> Round:
        """Close a round: its agreement figures are final from now on."""
        from coder.reliability.rounds import lock_round

        return lock_round(self.db, name)

    def round_quotes(self, name: str | None) -> list[int] | None:
        """The quote ids of a round, open or locked (None for no round: all quotes)."""
        return self._scope(name, locked=False)

    def agreement(self, coder_a: str, coder_b: str, *, facet: str | None = None,
                  round: str | None = None, ci: str = "analytic",
                  require_locked: bool = True) -> dict[str, Any]:
        """Agreement of two coders per facet and code, per goal, and their disagreements.

        With ``round``, only that round's quotes; final figures need a locked round, a
        look at work in progress (the TUI) passes ``require_locked=False``.
        """
        from coder.reliability.compare import project_agreement

        return project_agreement(self.db, coder_a, coder_b, facet=facet, ci=ci,
                                 quotes=self._scope(round, locked=require_locked))

    def ratings(self, coder_a: str, coder_b: str, variable: str, *,
                round: str | None = None) -> list[tuple[str, str, str]]:
        """Two coders' (unit, coder, value) rows for one single facet or one code."""
        from coder.reliability.compare import ratings_rows

        return ratings_rows(self.db, coder_a, coder_b, variable, self._scope(round, locked=False))

    def disagreements(self, coder_a: str, coder_b: str, *, round: str | None = None) -> list[dict[str, Any]]:
        """The adjudication queue: unresolved disagreements, one per quote and facet."""
        from coder.reliability.adjudication import queue

        return queue(self.db, coder_a, coder_b, self._scope(round, locked=False))

    def accept_agreed(self, coder_a: str, coder_b: str, *, round: str | None = None) -> int:
        """Copy everything both coders agree on into the consensus layer; how many."""
        from coder.reliability.adjudication import accept_agreed

        return accept_agreed(self.db, coder_a, coder_b, self._scope(round, locked=False))

    def resolve(self, coder_a: str, coder_b: str, quote_id: int, facet: str, pick: str, *,
                codes: list[str] | None = None, reason: str | None = None,
                adjudicator: str | None = None) -> list[str]:
        """Decide one disagreement (pick ``a``, ``b``, ``both`` or ``other`` codes); the consensus codes."""
        from coder.reliability.adjudication import resolve

        return list(resolve(self.db, coder_a, coder_b, quote_id, facet, pick, codes=codes,
                            reason=reason, adjudicator=adjudicator))
