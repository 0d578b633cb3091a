"""The key bar at the bottom of a screen: the shown bindings in one line of text.

Textual's Footer builds a widget per key and rebuilds them all whenever the bindings
change (focus moves, a screen opens); with the coding screen's fifteen keys that was
about 350 ms of a 770 ms start. This is one Static: a rebuild is a few lines of text.
When the keys do not fit on one line (an 80-column terminal) they wrap onto a second
one, whole keys at a time, so that none is cut off. It follows remapped keys (it reads
the screen's active bindings), greys out disabled ones, and a click on a key runs its
action, as in the Footer.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.widgets import Static


class KeyBar(Static):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $footer-background;
        .key-bar--key { color: $footer-key-foreground; text-style: bold; }
        .key-bar--description { color: $footer-description-foreground; }
    }
    """

    def __init__(self, *, first: tuple[str, ...] = ("help",), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first = first  # actions shown before the others, so a narrow terminal keeps them

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed()

    def bindings_changed(self, *_: object) -> None:
        if self.is_attached:
            text = self.render_keys()
            # A layout pass only when the number of lines changes (it repaints the screen).
            lines = text.plain.count("\n")
            self.update(text, layout=lines != self.shown_lines)
            self.shown_lines = lines

    shown_lines = 0

    def on_resize(self) -> None:
        self.bindings_changed()

    def render_keys(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        width = self.size.width or self.app.size.width
        out = Text(no_wrap=True, overflow="ellipsis")
        line = 0  # characters on the current line
        seen: set[str] = set()
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        shown = sorted(active.values(), key=lambda item: item.binding.action not in self.first)
        for node, binding, enabled, _tooltip in [*shown, *([palette] if palette else [])]:
            if not (binding.show or (palette and binding is palette[1])) or binding.action in seen:
                continue
            seen.add(binding.action)
            namespace = "app" if isinstance(node, App) else "screen"
            click = Style.from_meta({"@click": f"{namespace}.{binding.action}"})
            dim = Style(dim=True) if not enabled else Style()
            key = f" {self.app.get_key_display(binding)} "
            item = len(key) + len(binding.description) + 1
            if line and line + item > width:
                out.append("\n")
                line = 0
            line += item
            out.append(key, key_style + click + dim)
            out.append(f"{binding.description} ", description_style + click + dim)
        return out
