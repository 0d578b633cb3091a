"""What the coding screen shows after each key: suggestions, progress, marks, key bar,
narrow terminals. These guard the shortcuts that keep a key press to one small repaint
(partial redraws and caches must never leave stale text on screen)."""

from __future__ import annotations

from coder.quotes.nlp import pipeline
from coder.tui.app import CoderApp
from coder.tui.widgets.document_list import DocumentList
from coder.tui.widgets.key_bar import KeyBar
from coder.tui.widgets.quote_panel import QuotePanel
from coder.tui.widgets.reader import Reader
from tests.tui.test_coding_flow import codings, start


async def test_suggestions_show_with_the_quote_and_a_accepts_the_first(tui_db):
    pipeline()  # loaded: suggestions are computed in the key press itself
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n")  # „We moesten maanden wachten op hulp”
        await pilot.pause()
        panel = screen.query_one(QuotePanel).render_text()
        assert "Wachttijden en wachtlijsten" in panel and "“wachten”" in panel
        quote = screen.session.current["id"]
        await pilot.press("a")
        await pilot.pause()
    assert (quote, "belemmeringen", "bel_wachttijden") in codings(tui_db)


async def test_document_row_shows_new_progress_and_others_stay(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        documents = screen.query_one(DocumentList)
        other_before = str(documents.get_option_at_index(1).prompt)
        assert "coded 0/2" in str(documents.get_option_at_index(0).prompt)
        await pilot.press("1")
        await pilot.pause()
        assert "coded 1/2" in str(documents.get_option_at_index(0).prompt)
        assert str(documents.get_option_at_index(1).prompt) == other_before
        assert "coded 1/2" in "".join(
            strip.text for strip in documents.render_lines(documents.region.reset_offset))


def styles_over(reader: Reader, text: str) -> set[str]:
    """The styles over ``text`` in the reader as it would be put on screen now.

    Going through ``render_lines`` (not ``render_line``) uses Textual's cache of drawn
    rows, so a row that was not marked for a redraw shows up stale here too.
    """
    for strip in reader.render_lines(reader.region.reset_offset):
        segments = list(strip)
        line = "".join(s.text for s in segments)
        if text[:12] not in line:
            continue
        begin, end, position, found = line.index(text[:12]), line.index(text[:12]) + len(text[:12]), 0, set()
        for segment in segments:
            if begin <= position < end and segment.text.strip() and segment.style:
                found.add(str(segment.style))
            position += len(segment.text)
        return found
    raise AssertionError(f"{text!r} not on screen")


async def test_reader_marks_follow_the_current_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        first = screen.session.current["text"]
        assert any("reverse" in style for style in styles_over(reader, first))
        await pilot.press("1", "n")  # code it, move on: it is now drawn as coded, not current
        await pilot.pause()
        after = styles_over(reader, first)
        assert not any("reverse" in style for style in after)
        assert any("bold" in style and "underline" in style for style in after)
        assert any("reverse" in style for style in styles_over(reader, screen.session.current["text"]))


async def test_narrow_terminal_hides_documents_until_d(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot)
        documents = screen.query_one(DocumentList)
        assert not documents.display or documents.region.width == 0
        await pilot.press("d")
        await pilot.pause()
        assert documents.region.width > 0 and documents.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.session.doc_id == 2
        assert documents.region.width == 0 and screen.query_one(Reader).has_focus


def visible_text(panel: QuotePanel) -> str:
    """The rows of the panel's text in view at its scroll position now."""
    from textual.geometry import Region

    body = panel.body
    rows = body.render_lines(Region(0, panel.scroll_offset.y, body.outer_size.width, panel.size.height))
    return "\n".join("".join(s.text for s in strip) for strip in rows)


async def test_small_terminal_keeps_the_active_facets_options_in_view(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot)
        panel = screen.query_one(QuotePanel)
        assert "1 [ ] Preventie" in visible_text(panel)
        await pilot.press("2", "1")  # goal, valence: the panel moves on to Spreker, below the fold
        await pilot.pause()
        shown = visible_text(panel)
        assert "▶ Spreker" in shown and "1 [ ] Inwoner/cliënt" in shown and "5 [ ] Onderzoeker" in shown
        await pilot.press("tab")  # back to the first facet at the top
        await pilot.pause()
        assert "▶ Transformatiedoel" in visible_text(panel) and "2 [x] Normaliseren" in visible_text(panel)
        await pilot.press("tab", "tab", "n")  # a new quote starts on its first empty facet, at the top
        await pilot.pause()
        assert "▶ Transformatiedoel" in visible_text(panel) and "1 [ ] Preventie" in visible_text(panel)
        await pilot.press(*["J"] * 10)  # the keyboard reaches the bottom of the panel too
        await pilot.pause()
        assert "Werkzame elementen" in visible_text(panel)
        await pilot.press(*["K"] * 10)
        await pilot.pause()
        assert panel.scroll_offset.y == 0


async def test_key_bar_shows_remapped_keys(tui_db, tmp_path, monkeypatch):
    keymap = tmp_path / "keys.yaml"
    keymap.write_text("next-quote: j\n", encoding="utf-8")
    monkeypatch.setenv("CODER_KEYMAP", str(keymap))
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        bar = str(screen.query_one(KeyBar).render())
        assert " j Next " in bar and " n Next " not in bar
        assert bar.startswith(" f1 Help")  # help first, so narrow terminals keep it
        first = screen.session.current["id"]
        await pilot.press("j")
        await pilot.pause()
        assert screen.session.current["id"] != first


async def test_clicking_a_key_in_the_key_bar_runs_it(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        bar = str(screen.query_one(KeyBar).render())
        await pilot.click(KeyBar, offset=(bar.index(" n Next") + 2, 0))
        await pilot.pause()
        assert screen.session.current["id"] != first


async def test_reader_redraws_a_row_whose_marks_change_without_the_selection():
    from textual.app import App

    from coder.tui.widgets.reader import Span

    class One(App):
        def compose(self):
            yield Reader()

    text = "Eerste regel met een quote erin.\nTweede regel."
    app = One()
    async with app.run_test(size=(60, 8)) as pilot:
        reader = app.query_one(Reader)
        reader.show(text, 0)
        reader.paint([Span(21, 26)])
        await pilot.pause()
        assert any("underline" in style and "bold" not in style for style in styles_over(reader, "quote"))
        reader.paint([Span(21, 26, coded=True)])  # e.g. undo or an import coded it
        await pilot.pause()
        assert any("bold" in style and "underline" in style for style in styles_over(reader, "quote"))


async def test_reader_marks_where_each_page_begins(tmp_path):
    from coder.codebook import load_codebook, sync_codebook
    from coder.store.db import connect, write
    from tests.tui.conftest import REPO

    pages = ["Eerste pagina met tekst.\n\n", "Tweede pagina: „Dit is een citaat van een moeder.”\n\n",
             "Derde pagina loopt door."]
    text = "".join(pages)
    path = tmp_path / "pages.db"
    db = connect(path)
    sync_codebook(db, load_codebook(REPO / "codebook.yaml"))
    with write(db):
        db["documents"].insert({"id": 1, "path": "/tmp/p.pdf", "filename": "p.pdf", "sha256": "p" * 64,
                                "title": "Drie pagina's", "pages": 3, "chars": len(text), "imported_at": "x"})
        db["document_texts"].insert({"doc_id": 1, "text": text})
        starts = [sum(len(p) for p in pages[:i]) for i in range(3)]
        db["pages"].insert_all([{"doc_id": 1, "page": i + 1, "start": s, "end": s + len(pages[i])}
                                for i, s in enumerate(starts)])
    db.close()
    app = CoderApp(path, "anna")
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        rows = ["".join(s.text for s in strip) for strip in reader.render_lines(reader.region.reset_offset)]
        gutters = [(row[1:1 + reader.page_width].strip(), row) for row in rows]
        marked = {gutter: row for gutter, row in gutters if gutter.startswith("p.")}
        assert set(marked) == {"p.1", "p.2", "p.3"}
        assert "Tweede pagina" in marked["p.2"] and "Derde pagina" in marked["p.3"]


async def test_help_fits_a_small_terminal_and_scrolls_to_the_last_key(tui_db):
    from textual.containers import VerticalScroll

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        box = app.screen.query_one(VerticalScroll)
        assert box.region.width <= 80 and box.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_offset.y == box.max_scroll_y


async def test_dialogs_are_centred_boxes_over_the_coding_screen(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        for key in ("m", "slash", "f", "g"):
            await pilot.press(key)
            await pilot.pause()
            box = app.screen.children[0].region
            assert box.width == 90 and box.x == 30 and box.y > 0 and box.height < 45, key
            await pilot.press("escape")
            await pilot.pause()
