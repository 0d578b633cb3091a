"""The coding screen: documents | reader | quote panel.

Every key calls one :class:`~coder.tui.session.Session` method, which saves at once
(one transaction, one event); the screen then repaints from the database, so what is
shown is what is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea
from textual.worker import get_current_worker

from coder.errors import CoderError
from coder.quotes.nlp import pipeline_loaded
from coder.tui.keys import CODING_BINDINGS
from coder.tui.screens.dialogs import (
    Choice,
    CodePicker,
    HelpScreen,
    SearchQuotes,
    TextPrompt,
    bound_key,
    option_id,
)
from coder.tui.session import Session
from coder.tui.tags import TAG_WIDTH
from coder.tui.widgets.document_list import DocumentList
from coder.tui.widgets.key_bar import KeyBar
from coder.tui.widgets.quote_panel import QuotePanel
from coder.tui.widgets.reader import Reader, Span

POLL_SECONDS = 0.5  # how often to look for changes stored by another process
NLP_DELAY = 1.0  # seconds after the first screen before spaCy is loaded for suggestions


class CodingScreen(Screen[None]):
    BINDINGS = [*CODING_BINDINGS]
    # Below 110 columns three columns leave the reader too narrow to read: the document
    # list is hidden until `d` asks for it, and hides again once it loses focus.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    DEFAULT_CSS = """
    #status { height: 1; background: $boost; padding: 0 1; }
    #main { height: 1fr; }
    CodingScreen.-narrow DocumentList { display: none; }
    CodingScreen.-narrow.-documents DocumentList { display: block; max-width: 100%; }
    CodingScreen.-narrow.-documents Reader { display: none; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        singles = [f.key for f in session.codebook.facets if f.mode == "single"]
        self.single_facets = singles
        self.active_facet = singles[0] if singles else None
        self.suggestions: list[Any] = []
        self.arrived: tuple[int, int, int] | None = None  # (id, start, end) of the quote shown
        self.suggestions_for: tuple[int, int, int] | None = None  # the quote the suggestions are of
        self.shown_codes: set[str] = set()  # the current quote's codes as last put on screen
        self.message = ""  # the last thing saved, shown until the next action
        self.status_line = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="status", markup=False)
        with Horizontal(id="main"):
            yield DocumentList(id="documents")
            reader = Reader(id="reader")
            reader.tag_width = TAG_WIDTH
            yield reader
            yield QuotePanel(id="panel")
        yield KeyBar()

    nlp_started = False

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.check_elsewhere)
        self.query_one(DocumentList).show(self.session.documents)
        if self.session.documents:
            self.open_document(self.session.documents[0]["id"])
            self.query_one(Reader).focus()
        else:
            self.set_status("No documents yet: press I to import PDFs (or use `coder import`).")

    # --- rendering -------------------------------------------------------------------

    def set_status(self, message: str = "") -> None:
        s = self.session
        doc = next((d for d in s.documents if d["id"] == s.doc_id), None)
        title = doc["title"] if doc else "—"
        page = ""
        reader = self.query_one(Reader)
        if s.doc_id is not None:
            offset = reader.doc_offset(reader.cursor_location)
            page = f" · p. {s.page_at(offset)}"
        filt = f" · filter: {s.filter}" if s.filter != "all" else ""
        locked = s.locked_round()
        frozen = f" · locked round {locked!r}: your codes here are frozen" if locked else ""
        text = f"coder: {s.coder.name} · {title}{page}{filt}{frozen}{self.keys_hint()}"
        if message:
            self.message = message
        line = f"{text}   {self.message}" if self.message else text
        status = self.query_one("#status", Static)
        width = (status.size.width or self.app.size.width) - 2
        if len(line) > width and self.message:  # the change goes on a line of its own, never cut off
            line = f"{text}\n{self.message}"
        if line != self.status_line:
            # Fixed height: no layout pass, which would repaint the screen, unless the
            # number of lines changes.
            self.status_line = line
            rows = sum(max(1, -(-len(part) // max(width, 1))) for part in line.split("\n"))
            status.update(line, layout=False)
            if status.styles.height is None or status.styles.height.value != rows:
                status.styles.height = rows

    def arrive(self) -> None:
        """Follow a change of the current quote, whichever route it came by (a key, an
        undo that jumps, search, filter, a new manual quote, an import, another process).

        On a new quote the number keys start on its first single facet that is still
        empty, and suggestions are always those of the quote on screen: keys must never
        act on a facet or with a suggestion that belong to the quote seen before.
        """
        quote = self.session.current
        key = (quote["id"], quote["start"], quote["end"]) if quote else None
        if key == self.arrived:
            return
        if key is None or self.arrived is None or key[0] != self.arrived[0]:
            self.active_facet = self.first_open_facet()
        self.arrived = key
        self.suggestions = self.current_suggestions()
        self.suggestions_for = key

    def first_open_facet(self) -> str | None:
        """The first single facet the coder has not coded on the current quote (else the first)."""
        have = self.session.codes_on()
        for key in self.single_facets:
            if not any(code.key in have for code in self.session.codebook.facet(key).codes):
                return key
        return self.single_facets[0] if self.single_facets else None

    def keys_hint(self) -> str:
        """`` · keys 1–5: Transformatiedoel``: which facet the number keys set now."""
        if self.active_facet is None or self.session.current is None:
            return ""
        facet = self.session.codebook.facet(self.active_facet)
        return f" · keys 1–{min(len(facet.codes), 9)}: {facet.label}"

    def refresh_view(self, *, select: bool = True, message: str = "", follow: bool = True) -> None:
        """Show the session's state; with ``follow`` the reader shows the current quote's page range."""
        s = self.session
        self.arrive()
        reader = self.query_one(Reader)
        quote = s.current
        if (follow and quote is not None) or s.window is not None:
            window = s.window_for(quote["start"]) if follow and quote is not None else s.window
            if window is not None:  # always: window_for returns one, else s.window is set
                reader.show(window.text, window.start, s.page_starts())
        tags = s.quote_tags()
        reader.paint([Span(q["start"], q["end"], q["id"] in tags,
                           quote is not None and q["id"] == quote["id"],
                           tags.get(q["id"], "")) for q in s.quotes])
        if quote is not None and select:
            reader.select_span(quote["start"], quote["end"])
        self.query_one(QuotePanel).show(s, self.active_facet, self.suggestions)
        self.shown_codes = s.codes_on()
        self.set_status(message)

    def open_document(self, doc_id: int) -> None:
        self.session.open_document(doc_id)
        window = self.session.window
        if window is None:  # no quotes: the whole text (Session has already read it)
            self.query_one(Reader).show(self.session.full_text, 0, self.session.page_starts())
        self.after_move()

    def after_move(self, message: str = "") -> None:
        self.refresh_view(message=message)
        if not pipeline_loaded() and not self.nlp_started:
            # The first suggestion imports spaCy: seconds of CPU in a thread that competes
            # for the GIL. Start it a moment after the first screen is up, not before.
            self.nlp_started = True
            self.set_timer(NLP_DELAY, self.load_suggestions)

    def current_suggestions(self) -> list[Any]:
        """Suggestions for the current quote, once spaCy is loaded (about 0.3 ms a quote).

        Computing them in the key handler, not in a worker, puts them on screen in the
        same repaint as the quote instead of in a second one.
        """
        if not pipeline_loaded():
            return []
        try:
            return self.session.suggestions()
        except Exception:  # suggestions are a help; never break coding over them
            return []

    @work(thread=True, exclusive=True, group="suggestions")
    def load_suggestions(self) -> None:
        """Load spaCy in a thread, then show the suggestions of whatever quote is current."""
        try:
            from coder.quotes.nlp import pipeline

            pipeline()
        except Exception:
            return
        self.app.call_from_thread(self._show_suggestions)

    def _show_suggestions(self) -> None:
        found = self.current_suggestions()
        if found != self.suggestions:
            self.suggestions = found
            self.suggestions_for = self.arrived
            self.query_one(QuotePanel).show(self.session, self.active_facet, self.suggestions)

    def saved(self, change: str, *, all_documents: bool = False) -> None:
        """Repaint after a save, saying what it changed; coding touches only the open
        document's figures, while undo and redo may reach into another document."""
        self.session.refresh_documents(None if all_documents else self.session.doc_id)
        self.query_one(DocumentList).show(self.session.documents)
        self.refresh_view(message=change)

    def guarded(self, action: Callable[[], str], then: Callable[[], None] | None = None,
                suffix: str = "", *, all_documents: bool = False) -> None:
        """Run a saving ``action`` (it returns what it changed); show its error, or call
        ``then`` and repaint once with the change in the status line."""
        try:
            change = action()
        except CoderError as exc:
            self.notify(str(exc), severity="error")
            return
        if then is not None:
            then()
        self.saved(change + suffix, all_documents=all_documents)

    def check_elsewhere(self) -> None:
        """Show what another process stored (the CLI, another TUI of the same coder, an
        import): the screen must never keep showing a value the database no longer has."""
        s = self.session
        if not s.changed_elsewhere() or s.doc_id is None:
            return
        quote = s.current
        before = self.shown_codes
        s.reload_quotes()
        s.refresh_documents()
        self.query_one(DocumentList).show(s.documents)
        after = s.codes_on()
        same_quote = quote is not None and s.current is not None and s.current["id"] == quote["id"]
        message = ""
        if same_quote and after != before:
            labels = s.labels
            changes = [f"+ {labels.code(c)}" for c in sorted(after - before)]
            changes += [f"− {labels.code(c)}" for c in sorted(before - after)]
            message = "stored by another process: " + "; ".join(changes)
        self.refresh_view(select=not same_quote, follow=not same_quote, message=message)

    # --- events ----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#documents")
    def document_chosen(self, event: OptionList.OptionSelected) -> None:
        self.remove_class("-documents")
        doc_id = int(option_id(event.option))
        if doc_id != self.session.doc_id:  # the open one stays at its quote
            self.open_document(doc_id)
        self.query_one(Reader).focus()

    @on(TextArea.SelectionChanged, "#reader")
    def cursor_moved(self) -> None:
        if self.session.doc_id is not None:
            self.set_status()

    # --- actions -----------------------------------------------------------------------

    def action_next_quote(self) -> None:
        last = self.session.index >= len(self.session.quotes) - 1
        self.session.move(1)
        self.after_move("this is the last quote of the document (d: other documents)" if last else "")

    def action_previous_quote(self) -> None:
        first = self.session.index == 0
        self.session.move(-1)
        self.after_move("this is the first quote of the document" if first else "")

    def action_next_uncoded(self) -> None:
        found = self.session.next_uncoded()
        self.after_move("" if found else "every quote here is coded")

    def action_next_facet(self) -> None:
        if self.single_facets:
            # a None facet raises ValueError here as any facet not in the list would
            i = self.single_facets.index(self.active_facet)  # type: ignore[arg-type]
            self.active_facet = self.single_facets[(i + 1) % len(self.single_facets)]
            self.refresh_view(select=False)

    def action_choose(self, n: int) -> None:
        if self.active_facet is None or self.session.current is None:
            return
        codes = self.session.codebook.facet(self.active_facet).codes
        if not 1 <= n <= len(codes):
            return
        code = codes[n - 1]
        following = self.single_facets[(self.single_facets.index(self.active_facet) + 1)
                                       % len(self.single_facets)]

        def next_facet() -> None:  # before the repaint, so that one repaint shows both
            self.active_facet = following

        facet = self.active_facet
        self.guarded(lambda: self.session.apply(facet, "=", code.key), then=next_facet)

    def action_pick_codes(self) -> None:
        if self.session.current is None:
            return

        def closed(changes: list[str] | None) -> None:
            if changes:
                self.saved("; ".join(changes))

        self.app.push_screen(CodePicker(self.session), closed)

    def action_accept_suggestion(self) -> None:
        quote = self.session.current
        if quote is None or self.suggestions_for != (quote["id"], quote["start"], quote["end"]):
            # Never apply what was suggested for another quote (or another extent of this one).
            self.refresh_view(select=False, message="suggestions were for another quote: look again")
            return
        have = self.session.codes_on()
        todo = next((s for s in self.suggestions if s.code not in have), None)
        if todo is None:
            self.set_status("no suggestion to accept")
            return
        self.guarded(lambda: self.session.add_code(todo.code), suffix=f" (suggested: {todo.reason})")

    def action_memo(self) -> None:
        quote = self.session.current
        if quote is None:
            return
        current = next(iter(self.session.memos()), "")

        def done(text: str | None) -> None:
            if text is not None:
                self.guarded(lambda: self.session.memo(text or None, expect=quote["id"]))

        self.app.push_screen(TextPrompt("Your memo on this quote", current or ""), done)

    def action_undo(self) -> None:
        # as on arrival: the keys go to the first facet the undo left empty
        self.guarded(self.session.undo, self._forget_arrival, all_documents=True)

    def action_redo(self) -> None:
        # refused (shown, nothing changed) when it would touch a locked round's codes
        self.guarded(self.session.redo, self._forget_arrival, all_documents=True)

    def _forget_arrival(self) -> None:
        self.arrived = None

    def action_new_quote(self) -> None:
        bounds = self.query_one(Reader).selected_offsets()
        if bounds is None:
            self.notify("select text first (shift+arrows or mouse), then press q", severity="warning")
            return
        self.guarded(lambda: self.session.new_quote(*bounds))

    def action_adjust_bounds(self) -> None:
        bounds = self.query_one(Reader).selected_offsets()
        if bounds is None or self.session.current is None:
            self.notify("select the new extent of the quote first", severity="warning")
            return
        self.guarded(lambda: self.session.adjust(*bounds))

    def action_delete_quote(self) -> None:
        self.guarded(self.session.delete_current, suffix=self.undo_hint())

    def action_dismiss_quote(self) -> None:
        self.guarded(self.session.dismiss_current, suffix=self.undo_hint())

    def undo_hint(self) -> str:
        """`` (z undoes)``, with the undo key as the user mapped it: for an action whose
        quote leaves the screen, so the way back is in sight."""
        return f" ({bound_key(self.app, 'undo')} undoes)"

    def action_goto_page(self) -> None:
        s = self.session
        if s.doc_id is None:
            return
        def done(answer: str | None) -> None:
            if not answer:
                return
            try:
                start = s.goto_page(int(answer))
            except ValueError:
                self.notify(f"not a page number: {answer!r}", severity="error")
                return
            except CoderError as exc:
                self.notify(str(exc), severity="error")
                return
            quote, window = s.current, s.window
            if window is None:  # goto_page always sets it; same error as reading it unset
                raise AttributeError("'NoneType' object has no attribute 'start'")
            near = quote is not None and window.start <= quote["start"] < window.end
            self.refresh_view(select=near, follow=False, message=f"page {answer}")
            reader = self.query_one(Reader)
            if not near:
                reader.move_cursor(reader.location(start))
            row = reader.wrapped_document.location_to_offset(reader.location(start)).y
            reader.scroll_to(y=row, animate=False, force=True)

        self.app.push_screen(TextPrompt(f"Go to page (1–{s.last_page})"), done)

    def action_search(self) -> None:
        def jump(hit: dict[str, Any] | None) -> None:
            s = self.session
            if hit is None:
                return
            if not s.listed(hit["id"], hit["doc_id"]):  # never land on another quote instead
                self.set_status(f"quote {hit['id']} is not in your list (you dismissed it, or an open "
                                "round hides it)")
                return
            if hit["doc_id"] != s.doc_id:
                s.filter = "all"
                self.open_document(hit["doc_id"])
            elif not s.select_quote(hit["id"]):  # the filter hides it: show all quotes
                s.filter = "all"
                s.reload_quotes(keep_current=False)
            s.select_quote(hit["id"])
            self.after_move()

        self.app.push_screen(SearchQuotes(self.session), jump)

    def action_filter(self) -> None:
        items = [("all quotes", "all"), ("uncoded quotes", "uncoded"), ("coded quotes", "coded")]
        items += [(f"with code: {c.label}", f"code:{c.key}") for c in self.session.codebook.all_codes()]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.session.filter = value
            self.session.reload_quotes(keep_current=False)
            self.after_move()

        self.app.push_screen(Choice("Show which quotes?", items), chosen)

    def action_documents(self) -> None:
        """Show the document list and go to it; pressed again, go back to the reader."""
        documents = self.query_one(DocumentList)
        if documents.has_focus:
            self.action_hide_documents()
            return
        self.add_class("-documents")
        documents.focus()

    def action_hide_documents(self) -> None:
        """Back to the reader (in a narrow terminal the list hides when it loses focus)."""
        if self.query_one(DocumentList).has_focus:
            self.remove_class("-documents")  # first: a hidden reader cannot take the focus
            self.query_one(Reader).focus()

    def on_resize(self) -> None:
        # Lines wrap anew at the new width: bring the current quote back into view.
        self.call_after_refresh(self.keep_quote_in_view)

    def keep_quote_in_view(self) -> None:
        quote = self.session.current
        reader = self.query_one(Reader)
        if quote is not None and self.session.window is not None \
                and reader.base <= quote["start"] < reader.base + reader.shown_length:
            reader.select_span(quote["start"], quote["end"], force_scroll=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, DocumentList):
            self.remove_class("-documents")

    def action_agreement(self) -> None:
        """Compare with another coder: pick them, then open the agreement screen."""
        from coder.coding.coders import Coder, list_coders
        from coder.reliability.blind import member_of_open_round
        from coder.tui.screens.agreement import AgreementScreen

        me = self.session.coder
        blind_round = member_of_open_round(self.session.db, me)
        if blind_round:
            self.notify(f"Round {blind_round} is open and you code it blind: the comparison opens "
                        "once the round is locked", severity="warning")
            return
        others = [c for c in list_coders(self.session.db) if c.kind == "human" and c.name != me.name]
        if not others:
            self.notify("no other coder in this project yet", severity="warning")
            return

        def chosen(other: Coder | None) -> None:
            if not other:
                return
            from coder.reliability.compare import project_agreement

            try:
                result = project_agreement(self.session.db, me, other)
            except CoderError as exc:
                self.notify(str(exc), severity="error")
                return
            self.app.push_screen(AgreementScreen(self.session.db_path, me, other, result=result))

        self.app.push_screen(Choice(f"Compare {me.name} with…", [(o.name, o) for o in others]), chosen)

    def action_import_pdfs(self) -> None:
        def done(answer: str | None) -> None:
            if answer and answer.strip():
                self.import_files(Path(answer.strip()).expanduser())

        self.app.push_screen(TextPrompt("Import PDFs: a file or a folder (a documents.csv beside them adds "
                                        "title, organisation, year, …)", placeholder="~/rapporten"), done)

    @work(thread=True, exclusive=True, group="import")
    def import_files(self, path: Path) -> None:
        """Import without freezing the screen: a worker process reads and stores each PDF
        (see :mod:`coder.ingest.worker`); this thread relays its progress. Each document
        is stored in one transaction, so quitting half-way stores nothing half."""
        # Not needed for the first screen: imported when an import starts.
        from coder.ingest.inputs import collect_inputs
        from coder.ingest.worker import import_pdfs_in_process

        worker = get_current_worker()

        def post(callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(callback, *args, **kwargs)

        try:
            inputs = collect_inputs([path])
        except CoderError as exc:
            post(self.notify, str(exc), severity="error")
            return
        for problem, why in inputs.missing:
            post(self.notify, f"coder: error: {problem}: {why}", severity="error")
        for other in inputs.others:
            post(self.notify, f"{other}: not a PDF; exchange files are imported with `coder import`",
                 severity="warning")
        unlisted = inputs.unlisted()
        if unlisted:
            names = ", ".join(p.name for p in unlisted[:3])
            if len(unlisted) > 3:
                names += f" and {len(unlisted) - 3} more"
            post(self.notify, f"not in {inputs.manifests[0].name}, so imported without metadata: {names}",
                 severity="warning", timeout=20)
        if not inputs.pdfs:
            if not inputs.missing:
                post(self.notify, f"{path}: no PDFs found", severity="warning")
            return
        total, counts = len(inputs.pdfs), Counter[str]()

        def on_file(number: int, pdf: Path) -> Callable[[int, int], None]:
            doing = f"importing {number}/{total}: {pdf.name}"
            post(self.set_status, doing)
            return lambda done, pages: post(self.set_status, f"{doing}, page {done}/{pages}")

        for result in import_pdfs_in_process(self.session.db_path, inputs, on_file,
                                             cancelled=lambda: worker.is_cancelled):
            counts[result.status] += 1
            if result.status == "failed":
                post(self.notify, result.lines()[0], severity="error", timeout=30)
            post(self.imported)
        statuses = ("imported", "reimported", "skipped", "failed")
        post(self.set_status, "import done: " + ", ".join(f"{counts[s]} {s}" for s in statuses if counts[s]))

    def imported(self) -> None:
        """A document has landed: show it in the list (and open it if nothing was open)."""
        self.session.refresh_documents()
        self.query_one(DocumentList).show(self.session.documents)
        if self.session.doc_id is None and self.session.documents:
            self.open_document(self.session.documents[0]["id"])

    def action_scroll_panel(self, lines: int) -> None:
        panel = self.query_one(QuotePanel)
        panel.scroll_to(y=panel.scroll_offset.y + lines, animate=False)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
