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
    DocumentList { width: 1fr; min-width: 22; max-width: 34; border: round $secondary; }
    """

    shown: list[dict[str, Any]] = []

    def show(self, documents: list[dict[str, Any]]) -> None:
        """Show ``documents``; when only their figures changed, redraw just those rows."""
        if [d["id"] for d in documents] == [d["id"] for d in self.shown]:
            for index, (new, old) in enumerate(zip(documents, self.shown)):
                if new != old:
                    self.relabel(index, label(new))
            self.shown = documents
            return
        self.shown = documents
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(label(doc), id=str(doc["id"])) for doc in documents])
        if documents:
            self.highlighted = min(highlighted or 0, len(documents) - 1)

    def relabel(self, index: int, prompt: Text) -> None:
        """Change one option's text, drawing only that option again.

        OptionList's own ``replace_option_prompt`` drops the drawings of every option,
        which made each coding key redraw the whole list (about 20 ms). This keeps the
        others; it relies on OptionList internals (Textual is pinned), and falls back to
        the public method when they differ or when the option's height changes.
        """
        try:
            option = self.get_option_at_index(index)
            old_height = self._heights[index]
            option._set_prompt(prompt)
            padding = self.get_component_styles("option-list--option").padding
            width = self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width
            # Textual's OptionList passes its styles here too; its hint says RulesMap.
            if self._get_visual(option).get_height(self.styles, width) != old_height:  # type: ignore[arg-type]
                raise ValueError("height changed")
            for key in [k for k in self._option_render_cache.keys() if k[0] is option]:  # noqa: SIM118  (LRUCache has no __iter__)
                self._option_render_cache.discard(key)
            first_line = self._index_to_line[index]
        except (AttributeError, KeyError, ValueError):
            self.replace_option_prompt_at_index(index, prompt)
            return
        self.refresh_lines(first_line, old_height)
