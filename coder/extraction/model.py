"""Plain objects an extractor returns: one normalised text plus offset tables into it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpan:
    """Page ``page`` (1-based) covers ``text[start:end]``."""

    page: int
    start: int
    end: int
    image_only: bool = False
    label: str | None = None  # the printed page number(s): "12", or "12–13" on a spread


BLOCK_KINDS = frozenset({
    "heading", "paragraph", "quote",  # the running text; quote = a paragraph set in italics
    "pullquote", "attribution",  # a pull quote and the name/role line under it
    "caption", "footnote", "sidebar", "table",  # outside the flow: written after the paragraph they cut
    "list",  # accepted by the store (older projects), not produced any more
})


@dataclass(frozen=True)
class Block:
    """A layout block: ``kind`` is one of :data:`BLOCK_KINDS` (the ``blocks`` table's
    CHECK holds the same names; quote detection reads them, see
    :mod:`coder.quotes.detect`); ``page`` is the page of its first line."""

    start: int
    end: int
    kind: str
    level: int | None = None
    page: int | None = None


@dataclass
class Extraction:
    """The result of reading one PDF.

    ``text`` is NFC-normalised with ``\\n`` line ends only (no ``\\f``, ``\\r``, ``\\x0b``,
    NUL, soft hyphen...), so that every reader of it (Python, SQLite, Textual's
    TextArea) sees the same code points and offsets stay valid everywhere.
    """

    text: str
    pages: list[PageSpan]
    blocks: list[Block] = field(default_factory=list)
    italics: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extractor: str = ""

    def page_at(self, offset: int) -> int | None:
        """The page holding ``offset``, or None when the text is empty."""
        for span in self.pages:
            if span.start <= offset < span.end:
                return span.page
        return self.pages[-1].page if self.pages else None
