"""Long documents are shown a page range at a time; `g` goes to any page."""

from __future__ import annotations

import pytest

from coder.codebook import load_codebook, sync_codebook
from coder.quotes.detect import detect_quotes
from coder.quotes.store import PageIndex, insert_detected
from coder.store.db import connect, write
from coder.tui.app import CoderApp
from coder.tui.session import WINDOW_PAGES
from coder.tui.widgets.reader import Reader
from tests.tui.conftest import REPO
from tests.tui.test_coding_flow import start

PAGES = 3 * WINDOW_PAGES


def page_text(n: int) -> str:
    text = f"Pagina {n}. Het wijkteam schrijft hier over gewone zaken in de wijk.\n\n"
    if n % 10 == 0 and n <= 60:  # quotes on pages 10, 20, ... 60; none after
        text += f"Een moeder zegt: „Dit is het citaat op pagina {n} van het verslag.”\n\n"
    return text


@pytest.fixture
def long_db(tmp_path):
    pages = [page_text(n) for n in range(1, PAGES + 1)]
    text = "".join(pages)
    starts = [sum(len(p) for p in pages[:i]) for i in range(PAGES)]
    rows = [(i + 1, s, s + len(pages[i])) for i, s in enumerate(starts)]
    path = tmp_path / "long.db"
    db = connect(path)
    sync_codebook(db, load_codebook(REPO / "codebook.yaml"))
    with write(db):
        db["documents"].insert({"id": 1, "path": "/tmp/l.pdf", "filename": "l.pdf",
                                "sha256": "l" * 64, "title": "Lang verslag", "pages": PAGES,
                                "chars": len(text), "imported_at": "x"})
        db["document_texts"].insert({"doc_id": 1, "text": text})
        db["pages"].insert_all([{"doc_id": 1, "page": p, "start": s, "end": e} for p, s, e in rows])
        insert_detected(db, 1, detect_quotes(text), PageIndex(rows))
    db.close()
    return path


async def test_reader_shows_the_page_range_of_the_current_quote(long_db):
    app = CoderApp(long_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        assert "citaat op pagina 10 " in reader.text and f"Pagina {PAGES}." not in reader.text
        await pilot.press(*["n"] * 5)  # the quote on page 60
        await pilot.pause()
        assert screen.session.current["page"] == 60
        assert "citaat op pagina 60 " in reader.text and reader.base > 0
        assert reader.selected_offsets() == (screen.session.current["start"], screen.session.current["end"])


async def test_g_goes_to_a_page_without_quotes_and_n_returns_to_the_quotes(long_db):
    app = CoderApp(long_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        await pilot.press("g", *str(PAGES - 5), "enter")
        await pilot.pause()
        assert f"Pagina {PAGES - 5}." in reader.text and "citaat op pagina 10 " not in reader.text
        assert f"p. {PAGES - 5}" in screen.status_line
        top = reader.doc_offset(reader.cursor_location)
        assert screen.session.page_at(top) == PAGES - 5
        await pilot.press("n")  # back among the quotes: the last one, on page 60
        await pilot.pause()
        assert screen.session.current["page"] == 60 and "citaat op pagina 60 " in reader.text


async def test_g_to_a_page_with_a_quote_selects_it(long_db):
    app = CoderApp(long_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("g", "5", "0", "enter")
        await pilot.pause()
        assert screen.session.current["page"] == 50
        await pilot.press("2")  # codes the quote shown
        await pilot.pause()
        db = connect(long_db)
        assert db.execute("SELECT q.page FROM codings c JOIN quotes q ON q.id = c.quote_id"
                          ).fetchall() == [(50,)]


async def test_g_names_a_page_that_does_not_exist(long_db):
    app = CoderApp(long_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        before = screen.session.current["id"]
        await pilot.press("g", "9", "9", "9", "enter")
        await pilot.pause()
        assert any(f"pages 1 to {PAGES}" in n.message for n in app._notifications)
        assert screen.session.current["id"] == before
