"""The demo project: the bundled corpus imported into a fresh project file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from coder.ingest.documents import ImportResult, import_pdf
from coder.ingest.inputs import collect_inputs
from coder.store.project import init_project
from coder.store.sqlite import sqlite_utils

DEMO_DB = "demo.db"


def build_demo(db: sqlite_utils.Database, corpus: Path,
               on_result: Callable[[ImportResult], None] | None = None) -> list[ImportResult]:
    """Load the codebook and import every corpus PDF not imported yet (idempotent)."""
    init_project(db, None, quiet=True)
    inputs = collect_inputs([corpus])
    results = []
    for path in inputs.pdfs:
        result = import_pdf(db, path, inputs.metadata.get(path.resolve()))
        results.append(result)
        if on_result:
            on_result(result)
    indicators = corpus / "indicators.csv"
    if indicators.exists():
        from coder.ingest.indicators import import_indicators

        import_indicators(db, indicators)  # upserts: rebuilding the demo changes nothing
    return results


def summary(db: sqlite_utils.Database) -> dict[str, Any]:
    """Counts a researcher checks first: what is in the project."""

    def one(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "pages": one("SELECT COALESCE(SUM(pages), 0) FROM documents"),
        "quotes": one("SELECT COUNT(*) FROM quotes"),
        "quotes_with_attribution": one("SELECT COUNT(*) FROM quotes WHERE attribution IS NOT NULL"),
        "facets": one("SELECT COUNT(*) FROM facets"),
        "codes": one("SELECT COUNT(*) FROM codes WHERE active = 1"),
        "coders": one("SELECT COUNT(*) FROM coders"),
        "codings": one("SELECT COUNT(*) FROM codings"),
        "by_doc_type": dict(db.execute(
            "SELECT COALESCE(doc_type, '?'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 1")),
    }
