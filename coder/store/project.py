"""Setting up a project: schema (via :func:`coder.store.db.connect`) plus a codebook."""

from __future__ import annotations

from pathlib import Path

from coder.paths import bundled_codebook
from coder.store.sqlite import sqlite_utils


def default_codebook_path() -> Path:
    """``./codebook.yaml`` when there is one, else the codebook shipped with coder."""
    local = Path("codebook.yaml")
    return local if local.is_file() else bundled_codebook()


def has_codebook(db: sqlite_utils.Database) -> bool:
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM facets)").fetchone()[0] == 1)


def init_project(db: sqlite_utils.Database, codebook_path: str | Path | None = None,
                 *, quiet: bool = False) -> str:
    """Load a codebook when one is named or when the project has none yet.

    Returns a short human summary. With ``quiet`` an existing codebook is left alone
    (``coder import`` calls this so that a fresh project is usable at once).
    """
    from coder.codebook.load import load_codebook
    from coder.codebook.sync import sync_codebook

    if codebook_path is None and has_codebook(db):
        facets, codes = _counts(db)
        return f"codebook already loaded: {facets} facets, {codes} codes"
    if quiet and has_codebook(db):
        return ""
    path = Path(codebook_path) if codebook_path else default_codebook_path()
    sync_codebook(db, load_codebook(path))
    facets, codes = _counts(db)
    return f"codebook {path}: {facets} facets, {codes} codes"


def _counts(db: sqlite_utils.Database) -> tuple[int, int]:
    facets = db.execute("SELECT COUNT(*) FROM facets").fetchone()[0]
    codes = db.execute("SELECT COUNT(*) FROM codes WHERE active = 1").fetchone()[0]
    return facets, codes
