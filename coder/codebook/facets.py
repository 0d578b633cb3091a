"""Facets with all their code keys in codebook order: what analyses and exports iterate over.

Unlike `codebook_from_db`, retired (inactive) codes are included, because old codings
may still use them and a table or a reliability check must not lose them.
"""

from __future__ import annotations

from typing import NamedTuple

from coder.errors import InputError
from coder.store.sqlite import sqlite_utils


class FacetCodes(NamedTuple):
    key: str
    mode: str
    codes: tuple[str, ...]


def check_codes_exist(db: sqlite_utils.Database, *keys: str | None) -> None:
    """Refuse a filter naming a code the project's codebook does not have."""
    for key in filter(None, keys):
        if not db.execute("SELECT 1 FROM codes WHERE key = ?", [key]).fetchone():
            raise InputError(f"unknown code {key!r}")


def facet_codes(db: sqlite_utils.Database) -> dict[str, FacetCodes]:
    out = {}
    for key, mode in db.execute("SELECT key, mode FROM facets ORDER BY position, key"):
        codes = tuple(r[0] for r in db.execute(
            "SELECT key FROM codes WHERE facet = ? ORDER BY position, key", [key]))
        out[key] = FacetCodes(key, mode, codes)
    return out
