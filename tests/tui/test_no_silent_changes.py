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


async def test_enter_in_a_fresh_picker_changes_nothing(tui_db):
    """Letters typed as the picker opens may be lost; the Enter after them must not toggle
    whichever code happens to be listed first."""
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        said = str(app.screen.query_one("#change").render())
        await pilot.press("down", "enter", "escape")
        await pilot.pause()
    assert "nothing changed" in said
    assert len([q for q, _, _ in codings(tui_db) if q == first]) == 1, "only the chosen code is on"


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


# --- 2. number keys act on the facet the coder is looking at -------------------------

async def test_each_quote_starts_on_its_first_empty_facet(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first, second = [q["id"] for q in screen.session.quotes]
        await pilot.press("1")  # goal of quote 1; the keys move on to Valentie
        assert "keys 1–3: Valentie" in screen.status_line
        await pilot.press("n")  # a new quote: back to its first empty facet, the goal
        await pilot.pause()
        assert "keys 1–5: Transformatiedoel" in screen.status_line
        await pilot.press("3")
        await pilot.press("p")  # quote 1 has its goal: Valentie is its first empty facet
        await pilot.pause()
        assert "keys 1–3: Valentie" in screen.status_line
        await pilot.press("2")
        await pilot.pause()
    assert codings(tui_db) == [(first, "transformatiedoel", "preventie_eigen_kracht"),
                               (first, "valentie", "negatief"),
                               (second, "transformatiedoel", "eerder_juiste_hulp")]


async def test_the_active_facet_is_highlighted_not_only_marked(tui_db):
    from textual.widgets import Static

    from coder.tui.widgets.quote_panel import QuotePanel

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        text = screen.query_one(QuotePanel).query_one(Static).visual
        title = next(span for span in text.spans
                     if text.plain[span.start:span.end].startswith("▶ Transformatiedoel"))
        assert title.style.reverse and title.end - title.start > len("▶ Transformatiedoel")


# --- 3. suggestions belong to the quote on screen --------------------------------------

async def test_undo_jump_shows_and_accepts_only_the_suggestions_of_the_quote_shown(tui_db):
    from coder.quotes.nlp import pipeline

    pipeline()
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        first = screen.session.current["id"]
        await pilot.press("1", "n")  # the second quote suggests Wachttijden (“wachten”)
        await pilot.pause()
        await pilot.press("z")  # undo jumps back to the first quote, which has no such word
        await pilot.pause()
        assert screen.session.current["id"] == first
        assert "Wachttijden" not in screen.query_one("#panel").render_text()
        await pilot.press("a")  # accepts what this quote suggests (its detected speaker), nothing else
        await pilot.pause()
    assert [c for c in codings(tui_db) if c[0] == first] == [(first, "spreker", "inwoner_client")]


async def test_a_new_manual_quote_gets_its_own_suggestions(tui_db):
    from textual.widgets.text_area import Selection

    from coder.quotes.nlp import pipeline
    from coder.tui.widgets.reader import Reader

    pipeline()
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n")  # Wachttijden suggested
        screen.query_one(Reader).selection = Selection((0, 0), (0, 11))  # "Jaarverslag"
        await pilot.press("q")
        await pilot.pause()
        made = screen.session.current["id"]
        await pilot.press("a")
        await pilot.pause()
        assert "Wachttijden" not in screen.query_one("#panel").render_text()
    assert not [c for c in codings(tui_db) if c[0] == made]


# --- 4. feedback says what changed ---------------------------------------------------------

async def test_status_and_history_say_what_each_key_changed(tui_db):
    from click.testing import CliRunner

    from coder.cli import cli

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("1")
        assert "Transformatiedoel = Preventie en eigen kracht" in screen.status_line
        await pilot.press("tab", "tab", "3")
        await pilot.pause()
        replaced = "Transformatiedoel: Preventie en eigen kracht → Eerder de juiste hulp op maat"
        assert replaced in screen.status_line
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"netwerk", "enter")
        await pilot.pause()
        assert "+ Netwerk opbouwen en activeren" in str(app.screen.query_one("#change").render())
        await pilot.press("escape")
        await pilot.pause()
        assert "+ Netwerk opbouwen en activeren" in screen.status_line
        await pilot.press("z")
        await pilot.pause()
        assert f"undone: + Netwerk opbouwen en activeren (quote {quote})" in screen.status_line
    out = CliRunner().invoke(cli, ["--db", str(tui_db), "history", "--coder", "anna"]).output
    assert "Transformatiedoel = Preventie en eigen kracht" in out and replaced in out
    assert f"quote {quote}" in out and "undone: + Netwerk opbouwen en activeren" in out


