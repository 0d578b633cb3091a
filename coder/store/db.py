"""The project database: one SQLite file per project, opened through sqlite-utils.

Every connection gets the same pragmas (WAL, foreign keys, busy timeout) so that two
coders can work on one file at once. Writes go through :func:`write` which takes the
write lock up front (``BEGIN IMMEDIATE``): a deferred transaction that later needs to
upgrade its lock can fail with "database is locked" even with a busy timeout, and that
is exactly the failure a second coder must never see.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from coder.errors import CoderError, InputError, explain_sqlite_error
from coder.paths import DEFAULT_DB_NAME
from coder.store.migrations import MIGRATIONS, SCHEMA_VERSION
from coder.store.sqlite import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Tables every coder project has had since the first schema: how a project is recognised.
PROJECT_TABLES = {"documents", "quotes", "codings", "events"}


class SchemaTooNew(CoderError):
    """The file was written by a newer version of coder than this one."""


def connect(path: str | Path = DEFAULT_DB_NAME, *, migrate: bool = True,
            create: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) a project database.

    Nothing is written to a file before it is known to be a coder project (or a new,
    empty file, when ``create`` allows making one): another program's database is never
    switched to WAL or given tables. A project in a folder that cannot be written is
    opened read-only. A connection belongs to the thread that made it.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a project database")
    is_new = not path.exists() or path.stat().st_size == 0 or not _is_project(path)
    if is_new and not create:
        raise InputError(f"no coder project at {path}")
    try:
        conn = _open(path, read_only=not is_new and not _writable_folder(path))
        db = sqlite_utils.Database(conn)
        if migrate:
            migrate_db(db, path)
    except sqlite3.Error as exc:
        raise CoderError(f"{path}: {explain_sqlite_error(exc)}") from exc
    return db


def _open(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:  # WAL reads need the -shm file; without it the file is read as immutable
        for flags in ("mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(f"file:{path.resolve()}?{flags}", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError:
                conn.close()
        raise sqlite3.OperationalError("unable to open the project read-only")
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _writable_folder(path: Path) -> bool:
    folder = path.resolve().parent
    return os.access(folder, os.W_OK) and not _read_only_mount(folder)


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _is_project(path: Path) -> bool:
    """True for a coder project, False for an SQLite file without any table (a project
    whose creation was cut short, say); refuses, without writing a byte, anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise CoderError(f"{path}: {exc.strerror or exc}") from exc
    if head != SQLITE_MAGIC:
        raise InputError(f"{path}: not a coder project (not an SQLite database)")
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise InputError(f"{path}: not a coder project ({exc})") from exc
        return True  # e.g. a read-only folder without -shm: _open reads it immutably
    if not tables:
        return False
    if not tables >= PROJECT_TABLES:
        raise InputError(f"{path}: not a coder project (an SQLite database of another program); "
                         "nothing was changed")
    return True


def data_version(db: sqlite_utils.Database) -> int:
    """A number that changes whenever another connection commits to the file (SQLite's
    ``PRAGMA data_version``; this connection's own commits leave it alone)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def schema_version(db: sqlite_utils.Database) -> int:
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate_db(db: sqlite_utils.Database, path: str | Path = "") -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path}: project file has schema version {current}, this coder only knows up to "
            f"{SCHEMA_VERSION}; upgrade coder to open it"
        )
    for version in sorted(v for v in MIGRATIONS if v > current):
        with write(db):
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version}")
    return schema_version(db)


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One atomic write transaction holding the write lock from the start.

    Nested use becomes a savepoint (sqlite-utils' own inserts do the same), so a helper
    that writes can be called both on its own and inside a bigger transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def checkpoint_and_close(db: sqlite_utils.Database) -> None:
    """Move everything in the WAL into the main file, then close.

    Called when a command or the TUI ends, so that the project file on its own is
    complete and a plain file copy is safe. A reader in another process may keep the
    checkpoint from finishing; then it waits at most a second and leaves the rest to the
    next writer (SQLite stays consistent either way).
    """
    try:
        if not db.conn.in_transaction:
            db.conn.execute("PRAGMA busy_timeout = 1000")
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    finally:
        db.conn.close()
