"""Default key bindings, one place; each has an id so users can remap it.

Letters are used for coding because a focused read-only TextArea passes printable
keys through, while it keeps ctrl+z/ctrl+y and the other ctrl keys for itself.
"""

from __future__ import annotations

from textual.binding import Binding

CODING_BINDINGS = [
    Binding("n", "next_quote", "Next", id="next-quote"),
    Binding("p", "previous_quote", "Prev", id="previous-quote"),
    Binding("u", "next_uncoded", "Uncoded", id="next-uncoded"),
    *(Binding(str(n), f"choose({n})", f"Option {n}", show=False, id=f"choose-{n}") for n in range(1, 10)),
    Binding("tab", "next_facet", "Facet", id="next-facet", priority=True),
    Binding("m", "pick_codes", "Codes…", id="pick-codes"),
    Binding("a", "accept_suggestion", "Accept", id="accept-suggestion"),
    Binding("e", "memo", "Memo", id="memo"),
    Binding("z", "undo", "Undo", id="undo"),
    Binding("y", "redo", "Redo", id="redo"),
    Binding("q", "new_quote", "New quote", id="new-quote"),
    Binding("b", "adjust_bounds", "Set bounds", show=False, id="adjust-bounds"),
    Binding("x", "dismiss_quote", "Not a quote", show=False, id="dismiss-quote"),
    Binding("X", "delete_quote", "Delete quote", show=False, id="delete-quote"),
    Binding("slash", "search", "Search", id="search"),
    Binding("f", "filter", "Filter", id="filter"),
    Binding("g", "goto_page", "Page…", show=False, id="goto-page"),
    Binding("d", "documents", "Docs", id="documents"),
    Binding("escape", "hide_documents", "Back to the reader", show=False, id="hide-documents"),
    Binding("A", "agreement", "Agreement", show=False, id="agreement"),
    Binding("I", "import_pdfs", "Import…", show=False, id="import"),
    Binding("J", "scroll_panel(4)", "Panel down", show=False, id="panel-down"),
    Binding("K", "scroll_panel(-4)", "Panel up", show=False, id="panel-up"),
    Binding("f1,question_mark", "help", "Help", id="help"),
]

APP_BINDINGS = [
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
]

DESCRIPTIONS = {
    "next-quote": "Go to the next quote",
    "previous-quote": "Go to the previous quote",
    "next-uncoded": "Go to the next quote you have not coded",
    "choose": "Choose option N of the active single facet (then moves to the next facet)",
    "next-facet": "Switch the active single facet (transformatiedoel, valentie, spreker)",
    "pick-codes": "Open the code picker: filter, Enter toggles a code (multi facets too)",
    "accept-suggestion": "Apply the top keyword suggestion",
    "memo": "Write your memo on this quote (coded or not yet)",
    "undo": "Undo your last coding action (kept in the project: survives restarts)",
    "redo": "Redo what you undid",
    "new-quote": "Make a quote of the selected text (select with shift+arrows or the mouse)",
    "adjust-bounds": "Set the current quote's bounds to the selected text",
    "dismiss-quote": "Not a quote: dismiss this candidate for you (z undoes; a quote you made is deleted)",
    "delete-quote": "Delete the current quote (only quotes you made)",
    "search": "Search all quotes (full text) and jump to one",
    "filter": "Show all, uncoded or coded quotes, or those with a code",
    "goto-page": "Go to a page of the open document (long ones are shown 40 pages at a time)",
    "documents": "Show the document list (Enter opens a document; d or Esc goes back to the reader)",
    "agreement": "Compare with another coder: agreement per goal, facet and code; j adjudicates",
    "import": "Import PDFs (a file or a folder) in the background; coding goes on meanwhile",
    "panel-down": "Scroll the quote panel down (in a small terminal: memo, other codes, suggestions)",
    "panel-up": "Scroll the quote panel up",
    "help": "This help",
    "quit": "Quit (everything is already saved)",
}
