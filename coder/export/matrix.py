"""Code x document-kind counts: how often a theme appears per kind of report.

For every code, per value of doc_type, team_type and size_class: the number of quotes
coded with it and the number of distinct documents those quotes come from.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.export.labels import Labels
from coder.export.rows import QuoteTable
from coder.export.tables import write_csv, write_xlsx

DIMENSIONS = ("doc_type", "team_type", "size_class")


def code_matrix(table: QuoteTable) -> tuple[list[str], list[dict[str, Any]]]:
    """Column keys (``doc_type=jaarverslag:quotes``) and one row per code, in keys."""
    values = {d: sorted({str(r.get(d) or "onbekend") for r in table.rows}) for d in DIMENSIONS}
    headers = ["facet", "code", "quotes", "documents"]
    for d in DIMENSIONS:
        for v in values[d]:
            headers += [f"{d}={v}:quotes", f"{d}={v}:documents"]
    rows = []
    for facet, _, codes in table.facets:
        for code in codes:
            hits = [r for r in table.rows if code in str(r.get(facet) or "").split(";")]
            row = {"facet": facet, "code": code, "quotes": len(hits),
                   "documents": len({r["document"] for r in hits})}
            cells: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for r in hits:
                for d in DIMENSIONS:
                    cells[f"{d}={r.get(d) or 'onbekend'}"].append(r)
            for d in DIMENSIONS:
                for v in values[d]:
                    found = cells.get(f"{d}={v}", [])
                    row[f"{d}={v}:quotes"] = len(found)
                    row[f"{d}={v}:documents"] = len({r["document"] for r in found})
            rows.append(row)
    return headers, rows


def labelled_matrix(table: QuoteTable, labels: Labels) -> QuoteTable:
    """The matrix as people read it: ``Documenttype: Jaarverslag (quotes)``, code labels."""
    headers, rows = code_matrix(table)
    titles = [_title(h, labels) for h in headers]
    shown = [{**r, "facet": labels.facet(r["facet"]), "code": labels.code(r["code"])} for r in rows]
    return QuoteTable(headers, shown, titles=titles)


def _title(header: str, labels: Labels) -> str:
    if labels.keys or "=" not in header:
        return labels.title(header)
    dimension, _, rest = header.partition("=")
    value, _, count = rest.rpartition(":")
    shown = labels.phrase("unknown") if value == "onbekend" else labels.value(dimension, value)
    return f"{labels.title(dimension)}: {shown} ({labels.title(count).lower()})"


def write_matrix(table: QuoteTable, path: Path, labels: Labels | None = None) -> None:
    matrix = labelled_matrix(table, labels or Labels(keys=True))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(matrix.headers, matrix.rows, path, titles=matrix.titles)
    elif suffix == ".xlsx":
        write_xlsx(matrix, path, goal_sheets=False, labels=labels, sheet="matrix")
    else:
        raise InputError(f"{path}: the matrix is written as .csv or .xlsx")
