"""The metadata manifest (``documents.csv``) that describes a folder of PDFs.

Columns: ``file,title,organisation,municipality,year,doc_type,team_type,size_class,region``;
``file`` is relative to the manifest's folder. Unknown columns are ignored, missing
optional ones are left empty. A malformed row is an :class:`InputError` naming the file
and line, so a typo never ends up as silent metadata.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from coder.errors import InputError

MANIFEST_NAME = "documents.csv"
COLUMNS = ("file", "title", "organisation", "municipality", "year", "doc_type", "team_type",
           "size_class", "region")
DOC_TYPES = ("jaarverslag", "rekenkameronderzoek", "evaluatie", "clientervaringsonderzoek",
             "lokaal_onderzoek", "landelijk_onderzoek", "praktijkvoorbeeld", "overig")
TEAM_TYPES = ("wmo", "jeugd", "integraal")
SIZE_CLASSES = ("<50k", "50-100k", "100k+")


def read_manifest(path: str | Path) -> dict[Path, dict[str, Any]]:
    """Metadata per resolved file path."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read manifest ({exc})") from exc
    reader = csv.DictReader(text.splitlines(), delimiter=_sniff_delimiter(text))
    if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
        raise InputError(f"{path}: line 1: manifest needs a 'file' column (columns: {', '.join(COLUMNS)})")
    entries: dict[Path, dict[str, Any]] = {}
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(row.values()):
            continue
        meta = _row_metadata(path, line, row)
        entries[(path.parent / row["file"]).resolve()] = meta
    return entries


def _sniff_delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def _row_metadata(path: Path, line: int, row: dict[str, str]) -> dict[str, Any]:
    if not row.get("file"):
        raise InputError(f"{path}: line {line}: empty 'file'")
    meta: dict[str, Any] = {key: (row.get(key) or None) for key in COLUMNS if key != "file"}
    if meta["year"]:
        if not meta["year"].isdigit() or not 1900 <= int(meta["year"]) <= 2100:
            raise InputError(f"{path}: line {line}: year {meta['year']!r} is not a year")
        meta["year"] = int(meta["year"])
    for key, allowed in (("doc_type", DOC_TYPES), ("team_type", TEAM_TYPES), ("size_class", SIZE_CLASSES)):
        if meta[key] and meta[key] not in allowed:
            raise InputError(f"{path}: line {line}: {key} {meta[key]!r} is not one of {', '.join(allowed)}")
    return meta


def find_manifest(folder: Path) -> Path | None:
    candidate = folder / MANIFEST_NAME
    return candidate if candidate.is_file() else None
