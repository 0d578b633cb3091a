"""F1 help: keys in one column, what they do in a second one that wraps on its own
(a new user found the 80-column help wrapping descriptions back under the keys)."""

from __future__ import annotations

import pytest

from coder.tui.app import CoderApp
from coder.tui.keys import DESCRIPTIONS
from tests.tui.test_coding_flow import start


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_help_keeps_keys_and_descriptions_in_two_columns(tui_db, size):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=size) as pilot:
        await start(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        keys = list(app.screen.query(".help-key"))
        texts = list(app.screen.query(".help-text"))
        assert len(keys) == len(texts) >= len(DESCRIPTIONS)
        columns = {t.region.x for t in texts}
        assert len(columns) == 1 and columns.pop() > max(k.region.right for k in keys) - 1
        assert all(t.region.right <= size[0] for t in texts)
        dismiss = next(t for t in texts if "Not a quote" in str(t.render()))
        assert dismiss.region.height == (2 if size[0] == 80 else 1)  # wraps within its column


async def test_help_names_keys_as_typed(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        keys = [str(k.render()) for k in app.screen.query(".help-key")]
        assert "f1, ?" in keys and "/" in keys and "slash" not in keys
