"""A refresh for another process's commit never moves the coder off the quote on screen.

With a filter on ("uncoded quotes"), the quote being coded no longer passes it once its
first code is on. A commit by any other connection (a second coder, the CLI, a background
import) reloads the quote list every half second: the keys that follow, and a memo being
typed, must still go to the quote the coder is working on, not to the one after it.
"""

from __future__ import annotations

from click.testing import CliRunner

from coder.cli import cli
from coder.store.db import connect
from coder.tui.app import CoderApp
from tests.tui.test_coding_flow import codings, start


def commit_elsewhere(db_path, quote: int) -> None:
    """A commit by another process: bram codes a quote from the CLI."""
    result = CliRunner().invoke(cli, ["--db", str(db_path), "code", str(quote), "--coder", "bram",
                                      "valentie=positief"])
    assert result.exit_code == 0, result.output


async def choose_filter(pilot, label_index: int) -> None:
    await pilot.press("f")
    await pilot.pause()
    await pilot.press(*["down"] * label_index, "enter")
    await pilot.pause()


async def keys_then_refresh(pilot, screen, db_path, *keys: str) -> int:
    """Under "uncoded quotes", press ``keys`` on the first quote, then let another process
    commit and the poll reload the list; returns the first quote's id."""
    await choose_filter(pilot, 1)
    assert screen.session.filter == "uncoded"
    first, second = [q["id"] for q in screen.session.quotes]
    await pilot.press(*keys)
    await pilot.pause()
    commit_elsewhere(db_path, second)
    await pilot.pause(1.2)  # the poll reloads the list
    return first


async def test_keys_after_a_refresh_stay_on_the_quote_being_coded(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = await keys_then_refresh(pilot, screen, tui_db, "1")  # the keys move on to Valentie
        assert screen.session.current["id"] == first
        await pilot.press("2")  # meant: Valentie = Negatief on the quote on screen
        await pilot.pause()
    assert codings(tui_db) == [(first, "transformatiedoel", "preventie_eigen_kracht"),
                               (first, "valentie", "negatief")]


async def test_a_memo_typed_during_a_refresh_lands_on_its_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = await keys_then_refresh(pilot, screen, tui_db, "1", "e")
        await pilot.press(*"sterk", "enter")
        await pilot.pause()
    db = connect(tui_db)
    memos = db.execute("SELECT c.quote_id, c.memo FROM codings c JOIN coders ON coders.id = c.coder_id"
                       " WHERE coders.name = 'anna'").fetchall()
    own = db.execute("SELECT quote_id, memo FROM quote_memos").fetchall()
    assert memos == [(first, "sterk")] and own == []


async def test_the_picker_toggles_on_the_quote_it_was_opened_for(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = await keys_then_refresh(pilot, screen, tui_db, "1", "m")
        await pilot.press(*"vertrouwen", "enter", "escape")
        await pilot.pause()
    assert codings(tui_db) == [(first, "drie_vs", "vertrouwen"),
                               (first, "transformatiedoel", "preventie_eigen_kracht")]


async def test_a_memo_for_a_quote_dismissed_meanwhile_is_refused_not_moved(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("e")
        await pilot.pause()
        result = CliRunner().invoke(cli, ["--db", str(tui_db), "quote", "dismiss", str(first),
                                          "--coder", "anna"])  # anna's other window
        assert result.exit_code == 0, result.output
        await pilot.pause(1.2)
        await pilot.press(*"sterk", "enter")
        await pilot.pause()
    db = connect(tui_db)
    assert db.execute("SELECT COUNT(*) FROM quote_memos").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM codings WHERE memo IS NOT NULL").fetchone()[0] == 0


async def test_the_picker_keeps_its_highlight_where_the_coder_left_it(tui_db):
    """After Enter toggles a code, ↓ and Enter go on from that code, not from the top."""
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # the fourth code: Voorkomen van ...
        await pilot.pause()
        await pilot.press("down", "enter", "escape")  # the fifth: Samenhangende hulp (replaces it)
        await pilot.pause()
    assert codings(tui_db) == [(first, "transformatiedoel", "samenhangende_hulp")]


async def test_a_search_hit_that_is_not_in_the_list_says_so_and_moves_nowhere(tui_db):
    """Enter on a hit the coder dismissed (or one outside the filter) must not leave the
    screen on some other quote as if it were the one chosen."""
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.quotes[0]
        await pilot.press("x")  # first: not a quote for anna; the second is current
        await pilot.pause()
        await pilot.press("d", "down", "enter")  # open the other document
        await pilot.pause()
        shown = screen.session.current["id"]
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*" ".join(first["text"].split()[:3]).lower(), "enter")
        await pilot.pause()
        assert screen.session.current["id"] == shown
        assert "not in your list" in screen.status_line


async def test_a_search_hit_outside_the_filter_is_shown_with_every_quote(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first, second = screen.session.quotes
        await pilot.press("1")  # first is coded
        await choose_filter(pilot, 2)  # coded quotes: only the first
        assert [q["id"] for q in screen.session.quotes] == [first["id"]]
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*" ".join(second["text"].split()[:3]).lower(), "enter")
        await pilot.pause()
        assert screen.session.current["id"] == second["id"] and screen.session.filter == "all"
        await pilot.press("3")
        await pilot.pause()
    assert (second["id"], "transformatiedoel", "eerder_juiste_hulp") in codings(tui_db)
