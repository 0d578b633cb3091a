"""Small helpers over parsed QDA-XML (namespace-blind element access, safe parsing)."""

from __future__ import annotations

from typing import Any

from defusedxml import ElementTree as SafeET

from coder.errors import InputError


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def children(element: Any, name: str) -> list[Any]:
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and local(c.tag) == name]


def child(element: Any, name: str) -> Any:
    found = children(element, name)
    return found[0] if found else None


def child_text(element: Any, name: str) -> str:
    found = child(element, name)
    return (found.text or "") if found is not None else ""


def guid_key(value: str | None) -> str:
    """GUIDs compare without braces and case (the schema allows both spellings)."""
    return (value or "").strip().strip("{}").lower()


def parse(data: bytes, where: str) -> Any:
    try:
        return SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises several kinds; all mean "not usable XML"
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{where}: not valid QDA-XML ({message})") from None
