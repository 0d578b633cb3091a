"""Where an output file may go: never onto a project, always whole or not at all.

Every command that writes a file (exports, the report, `.codings`, `.qdpx`) passes its
target through :func:`check_output` and writes through :func:`write_output`. A typo such
as `-o coder.db` must not replace the project: the open project, its `-wal`/`-shm`
companions, any other SQLite database and a read-only file are refused before anything is
computed or written. Any other existing file is replaced only on request (``force``): a
section export edited by hand, or a file named by a typo, is never lost to a second
export.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from coder.errors import CoderError, InputError

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
COMPANIONS = ("-wal", "-shm", "-journal")


def check_output(path: str | Path, project: str | Path | None = None, *, force: bool = False) -> Path:
    """The output path, or :class:`InputError` when writing there could lose data.

    ``project`` is the open project file; ``force`` lets an existing file (never a
    database, a journal or a read-only file) be replaced.
    """
    path = Path(path)
    if project is not None and _is_project_or_companion(path, Path(project)):
        raise InputError(f"{path}: is the open project (or its journal); choose another output file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{path}: folder {parent} does not exist")
    if not path.exists():
        return path
    kind = _database_kind(path)
    if kind:
        raise InputError(f"{path}: is a {kind}; refusing to overwrite it")
    if not _writable(path):
        raise InputError(f"{path}: is read-only; refusing to replace it")
    if not force:
        raise InputError(f"{path}: exists already; it can be replaced on request", params=("force",))
    return path


def write_output(path: str | Path, write: Callable[[Path], object], project: str | Path | None = None, *,
                 force: bool = False) -> Path:
    """Check the target, write beside it and rename, so a failed write leaves no half file."""
    path = check_output(path, project, force=force)
    part = path.with_name(path.name + ".part" + path.suffix)
    try:
        write(part)
        part.replace(path)
    except Exception as exc:
        cause = _os_error(exc)
        if cause is None:
            raise
        raise CoderError(f"{path}: {cause.strerror or cause}; nothing was written") from exc
    finally:
        part.unlink(missing_ok=True)
    return path


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind a writer's failure (xlsxwriter wraps a full disk in its own error)."""
    for candidate in (exc, *getattr(exc, "args", ())[:1], exc.__cause__, exc.__context__):
        if isinstance(candidate, OSError):
            return candidate
    return None


def _is_project_or_companion(path: Path, project: Path) -> bool:
    candidates = [project, *(project.with_name(project.name + s) for s in COMPANIONS)]
    target = os.path.abspath(path)
    for candidate in candidates:
        if os.path.abspath(candidate) == target:
            return True
        try:
            if path.exists() and candidate.exists() and os.path.samefile(path, candidate):
                return True
        except OSError:
            continue
    return False


def _database_kind(path: Path) -> str | None:
    """'SQLite database' or 'SQLite journal' when the file's first bytes say so."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return None
    if head == SQLITE_MAGIC:
        return "SQLite database"
    if head[:4] in WAL_MAGICS:
        return "SQLite journal"
    for suffix in COMPANIONS:
        base = path.name.removesuffix(suffix)
        if base != path.name and _database_kind(path.with_name(base)) == "SQLite database":
            return "SQLite journal"
    return None


def _writable(path: Path) -> bool:
    """False for a file nobody may write (checked on the mode bits: root passes os.access)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)
