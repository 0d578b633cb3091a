"""Telling an export's format from its file name (writing safely: coder.export.output)."""

from __future__ import annotations

from pathlib import Path

from coder.errors import InputError


def format_from(path: Path, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """``fmt`` when given, else the file extension when it is one of ``allowed``."""
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        raise InputError(f"{path}: say the format with -f ({', '.join(allowed)})")
    return suffix
