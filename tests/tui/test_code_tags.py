"""Gutter tags: which code a coded quote has, readable without colour."""

from __future__ import annotations

from pathlib import Path

from coder.codebook import load_codebook
from coder.tui.app import CoderApp
from coder.tui.tags import code_tag
from coder.tui.widgets.reader import Reader, Span
from tests.tui.test_coding_flow import start

CODEBOOK = load_codebook(Path(__file__).resolve().parents[2] / "codebook.yaml")


def test_tag_is_goal_number_then_valence_initial_then_star_for_more():
    assert code_tag(CODEBOOK, ["normaliseren", "positief"]) == "2P"
    assert code_tag(CODEBOOK, ["samenhangende_hulp", "negatief", "verbinding"]) == "5N*"
    assert code_tag(CODEBOOK, ["gemengd_neutraal"]) == "·G"
    assert code_tag(CODEBOOK, ["verbinding"]) == "··*"
    assert code_tag(CODEBOOK, []) == ""


def test_tag_uses_the_number_when_initials_are_shared():
    from coder.codebook.model import Code, Codebook, Facet

    goal = Facet("goal", "Goal", "single", codes=(Code("a", "Alpha", "goal"),))
    speaker = Facet("who", "Who", "single",
                    codes=(Code("p", "Parent", "who"), Code("q", "Professional", "who")))
    assert code_tag(Codebook("demo", "1", (goal, speaker)), ["a", "q"]) == "12"


def gutter_rows(reader: Reader) -> list[tuple[str, str]]:
    """(tag column, text) of each screen row, through Textual's row cache."""
    rows = ["".join(s.text for s in strip) for strip in reader.render_lines(reader.region.reset_offset)]
    rows = rows[1:-1]  # the border
    tag_at = 1 + reader.page_width
    return [(row[tag_at:tag_at + reader.tag_width].strip(), row[tag_at + reader.tag_width:]) for row in rows]


async def test_coding_a_quote_tags_its_first_row_in_the_gutter(tui_db):
    app = CoderApp(tui_db, "anna")
    async with app.run_test(size=(150, 45)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        assert not [tag for tag, _ in gutter_rows(reader) if tag]
        await pilot.press("2", "1")  # Normaliseren; the panel moves on to Valentie: Positief
        await pilot.pause()
        tagged = {tag: text for tag, text in gutter_rows(reader) if tag}
        assert list(tagged) == ["2P"]
        assert "Het wijkteam nam me serieus" in tagged["2P"]
        await pilot.press("z", "z")  # undo both: the tag goes again
        await pilot.pause()
        assert not [tag for tag, _ in gutter_rows(reader) if tag]


async def test_spans_outside_the_shown_page_range_are_not_drawn():
    from textual.app import App

    class One(App):
        def compose(self):
            yield Reader()

    app = One()
    async with app.run_test(size=(60, 8)) as pilot:
        reader = app.query_one(Reader)
        reader.show("Tweede venster begint hier.\nEn gaat door.", 1000)
        reader.paint([Span(990, 997, coded=True, tag="1P"), Span(1043, 1050, tag="2N")])
        await pilot.pause()
        assert reader.line_styles == {} and reader.tag_marks == {}
