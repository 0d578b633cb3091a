"""Bram's coding screen while round r1 (anna, bram) is open: anna's codes and memos are
nowhere on it, and the compare key does not open the agreement screen."""

from __future__ import annotations

from coder.coding.assign import code_quote, parse_assignment
from coder.coding.coders import ensure_coder
from coder.reliability.rounds import create_round, lock_round
from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.screens.agreement import AgreementScreen
from coder.tui.screens.coding import CodingScreen

SECRET = "geheim-van-anna"


def anna_codes_everything(path):
    db = connect(path)
    anna, _ = ensure_coder(db, "anna")
    quotes = [r[0] for r in db.execute("SELECT id FROM quotes ORDER BY id")]
    for q in quotes:
        code_quote(db, q, anna, [parse_assignment("transformatiedoel=normaliseren")], memo=SECRET)
    create_round(db, "r1", coders=["anna", "bram"])
    return db, quotes


def screen_text(app) -> str:
    return app.export_screenshot()


async def test_the_other_members_codes_are_not_reachable_from_the_screen(tui_db):
    _, quotes = anna_codes_everything(tui_db)
    app = CoderApp(tui_db, "bram")
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingScreen)
        for _ in quotes:
            assert SECRET not in screen_text(app)
            assert not screen.session.codings(screen.session.current["id"])
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen) and not isinstance(app.screen, AgreementScreen)
        assert SECRET not in screen_text(app)


async def test_after_locking_bram_may_compare(tui_db):
    db, quotes = anna_codes_everything(tui_db)
    bram, _ = ensure_coder(db, "bram")
    code_quote(db, quotes[0], bram, [parse_assignment("transformatiedoel=normaliseren")])
    lock_round(db, "r1", force=True)
    app = CoderApp(tui_db, "bram")
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgreementScreen)


async def test_quitting_leaves_the_project_file_complete(tui_db, tmp_path):
    import shutil
    import sqlite3

    keep = connect(tui_db)  # another coder's program keeps the file open meanwhile
    app = CoderApp(tui_db, "bram")
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
    plain = tmp_path / "plain.db"
    shutil.copy(tui_db, plain)
    assert sqlite3.connect(plain).execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 1
    keep.conn.close()
