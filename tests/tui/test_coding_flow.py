"""The coding TUI driven with Pilot; every assertion is on the database."""

from __future__ import annotations

from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.screens.coding import CodingScreen
from coder.tui.widgets.reader import Reader


def codings(path, coder="anna"):
    db = connect(path)
    return sorted(tuple(r) for r in db.execute(
        "SELECT q.id, c.facet, c.code FROM codings c JOIN quotes q ON q.id = c.quote_id"
        " JOIN coders ON coders.id = c.coder_id WHERE coders.name = ?", [coder]))


async def start(app, pilot):
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CodingScreen)
    return screen


async def test_number_keys_code_single_facets_in_turn(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("2", "1")  # goal 2 (normaliseren), then valentie 1 (positief)
        await pilot.pause()
    assert codings(tui_db) == [(first, "transformatiedoel", "normaliseren"), (first, "valentie", "positief")]


async def test_reader_selection_is_the_stored_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        quote = screen.session.current
        assert reader.selected_text == quote["text"]
        await pilot.press("n")
        assert reader.selected_text == screen.session.current["text"] != quote["text"]


async def test_undo_and_redo_keys_survive_a_restart(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("1")
        await pilot.pause()
    assert len(codings(tui_db)) == 1
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        assert codings(tui_db) == []
        await pilot.press("y")
        await pilot.pause()
    assert len(codings(tui_db)) == 1


async def test_next_uncoded_skips_coded_quotes(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        ids = [q["id"] for q in screen.session.quotes]
        await pilot.press("1")
        await pilot.press("u")
        assert screen.session.current["id"] == ids[1]


async def test_code_picker_toggles_multi_codes(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"vertrouwensband")  # filters on keywords too
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
    assert (first, "drie_vs", "vertrouwen") in codings(tui_db)


async def test_visual_selection_makes_a_quote_with_exact_offsets(tui_db):
    from textual.widgets.text_area import Selection

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        reader.selection = Selection((0, 0), (0, 11))
        await pilot.press("q")
        await pilot.pause()
        quote = screen.session.current
    db = connect(tui_db)
    text = db.execute("SELECT text FROM document_texts WHERE doc_id = ?", [quote["doc_id"]]).fetchone()[0]
    row = db.execute('SELECT start, "end", text, origin FROM quotes WHERE id = ?', [quote["id"]]).fetchone()
    assert row == (0, 11, text[0:11], "manual") and row[2] == "Jaarverslag"


async def test_blind_coding_hides_other_coders(tui_db):
    app = CoderApp(tui_db, "bram")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("3")
        await pilot.pause()
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        assert screen.session.codings(screen.session.current["id"]) == []
        assert "[x]" not in screen.query_one("#panel").render_text()


async def test_help_screen_lists_keys(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Undo your last coding action" in text and "z" in text
