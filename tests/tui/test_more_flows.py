"""The remaining coding flows, each driven by keys (or the mouse) and checked in the database:
picking a coder, opening a document, keyboard and mouse selection, adjusting and deleting a
manual quote, memos, search, filter and the command palette."""

from __future__ import annotations

from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.screens.coding import CodingScreen
from coder.tui.widgets.reader import Reader
from tests.tui.test_coding_flow import codings, start


def quote_row(path, quote_id):
    db = connect(path)
    return db.execute('SELECT start, "end", text, origin FROM quotes WHERE id = ?', [quote_id]).fetchone()


async def test_a_new_coder_is_asked_for_a_name_and_saved(tui_db):
    app = CoderApp(tui_db)  # no --coder
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")  # the last choice: "new coder…"
        await pilot.pause()
        await pilot.press(*"carla", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen) and app.screen.session.coder.name == "carla"
        await pilot.press("1")
        await pilot.pause()
    assert len(codings(tui_db, "carla")) == 1


async def test_documents_open_from_the_list(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("d", "down", "enter")
        await pilot.pause()
        assert screen.session.doc_id == 2
        assert "Tweede verslag" in screen.query_one(Reader).text
        await pilot.press("1")
        await pilot.pause()
    db = connect(tui_db)
    doc = db.execute("SELECT q.doc_id FROM codings c JOIN quotes q ON q.id = c.quote_id").fetchone()[0]
    assert doc == 2


async def test_keyboard_selection_then_adjust_and_delete_a_manual_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        reader.move_cursor((0, 0))
        await pilot.press(*["shift+right"] * 11, "q")  # "Jaarverslag"
        await pilot.pause()
        made = screen.session.current["id"]
        assert quote_row(tui_db, made) == (0, 11, "Jaarverslag", "manual")
        reader.move_cursor((0, 0))
        await pilot.press(*["shift+right"] * 20, "b")  # widen it to "Jaarverslag Wijkteam"
        await pilot.pause()
        assert quote_row(tui_db, made) == (0, 20, "Jaarverslag Wijkteam", "manual")
        await pilot.press("x")
        await pilot.pause()
        assert quote_row(tui_db, made) is None
        assert made not in [q["id"] for q in screen.session.quotes]


async def test_mouse_drag_selects_text_for_a_new_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        left = reader.gutter.left + reader.gutter_width  # border and padding, then the page gutter
        # Pressed on the J, released on the g: both are in (issue 17: the g was dropped).
        await pilot.mouse_down(Reader, offset=(left + 10, 1))
        await pilot.hover(Reader, offset=(left + 4, 1))  # backwards from the g, then on to the J
        await pilot.hover(Reader, offset=(left, 1))
        await pilot.mouse_up(Reader, offset=(left, 1))
        await pilot.pause()
        assert reader.selected_text == "Jaarverslag"
        await pilot.mouse_down(Reader, offset=(left, 1))
        await pilot.hover(Reader, offset=(left + 10, 1))
        await pilot.mouse_up(Reader, offset=(left + 10, 1))
        await pilot.pause()
        assert reader.selected_text == "Jaarverslag"
        await pilot.press("q")
        await pilot.pause()
        assert quote_row(tui_db, screen.session.current["id"]) == (0, 11, "Jaarverslag", "manual")


async def test_memo_is_saved_on_the_quotes_codings(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("1", "e")
        await pilot.pause()
        await pilot.press(*"hulp", "space", *"aan", "space", *"huis", "enter")
        await pilot.pause()
    db = connect(tui_db)
    assert db.execute("SELECT memo FROM codings WHERE quote_id = ?", [quote]).fetchone()[0] == "hulp aan huis"


async def test_search_jumps_to_a_quote_in_another_document(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"geen", "space", *"wachtlijst", "enter")  # jumps to the only hit
        await pilot.pause()
        assert screen.session.doc_id == 2
        assert "geen wachtlijst" in screen.session.current["text"]
        await pilot.press("2")
        await pilot.pause()
    assert [c[1:] for c in codings(tui_db)] == [("transformatiedoel", "normaliseren")]


async def test_filter_shows_only_uncoded_quotes(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        coded = screen.session.current["id"]
        await pilot.press("1", "f")
        await pilot.pause()
        await pilot.press("down", "enter")  # "uncoded quotes"
        await pilot.pause()
        assert screen.session.filter == "uncoded"
        assert coded not in [q["id"] for q in screen.session.quotes] and screen.session.quotes


async def test_filter_by_code_then_back_to_all(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        coded = screen.session.current["id"]
        await pilot.press("2", "f")  # Normaliseren, the second code of the codebook
        await pilot.pause()
        await pilot.press(*["down"] * 4, "enter")  # all, uncoded, coded, first code, second code
        await pilot.pause()
        assert screen.session.filter == "code:normaliseren"
        assert [q["id"] for q in screen.session.quotes] == [coded]
        await pilot.press("f", "enter")  # "all quotes"
        await pilot.pause()
        assert screen.session.filter == "all" and len(screen.session.quotes) == 2


async def test_command_palette_toggles_a_code_by_name(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Gemengd")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
    assert (quote, "valentie", "gemengd_neutraal") in codings(tui_db)
