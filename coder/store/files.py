"""Original files kept inside the project database (e.g. the PDF of a source imported
from a .qdpx, whose path on the other researcher's disk means nothing here).

Stored in chunks so that neither writing nor reading holds a large file whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from coder.store.db import write
from coder.store.sqlite import sqlite_utils


def store_file(db: sqlite_utils.Database, doc_id: int, filename: str, media_type: str,
               blocks: Iterable[bytes]) -> int:
    """Store ``blocks`` as the document's original file (replacing one stored before);
    returns its size in bytes. Part of the caller's transaction when there is one."""
    digest = hashlib.sha256()
    size = 0
    with write(db):
        db.execute("DELETE FROM document_files WHERE doc_id = ?", [doc_id])
        db.execute("INSERT INTO document_files (doc_id, filename, media_type, bytes, sha256)"
                   " VALUES (?, ?, ?, 0, '')", [doc_id, filename, media_type])
        for seq, block in enumerate(blocks):
            db.execute("INSERT INTO document_file_chunks (doc_id, seq, data) VALUES (?, ?, ?)",
                       [doc_id, seq, block])
            digest.update(block)
            size += len(block)
        db.execute("UPDATE document_files SET bytes = ?, sha256 = ? WHERE doc_id = ?",
                   [size, digest.hexdigest(), doc_id])
    return size


def stored_file(db: sqlite_utils.Database, doc_id: int) -> dict[str, object] | None:
    """Name, media type, size and sha256 of the document's stored file, if it has one."""
    rows = list(db.query("SELECT filename, media_type, bytes, sha256 FROM document_files WHERE doc_id = ?",
                         [doc_id]))
    return rows[0] if rows else None


def file_blocks(db: sqlite_utils.Database, doc_id: int) -> Iterator[bytes]:
    seq = 0
    while True:
        row = db.execute("SELECT data FROM document_file_chunks WHERE doc_id = ? AND seq = ?",
                         [doc_id, seq]).fetchone()
        if row is None:
            return
        yield bytes(row[0])
        seq += 1
