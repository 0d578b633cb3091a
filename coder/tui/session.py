"""The state of one coder's session, without any Textual: what the screens show.

Keeping this apart from the widgets means the coding flow (open a document, move to
the next uncoded quote, apply a code, undo) is plain Python that tests can drive
directly; the widgets only render it and turn keys into calls.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.codebook import Codebook, codebook_from_db
from coder.coding.assign import (
    Assignment,
    CodingResult,
    code_quote,
    current_codings,
    document_codes,
    quote_memo,
    set_quote_memo,
    toggle_code,
)
from coder.coding.coders import Coder, ensure_coder
from coder.coding.describe import Labels, describe_event, describe_undo, snippet
from coder.coding.events import Event, coder_events, get_event, redo, undo
from coder.errors import InputError
from coder.ingest.documents import list_documents, page_rows
from coder.quotes.store import (
    PageIndex,
    add_manual_quote,
    adjust_quote,
    delete_manual_quote,
    document_text,
    list_quotes,
    search_quotes,
)
from coder.store.db import connect, data_version
from coder.store.sqlite import sqlite_utils
from coder.tui.tags import code_tag

WINDOW_PAGES = 40  # long documents are shown this many pages at a time


@dataclass
class Window:
    """The part of a document shown in the reader: ``text`` is ``full[start:end]``."""

    doc_id: int
    start: int
    end: int
    text: str
    first_page: int
    last_page: int


@dataclass
class Session:
    db_path: Path
    coder: Coder
    db: sqlite_utils.Database
    codebook: Codebook
    documents: list[dict[str, Any]] = field(default_factory=list)
    doc_id: int | None = None
    quotes: list[dict[str, Any]] = field(default_factory=list)
    index: int = 0
    pages: PageIndex | None = None
    page_rows: list[tuple[int, int, int]] = field(default_factory=list)
    full_text: str = ""
    window: Window | None = None
    filter: str = "all"  # all | uncoded | coded | code:<key>
    _labels: Labels | None = None
    data_version: int = 0

    @classmethod
    def open(cls, db_path: str | Path, coder_name: str) -> Session:
        db = connect(db_path)
        coder, _ = ensure_coder(db, coder_name)
        session = cls(Path(db_path), coder, db, codebook_from_db(db))
        session.refresh_documents()
        session.changed_elsewhere()
        return session

    def changed_elsewhere(self) -> bool:
        """Whether another connection (the CLI, another TUI, an import) has committed
        since the last call: SQLite's ``data_version`` changes only for other connections'
        commits, and reading it costs microseconds, so a timer can poll it."""
        version = data_version(self.db)
        changed, self.data_version = version != self.data_version, version
        return changed

    # --- documents and quotes -------------------------------------------------

    def refresh_documents(self, doc_id: int | None = None) -> None:
        """Re-read the document list, or only the figures of ``doc_id`` (cheaper)."""
        if doc_id is None:
            self.documents = list_documents(self.db, coder=self.coder)
            return
        fresh = {d["id"]: d for d in list_documents(self.db, coder=self.coder, doc_id=doc_id)}
        self.documents = [fresh.get(d["id"], d) for d in self.documents]

    def open_document(self, doc_id: int) -> None:
        self.doc_id = doc_id
        self.full_text = document_text(self.db, doc_id)
        self.page_rows = page_rows(self.db, doc_id)
        self.pages = PageIndex(self.page_rows)
        self.reload_quotes()
        self.index = 0
        self.window = None
        if self.quotes:
            self.window_for(self.quotes[0]["start"])

    def reload_quotes(self, *, keep_current: bool = True) -> None:
        """Re-read the open document's quotes through the filter.

        The quote on screen stays in the list (``keep_current``) even when it no longer
        passes the filter, e.g. under "uncoded" once its first code is on: a reload for
        another process's commit must never move the keys, or a memo being typed, on to
        the next quote. Only choosing a filter (or moving on) lets it go.
        """
        shown = self.current
        current = shown["id"] if shown is not None else None
        quotes = list_quotes(self.db, doc_id=self.doc_id, visible_to=self.coder)
        coded = self.coded_ids()
        for quote in quotes:
            quote["coded"] = quote["id"] in coded
        self.quotes = [q for q in quotes if self._passes(q) or (keep_current and q["id"] == current)]
        ids = [q["id"] for q in self.quotes]
        self.index = ids.index(current) if current in ids else min(self.index, max(len(ids) - 1, 0))

    def _passes(self, quote: dict[str, Any]) -> bool:
        if self.filter == "uncoded":
            return not quote["coded"]
        if self.filter == "coded":
            return bool(quote["coded"])  # a bool, set by reload_quotes
        if self.filter.startswith("code:"):
            return any(c["code"] == self.filter[5:] for c in self.codings(quote["id"]))
        return True

    def codes_by_quote(self) -> dict[int, list[str]]:
        """The coder's codes on each coded quote of the open document."""
        return document_codes(self.db, self.coder, self.doc_id) if self.doc_id is not None else {}

    def quote_tags(self) -> dict[int, str]:
        """Gutter tags (see :mod:`coder.tui.tags`) of the coder's coded quotes in the open document."""
        return {quote_id: code_tag(self.codebook, keys) for quote_id, keys in self.codes_by_quote().items()}

    def coded_ids(self) -> set[int]:
        """The open document's quotes the coder has coded (the only ones asked about)."""
        return set(self.codes_by_quote())

    @property
    def current(self) -> dict[str, Any] | None:
        return self.quotes[self.index] if self.quotes and self.index < len(self.quotes) else None

    def move(self, step: int) -> dict[str, Any] | None:
        if self.quotes:
            self.index = max(0, min(len(self.quotes) - 1, self.index + step))
        return self.current

    def next_uncoded(self) -> dict[str, Any] | None:
        coded = self.coded_ids()
        order = list(range(self.index + 1, len(self.quotes))) + list(range(0, self.index + 1))
        for i in order:
            if self.quotes[i]["id"] not in coded:
                self.index = i
                return self.current
        return None

    def locked_round(self) -> str | None:
        """The locked round that freezes this coder's codes on the quote on screen."""
        from coder.coding.frozen import locked_round_of

        quote = self.current
        return locked_round_of(self.db, quote["id"], self.coder) if quote else None

    def listed(self, quote_id: int, doc_id: int) -> bool:
        """Whether the coder's quote list (no filter) holds the quote: not when the coder
        dismissed it, nor when an open round hides it."""
        return any(q["id"] == quote_id for q in list_quotes(self.db, doc_id=doc_id, visible_to=self.coder))

    def select_quote(self, quote_id: int) -> bool:
        for i, quote in enumerate(self.quotes):
            if quote["id"] == quote_id:
                self.index = i
                return True
        return False

    def quote_at(self, offset: int) -> dict[str, Any] | None:
        starts = [q["start"] for q in self.quotes]
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0:
            if self.quotes[i]["start"] <= offset < self.quotes[i]["end"]:
                return self.quotes[i]
            i -= 1
            if i >= 0 and self.quotes[i]["end"] < offset - 5000:
                break
        return None

    # --- the reader's window --------------------------------------------------

    def window_for(self, offset: int) -> Window:
        """The page range around ``offset`` (whole document when it is short)."""
        if self.window and self.window.start <= offset < max(self.window.end, self.window.start + 1):
            return self.window
        rows = self.page_rows or [(1, 0, len(self.full_text))]
        pos = max(0, bisect.bisect_right([r[1] for r in rows], offset) - 1)
        lo = max(0, pos - WINDOW_PAGES // 4)
        hi = min(len(rows), lo + WINDOW_PAGES)
        start, end = rows[lo][1], rows[hi - 1][2]
        if hi == len(rows):
            end = len(self.full_text)
        self.window = Window(self.doc_id or 0, start, end, self.full_text[start:end],
                             rows[lo][0], rows[hi - 1][0])
        return self.window

    def goto_page(self, page: int) -> int:
        """Show the page range around ``page`` and make the first quote from there on
        current; returns the page's start offset."""
        start = next((s for p, s, _ in self.page_rows if p == page), None)
        if start is None:
            raise InputError(f"no page {page}: this document has pages 1 to {self.last_page}")
        self.window = None
        self.window_for(start)
        starts = [q["start"] for q in self.quotes]
        if self.quotes:
            self.index = min(bisect.bisect_left(starts, start), len(self.quotes) - 1)
        return start

    @property
    def last_page(self) -> int:
        return self.page_rows[-1][0] if self.page_rows else 0

    def page_starts(self) -> list[tuple[int, int]]:
        """(page, start offset) of the open document's pages, for the reader's gutter."""
        return [(page, start) for page, start, _ in self.page_rows]

    def page_at(self, offset: int) -> int | None:
        return self.pages.page_at(offset) if self.pages else None

    # --- coding -----------------------------------------------------------------

    def codings(self, quote_id: int) -> list[dict[str, Any]]:
        return current_codings(self.db, quote_id, self.coder)

    def codes_on(self) -> set[str]:
        """The coder's codes on the current quote, as stored now."""
        quote = self.current
        return {c["code"] for c in self.codings(quote["id"])} if quote else set()

    @property
    def labels(self) -> Labels:
        if self._labels is None:
            self._labels = Labels(self.codebook)
        return self._labels

    def describe(self, result: CodingResult) -> str:
        """What a save changed, in labels (``+ Netwerk opbouwen en activeren``)."""
        if result.event_id is None:
            return "no change"
        return describe_event(get_event(self.db, result.event_id), self.labels)

    def apply(self, facet: str, op: str, code: str | None) -> str:
        quote = self.current
        if quote is None:
            return "no quote"
        codes = (code,) if code else ()
        result = code_quote(self.db, quote["id"], self.coder, [Assignment(facet, op, codes)])
        quote["coded"] = bool(self.codings(quote["id"]))
        return self.describe(result)

    def shown(self, expect: int | None) -> dict[str, Any] | None:
        """The current quote, checked to be ``expect`` (the quote a dialog was opened for):
        a dialog stays open for seconds, and what it saves must land on that quote."""
        quote = self.current
        if expect is not None and (quote is None or quote["id"] != expect):
            raise InputError(f"quote {expect} is no longer in the list (deleted or dismissed "
                             "meanwhile): nothing saved")
        return quote

    def toggle(self, code_key: str, expect: int | None = None) -> str:
        """Turn a code on or off, deciding from the database at the time of the key."""
        quote = self.shown(expect)
        if quote is None:
            return "no quote"
        result = toggle_code(self.db, quote["id"], self.coder, code_key)
        quote["coded"] = bool(self.codings(quote["id"]))
        return self.describe(result)

    def add_code(self, code_key: str) -> str:
        """Put a code on (never off: accepting a suggestion must not remove a code that
        another process put on meanwhile); a single facet's value is replaced."""
        facet = self.codebook.facet(self.codebook.code(code_key).facet)
        return self.apply(facet.key, "=" if facet.mode == "single" else "+=", code_key)

    def memo(self, text: str | None, expect: int | None = None) -> str:
        """Set the coder's memo on the current quote (one event): on its codings, or on
        the quote itself when it has none yet (or already has a memo of its own)."""
        quote = self.shown(expect)
        if quote is None:
            return "no quote"
        if not self.codings(quote["id"]) or quote_memo(self.db, quote["id"], self.coder):
            return self.describe(set_quote_memo(self.db, quote["id"], self.coder, text))
        return self.describe(code_quote(self.db, quote["id"], self.coder, [], memo=text or ""))

    def memos(self) -> list[str]:
        """The coder's memos on the current quote: its own, then those of its codings."""
        quote = self.current
        if quote is None:
            return []
        own = quote_memo(self.db, quote["id"], self.coder)
        return list(dict.fromkeys(([own] if own else []) + [c["memo"] for c in self.codings(quote["id"])
                                                             if c["memo"]]))

    def undo(self) -> str:
        event = undo(self.db, self.coder)
        self._after_history(event)
        return describe_undo(event, self.labels, "undone") if event else "nothing to undo"

    def redo(self) -> str:
        event = redo(self.db, self.coder)
        self._after_history(event)
        return describe_undo(event, self.labels, "redone") if event else "nothing to redo"

    def _after_history(self, event: Event | None) -> None:
        if event is None or self.doc_id is None:
            return
        self.reload_quotes()
        if event.quote_id is not None:
            self.select_quote(event.quote_id)

    # --- manual quotes -----------------------------------------------------------

    def new_quote(self, start: int, end: int) -> str:
        if self.doc_id is None:  # what add_manual_quote raised for it
            raise InputError(f"unknown document {self.doc_id}")
        quote_id = add_manual_quote(self.db, self.doc_id, start, end, self.coder)
        self.reload_quotes()
        self.select_quote(quote_id)
        return self.last_change()

    def adjust(self, start: int, end: int) -> str:
        if self.current is None:
            return "no quote"
        adjust_quote(self.db, self.current["id"], start, end, self.coder)
        self.reload_quotes()
        return self.last_change()

    def delete_current(self) -> str:
        quote = self.current
        if quote is None:
            return "no quote"
        delete_manual_quote(self.db, quote["id"], self.coder)
        self.reload_quotes()
        return self.gone(quote)

    def gone(self, quote: dict[str, Any]) -> str:
        """What the latest event did to a quote that has just left the list, naming it:
        the screen already shows the next quote, so "not a quote" alone would not say which."""
        return f"quote {quote['id']} {snippet(quote['text'])}: {self.last_change()}"

    def last_change(self) -> str:
        """What the coder's latest event did (for actions that return no result)."""
        events = coder_events(self.db, self.coder, last=1)
        return describe_event(events[-1], self.labels) if events else "no change"

    def dismiss_current(self, reason: str | None = None) -> str:
        """"Not a quote": dismiss a candidate for this coder (the next one becomes current);
        a manual quote of the coder's own is simply deleted. Says what changed."""
        from coder.quotes.dismiss import dismiss_quote

        quote = self.current
        if quote is None:
            return "no quote"
        if quote["origin"] == "manual" and quote["created_by"] == self.coder.id:
            return self.delete_current()
        dismiss_quote(self.db, quote["id"], self.coder, reason)
        self.reload_quotes()
        return self.gone(quote)

    # --- search and suggestions -----------------------------------------------------

    def search(self, query: str, *, as_you_type: bool = False) -> list[dict[str, Any]]:
        """Quotes matching ``query`` (the coder's own manual quotes and detected ones);
        ``as_you_type`` takes the word being typed as a prefix."""
        if as_you_type and query.strip() and not query.endswith((" ", "*")):
            query += "*"
        return [q for q in search_quotes(self.db, query, limit=100)
                if q["origin"] == "detected" or q["created_by"] == self.coder.id]

    def suggestions(self) -> list[Any]:
        from coder.coding.suggest import suggest_for_codebook

        quote = self.current
        return suggest_for_codebook(quote["text"], self.codebook, quote.get("speaker")) if quote else []

    def code_label(self, key: str) -> str:
        try:
            return self.codebook.code(key).label
        except KeyError:
            return key

    def keywords(self, key: str) -> list[str]:
        try:
            return list(self.codebook.code(key).keywords)
        except KeyError:
            return []