# --- 5. what another process stored is shown -------------------------------------------

async def test_a_change_stored_by_the_cli_shows_and_toggles_from_the_stored_state(tui_db):
    from click.testing import CliRunner

    from coder.cli import cli

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("2")  # Normaliseren, on screen
        await pilot.pause()
        result = CliRunner().invoke(cli, ["--db", str(tui_db), "code", str(quote), "--coder", "anna",
                                          "transformatiedoel=eerder_juiste_hulp", "drie_vs+=vertrouwen"])
        assert result.exit_code == 0, result.output
        await pilot.pause(1.0)
        panel = screen.query_one("#panel").render_text()
        assert "[x] Eerder de juiste hulp" in panel and "[x] Normaliseren" not in panel
        assert "Vertrouwen" in panel
        assert "stored by another process" in screen.status_line and "+ Vertrouwen" in screen.status_line
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"vertrouwen", "enter", "escape")  # on in the database, so this turns it off
        await pilot.pause()
        assert "− Vertrouwen" in screen.status_line
    stored = [c for c in codings(tui_db) if c[0] == quote]
    assert stored == [(quote, "transformatiedoel", "eerder_juiste_hulp")]


# --- 8. tone and speaker are not keyword matters -----------------------------------------

async def test_a_accepts_no_tone_or_speaker_from_words_in_the_quote(tui_db):
    from coder.quotes.nlp import pipeline
    from tests.conftest import add_text_document

    pipeline()
    db = connect(tui_db)
    doc = add_text_document(db, "Verslag.\n\nDe wijkcoach zegt: „Het ging niet goed met de inwoners.”\n",
                            title="Wijkcoach")
    db.close()
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("d", "end", "enter")  # open the last document
        await pilot.pause()
        assert screen.session.doc_id == doc
        quote = screen.session.current["id"]
        panel = screen.query_one("#panel").render_text()
        assert "Negatief" not in panel.split("Suggestions")[-1] and "“inwoners”" not in panel
        await pilot.press("a", "a", "a")
        await pilot.pause()
        assert "Professional (wijkteam) — speaker “wijkcoach” (detected)" in " ".join(panel.split())
    stored = [c for c in codings(tui_db) if c[0] == quote and c[1] in ("valentie", "spreker")]
    assert stored == [(quote, "spreker", "professional")]  # from the detected speaker, not from “inwoners”


# --- 6. small terminals ----------------------------------------------------------------------

async def test_document_list_in_80_columns_hides_with_d_or_escape_and_keeps_the_quote(tui_db):
    from coder.tui.widgets.document_list import DocumentList
    from coder.tui.widgets.reader import Reader

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot)
        documents, reader = screen.query_one(DocumentList), screen.query_one(Reader)
        await pilot.press("n")
        second = screen.session.current["id"]
        for close in ("d", "escape", "enter"):  # enter on the open document keeps its place
            await pilot.press("d")
            await pilot.pause()
            assert documents.region.width > 0 and documents.has_focus, close
            await pilot.press(close)
            await pilot.pause()
            assert documents.region.width == 0 and reader.has_focus, close
            assert screen.session.current["id"] == second, close


def screen_rows(app) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


