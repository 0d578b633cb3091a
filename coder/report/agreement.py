"""The agreement section of the report (when two coders double-coded quotes)."""

from __future__ import annotations

import sqlite_utils


def agreement_sections(db: sqlite_utils.Database) -> list[str]:
    """HTML sections for the report; empty when there is nothing to compare."""
    return []
