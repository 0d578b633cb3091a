"""Issue 17: no code is changed without the coder seeing exactly what changed.

Each test is a key sequence that once changed stored data silently (or on the wrong
quote or facet); each asserts on the database and on what the screen says.
"""

from __future__ import annotations

import pytest

from coder.store.db import connect
from coder.tui.app import CoderApp
from tests.tui.test_coding_flow import codings, start


# --- 1. the code picker ranks names before keywords ----------------------------------

@pytest.mark.parametrize("typed, wanted, not_wanted", [
    ("netwerk", "we_netwerk", "preventie_eigen_kracht"),
    ("maatwerk", "we_maatwerk", "eerder_juiste_hulp"),
    ("samenwerking", "bel_samenwerking", "samenhangende_hulp"),
])
async def test_picker_enter_toggles_the_code_named_not_a_keyword_match(tui_db, typed, wanted, not_wanted):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*typed, "enter", "escape")
        await pilot.pause()
    coded = {code for quote, _, code in codings(tui_db) if quote == first}
    assert wanted in coded and not_wanted not in coded


async def test_picker_shows_why_a_keyword_match_is_listed(tui_db):
    from textual.widgets import OptionList

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        await start(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"netwerk")
        await pilot.pause()
        options = app.screen.query_one("#codes", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0].startswith("[ ] Netwerk opbouwen en activeren")
        assert "Preventie en eigen kracht" in prompts[1] and "keyword “netwerk”" in prompts[1]


async def test_palette_ranks_like_the_picker_and_shows_codes_that_are_on(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("1")  # Preventie en eigen kracht is on
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"netwerk")
        await pilot.pause(0.3)
        from textual.command import CommandList

        hits = app.screen.query_one(CommandList)
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert prompts[0].startswith("[ ] Netwerk opbouwen") and prompts[1].startswith("[x] Preventie")
        await pilot.press("enter")
        await pilot.pause()
    coded = {code for quote, _, code in codings(tui_db) if quote == first}
    assert coded == {"preventie_eigen_kracht", "we_netwerk"}
