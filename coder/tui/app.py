"""The Textual application: picks the coder, then shows the coding screen."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from coder.codebook.rank import rank_codes
from coder.coding.coders import list_coders
from coder.store.db import connect
from coder.tui.config import load_keymap
from coder.tui.keys import APP_BINDINGS
from coder.tui.screens.coding import CodingScreen
from coder.tui.screens.dialogs import Choice, TextPrompt, code_prompt
from coder.tui.session import Session


class CodeCommands(Provider):
    """Command palette: type part of a code name to toggle it on the current quote."""

    def hits(self, query: str) -> list[Hit]:
        """The codes matching ``query`` in the picker's ranking, marked when on."""
        screen = self.screen  # the screen the palette was opened on (app.screen is the palette)
        if not isinstance(screen, CodingScreen) or screen.session.current is None:
            return []
        session = screen.session
        have = session.codes_on()
        matches = rank_codes(session.codebook.all_codes(), query)
        hits = []
        for rank, match in enumerate(matches):
            # The palette sorts by score: the shared ranking decides it, best first.
            prompt = code_prompt(session, match, match.code.key in have)
            toggle = partial(self._toggle, screen, match.code.key)
            hits.append(Hit(1.0 - rank / (len(matches) + 1), prompt, toggle, text=prompt.plain,
                            help=match.code.description[:80]))
        return hits

    async def search(self, query: str) -> Hits:
        for hit in self.hits(query):
            yield hit

    async def discover(self) -> Hits:
        """With nothing typed yet: every code, with the ones on the quote marked."""
        for hit in self.hits(""):
            yield DiscoveryHit(hit.match_display, hit.command, text=hit.text, help=hit.help)

    @staticmethod
    def _toggle(screen: CodingScreen, key: str) -> None:
        screen.guarded(lambda: screen.session.toggle(key))


class CoderApp(App[None]):
    TITLE = "coder"
    BINDINGS = [*APP_BINDINGS]
    COMMANDS = App.COMMANDS | {CodeCommands}

    def __init__(self, db_path: str | Path, coder_name: str | None = None,
                 compare: tuple[str, str] | None = None, quotes: list[int] | None = None,
                 compare_result: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.coder_name = coder_name
        self.compare = compare
        self.compare_quotes = quotes
        self.compare_result = compare_result
        self.keymap = load_keymap()
        self.session: Session | None = None

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.compare:
            from coder.coding.coders import get_coder
            from coder.tui.screens.agreement import AgreementScreen

            db = connect(self.db_path)
            try:
                a, b = (get_coder(db, name) for name in self.compare)  # the names become coders once, here
            finally:
                db.close()
            self.push_screen(AgreementScreen(self.db_path, a, b, quotes=self.compare_quotes,
                                             result=self.compare_result))
        elif self.coder_name:
            self.start(self.coder_name)
        else:
            self.ask_coder()

    def on_unmount(self) -> None:
        """Leave the project file complete on exit: a plain copy of it is then the whole project."""
        from coder.store.db import checkpoint_and_close

        if self.session is not None:
            checkpoint_and_close(self.session.db)
        checkpoint_and_close(connect(self.db_path, migrate=False))

    def ask_coder(self) -> None:
        names = [c.name for c in list_coders(connect(self.db_path)) if c.kind == "human"]
        items = [(name, name) for name in names] + [("new coder…", None)]

        def chosen(name: str | None) -> None:
            if name:
                self.start(name)
            else:
                self.push_screen(TextPrompt("Your coder name", placeholder="e.g. anna"),
                                 lambda typed: self.start(typed) if typed else self.exit())

        self.push_screen(Choice("Who is coding? (everything you see and save is yours)", items), chosen)

    def start(self, coder_name: str) -> None:
        self.session = Session.open(self.db_path, coder_name)
        self.sub_title = f"{self.db_path.name} · {self.session.coder.name}"
        self.push_screen(CodingScreen(self.session))

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, CodingScreen):
            yield SystemCommand("Undo", "Undo your last coding action", screen.action_undo)
            yield SystemCommand("Search", "Search all quotes", screen.action_search)


def run_app(db_path: str | Path, coder_name: str | None = None,
            compare: tuple[str, str] | None = None, quotes: list[int] | None = None,
            compare_result: dict[str, Any] | None = None) -> None:
    CoderApp(db_path, coder_name, compare, quotes, compare_result).run()
