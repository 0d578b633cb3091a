"""The hand-off copy: one self-contained project file for a second coder.

`VACUUM INTO` writes a consistent copy from SQLite itself, so what sits in the WAL is in
it too (a plain file copy of a project that is still open can miss it). In the copy,
every other coder's codings, memos (on codings and on quotes), event history and
adjudications are removed, as are manual quotes that others made outside any round;
documents, quotes, codebook, rounds and indicators stay. The copy is then vacuumed again,
so the removed codings are not left in free pages either, and written as a single file (no -wal beside it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from coder.coding.coders import Coder, ensure_coder
from coder.errors import InputError
from coder.store.db import checkpoint_and_close, connect, write
from coder.store.sqlite import sqlite_utils


@dataclass(frozen=True)
class Handoff:
    coder: str
    registered: bool
    output: Path
    documents: int
    quotes: int
    codings: int
    removed_codings: int
    rounds: list[str]

    def summary(self) -> str:
        new = " (registered in the copy)" if self.registered else ""
        rounds = f"; rounds: {', '.join(self.rounds)}" if self.rounds else ""
        return (f"{self.output}: copy for {self.coder}{new}: {self.documents} documents, {self.quotes} "
                f"quotes, {self.codings} of their own codings kept, {self.removed_codings} codings of "
                f"others removed{rounds}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(project: Path, output: Path, force: bool) -> None:
    """Never write onto the open project (or its -wal/-shm); replace a file only when asked."""
    names = {project.resolve(), *(project.resolve().with_name(project.name + s) for s in ("-wal", "-shm"))}
    if output.resolve() in names or _same_file(project, output):
        raise InputError(f"{output}: that is the open project itself; choose another file")
    if output.exists() and not force:
        raise InputError(f"{output}: exists already; it can be replaced on request", params=("force",))
    if output.is_dir():
        raise InputError(f"{output}: is a directory")
    if not output.parent.is_dir():
        raise InputError(f"{output}: no folder {output.parent}")


def handoff(db: sqlite_utils.Database, project: str | Path, coder_name: str, output: str | Path, *,
            force: bool = False) -> Handoff:
    """Write the copy for ``coder_name`` to ``output`` (atomically: a .part file renamed)."""
    project, output = Path(project), Path(output)
    check_output(project, output, force)
    part = output.with_name(output.name + ".part")
    part.unlink(missing_ok=True)
    try:
        db.execute("VACUUM INTO ?", [str(part)])
        copy = connect(part)
        try:
            result = _strip_to(copy, coder_name, output)
            copy.execute("VACUUM")
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            checkpoint_and_close(copy)
        part.replace(output)
    finally:
        for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return result


def _strip_to(copy: sqlite_utils.Database, coder_name: str, output: Path) -> Handoff:
    with write(copy):
        coder, created = ensure_coder(copy, coder_name)
        removed = copy.execute("SELECT COUNT(*) FROM codings WHERE coder_id != ?", [coder.id]).fetchone()[0]
        copy.execute("DELETE FROM adjudications")
        copy.execute("DELETE FROM codings WHERE coder_id != ?", [coder.id])
        copy.execute("DELETE FROM quote_memos WHERE coder_id != ?", [coder.id])
        copy.execute("DELETE FROM quotes WHERE origin = 'manual' AND COALESCE(created_by, -1) != ?"
                     " AND id NOT IN (SELECT quote_id FROM round_quotes)", [coder.id])
        _drop_others_events(copy, coder)
        counts = [copy.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "quotes", "codings")]
        rounds = [r[0] for r in copy.execute("SELECT name FROM rounds ORDER BY id")]
    return Handoff(coder.name, created, output, counts[0], counts[1], counts[2], removed, rounds)


def _drop_others_events(copy: sqlite_utils.Database, coder: Coder) -> None:
    """The event log is append-only in a project; in a fresh copy for one coder the other
    coders' events (which carry their codes and memos) are taken out, then the guard is
    put back exactly as it was."""
    guard = copy.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_no_delete'"
                         ).fetchone()
    copy.execute("DROP TRIGGER IF EXISTS events_no_delete")
    copy.execute("DELETE FROM events WHERE coder_id IS NOT NULL AND coder_id != ?", [coder.id])
    if guard:
        copy.execute(guard[0])
