"""Writing export files safely, and telling their format from their name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coder.errors import InputError


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    part = path.with_name(path.name + ".part" + path.suffix)
    try:
        write(part)
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)


def format_from(path: Path, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """``fmt`` when given, else the file extension when it is one of ``allowed``."""
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in allowed:
        raise InputError(f"{path}: say the format with -f ({', '.join(allowed)})")
    return suffix
