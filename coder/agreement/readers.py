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


def read_long_columns(path: str | Path) -> tuple[list[str], list[str], list[str]]:
    """The same ratings as three columns (unit, coder, value), fast for plain files.

    A plain file (UTF-8, no quoting, every line with the header's number of fields, no
    empty unit or coder) is split with ``str.split``, several times faster than the csv
    module on millions of rows. Anything else goes through :func:`read_long_table`, so
    unusual files are read the same way and bad ones get the same error messages.
    """
    path = Path(path)
    columns = _plain_columns(path)
    if columns is None:
        rows = read_long_table(path)
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    return columns


def _plain_columns(path: Path) -> tuple[list[str], list[str], list[str]] | None:
    """Columns of a plain CSV, or None when the file needs the csv module (or an error)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if '"' in text or "\r" in text:
        return None
    head, _, body = text.partition("\n")
    body = body.rstrip("\n")
    header = [h.strip().lower() for h in head.split(",")]
    if (not body or "\n\n" in body or len(set(header)) != len(header)
            or any(name not in header for name in ("unit", "coder", "value"))):
        return None
    if not _same_commas_per_line(body, len(header) - 1):
        return None
    cells = body.replace("\n", ",").split(",")
    unit, coder, value = (cells[header.index(name)::len(header)] for name in ("unit", "coder", "value"))
    if " " in body or "\t" in body:  # the csv reader strips each field; plain files rarely need it
        unit, coder, value = (list(map(str.strip, column)) for column in (unit, coder, value))
    if "" in unit or "" in coder:
        return None
    return unit, coder, value


def _same_commas_per_line(body: str, commas: int) -> bool:
    """Whether every line has exactly ``commas`` commas, counted on the bytes with numpy.

    A Python loop over two million lines takes about a second; this takes a tenth of that.
    """
    import numpy as np

    raw = np.frombuffer(body.encode("utf-8"), dtype=np.uint8)
    comma_at = np.flatnonzero(raw == ord(","))
    line_ends = np.append(np.flatnonzero(raw == ord("\n")), raw.size)
    before = np.searchsorted(comma_at, line_ends)  # commas before each line end
    return bool((np.diff(before, prepend=0) == commas).all())


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
