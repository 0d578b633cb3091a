"""The side panel: the current quote, the coder's codes (as words, not colours),
the options of the active single facet with their number keys, and suggestions."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coder.tui.session import Session

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


def hanging(prefix: str, text: str, width: int | None) -> str:
    """``prefix`` + ``text``, wrapped so that continuation lines start under the text,
    not under the prefix (a code label that wraps stays readable as one option)."""
    if not width or width <= len(prefix) + 8:
        return prefix + text
    lines = textwrap.wrap(text, width - len(prefix), break_on_hyphens=False) or [""]
    return prefix + ("\n" + " " * len(prefix)).join(lines)


class PanelText(NamedTuple):
    text: Text
    active: tuple[int, int] | None  # characters of the active facet's block, to keep in view


def render_panel(session: Session, active_facet: str | None, suggestions: list[Any],
                 width: int | None = None) -> PanelText:
    """The panel's text; ``width`` (columns) is used to indent wrapped option lines."""
    out = Text()
    active = None
    quote = session.current
    if quote is None:
        out.append("No quotes here. Select text and press q to make one.\n", style="italic")
        return PanelText(out, None)
    page = quote.get("page") or "?"
    out.append(f"Quote {session.index + 1}/{len(session.quotes)} · p. {page} · {quote['origin']}\n",
               style="bold")
    snippet = quote["text"] if len(quote["text"]) < 400 else quote["text"][:400] + "…"
    out.append(f"„{snippet}”\n")
    if quote.get("attribution"):
        out.append(f"— {quote['attribution']}\n", style="italic")
    have = {c["code"]: c for c in session.codings(quote["id"])}
    for facet in session.codebook.facets:
        if facet.mode != "single":
            continue
        out.append("\n")
        block_start = len(out)
        if facet.key == active_facet:  # a bar across the panel: the facet the number keys set
            title = f"▶ {facet.label} — keys 1–{min(len(facet.codes), 9)}"
            out.append(f"{title:<{max(width or 0, len(title))}}", style="bold reverse")
            out.append("\n")
        else:
            out.append(f"  {facet.label}\n")
        for n, code in enumerate(facet.codes, start=1):
            chosen = code.key in have
            key = f"{n}" if facet.key == active_facet and n <= 9 else " "
            out.append(hanging(f"   {key} {'[x]' if chosen else '[ ]'} ", code.label, width) + "\n",
                       style="bold" if chosen else "")
        if facet.key == active_facet:
            active = (block_start, len(out))
    for facet in session.codebook.facets:
        if facet.mode != "multi":
            continue
        labels = [c.label for c in facet.codes if c.key in have]
        out.append(f"\n{facet.label}: ", style="bold")
        out.append("; ".join(labels) if labels else "—")
    memo_texts = session.memos()
    if memo_texts:
        out.append("\n\nMemo: ", style="bold")
        out.append(" | ".join(memo_texts))
    if suggestions:
        out.append("\n\nSuggestions (a accepts the first):\n", style="bold")
        for s in suggestions[:6]:
            mark = "[x]" if s.code in have else "[ ]"
            out.append(hanging(f" {mark} ", f"{s.label} — {s.reason}", width) + "\n")
    return PanelText(out, active)


class QuotePanel(VerticalScroll):
    """The panel scrolls when its text is taller than the terminal allows."""

    DEFAULT_CSS = """
    QuotePanel { width: 2fr; min-width: 36; max-width: 56; height: 1fr; border: round $secondary; }
    QuotePanel > Static { padding: 0 1; height: auto; min-height: 100%; }
    """

    shown_height: int | None = None  # lines of the text last shown
    shown_args: tuple[Session, str | None, list[Any]] | None = None
    shown_quote: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("", markup=False)

    @property
    def body(self) -> Static:
        return self.query_one(Static)

    def render_text(self) -> str:
        """The panel's text as shown (for tests and the tmux check)."""
        return str(self.body.render())

    def show(self, session: Session, active_facet: str | None, suggestions: list[Any]) -> None:
        """Show the panel for the current quote, with a layout pass only when needed.

        A layout pass re-arranges and repaints the whole screen (every scroll bar
        included), which costs as much as the rest of a key press. The text fills at
        least the panel (min-height), so a pass is only needed when the text is taller
        than the panel, before or after, and the scroll bar changes.
        """
        body = self.body
        self.shown_args = (session, active_facet, suggestions)
        bar = self.styles.scrollbar_size_vertical
        width = body.scrollable_content_region.width + (bar if self.show_vertical_scrollbar else 0)
        panel = render_panel(session, active_facet, suggestions, width)
        height = self._fill(panel.text, width)
        if height is not None and height > self.size.height:
            # It will scroll: wrap again for the width the scroll bar leaves.
            width -= bar
            panel = render_panel(session, active_facet, suggestions, width)
            height = self._fill(panel.text, width)
        layout = (height is None or self.shown_height is None
                  or max(height, self.shown_height) > self.size.height)
        if layout:
            body.refresh(layout=True)
        self.shown_height = height
        quote_id = session.current["id"] if session.current else None
        new_quote = quote_id != self.shown_quote
        self.shown_quote = quote_id
        y = self.place_for(panel, width, 0 if new_quote else self.scroll_offset.y)
        if y != self.scroll_offset.y:
            if layout:  # the body's new height is known after the layout pass
                self.call_after_refresh(self.scroll_to, y=y, animate=False)
            else:
                self.scroll_to(y=y, animate=False)

    def place_for(self, panel: PanelText, width: int, y: int) -> int:
        """Where to scroll so that the active facet's options are in view.

        A new quote starts at the top (``y`` 0) and a new code keeps the place, unless
        that would leave the options the number keys choose from out of sight, as
        happens in a small terminal once the panel moves on to a lower facet.
        """
        view = self.size.height
        if self.shown_height is None or self.shown_height <= view:
            return 0  # it all fits
        if panel.active is None or width <= 0:
            return y
        console = self.app.console
        top, bottom = (len(panel.text[:at].wrap(console, width)) - 1 if at else 0 for at in panel.active)
        if top < y:
            return top
        if bottom > y + view:
            return bottom - view if bottom - top <= view else top
        return y

    def _fill(self, text: Text, width: int) -> int | None:
        """Put ``text`` in the body without a layout pass; its height in lines at ``width``."""
        body = self.body
        body.update(text, layout=False)
        # Textual passes a widget's styles as the rules itself (Widget.get_content_height).
        return body.visual.get_height(cast("RulesMap", body.styles), width) if width > 0 else None

    def on_resize(self) -> None:
        # Wrapped option lines are indented for one width; a new width wraps them again.
        if self.shown_args is not None:
            self.call_after_refresh(self.show, *self.shown_args)
