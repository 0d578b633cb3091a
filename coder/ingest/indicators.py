"""Client-experience indicators and their pooled scores.

Each client-experience survey reports, per indicator, a score (a percentage, or a mark
for ``rapportcijfer``) and the number of respondents ``n``. Pooling weights each survey
by its n: ``sum(value_i * n_i) / sum(n_i)``, overall and per team type — the study's
method (e.g. satisfaction mark 7.7 over n = 9,892).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coder.coding.events import now
from coder.errors import InputError
from coder.ingest.indicator_names import KNOWN
from coder.store.db import write
from coder.store.sqlite import sqlite_utils


@dataclass(frozen=True)
class Pooled:
    indicator: str
    team_type: str | None  # None = all surveys
    pooled: float
    n: int
    surveys: int


#: More respondents than people on earth is a typo (and beyond what SQLite can store).
MAX_RESPONDENTS = 10_000_000_000


def check_indicator(name: str) -> str:
    name = name.strip().lower()
    if not name.replace("_", "").isalnum() or not name[:1].isalpha():
        raise InputError(f"indicator name {name!r} must be snake_case (e.g. {', '.join(list(KNOWN)[:3])})")
    return name


def check_value(indicator: str, value: float, n: int, where: str = "") -> None:
    prefix = f"{where}: " if where else ""
    if not 0 < n <= MAX_RESPONDENTS:
        raise InputError(f"{prefix}n must be a positive number of respondents (at most "
                         f"{MAX_RESPONDENTS:,}), got {n}")
    unit = KNOWN.get(indicator, ("", "%"))[1]
    upper = 10 if unit == "mark" else 100
    if not 0 <= value <= upper:
        raise InputError(f"{prefix}{indicator} value {value} outside 0-{upper}")


def add_indicator(db: sqlite_utils.Database, doc_id: int, indicator: str, value: float, n: int) -> None:
    """Store (or replace) one survey figure."""
    indicator = check_indicator(indicator)
    check_value(indicator, value, n)
    with write(db):
        if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            raise InputError(f"unknown document {doc_id}")
        db.table("indicators").upsert({"doc_id": doc_id, "indicator": indicator, "value": value, "n": n,
                                 "updated_at": now()}, pk=("doc_id", "indicator"))


def import_indicators(db: sqlite_utils.Database, path: str | Path) -> int:
    """Read ``file,indicator,value,n`` rows (file = a document's file name or id); all or nothing."""
    path = Path(path)
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    needed = {"indicator", "value", "n"}
    if not rows or not needed <= set(rows[0]) or not ({"file", "doc"} & set(rows[0])):
        raise InputError(f"{path}: line 1: expected columns file (or doc), indicator, value, n")
    docs = {r[0]: r[1] for r in db.execute("SELECT filename, id FROM documents")}
    docs.update({str(r[0]): r[0] for r in db.execute("SELECT id FROM documents")})
    parsed = []
    for line, row in enumerate(rows, start=2):
        ref = (row.get("file") or row.get("doc") or "").strip()
        name = Path(ref).name if ref not in docs else ref
        if name not in docs:
            raise InputError(f"{path}: line {line}: unknown document {ref!r}")
        try:
            value, n = float(row["value"].replace(",", ".")), int(row["n"])
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}: line {line}: value and n must be numbers") from exc
        indicator = check_indicator(row["indicator"])
        check_value(indicator, value, n, f"{path}: line {line}")
        parsed.append((docs[name], indicator, value, n))
    with write(db):
        for doc_id, indicator, value, n in parsed:
            add_indicator(db, doc_id, indicator, value, n)
    return len(parsed)


def pool(rows: list[tuple[float, int]]) -> tuple[float, int]:
    """Respondent-weighted mean and total n of (value, n) pairs."""
    total = sum(n for _, n in rows)
    if total == 0:
        raise ValueError("no respondents to pool")
    return sum(value * n for value, n in rows) / total, total


def pooled_indicators(db: sqlite_utils.Database) -> list[Pooled]:
    """Every indicator pooled over all surveys, then per team type."""
    rows = list(db.query(
        "SELECT i.indicator, i.value, i.n, d.team_type FROM indicators i"
        " JOIN documents d ON d.id = i.doc_id"))
    order = {key: i for i, key in enumerate(KNOWN)}
    groups: dict[tuple[str, str | None], list[tuple[float, int]]] = {}
    for row in rows:
        groups.setdefault((row["indicator"], None), []).append((row["value"], row["n"]))
        if row["team_type"]:
            groups.setdefault((row["indicator"], row["team_type"]), []).append((row["value"], row["n"]))
    result = [Pooled(ind, team, *pool(pairs), surveys=len(pairs)) for (ind, team), pairs in groups.items()]
    return sorted(result, key=lambda p: (order.get(p.indicator, len(order)), p.indicator, p.team_type or ""))


def as_json(pooled: list[Pooled]) -> list[dict[str, Any]]:
    return [{"indicator": p.indicator, "team_type": p.team_type, "pooled": round(p.pooled, 4),
             "n": p.n, "surveys": p.surveys} for p in pooled]