async def test_key_bar_lists_every_key_in_80_columns(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        bar = "\n".join(screen_rows(app)[-3:])
        for key in ("Search", "Filter", "Docs", "Quit", "Undo", "Help"):
            assert key in bar, (key, bar)


async def test_after_a_resize_the_current_quote_is_in_view_and_no_row_is_stale(tui_db, tmp_path):
    from coder.store.db import write
    from coder.tui.widgets.reader import Reader
    from tests.conftest import add_text_document

    long_text = "".join(f"Alinea {i}: het wijkteam werkt in de wijk en spreekt veel inwoners aan, elke week "
                        f"opnieuw, met partners. „Citaat nummer {i} van een moeder.”\n\n" for i in range(60))
    db = connect(tui_db)
    with write(db):
        db.execute("DELETE FROM documents")
    add_text_document(db, long_text, title="Lang")
    db.close()
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        await pilot.press(*["n"] * 40)
        await pilot.pause()
        quote = screen.session.current
        for size in ((100, 30), (80, 24), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            inside = reader.render_lines(reader.region.reset_offset)[1:-1]  # within the border
            rows = ["".join(s.text for s in strip)[1 + reader.gutter_width:-1].rstrip("│ ")
                    for strip in inside]
            shown = " ".join(" ".join(rows).split())
            assert quote["text"][:30] in shown, size
            wrapped = reader.wrapped_document  # each row's text at this width
            fresh = {" ".join(section.split()) for i in range(reader.document.line_count)
                     for section in wrapped.get_sections(i)}
            stale = [row for row in rows if row.strip() and " ".join(row.split()) not in fresh]
            assert not stale, (size, stale, sorted(fresh)[:3])


# --- 7. smaller things ----------------------------------------------------------------------

async def test_search_shows_hits_with_titles_while_typing(tui_db):
    from textual.widgets import OptionList

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"wach")  # no Enter: hits follow the typing, the last word as a prefix
        await pilot.pause()
        hits = app.screen.query_one("#hits", OptionList)
        prompts = sorted(str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count))
        assert len(prompts) == 2 and prompts[0].startswith("Dalem 2021 p. 1: We moesten maanden wachten")
        assert prompts[1].startswith("Tweede 2022 p. 1: Er was geen wachtlijst")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.index == 0


async def test_n_at_the_last_quote_says_so(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n")
        assert "last quote" not in screen.status_line
        await pilot.press("n")
        await pilot.pause()
        assert "this is the last quote of the document" in screen.status_line


async def test_a_memo_can_be_written_before_any_code_and_undone(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"eerst", "space", *"nadenken", "enter")
        await pilot.pause()
        assert "memo “eerst nadenken”" in screen.status_line
        assert "Memo: eerst nadenken" in screen.query_one("#panel").render_text()
        db = connect(tui_db)
        memo = db.execute("SELECT memo FROM quote_memos WHERE quote_id = ?", [quote]).fetchone()
        assert memo == ("eerst nadenken",)
        await pilot.press("1")  # coding it later keeps the memo with the quote
        await pilot.pause()
        assert "Memo: eerst nadenken" in screen.query_one("#panel").render_text()
        await pilot.press("z", "z")
        await pilot.pause()
        assert "undone: memo “eerst nadenken”" in screen.status_line
        assert db.execute("SELECT COUNT(*) FROM quote_memos").fetchone()[0] == 0
    assert codings(tui_db) == []


async def test_the_reader_cursor_stands_out_from_the_current_quote(tui_db):
    from coder.tui.widgets.reader import Reader

    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        cursor = reader.get_component_rich_style("text-area--cursor")
        assert cursor.bold and cursor.underline and cursor.bgcolor is not None
        assert cursor.bgcolor.triplet != reader.rich_style.color.triplet  # not the reversed quote's colour


async def test_after_an_undo_the_keys_go_to_the_facet_it_emptied(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        quote = screen.session.current["id"]
        await pilot.press("3", "z")  # the goal is set and undone: the keys go back to the goal
        await pilot.pause()
        assert "keys 1–5: Transformatiedoel" in screen.status_line
        await pilot.press("2")
        await pilot.pause()
    assert codings(tui_db) == [(quote, "transformatiedoel", "normaliseren")]
