"""Reading reliability data files: long-format ratings and coder-made spans (CSV)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from coder.agreement.unitizing import Span
from coder.errors import InputError


def _rows(path: Path, required: tuple[str, ...]):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)} "
                             f"(expected a header {','.join(required)})")
        reader.fieldnames = header
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: {exc}") from exc


def read_long_table(path: str | Path) -> list[tuple[str, str, str]]:
    """`unit,coder,value` rows; an empty value (or an absent row) is missing data."""
    path = Path(path)
    out = []
    for line, row in _rows(path, ("unit", "coder", "value")):
        unit, coder = (row.get("unit") or "").strip(), (row.get("coder") or "").strip()
        if not unit or not coder:
            raise InputError(f"{path}: line {line}: unit and coder must not be empty")
        out.append((unit, coder, (row.get("value") or "").strip()))
    if not out:
        raise InputError(f"{path}: no ratings")
    return out


def read_spans(path: str | Path) -> list[Span]:
    """`coder,code,start,end` rows, half-open character (or any unit) offsets."""
    path = Path(path)
    out = []
    for line, row in _rows(path, ("coder", "code", "start", "end")):
        try:
            start, end = int(row["start"]), int(row["end"])
        except (TypeError, ValueError):
            raise InputError(f"{path}: line {line}: start and end must be whole numbers") from None
        if end <= start:
            raise InputError(f"{path}: line {line}: end {end} is not after start {start}")
        out.append(Span(row["coder"].strip(), row["code"].strip(), start, end))
    if not out:
        raise InputError(f"{path}: no spans")
    return out


def parse_continuum(text: str) -> tuple[int, int]:
    try:
        begin, end = (int(x) for x in text.split(":"))
    except ValueError:
        raise InputError(f"--continuum must look like BEGIN:END, got {text!r}") from None
    return begin, end
