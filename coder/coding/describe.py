"""What an event changed, in the coder's words: ``+ Netwerk opbouwen en activeren``.

The TUI's status line and ``coder history`` both say what each action did, built here
from the event's ops and the codebook's labels, so that a change is never reported as
just ``saved`` or ``coding.change quote 90``:

- a multi facet: ``+ Label`` for a code added, ``− Label`` for one removed;
- a single facet: ``Facet = Label`` when it was empty, ``Facet: Old → New`` when the
  value was replaced, ``− Label`` when it was cleared;
- memos (also one given with a new code), new, deleted and re-bounded quotes in a few
  words; a dismissal as ``not a quote``;
- an undo or redo: ``undone: …`` / ``redone: …`` with what the original action did and
  its quote (``undone: Valentie = Positief (quote 90)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlite_utils

from coder.codebook.model import Codebook
from coder.coding.events import Event, Op, coder_events, inverse_ops

if TYPE_CHECKING:
    from coder.coding.coders import Coder

SNIPPET = 40  # characters of a quote's or memo's text shown


class Labels:
    """Code and facet labels of a codebook; unknown (retired) keys show as themselves."""

    def __init__(self, codebook: Codebook) -> None:
        self.codes = {code.key: code.label for code in codebook.all_codes()}
        self.facets = {facet.key: facet.label for facet in codebook.facets}
        self.modes = {facet.key: facet.mode for facet in codebook.facets}

    def code(self, key: str) -> str:
        return self.codes.get(key, key)

    def facet(self, key: str) -> str:
        return self.facets.get(key, key)


def snippet(text: str | None) -> str:
    text = " ".join((text or "").split())
    return f"“{text[:SNIPPET]}…”" if len(text) > SNIPPET else f"“{text}”"


def _facet_changes(facet: str, added: list[str], removed: list[str], labels: Labels) -> list[str]:
    if labels.modes.get(facet) == "single" and added:
        old = f"{labels.code(removed[0])} → " if removed else ""
        sign = ": " if removed else " = "
        return [f"{labels.facet(facet)}{sign}{old}{labels.code(added[0])}"]
    return [f"+ {labels.code(c)}" for c in added] + [f"− {labels.code(c)}" for c in removed]


def describe_ops(ops: list[Op], labels: Labels) -> str:
    """One line saying what ``ops`` changed ("no change" for none)."""
    facets: dict[str, tuple[list[str], list[str]]] = {}
    parts: list[str] = []
    quote_removed = any(op["op"] in ("quote_remove", "dismiss_add") for op in ops)
    for op in ops:
        kind = op["op"]
        if kind in ("coding_add", "coding_remove") and not quote_removed:
            coding = op["coding"]
            added, removed = facets.setdefault(coding["facet"], ([], []))
            (added if kind == "coding_add" else removed).append(coding["code"])
            if kind == "coding_add" and coding.get("memo"):  # `coder code ... --memo` on a new code
                text = f"memo {snippet(coding['memo'])}"
                if text not in parts:
                    parts.append(text)
        elif kind in ("coding_memo", "quote_memo"):
            text = f"memo {snippet(op['after'])}" if op["after"] else "memo removed"
            if text not in parts:
                parts.append(text)
        elif kind == "quote_add":
            parts.append(f"new quote {snippet(op['quote']['text'])}")
        elif kind == "quote_remove":
            codings = sum(1 for o in ops if o["op"] == "coding_remove")
            parts.append("quote deleted" + (f" with its {codings} coding(s)" if codings else ""))
        elif kind == "quote_bounds":
            parts.append(f"quote now {snippet(op['after']['text'])}")
        elif kind == "dismiss_add":
            codings = sum(1 for o in ops if o["op"] == "coding_remove")
            reason = op["dismissal"].get("reason")
            parts.append("not a quote" + (f" ({reason})" if reason else "")
                         + (f", its {codings} coding(s) removed" if codings else ""))
        elif kind == "dismiss_remove":
            parts.append("a candidate again")
    changes = [text for facet, (added, removed) in facets.items()
               for text in _facet_changes(facet, added, removed, labels)]
    return "; ".join(changes + parts) or "no change"


def describe_event(event: Event, labels: Labels) -> str:
    """What ``event`` did; an undo or redo names what it undid or redid and its quote."""
    if event.action == "undo":
        # An undo's ops are the inverse of the original's: inverting them gives the original.
        return f"undone: {describe_ops(inverse_ops(event.ops), labels)}{_on(event)}"
    if event.action == "redo":
        return f"redone: {describe_ops(event.ops, labels)}{_on(event)}"
    return describe_ops(event.ops, labels)


def describe_undo(target: Event, labels: Labels, action: str = "undone") -> str:
    """What undoing (``undone``) or redoing (``redone``) ``target`` did."""
    return f"{action}: {describe_ops(target.ops, labels)}{_on(target)}"


def labels_of(db: sqlite_utils.Database) -> Labels:
    from coder.codebook import codebook_from_db

    return Labels(codebook_from_db(db))


def history(db: sqlite_utils.Database, coder: Coder, limit: int) -> list[tuple[Event, str]]:
    """The coder's latest ``limit`` events, each with what it did (``coder history``)."""
    labels = labels_of(db)
    return [(event, describe_event(event, labels)) for event in coder_events(db, coder, last=limit)]


def _on(event: Event) -> str:
    return f" (quote {event.quote_id})" if event.quote_id is not None else ""
