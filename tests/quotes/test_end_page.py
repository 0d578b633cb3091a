"""A quote that runs over a page break keeps its start page and knows its end page."""

from __future__ import annotations

from coder.quotes.store import list_quotes
from tests.conftest import add_text_document


def test_quote_across_a_page_break_has_start_and_end_page(project):
    text = ("Een jongere vertelt: „Ik heb geleerd om hulp te vragen. Dat maakt je sterk. Je\n\n"
            "weet het voor de volgende keer.” Daarna volgt de rest van het verslag.")
    doc = add_text_document(project, text, title="Twee pagina's")
    split = text.index("weet het")
    project["pages"].delete_where("doc_id = ?", [doc])
    project["pages"].insert_all([{"doc_id": doc, "page": 1, "start": 0, "end": split},
                                 {"doc_id": doc, "page": 2, "start": split, "end": len(text)}])
    project["quotes"].delete_where("doc_id = ?", [doc])
    from coder.quotes.detect import detect_quotes
    from coder.quotes.store import PageIndex, insert_detected

    insert_detected(project, doc, detect_quotes(text), PageIndex.for_document(project, doc))
    (quote,) = list_quotes(project, doc_id=doc)
    assert (quote["page"], quote["end_page"]) == (1, 2)
    assert quote["text"].startswith("Ik heb geleerd") and quote["text"].endswith("volgende keer.")
