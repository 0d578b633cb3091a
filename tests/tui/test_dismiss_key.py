"""`x` on the coding screen: "not a quote", as a key sequence (issue 16)."""

from __future__ import annotations

from textual.widgets import Static

from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.screens.dialogs import HelpScreen
from tests.tui.test_coding_flow import start


async def test_dismiss_next_undo_shows_it_back(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first, second = [q["id"] for q in screen.session.quotes]
        await pilot.press("x")
        await pilot.pause()
        assert [q["id"] for q in screen.session.quotes] == [second]
        assert screen.session.current["id"] == second
        await pilot.press("n", "z")
        await pilot.pause()
        assert [q["id"] for q in screen.session.quotes] == [first, second]
        assert screen.session.current["id"] == first
    db = connect(tui_db)
    assert db.execute("SELECT COUNT(*) FROM dismissals").fetchone()[0] == 0
    assert [r[0] for r in db.execute("SELECT action FROM events ORDER BY id")] == ["quote.dismiss", "undo"]


async def test_dismissed_quote_stays_visible_to_another_coder_and_help_names_the_key(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("x", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Not a quote" in help_text
    app = CoderApp(tui_db, "ben")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        assert len(screen.session.quotes) == 2


async def test_status_after_dismissing_names_the_quote_and_the_undo_key(tui_db, tmp_path, monkeypatch):
    keymap = tmp_path / "keys.yaml"
    keymap.write_text("undo: U\n", encoding="utf-8")
    monkeypatch.setenv("CODER_KEYMAP", str(keymap))
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current
        await pilot.press("2", "x")  # coded first, then called no quote
        await pilot.pause()
        words = " ".join(first["text"].split())[:20]
        assert f"quote {first['id']} “{words}" in screen.status_line
        assert "not a quote, its 1 coding(s) removed" in screen.status_line
        assert "U undoes" in screen.status_line
        await pilot.press("U")
        await pilot.pause()
        assert f"undone: not a quote, its 1 coding(s) removed (quote {first['id']})" in screen.status_line
