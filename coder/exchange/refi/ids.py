"""Stable GUIDs and the bracketed markers carried in Description elements."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote, unquote

NAMESPACE = uuid.UUID("6f1c9a52-3b7e-4d0a-9a55-1c0de2d0c0de")
MARKER = re.compile(r"^\[coder:([^\]]*)\]\s?")


def guid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def with_marker(marker: dict[str, str], text: str = "") -> str:
    inner = " ".join(f"{k}={quote(str(v), safe=':,-')}" for k, v in marker.items())
    return f"[coder:{inner}] {text}".rstrip()


def split_marker(text: str | None) -> tuple[dict[str, str], str]:
    """The marker's key=value pairs (values are percent-encoded) and the remaining text."""
    text = text or ""
    found = MARKER.match(text)
    if not found:
        return {}, text
    pairs = dict(item.split("=", 1) for item in found.group(1).split() if "=" in item)
    pairs = {k: unquote(v) for k, v in pairs.items()}
    return pairs, text[found.end():]
