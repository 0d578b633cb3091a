"""The document list: title, type, year, pages and the coder's progress."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def label(doc: dict[str, Any]) -> Text:
    text = Text(doc["title"] or f"document {doc['id']}", style="bold")
    meta = " · ".join(str(v) for v in (doc.get("doc_type"), doc.get("organisation"), doc.get("year")) if v)
    text.append(f"\n{meta}\n{doc['pages']} p · coded {doc['coded']}/{doc['quotes']}", style="dim")
    return text


class DocumentList(OptionList):
    DEFAULT_CSS = """
    DocumentList { width: 34; border: round $secondary; }
    """

    def show(self, documents: list[dict[str, Any]]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(label(doc), id=str(doc["id"])) for doc in documents])
        if documents:
            self.highlighted = min(highlighted or 0, len(documents) - 1)
