"""What an event changed, in labels (issue 17 item 4), against hand-written lines."""

from __future__ import annotations

from coder.codebook import codebook_from_db
from coder.coding.assign import Assignment, code_quote, toggle_code
from coder.coding.coders import ensure_coder
from coder.coding.describe import Labels, describe_event, history
from coder.coding.events import get_event, redo, undo


def test_each_kind_of_change_is_described_in_labels(project):
    coder, _ = ensure_coder(project, "anna")
    quote = project.execute("SELECT MIN(id) FROM quotes").fetchone()[0]
    labels = Labels(codebook_from_db(project))

    def said(result) -> str:
        return describe_event(get_event(project, result.event_id), labels)

    assert said(code_quote(project, quote, coder, [Assignment("valentie", "=", ("positief",))])) \
        == "Valentie = positief"  # the small codebook's code labels are its keys with spaces
    assert said(code_quote(project, quote, coder, [Assignment("valentie", "=", ("negatief",))])) \
        == "Valentie: positief → negatief"
    assert said(toggle_code(project, quote, coder, "vertrouwen")) == "+ vertrouwen"
    assert said(toggle_code(project, quote, coder, "vertrouwen")) == "− vertrouwen"
    assert said(toggle_code(project, quote, coder, "negatief")) == "− negatief"
    assert said(code_quote(project, quote, coder, [Assignment("valentie", "=", ("positief",))],
                           memo="sterk")) == "Valentie = positief; memo “sterk”"
    assert said(code_quote(project, quote, coder, [], memo="zeer sterk")) == "memo “zeer sterk”"
    undo(project, coder)
    redo(project, coder)
    lines = [change for _, change in history(project, coder, 2)]
    assert lines == [f"undone: memo “zeer sterk” (quote {quote})",
                     f"redone: memo “zeer sterk” (quote {quote})"]


def test_toggle_decides_from_what_is_stored(project):
    """Another process set the value meanwhile: toggling it turns it off, as stored."""
    coder, _ = ensure_coder(project, "anna")
    quote = project.execute("SELECT MIN(id) FROM quotes").fetchone()[0]
    code_quote(project, quote, coder, [Assignment("drie_vs", "+=", ("vertrouwen",))])
    assert toggle_code(project, quote, coder, "vertrouwen").removed == ["vertrouwen"]
