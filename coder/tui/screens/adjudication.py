"""Adjudication queue: one disagreement at a time, both coders' codes side by side with the
quote in its context. `a`/`b` take one coder's codes, `o` both, `e` other codes; each
decision asks for a reason and is saved at once (one transaction) into the consensus layer.
`g` first copies every agreement into the consensus layer. A multi facet comes one code at a
time: `a`/`b` follow that coder, `o` keeps the code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Static

from coder.coding.coders import Coder
from coder.errors import CoderError
from coder.quotes.store import quote_context
from coder.reliability.adjudication import accept_agreed, queue, resolve
from coder.store.db import connect
from coder.tui.screens.dialogs import TextPrompt
from coder.tui.widgets.key_bar import KeyBar

CONTEXT = 250


class AdjudicationScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "pick('a')", "Take A", id="adjudicate-a"),
        Binding("b", "pick('b')", "Take B", id="adjudicate-b"),
        Binding("o", "pick('both')", "Both", id="adjudicate-both"),
        Binding("e", "pick('other')", "Other…", id="adjudicate-other"),
        Binding("n", "move(1)", "Next", id="adjudicate-next"),
        Binding("p", "move(-1)", "Prev", id="adjudicate-prev"),
        Binding("g", "accept_agreed", "Copy agreements", id="adjudicate-agreed"),
        Binding("escape", "app.pop_screen", "Back", id="adjudicate-back"),
    ]
    DEFAULT_CSS = """
    AdjudicationScreen #context { height: 1fr; border: round $primary; padding: 0 1; }
    AdjudicationScreen #sides { height: auto; padding: 0 1; }
    """

    def __init__(self, db_path: str | Path, coder_a: Coder, coder_b: Coder,
                 quotes: list[int] | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.coder_a, self.coder_b = coder_a, coder_b
        self.quotes = quotes
        self.items: list[dict[str, Any]] = []
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="status", markup=False)
        yield Static("", id="context")
        yield Static("", id="sides")
        yield KeyBar()

    def on_mount(self) -> None:
        self.db = connect(self.db_path)
        self.reload()

    def reload(self) -> None:
        self.items = queue(self.db, self.coder_a, self.coder_b, self.quotes)
        self.index = min(self.index, max(len(self.items) - 1, 0))
        self.show()

    def show(self) -> None:
        status = self.query_one("#status", Static)
        if not self.items:
            status.update("No disagreements left: the consensus layer is complete for these quotes.")
            self.query_one("#context", Static).update("")
            self.query_one("#sides", Static).update("")
            return
        item = self.items[self.index]
        status.update(f"Disagreement {self.index + 1} of {len(self.items)} · quote {item['quote']} · "
                      f"{item['document']}, p. {item['page']} · facet {item['facet']}"
                      f"{' · code ' + item['code'] if item['code'] else ''} ({item['kind']})")
        self.query_one("#context", Static).update(self._quote_in_context(item["quote"]))
        self.query_one("#sides", Static).update(
            Text.assemble((f"{self.coder_a.name} (a): ", "bold"), ", ".join(item["a"]) or "—", "    ",
                          (f"{self.coder_b.name} (b): ", "bold"), ", ".join(item["b"]) or "—"))

    def _quote_in_context(self, quote_id: int) -> Text:
        before, quote, after = quote_context(self.db, quote_id, CONTEXT)
        return Text.assemble(("…" + before, "dim"), (quote, "bold reverse"), (after + "…", "dim"))

    def action_move(self, step: int) -> None:
        if self.items:
            self.index = (self.index + step) % len(self.items)
            self.show()

    def action_accept_agreed(self) -> None:
        n = accept_agreed(self.db, self.coder_a, self.coder_b, self.quotes)
        self.notify(f"copied {n} agreement(s) into the consensus layer")

    def action_pick(self, choice: str) -> None:
        if not self.items:
            return
        item = self.items[self.index]
        if choice == "other":
            def then(codes: str | None) -> None:
                if codes:
                    self._ask_reason(item, choice, codes)

            self.app.push_screen(TextPrompt(f"Codes for {item['facet']} (comma-separated keys)"), then)
        else:
            self._ask_reason(item, choice, None)

    def _ask_reason(self, item: dict[str, Any], choice: str, codes: str | None) -> None:
        self.app.push_screen(TextPrompt("Reason (optional, Enter to save)"),
                             lambda reason: self._decide(item, choice, codes, reason))

    def _decide(self, item: dict[str, Any], choice: str, codes: str | None, reason: str | None) -> None:
        if reason is None:  # Esc: nothing decided
            return
        try:
            chosen = resolve(self.db, self.coder_a, self.coder_b, item["quote"], item["facet"], choice,
                             code=item["code"] or None,
                             codes=[c.strip() for c in codes.split(",")] if codes else None,
                             reason=reason or None, adjudicator=getattr(self.app, "coder_name", None))
        except CoderError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"saved: {item['facet']} = {', '.join(chosen) or '(none)'}")
        self.reload()
