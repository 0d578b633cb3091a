"""The document reader: a read-only TextArea that paints quotes without changing text.

Offsets in the project are code points into the document text; the TextArea works in
(row, column). :class:`LineIndex` converts between them with a table of line starts, so
a conversion costs a bisect, not a scan of the document. Quotes are painted in
``get_line`` (underlined; coded ones bold; the current one reversed), so they are
visible in monochrome terminals too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import TextArea
from textual.widgets.text_area import Selection


class LineIndex:
    """Offset ↔ (row, column) for one text with ``\\n`` line ends."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def location(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row, offset - self.starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        return self.starts[min(row, len(self.starts) - 1)] + column


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    coded: bool = False
    current: bool = False


class Reader(TextArea):
    DEFAULT_CSS = """
    Reader { border: round $primary-darken-2; }
    Reader:focus { border: round $primary; }
    """

    def __init__(self, **kwargs) -> None:
        # No blinking cursor: a read-only reader does not need it, and every blink repaints.
        super().__init__("", read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.cursor_blink = False
        self.base = 0  # document offset of the first character shown
        self.index = LineIndex("")
        self.spans: list[Span] = []

    def show(self, text: str, base: int) -> None:
        """Show ``text``, which starts at document offset ``base``."""
        if text != self.text or base != self.base:
            self.load_text(text)
            self.base = base
            self.index = LineIndex(text)

    def paint(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.notify_style_update()
        self.refresh()

    def location(self, offset: int) -> tuple[int, int]:
        return self.index.location(max(0, offset - self.base))

    def offset(self, location: tuple[int, int]) -> int:
        return self.index.offset(location) + self.base

    def select_span(self, start: int, end: int) -> None:
        self.selection = Selection(self.location(start), self.location(end))
        self.scroll_cursor_visible(center=True)

    def selected_offsets(self) -> tuple[int, int] | None:
        start, end = sorted((self.selection.start, self.selection.end))
        if start == end:
            return None
        return self.offset(start), self.offset(end)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if not self.spans or line_index >= len(self.index.starts):
            return line
        line_start = self.index.starts[line_index] + self.base
        line_end = line_start + len(line.plain)
        for span in self.spans:
            if span.start >= line_end:
                break
            if span.end <= line_start:
                continue
            style = "reverse" if span.current else ("bold underline" if span.coded else "underline")
            line.stylize(style, max(0, span.start - line_start), min(len(line.plain), span.end - line_start))
        return line
