"""The document reader: a read-only TextArea that paints quotes without changing text.

Offsets in the project are code points into the document text; the TextArea works in
(row, column). :class:`LineIndex` converts between them with a table of line starts, so
a conversion costs a bisect, not a scan of the document. Quotes are painted in
``get_line`` (underlined; coded ones bold; the current one reversed), so they are
visible in monochrome terminals too. A gutter on the left marks where pages begin
(``p.N``) and tags each coded quote with its codes (``2P``, see :mod:`coder.tui.tags`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
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
    tag: str = ""  # shown in the gutter on the row where the span starts


LineStyles = tuple[tuple[int, int, str], ...]  # (start column, end column, style) on one line


def span_style(span: Span) -> str:
    return "reverse" if span.current else ("bold underline" if span.coded else "underline")


class Reader(TextArea):
    DEFAULT_CSS = """
    Reader { width: 3fr; border: round $primary-darken-2; }
    Reader:focus { border: round $primary; }
    /* The cursor, where a keyboard selection starts (shift+arrows), must not look like
       the current quote, which is drawn reversed right next to it. */
    Reader:dark .text-area--cursor, Reader:light .text-area--cursor, Reader:ansi .text-area--cursor {
        background: $warning; color: $background; text-style: bold underline;
    }
    """

    selection = reactive(Selection(), init=False, always_update=True, repaint=False)
    drag_anchor: tuple[int, int] | None = None  # where a mouse drag began
    page_width = 0  # columns of the page gutter (TextArea asks for it while it is built)
    tag_width = 0  # columns for code tags after the page marks; 0 shows none

    def __init__(self, **kwargs: Any) -> None:
        # No blinking cursor: a read-only reader does not need it, and every blink repaints.
        super().__init__("", read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.cursor_blink = False
        self.base = 0  # document offset of the first character shown
        self.shown_length = 0
        self.index = LineIndex("")
        self.line_styles: dict[int, LineStyles] = {}
        self.rendered: dict[tuple[Any, ...], Strip] = {}
        self.pages: tuple[tuple[int, int], ...] = ()  # (page, document offset where it starts)
        # line -> (column, "p.N") of pages starting there
        self.page_marks: dict[int, list[tuple[int, str]]] = {}
        # line -> (column, tag) of spans starting there
        self.tag_marks: dict[int, tuple[tuple[int, str], ...]] = {}

    def show(self, text: str, base: int, pages: Iterable[tuple[int, int]] = ()) -> None:
        """Show ``text``, which starts at document offset ``base``; ``pages`` are (page
        number, start offset) pairs, marked in a gutter on the left."""
        pages = tuple(pages)
        if text != self.text or base != self.base or pages != self.pages:
            self.pages = pages
            # The gutter's width is set before the text goes in, so lines wrap to fit it.
            self.page_width = len(f"p.{max(p for p, _ in pages)}") + 1 if pages else 0
            self.base = base
            self.shown_length = len(text)
            self.index = LineIndex(text)
            self.load_text(text)
            self.page_marks = {}
            for page, start in pages:
                if base <= start < base + max(len(text), 1):
                    row, column = self.location(start)
                    self.page_marks.setdefault(row, []).append((column, f"p.{page}"))
            self.line_styles = {}
            self.tag_marks = {}
            self.rendered.clear()

    @property
    def gutter_width(self) -> int:
        return self.page_width + self.tag_width

    def gutter_mark(self, marks: Iterable[tuple[int, str]], line_index: int, section: int) -> str:
        """The last of ``marks`` (column, text) on this screen row of the line, else blank."""
        offsets = self.wrapped_document.get_offsets(line_index)
        here = [text for column, text in marks if bisect.bisect_right(offsets, column) == section]
        return here[-1] if here else ""

    def page_mark(self, line_index: int, section: int) -> str:
        """``p.N`` on the screen row where page N begins, else blank."""
        return self.gutter_mark(self.page_marks.get(line_index, ()), line_index, section)

    def paint(self, spans: list[Span]) -> None:
        """Mark ``spans``; only lines whose marks changed are drawn again.

        Spans outside the text shown (a long document shows a page range) are left out:
        clamped to its edges they would mark text they do not cover.
        """
        styles: dict[int, list[tuple[int, int, str]]] = {}
        tags: dict[int, list[tuple[int, str]]] = {}
        shown_end = self.base + self.shown_length
        for span in spans:
            if span.end <= self.base or span.start >= shown_end:
                continue
            if span.tag and span.start >= self.base:
                row, column = self.location(span.start)
                tags.setdefault(row, []).append((column, span.tag))
            first, _ = self.location(span.start)
            last, _ = self.location(max(span.start, span.end - 1))
            for row in range(first, last + 1):
                line_start = self.index.starts[row] + self.base
                styles.setdefault(row, []).append((max(0, span.start - line_start), span.end - line_start,
                                                   span_style(span)))
        line_styles = {row: tuple(sorted(marks)) for row, marks in styles.items()}
        tag_marks = {row: tuple(sorted(marks)) for row, marks in tags.items()}
        changed = {row for row in line_styles.keys() | self.line_styles.keys()
                   if line_styles.get(row) != self.line_styles.get(row)}
        changed |= {row for row in tag_marks.keys() | self.tag_marks.keys()
                    if tag_marks.get(row) != self.tag_marks.get(row)}
        self.line_styles = line_styles
        self.tag_marks = tag_marks
        self.refresh_rows(changed)

    def refresh_rows(self, rows: Iterable[int]) -> None:
        """Repaint the screen rows of these document lines, and nothing else."""
        wrapped = self.wrapped_document
        for row in set(rows):
            if 0 <= row < self.document.line_count:
                self.refresh_lines(wrapped.location_to_offset((row, 0)).y, len(wrapped.get_offsets(row)) + 1)

    def _watch_selection(self, previous: Selection, selection: Selection) -> None:
        # TextArea repaints the whole widget on every selection change; only the lines
        # the old and the new selection touch need it.
        super()._watch_selection(previous, selection)
        if previous != selection:
            rows: set[int] = set()
            for sel in (previous, selection):
                top, bottom = sorted(sel)
                rows.update(range(top[0], bottom[0] + 1))
            self.refresh_rows(rows)

    async def _on_mouse_move(self, event: events.MouseMove) -> None:
        """A drag selects the pressed character through the one under the pointer, both
        included, as terminals select; TextArea's own drag stopped before the character
        under the pointer, so a quote made from it lost its last character."""
        if not self._selecting:
            return
        event.prevent_default()  # TextArea's own handler would run after this one
        anchor, target = self.selection.start, self.get_target_document_location(event)
        if self.drag_anchor is None:
            self.drag_anchor = anchor
        anchor = self.drag_anchor
        if target >= anchor:
            self.selection = Selection(anchor, self._after(target))
        else:
            self.selection = Selection(self._after(anchor), target)

    def _end_mouse_selection(self) -> None:
        self.drag_anchor = None
        super()._end_mouse_selection()

    def _after(self, location: tuple[int, int]) -> tuple[int, int]:
        """The location one character further on the same line (the line's end at most)."""
        row, column = location
        return row, min(column + 1, len(self.document.get_line(row)))

    def location(self, offset: int) -> tuple[int, int]:
        return self.index.location(max(0, offset - self.base))

    def doc_offset(self, location: tuple[int, int]) -> int:
        """The document offset of a (row, column) location (not named ``offset``: that is
        Textual's own widget property)."""
        return self.index.offset(location) + self.base

    def select_span(self, start: int, end: int, *, force_scroll: bool = False) -> None:
        """Select a quote; scroll only when it is not already in view, then centre it.

        Scrolling on every move would shift the text under the reader's eyes and make
        every line draw again.
        """
        top, bottom = self.location(start), self.location(max(start, end - 1))
        wrapped = self.wrapped_document
        first_y, last_y = wrapped.location_to_offset(top).y, wrapped.location_to_offset(bottom).y
        scroll_y, height = self.scroll_offset.y, self.scrollable_content_region.height
        in_view = scroll_y <= first_y and last_y < scroll_y + height and not force_scroll
        selection = Selection(top, self.location(end))
        if selection != self.selection:  # setting it always repaints, even when equal
            self.selection = selection
        if not in_view:
            self.scroll_to_region(Region(0, first_y, 1, last_y - first_y + 1), center=True, animate=False,
                                  force=True)

    def selected_offsets(self) -> tuple[int, int] | None:
        start, end = sorted((self.selection.start, self.selection.end))
        if start == end:
            return None
        return self.doc_offset(start), self.doc_offset(end)

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self.line_styles.get(line_index, ()):
            line.stylize(style, start, min(len(line.plain), end))
        return line

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # A new width (a resize, a scroll bar appearing) wraps every line anew: no drawn
        # row may be reused, or rows of the old wrapping stay on screen.
        if hasattr(self, "rendered"):  # TextArea wraps once before __init__ has set it
            self.rendered.clear()
        super()._rewrap_and_refresh_virtual_size()

    def notify_style_update(self) -> None:
        self.rendered.clear()  # a theme or CSS change redraws every row
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """Draw one screen row, reusing it while nothing that shows on it has changed.

        TextArea's own cache, with soft wrap on, is keyed on the whole selection, so
        moving to the next quote would draw every row again. Here the key holds only
        what reaches this row: its document line's marks, and the selection and cursor
        when they touch that line.
        """
        scroll_x, scroll_y = self.scroll_offset
        try:
            line_index, section = self.wrapped_document._offset_to_line_info[scroll_y + y]
        except (IndexError, AttributeError):
            return super().render_line(y)
        selection = self.selection
        top, bottom = sorted(selection)
        touches = top[0] <= line_index <= bottom[0] or selection.end[0] == line_index
        key = (line_index, section, self.size, self.wrap_width, scroll_x, self.line_styles.get(line_index),
               self.tag_marks.get(line_index), self.page_width, self.tag_width,
               selection if touches else None, self.has_focus, self.theme, self.show_cursor,
               self._matching_bracket_location if touches else None)
        strip = self.rendered.get(key)
        if strip is None:
            if len(self.rendered) > 4096:
                self.rendered.clear()
            strip = self.rendered[key] = self._with_gutter(self._render_line(y), line_index, section)
        return strip

    def _with_gutter(self, strip: Strip, line_index: int, section: int) -> Strip:
        if not self.gutter_width:
            return strip
        theme = self._theme
        style = theme.gutter_style if theme and theme.gutter_style else None
        segments = []
        if self.page_width:
            segments.append(Segment(f"{self.page_mark(line_index, section):>{self.page_width - 1}} ", style))
        if self.tag_width:
            tag = self.gutter_mark(self.tag_marks.get(line_index, ()), line_index, section)
            segments.append(Segment(f"{tag:<{self.tag_width - 1}.{self.tag_width - 1}} ", style))
        return Strip.join([Strip(segments, self.gutter_width), strip])
