"""`Project`: one project file, with a method for every ``coder`` command.

Each method does what its command does (same checks, same errors, same transaction and
event), and returns records (:mod:`coder.api.records`) instead of printing. The command
line is a thin layer over these methods; a notebook or a script calls them directly::

    import coder
    p = coder.open_project("coder.db")
    p.code(12, ["valentie=positief"], coder="anna")

Heavy parts (numpy, PDF extraction, exports) are imported by the methods that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coder.api.outputs import Outputs
from coder.api.records import CoderSummary, Coding, CodingChange, Dismissal, Document, Quote
from coder.api.reliability import Reliability

if TYPE_CHECKING:
    from coder.codebook.model import Codebook
    from coder.codebook.sync import SyncReport
    from coder.coding.coders import Coder
    from coder.coding.events import Event
    from coder.extraction.draw import PageView
    from coder.ingest.batch import ImportBatch
    from coder.ingest.documents import ImportResult
    from coder.ingest.indicators import Pooled
    from coder.store.sqlite import sqlite_utils


class Project(Outputs, Reliability):
    """A coder project (one SQLite file), opened and migrated.

    >>> import tempfile, pathlib
    >>> p = Project.open(pathlib.Path(tempfile.mkdtemp()) / "demo.db")
    >>> p.documents()
    []
    >>> p.add_coder("anna").name
    'anna'
    """

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path = "coder.db", *, create: bool = True) -> Project:
        """Open (upgrading, and with ``create`` creating) the project file at ``path``.

        A file that is not a coder project is refused, never modified; without ``create``
        a missing file is "no coder project at PATH".
        """
        from coder.store.db import connect

        return cls(connect(path, create=create), Path(path))

    def __repr__(self) -> str:
        return f"Project({str(self.path)!r})"

    # --- project and documents (coder init, import, docs, text) ---------------------

    def init(self, codebook: str | Path | None = None) -> str:
        """Load the codebook (default: ./codebook.yaml, else the bundled one); a summary line."""
        from coder.store.project import init_project

        return init_project(self.db, codebook)

    def import_pdfs(self, paths: Iterable[str | Path], *, manifest: str | Path | None = None,
                    force: bool = False, password: str | None = None, jobs: int | None = None,
                    ocr: bool = False, offsets: str = "auto", on_note: Callable[[str], None] | None = None,
                    on_file: Callable[[int, Path], Any] | None = None,
                    on_result: Callable[[ImportResult], None] | None = None,
                    on_plan: Callable[[int], None] | None = None) -> ImportBatch:
        """Import PDFs (files or folders) and .qdpx/.qdc/.codings files, like `coder import`.

        A bad file is a ``coder: error: ...`` line for ``on_note`` and the rest goes on;
        ``offsets`` ("auto", "code-points", "utf-16") is how a .qdpx counts its offsets;
        ``on_plan(n)``, ``on_file(number, path)`` (may return a page-progress callback)
        and ``on_result(result)`` follow the PDFs. The batch counts what happened.
        """
        from coder.ingest.batch import import_batch

        return import_batch(self.db, [Path(p) for p in paths],
                            manifest=Path(manifest) if manifest else None, on_note=on_note,
                            on_file=on_file, on_result=on_result, on_plan=on_plan, force=force,
                            password=password, jobs=jobs, ocr=ocr, offsets=offsets)

    def documents(self) -> list[Document]:
        """The imported documents, with their quote counts."""
        from coder.ingest.documents import list_documents

        return [Document.from_row(row) for row in list_documents(self.db)]

    def document_id(self, ref: str | int) -> int:
        """A document id from an id, a file name or a sha256 prefix."""
        from coder.ingest.documents import resolve_document

        return resolve_document(self.db, ref)

    def text(self, doc: str | int, page: int | None = None) -> str:
        """A document's normalised text (all offsets point into it), or one page of it."""
        from coder.ingest.documents import page_text
        from coder.quotes.store import document_text

        doc_id = self.document_id(doc)
        return page_text(self.db, doc_id, page) if page else document_text(self.db, doc_id)

    def draw_layout(self, doc: str | int, page: int, output: str | Path, *,
                    password: str | None = None) -> PageView:
        """Draw a page of an imported document (from its file, which must still be there)
        with its layout blocks in reading order, their kinds and the removed furniture."""
        from coder.api.files import draw_layout
        from coder.ingest.documents import source_pdf

        return draw_layout(source_pdf(self.db, doc), page, output, password=password)

    # --- quotes (coder quotes, search, quote add/adjust/delete) -----------------------

    def quotes(self, doc: str | int | None = None, search: str | None = None, *,
               viewer: str | None = None, on_hidden: Callable[[int], None] | None = None,
               on_dismissed: Callable[[int], None] | None = None) -> list[Quote]:
        """Quotes (detected and manual) with the codings ``viewer`` may see; of one document or a search.

        While a round with named coders is open, its coders see only their own codings on
        its quotes (and others' manual quotes only inside the round); nobody named sees the
        round coders' codings held back there (see :mod:`coder.reliability.blind`).
        ``on_hidden(n)`` hears how many codings were held back.

        The candidates ``viewer`` dismissed as not a quote are left out, as in that coder's
        TUI: a named list is what that coder still takes for quotes (:meth:`dismissed`
        lists the others). ``on_dismissed(n)`` hears how many were left out.
        """
        from coder.quotes.store import list_quotes, search_quotes
        from coder.reliability.blind import blind_for, visible_codings, visible_quotes

        if search:
            rows = search_quotes(self.db, search)
            if doc is not None:
                doc_id = self.document_id(doc)
                rows = [r for r in rows if r["doc_id"] == doc_id]
        else:
            rows = list_quotes(self.db, doc_id=self.document_id(doc) if doc is not None else None)
        rows = self._without_dismissed(rows, viewer, on_dismissed)
        blind = blind_for(self.db, viewer)
        rows = visible_quotes(self.db, rows, blind)
        codings, hidden = visible_codings(self.db, [r["id"] for r in rows], blind)
        if hidden and on_hidden:
            on_hidden(hidden)
        return [Quote.from_row(r, tuple(Coding(**c) for c in codings[r["id"]])) for r in rows]

    def _without_dismissed(self, rows: list[dict[str, Any]], viewer: str | None,
                           on_dismissed: Callable[[int], None] | None) -> list[dict[str, Any]]:
        from coder.coding.coders import find_coder
        from coder.quotes.dismiss import dismissed_ids

        who = find_coder(self.db, viewer) if viewer else None
        gone = dismissed_ids(self.db, who) if who is not None else set()
        kept = [r for r in rows if r["id"] not in gone]
        if len(kept) < len(rows) and on_dismissed:
            on_dismissed(len(rows) - len(kept))
        return kept

    def search(self, query: str) -> list[Quote]:
        """Full-text search over quote text, best first (codings not filled in)."""
        from coder.quotes.store import search_quotes

        return [Quote.from_row(r) for r in search_quotes(self.db, query)]

    def add_quote(self, doc: str | int, start: int, end: int, *, coder: str) -> int:
        """Make a manual quote of characters [start, end) of a document; its id."""
        from coder.coding.coders import ensure_coder
        from coder.quotes.store import add_manual_quote

        who, _ = ensure_coder(self.db, coder)
        return add_manual_quote(self.db, self.document_id(doc), start, end, who)

    def adjust_quote(self, quote_id: int, start: int, end: int, *, coder: str) -> bool:
        """Move a quote's bounds; False when they were already there."""
        from coder.coding.coders import ensure_coder
        from coder.quotes.store import adjust_quote

        return adjust_quote(self.db, quote_id, start, end, ensure_coder(self.db, coder)[0]) is not None

    def delete_quote(self, quote_id: int, *, coder: str) -> None:
        """Delete a manual quote and its codings (undo brings them back)."""
        from coder.quotes.store import delete_manual_quote

        delete_manual_quote(self.db, quote_id, self.coder(coder))

    def dismiss_quote(self, quote_id: int, *, coder: str, reason: str | None = None) -> int | None:
        """Mark a candidate "not a quote" for this coder (one undoable event); the event id,
        or None when that coder had dismissed it already."""
        from coder.coding.coders import ensure_coder
        from coder.quotes.dismiss import dismiss_quote
        from coder.store.db import write

        with write(self.db):  # a refused dismissal registers no coder either
            who, _ = ensure_coder(self.db, coder)
            return dismiss_quote(self.db, quote_id, who, reason)

    def undismiss_quote(self, quote_id: int, *, coder: str) -> int:
        """Take back this coder's dismissal (as ``undo`` would); the event id."""
        from coder.quotes.dismiss import undismiss_quote

        return undismiss_quote(self.db, quote_id, self.coder(coder))

    def dismissed(self, *, coder: str | None = None) -> list[Dismissal]:
        """Candidates dismissed as not a quote, by whom and why (of one coder, or all)."""
        from coder.quotes.dismiss import list_dismissed

        rows = list_dismissed(self.db, coder=self.coder(coder) if coder else None)
        return [Dismissal(**row) for row in rows]

    # --- coders and coding (coder coders, code, undo, redo, history) -----------------

    def coder(self, name: str) -> Coder:
        """The coder called ``name`` (an unknown name is an error)."""
        from coder.coding.coders import get_coder

        return get_coder(self.db, name)

    def coders(self) -> list[CoderSummary]:
        """Every coder with their number of codings."""
        from coder.coding.coders import coding_counts, list_coders

        counts = coding_counts(self.db)
        return [CoderSummary(c.id, c.name, c.kind, counts.get(c.id, 0)) for c in list_coders(self.db)]

    def add_coder(self, name: str) -> Coder:
        """Register a coder."""
        from coder.coding.coders import add_coder

        return add_coder(self.db, name)

    def rename_coder(self, old: str, new: str) -> Coder:
        """Rename a coder; their codings follow."""
        from coder.coding.coders import rename_coder

        return rename_coder(self.db, old, new)

    def code(self, quote_id: int, assignments: Iterable[str], *, coder: str,
             memo: str | None = None) -> CodingChange:
        """Code a quote: ``facet=code``, ``facet+=code``, ``facet-=code``, ``facet=`` (clear).

        One transaction and one event (undoable); a coder is registered on first use.
        """
        from coder.coding.assign import code_quote, current_codings, parse_assignment
        from coder.coding.coders import ensure_coder
        from coder.coding.describe import describe_event, labels_of
        from coder.coding.events import get_event
        from coder.store.db import write

        parsed = [parse_assignment(a) for a in assignments]
        with write(self.db):  # a rejected call registers no coder either
            who, created = ensure_coder(self.db, coder)
            result = code_quote(self.db, quote_id, who, parsed, memo=memo)
        now = tuple(Coding(who.name, r["facet"], r["code"], r["memo"], r["id"])
                    for r in current_codings(self.db, quote_id, who))
        change = (describe_event(get_event(self.db, result.event_id), labels_of(self.db))
                  if result.event_id is not None else "no change")
        return CodingChange(quote_id, who.name, tuple(result.added), tuple(result.removed),
                            tuple(result.memos), result.event_id, created, now, change)

    def codings(self, quote_id: int, *, coder: str) -> list[Coding]:
        """The coder's codings on one quote, in codebook order."""
        from coder.coding.assign import current_codings

        who = self.coder(coder)
        return [Coding(who.name, r["facet"], r["code"], r["memo"], r["id"])
                for r in current_codings(self.db, quote_id, who)]

    def undo(self, *, coder: str) -> Event | None:
        """Undo the coder's most recent coding action; None when there is none."""
        from coder.coding.events import undo

        return undo(self.db, self.coder(coder))

    def redo(self, *, coder: str) -> Event | None:
        """Redo the coder's most recently undone action; None when there is none."""
        from coder.coding.events import redo

        return redo(self.db, self.coder(coder))

    def history(self, *, coder: str, limit: int = 20) -> list[Event]:
        """The coder's latest ``limit`` actions from the event log, oldest first."""
        from coder.coding.events import coder_events

        return coder_events(self.db, self.coder(coder))[-limit:] if limit > 0 else []

    def changes(self, *, coder: str, limit: int = 20) -> list[tuple[Event, str]]:
        """The coder's latest ``limit`` actions, each with what it changed in codebook
        labels (``Transformatiedoel: Preventie en eigen kracht → Normaliseren…``)."""
        from coder.coding.describe import history

        return history(self.db, self.coder(coder), limit) if limit > 0 else []

    def describe_undo(self, event: Event, verb: str = "undone") -> str:
        """What undoing (``undone``) or redoing (``redone``) ``event`` changed."""
        from coder.coding.describe import describe_undo, labels_of

        return describe_undo(event, labels_of(self.db), verb)

    # --- codebook and indicators --------------------------------------------------------

    def codebook(self) -> Codebook:
        """The project's codebook (or the default file's, before one is loaded)."""
        from coder.codebook import codebook_from_db, load_codebook
        from coder.store.project import default_codebook_path, has_codebook

        return codebook_from_db(self.db) if has_codebook(self.db) else load_codebook(default_codebook_path())

    def load_codebook(self, path: str | Path | None = None, *, merge_into: str | None = None,
                      force: bool = False, dry_run: bool = False) -> SyncReport:
        """Load a (changed) codebook, keeping codings of kept and renamed codes; the report."""
        from coder.codebook import load_codebook, sync_codebook
        from coder.store.project import default_codebook_path

        return sync_codebook(self.db, load_codebook(path or default_codebook_path()),
                             merge_into=merge_into, force=force, dry_run=dry_run)

    def indicators(self) -> list[Pooled]:
        """Client-experience figures pooled by respondents, overall and per team type."""
        from coder.ingest.indicators import pooled_indicators

        return list(pooled_indicators(self.db))

    def add_indicator(self, doc: str | int, indicator: str, value: float, n: int) -> None:
        """Record one survey figure for a document (replaces an earlier value)."""
        from coder.ingest.indicators import add_indicator

        add_indicator(self.db, self.document_id(doc), indicator, value, n)

    def import_indicators(self, path: str | Path) -> int:
        """Import a CSV of file (or doc), indicator, value, n: all rows or none; the count."""
        from coder.ingest.indicators import import_indicators

        return import_indicators(self.db, path)


def open_project(path: str | Path = "coder.db", *, create: bool = True) -> Project:
    """Open (upgrading, and unless ``create=False`` creating) a project file:
    ``coder.open_project("coder.db")``. Another program's database is refused, unchanged."""
    return Project.open(path, create=create)
