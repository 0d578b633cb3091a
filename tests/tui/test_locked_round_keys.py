"""On the coding screen a locked round's quote cannot be changed by its member (issue 16):
the key is refused with a notification naming the round, and nothing is stored."""

from __future__ import annotations

from coder.coding.assign import Assignment, code_quote
from coder.coding.coders import ensure_coder
from coder.reliability.rounds import create_round, lock_round
from coder.store.db import connect
from coder.tui.app import CoderApp
from tests.tui.test_coding_flow import start


def lock_both_quotes(path) -> list[int]:
    """Round 'steek' over both quotes; anna and bram coded them; locked."""
    db = connect(path)
    ids = [r[0] for r in db.execute("SELECT id FROM quotes ORDER BY id")]
    create_round(db, "steek", coders=["anna", "bram"])
    for name in ("anna", "bram"):
        coder = ensure_coder(db, name)[0]
        for q in ids:
            code_quote(db, q, coder, [Assignment("valentie", "=", ("positief",))])
    lock_round(db, "steek")
    db.close()
    return ids


def state(path):
    db = connect(path)
    try:
        return (sorted(db.execute("SELECT quote_id, coder_id, facet, code FROM codings")),
                sorted(db.execute("SELECT quote_id, coder_id FROM dismissals")),
                db.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    finally:
        db.close()


def errors(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_code_key_dismiss_key_and_undo_on_a_locked_round_are_refused_visibly(tui_db):
    ids = lock_both_quotes(tui_db)
    before = state(tui_db)
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        shown = [q["id"] for q in screen.session.quotes]
        assert first in ids
        assert "locked round 'steek': your codes here are frozen" in screen.status_line  # before a key
        await pilot.press("2")  # goal 2 (normaliseren) on the open quote
        await pilot.pause()
        assert f"quote {first} is in locked round 'steek': anna's codes on it are frozen" in errors(app)
        await pilot.press("x")  # not a quote
        await pilot.pause()
        await pilot.press("z")  # undo anna's last coding (made before the lock)
        await pilot.pause()
        assert len(errors(app)) == 3
        assert any(m.startswith("cannot undo") and "locked round 'steek'" in m for m in errors(app))
        assert [q["id"] for q in screen.session.quotes] == shown  # nothing dismissed away
    assert state(tui_db) == before


async def test_a_coder_outside_the_round_codes_as_usual(tui_db):
    lock_both_quotes(tui_db)
    app = CoderApp(tui_db, "chris")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        assert "locked round" not in screen.status_line
        await pilot.press("2")
        await pilot.pause()
        assert not errors(app)
    db = connect(tui_db)
    assert db.execute("SELECT COUNT(*) FROM codings c JOIN coders k ON k.id = c.coder_id"
                      " WHERE k.name = 'chris'").fetchone()[0] == 1
