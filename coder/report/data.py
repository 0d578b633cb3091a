"""The numbers behind the report, straight from the project database (one place).

Tests compare the rendered report against these functions and these functions against
plain SQL counts, so what the report shows is what the database holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coder.export.citation import quote_citation
from coder.export.origin import quote_text
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET, VALENCE_FACET

if TYPE_CHECKING:
    from coder.coding.coders import Coder


@dataclass
class GoalRow:
    key: str
    label: str
    positive: int = 0
    negative: int = 0
    mixed: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RankedCode:
    key: str
    label: str
    group: str | None
    quotes: int
    documents: int


def composition(db: sqlite_utils.Database) -> dict[str, list[tuple[str, int]]]:
    """Documents per type, team type, size class and year."""
    result = {}
    for column in ("doc_type", "team_type", "size_class", "year"):
        rows = db.execute(f"SELECT COALESCE(CAST({column} AS TEXT), 'onbekend'), COUNT(*)"
                          f" FROM documents GROUP BY 1 ORDER BY 1")
        result[column] = [(str(k), n) for k, n in rows]
    return result


def _labels(db: sqlite_utils.Database, facet: str) -> list[tuple[str, str, str | None]]:
    return list(db.execute("SELECT key, label, grp FROM codes WHERE facet = ? AND active = 1"
                           " ORDER BY position", [facet]))


def goals(db: sqlite_utils.Database, coder: Coder, *, examples: int = 2, lang: str = "nl") -> list[GoalRow]:
    """Per transformation goal: quotes coded positive / negative / mixed by this coder."""
    rows = {key: GoalRow(key, label) for key, label, _ in _labels(db, GOAL_FACET)}
    pairs = db.query(
        "SELECT g.code AS goal, v.code AS valence, q.id, q.text, q.page, q.speaker, q.source,"
        " q.attribution, d.title, d.year, d.municipality,"
        " d.doc_type, d.organisation FROM codings g"
        " JOIN codings v ON v.quote_id = g.quote_id AND v.coder_id = g.coder_id AND v.facet = :valence"
        " JOIN quotes q ON q.id = g.quote_id JOIN documents d ON d.id = q.doc_id"
        " WHERE g.coder_id = :coder AND g.facet = :goal ORDER BY q.doc_id, q.start",
        {"coder": coder.id, "goal": GOAL_FACET, "valence": VALENCE_FACET})
    for pair in pairs:
        row = rows.get(pair["goal"])
        if row is None:
            continue
        kind = {"positief": "positive", "negatief": "negative"}.get(pair["valence"], "mixed")
        setattr(row, kind, getattr(row, kind) + 1)
        if kind != "mixed" and sum(e["valence"] == kind for e in row.examples) < examples:
            row.examples.append({"valence": kind, "quote_id": pair["id"], "text": quote_text(pair["text"]),
                                 "citation": quote_citation(pair, lang)})
    return list(rows.values())


def ranked(db: sqlite_utils.Database, coder: Coder, facet: str) -> list[RankedCode]:
    """Codes of a multi facet ranked by quotes, then documents (zero counts included)."""
    counts = {
        r["code"]: (r["quotes"], r["documents"]) for r in db.query(
            "SELECT c.code, COUNT(DISTINCT c.quote_id) AS quotes, COUNT(DISTINCT q.doc_id) AS documents"
            " FROM codings c JOIN quotes q ON q.id = c.quote_id"
            " WHERE c.coder_id = ? AND c.facet = ? GROUP BY c.code", [coder.id, facet])
    }
    result = [RankedCode(key, label, group, *counts.get(key, (0, 0)))
              for key, label, group in _labels(db, facet)]
    return sorted(result, key=lambda r: (-r.quotes, -r.documents))


def coded_quote_count(db: sqlite_utils.Database, coder: Coder) -> int:
    return int(db.execute("SELECT COUNT(DISTINCT quote_id) FROM codings WHERE coder_id = ?",
                          [coder.id]).fetchone()[0])
