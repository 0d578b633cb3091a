"""Agreement and adjudication screens driven with Pilot; assertions on the database."""

from __future__ import annotations

from textual.widgets import DataTable

from coder.coding.assign import code_quote, parse_assignment
from coder.coding.coders import ensure_coder
from coder.store.db import connect
from coder.tui.app import CoderApp
from coder.tui.screens.adjudication import AdjudicationScreen
from coder.tui.screens.agreement import AgreementScreen


def two_coders(path):
    db = connect(path)
    quotes = [r[0] for r in db.execute("SELECT id FROM quotes ORDER BY id")]
    for name, goal in (("anna", "normaliseren"), ("bram", "eerder_juiste_hulp")):
        coder, _ = ensure_coder(db, name)
        for q in quotes:
            code_quote(db, q, coder, [parse_assignment(f"transformatiedoel={goal}"),
                                         parse_assignment("valentie=positief")])
    return quotes


async def test_agreement_screen_shows_goals_coefficients_and_disagreements(tui_db):
    quotes = two_coders(tui_db)
    app = CoderApp(tui_db, compare=("anna", "bram"))
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgreementScreen)
        goals = screen.query_one("#goals", DataTable)
        assert goals.row_count >= 2
        table = screen.query_one("#coefficients", DataTable)
        # labels, not keys
        assert [table.get_row_at(i)[0] for i in range(table.row_count)][:2] == ["Transformatiedoel",
                                                                              "Valentie"]
        await pilot.pause()
        shown = screen.query_one("#disagreements", DataTable)
        assert shown.row_count == len(quotes)  # the goal facet is highlighted first
        await pilot.press("down")
        await pilot.pause()
        assert shown.row_count == 0  # valentie: they agree
        await pilot.press("s")
        await pilot.pause()
        assert screen.sort_column == 1


async def test_adjudication_saves_each_decision_with_its_reason(tui_db):
    quotes = two_coders(tui_db)
    app = CoderApp(tui_db, compare=("anna", "bram"))
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, AdjudicationScreen)
        await pilot.press("g")  # copy the valentie agreements
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"later", "space", *"hulp", "enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.screen.items) == len(quotes) - 2
    db = connect(tui_db)
    rows = set(db.execute(
        "SELECT quote_id, facet, choice, reason FROM adjudications WHERE facet = 'transformatiedoel'"))
    assert rows == {(quotes[0], "transformatiedoel", "b", "later hulp"),
                    (quotes[1], "transformatiedoel", "a", None)}
    consensus = set(db.execute("SELECT c.quote_id, c.code FROM codings c JOIN coders k ON k.id = c.coder_id"
                               " WHERE k.name = 'consensus'"))
    assert consensus == {(quotes[0], "eerder_juiste_hulp"), (quotes[1], "normaliseren")} | {
        (q, "positief") for q in quotes}
    originals = set(db.execute("SELECT c.quote_id, c.code FROM codings c JOIN coders k ON k.id = c.coder_id"
                               " WHERE k.name = 'anna' AND c.facet = 'transformatiedoel'"))
    assert originals == {(q, "normaliseren") for q in quotes}


async def test_agreement_screen_uses_labels_readings_and_has_a_legend(tui_db):
    two_coders(tui_db)
    app = CoderApp(tui_db, compare=("anna", "bram"))
    async with app.run_test(size=(180, 45)) as pilot:
        await pilot.pause()
        screen = app.screen
        goals = screen.query_one("#goals", DataTable)
        rows = [goals.get_row_at(i) for i in range(goals.row_count)]
        assert rows[-1][0] == "Total" and rows[0][0] == "Preventie en eigen kracht"
        table = screen.query_one("#coefficients", DataTable)
        first = table.get_row_at(0)
        assert first[0] == "Transformatiedoel" and first[-1].startswith("too few quotes")
        await pilot.press("f1")
        await pilot.pause()
        from coder.tui.screens.dialogs import Legend

        assert isinstance(app.screen, Legend) and "kappa paradox" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
