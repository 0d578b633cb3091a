"""The project database: one SQLite file per project, opened through sqlite-utils.

Every connection gets the same pragmas (WAL, foreign keys, busy timeout) so that two
coders can work on one file at once. Writes go through :func:`write` which takes the
write lock up front (``BEGIN IMMEDIATE``): a deferred transaction that later needs to
upgrade its lock can fail with "database is locked" even with a busy timeout, and that
is exactly the failure a second coder must never see.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from coder.store.sqlite import sqlite_utils

from coder.paths import DEFAULT_DB_NAME
from coder.errors import CoderError
from coder.store.migrations import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = DEFAULT_DB_NAME
BUSY_TIMEOUT_MS = 30_000


class SchemaTooNew(CoderError):
    """The file was written by a newer version of coder than this one."""


def connect(path: str | Path = DEFAULT_DB, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) a project database.

    A connection belongs to the thread that made it: worker threads call this again
    rather than sharing one.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise CoderError(f"{path}: is a directory, not a project database")
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise CoderError(f"{path}: not a coder project database ({exc})") from exc
    db = sqlite_utils.Database(conn)
    if migrate:
        migrate_db(db, path)
    return db


def data_version(db: sqlite_utils.Database) -> int:
    """A number that changes whenever another connection commits to the file (SQLite's
    ``PRAGMA data_version``; this connection's own commits leave it alone)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


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
