"""Small modal screens: code picker, memo, search, filter, coder pick, help."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coder.codebook.rank import CodeMatch, rank_codes
from coder.errors import CoderError
from coder.tui.keys import CODING_BINDINGS, DESCRIPTIONS
from coder.tui.session import Session


def option_id(option: Option) -> str:
    """The id of an option these screens built (each gets one; Textual types it Optional)."""
    if option.id is None:
        raise TypeError("option without an id")
    return option.id


def modal_css(screen: str, width: int = 90, box: str = "Vertical") -> str:
    """A centred, bordered box for one modal screen class.

    The screen's own name leads each selector: a screen's DEFAULT_CSS is scoped to it,
    and a rule that starts with ``ModalScreen`` matched nothing, leaving the dialogs
    full-screen and borderless.
    """
    return f"""
{screen} {{ align: center middle; }}
{screen} > {box} {{
    width: {width}; max-width: 100%; height: auto; max-height: 90%; border: thick $primary;
    background: $surface; padding: 0 1;
}}
{screen} OptionList {{ height: auto; max-height: 20; }}
{screen} #details {{ height: auto; max-height: 10; color: $text-muted; }}
{screen} #change {{ height: auto; text-style: bold; }}
"""


def arrows_move_list(screen: ModalScreen[Any], event: events.Key, typed: str, listed: str) -> None:
    """Up and down move the highlight in the list while the typing field keeps the focus."""
    if event.key in ("down", "up") and screen.focused is screen.query_one(typed):
        options = screen.query_one(listed, OptionList)
        options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
        event.stop()


def code_prompt(session: Session, match: CodeMatch, on: bool) -> Text:
    """One code as the picker and the palette list it: whether it is on, its label, its
    facet, and why it is listed when the typed text matched only a keyword."""
    text = Text(f"{'[x]' if on else '[ ]'} {match.code.label}  ")
    text.append(f"({session.codebook.facet(match.code.facet).label})", style="dim")
    if match.reason:
        text.append(f"  {match.reason}", style="italic")
    return text


class CodePicker(ModalScreen[list[str]]):
    """Filter the codebook by typing; Enter toggles the highlighted code on the quote."""

    DEFAULT_CSS = modal_css("CodePicker")
    BINDINGS = [Binding("escape", "dismiss_picker", "Close")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        current = session.current
        self.quote_id = current["id"] if current is not None else None  # what the toggles act on
        self.changes: list[str] = []  # what each toggle changed, shown here and after closing
        self.chosen = False  # the coder typed a filter or moved the highlight

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Codes — type to filter, Enter toggles, Esc closes", markup=False)
            yield Input(placeholder="filter codes…", id="filter")
            yield OptionList(id="codes")
            yield Static("", id="change", markup=False)
            yield Static("", id="details", markup=False)

    def on_mount(self) -> None:
        self.refill("")

    def refill(self, query: str, keep: str | None = None) -> None:
        """List the codes matching ``query``; the highlight stays on ``keep`` (the code just
        toggled) so that the next ↓ or Enter goes on from there, not from the top."""
        have = self.session.codes_on()
        options = []
        for match in rank_codes(self.session.codebook.all_codes(), query):
            options.append(Option(code_prompt(self.session, match, match.code.key in have),
                                  id=match.code.key))
        codes = self.query_one("#codes", OptionList)
        codes.clear_options()
        codes.add_options(options)
        if options:
            ids = [option.id for option in options]
            codes.highlighted = ids.index(keep) if keep in ids else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter toggles the highlighted code only once the coder has chosen one.

        Keys typed while the picker opens can be lost (seen in tmux under load); an Enter
        that arrives with nothing typed and nothing moved would otherwise toggle whichever
        code happens to be first.
        """
        codes = self.query_one("#codes", OptionList)
        if not (event.value.strip() or self.chosen):
            self.query_one("#change", Static).update("nothing changed: type to filter or use ↑/↓ first")
            return
        if codes.highlighted is not None:
            self.toggle(option_id(codes.get_option_at_index(codes.highlighted)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        code = self.session.codebook.code(option_id(event.option))
        details = (f"{code.description}\nWhen: {code.when_to_use}\nNot: {code.when_not}\n"
                   f"Keywords: {', '.join(code.keywords)}")
        self.query_one("#details", Static).update(details)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.toggle(option_id(event.option))

    def toggle(self, key: str) -> None:
        try:
            change = self.session.toggle(key, expect=self.quote_id)
        except CoderError as exc:
            change = f"not saved: {exc}"
        else:
            self.changes.append(change)
        self.query_one("#change", Static).update(change)
        self.refill(self.query_one("#filter", Input).value, keep=key)

    def on_key(self, event: events.Key) -> None:
        if event.key in ("down", "up"):
            self.chosen = True
        arrows_move_list(self, event, "#filter", "#codes")

    def action_dismiss_picker(self) -> None:
        self.dismiss(self.changes)


class SearchQuotes(ModalScreen[dict[str, Any] | None]):
    """Search all quotes; the hits follow each key typed (the last word as a prefix).

    Each hit names its document by title, so the coder sees where it leads before Enter.
    """

    DEFAULT_CSS = modal_css("SearchQuotes")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.hits: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Search quotes — type words, Enter jumps to the highlighted one, Esc closes",
                         markup=False)
            yield Input(placeholder="words…", id="query")
            yield Static("", id="count", markup=False)
            yield OptionList(id="hits")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.hits = self.session.search(event.value, as_you_type=True)
        titles = {d["id"]: d["title"] or f"document {d['id']}" for d in self.session.documents}
        options = []
        for i, hit in enumerate(self.hits):
            text = Text(f"{titles.get(hit['doc_id'], hit['doc_id'])} p. {hit['page']}: ", style="bold")
            text.append(" ".join(hit["text"].split())[:120])
            options.append(Option(text, id=str(i)))
        hits = self.query_one("#hits", OptionList)
        hits.clear_options()
        hits.add_options(options)
        if options:
            hits.highlighted = 0
        found = len(self.hits)
        count = f"{found} quote{'' if found == 1 else 's'}" if event.value.strip() else ""
        self.query_one("#count", Static).update(count if self.hits or not count else "no quotes match")

    def on_input_submitted(self) -> None:
        hits = self.query_one("#hits", OptionList)
        if hits.highlighted is not None and self.hits:
            self.dismiss(self.hits[hits.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(option_id(event.option))])

    def on_key(self, event: events.Key) -> None:
        arrows_move_list(self, event, "#query", "#hits")

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPrompt(ModalScreen[str | None]):
    """One line of text (a memo, a search query, a coder name)."""

    DEFAULT_CSS = modal_css("TextPrompt")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder = title, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, markup=False)
            yield Input(self.value, placeholder=self.placeholder)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choice(ModalScreen[Any]):
    """Pick one of a list (search hits, filters, coders)."""

    DEFAULT_CSS = modal_css("Choice")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, items: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.title_text, self.items = title, items

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, markup=False)
            yield OptionList(*[Option(Text(label), id=str(i)) for i, (label, _) in enumerate(self.items)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.items[int(option_id(event.option))][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


KEY_NAMES = {"question_mark": "?", "slash": "/"}


def key_label(keys: str) -> str:
    """``f1,question_mark`` as a user types it: ``f1, ?``."""
    return ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def bound_key(app: object, binding_id: str, default: str = "") -> str:
    """The key(s) of a coding-screen binding after the user's keymap, as a user types them."""
    keymap: dict[str, str] = getattr(app, "keymap", {})
    key = keymap.get(binding_id) or next((b.key for b in CODING_BINDINGS if b.id == binding_id), default)
    return key_label(key)


class HelpScreen(ModalScreen[None]):
    """Every key and what it does, in two columns: a description wraps within its own
    column, so the keys stay readable down the left edge even at 80 columns."""

    DEFAULT_CSS = modal_css("HelpScreen", width=104, box="VerticalScroll") + """
HelpScreen HorizontalGroup { height: auto; }
HelpScreen .help-key { width: 14; padding-right: 1; text-style: bold; }
HelpScreen .help-text { width: 1fr; }
HelpScreen .help-note { margin-top: 1; }
HelpScreen .help-title { margin-bottom: 1; }
"""
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close")]

    def rows(self) -> list[tuple[str, str]]:
        """(key, what it does) for every binding, after the user's remapping, and the
        keys the coding screen does not bind itself."""
        unbound = {"choose": "1 … 9", "quit": "ctrl+q"}  # keys the coding screen does not bind
        rows = [(bound_key(self.app, binding_id, unbound.get(binding_id, "")), text)
                for binding_id, text in DESCRIPTIONS.items()]
        return [*rows, ("shift+arrows", "Select text in the reader (or drag with the mouse)"),
                ("ctrl+p", "Command palette: type part of a code name to toggle it")]

    def compose(self) -> ComposeResult:
        with VerticalScroll():  # scrolls (arrows, page keys) in a terminal too small for it
            yield Static("Keys (remap them in ~/.config/coder/keys.yaml or $CODER_KEYMAP, "
                         "e.g. next-quote: j)", markup=False, classes="help-title")
            for key, text in self.rows():
                with HorizontalGroup():
                    yield Static(key, markup=False, classes="help-key")
                    yield Static(text, markup=False, classes="help-text")
            yield Static("Reader gutter: p.N where page N begins; a tag on each quote you coded: "
                         "the number of its code in the first facet, the initial (or number) of "
                         "its code in the second, * for more (2P*).", markup=False, classes="help-note")
            yield Static("Every action is saved at once.", markup=False, classes="help-note")

    def action_close(self) -> None:
        self.dismiss(None)


class Legend(ModalScreen[None]):
    """A page of explanation (the agreement screen's F1): scrolls, any close key leaves."""

    DEFAULT_CSS = modal_css("Legend", width=100, box="VerticalScroll")
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False, id="legend")

    def action_close(self) -> None:
        self.dismiss(None)
