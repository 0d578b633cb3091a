"""The side panel: the current quote, the coder's codes (as words, not colours),
the options of the active single facet with their number keys, and suggestions."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coder.tui.session import Session


def render_panel(session: Session, active_facet: str | None, suggestions: list) -> Text:
    out = Text()
    quote = session.current
    if quote is None:
        out.append("No quotes here. Select text and press q to make one.\n", style="italic")
        return out
    page = quote.get("page") or "?"
    out.append(f"Quote {session.index + 1}/{len(session.quotes)} · p. {page} · {quote['origin']}\n", style="bold")
    snippet = quote["text"] if len(quote["text"]) < 400 else quote["text"][:400] + "…"
    out.append(f"„{snippet}”\n")
    if quote.get("attribution"):
        out.append(f"— {quote['attribution']}\n", style="italic")
    have = {c["code"]: c for c in session.codings(quote["id"])}
    for facet in session.codebook.facets:
        if facet.mode != "single":
            continue
        marker = "▶ " if facet.key == active_facet else "  "
        out.append(f"\n{marker}{facet.label}\n", style="bold" if facet.key == active_facet else "")
        for n, code in enumerate(facet.codes, start=1):
            chosen = code.key in have
            key = f"{n}" if facet.key == active_facet and n <= 9 else " "
            out.append(f"   {key} {'[x]' if chosen else '[ ]'} {code.label}\n",
                       style="bold" if chosen else "")
    for facet in session.codebook.facets:
        if facet.mode != "multi":
            continue
        chosen = [c.label for c in facet.codes if c.key in have]
        out.append(f"\n{facet.label}: ", style="bold")
        out.append("; ".join(chosen) if chosen else "—")
    memos = sorted({c["memo"] for c in have.values() if c["memo"]})
    if memos:
        out.append("\n\nMemo: ", style="bold")
        out.append(" | ".join(memos))
    if suggestions:
        out.append("\n\nSuggestions (a accepts the first):\n", style="bold")
        for s in suggestions[:6]:
            mark = "[x]" if s.code in have else "[ ]"
            out.append(f" {mark} {s.label} — “{s.matched}” (keyword {s.keyword})\n")
    return out


class QuotePanel(Static):
    DEFAULT_CSS = """
    QuotePanel { width: 52; border: round $secondary; padding: 0 1; overflow-y: auto; }
    """

    def show(self, session: Session, active_facet: str | None, suggestions: list) -> None:
        self.update(render_panel(session, active_facet, suggestions))
