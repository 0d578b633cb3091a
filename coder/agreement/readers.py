"""Reading reliability data files: long-format ratings and coder-made spans (CSV)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from coder.agreement.data import MISSING, Ratings, order_categories
from coder.agreement.unitizing import Span
from coder.errors import InputError

#: Ratings turned into arrays at a time while streaming a long table.
CHUNK = 250_000


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """The CSV's rows as dicts with lower-cased headers, read as a stream (never whole)."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
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
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (near line {reader.line_num}); "
                             "save the CSV as UTF-8") from exc


def _columns(path: Path, wanted: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """The stripped values of the ``wanted`` columns of each row (a plain csv.reader: the
    dict per row of :func:`_rows` costs a third of the time on a large table)."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip().lower() for h in next(reader, [])]
            missing = [c for c in wanted if c not in header]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)} "
                                 f"(expected a header {','.join(wanted)})")
            index = [header.index(c) for c in wanted]
            for row in reader:
                if row:
                    yield reader.line_num, [row[i].strip() if i < len(row) else "" for i in index]
        except csv.Error as exc:
            raise InputError(f"{path}: line {reader.line_num}: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (near line {reader.line_num}); "
                             "save the CSV as UTF-8") from exc


def read_ratings(path: str | Path, categories: Sequence[str] | None = None,
                 missing: Sequence[str] = ()) -> Ratings:
    """A `unit,coder,value` table straight into a :class:`Ratings`, in memory ~ its size.

    Units are kept as one numpy byte-string array (not a dict of Python strings, which
    costs ~100 bytes a unit) and numbered at the end in order of first appearance, so the
    result equals ``ratings_from_long(read_long_table(path))``. Values in ``missing`` (and
    empty ones) are missing data.
    """
    path = Path(path)
    skip = set(missing)
    coders: dict[str, int] = {}
    values: dict[str, int] = {}
    unit_chunks: list[np.ndarray] = []
    coder_chunks: list[np.ndarray] = []
    value_chunks: list[np.ndarray] = []
    units: list[bytes] = []
    coder_idx: list[int] = []
    value_idx: list[int] = []

    def flush() -> None:
        unit_chunks.append(np.array(units, dtype=bytes))
        coder_chunks.append(np.array(coder_idx, dtype=np.min_scalar_type(len(coders))))
        value_chunks.append(np.array(value_idx, dtype=np.min_scalar_type(-len(values) - 1)))
        units.clear(), coder_idx.clear(), value_idx.clear()

    for line, (unit, coder, value) in _columns(path, ("unit", "coder", "value")):
        if not unit or not coder:
            raise InputError(f"{path}: line {line}: unit and coder must not be empty")
        units.append(unit.encode("utf-8"))
        coder_idx.append(coders.setdefault(coder, len(coders)))
        value_idx.append(values.setdefault(value, len(values)) if value and value not in skip else MISSING)
        if len(units) >= CHUNK:
            flush()
    if units or not unit_chunks:
        flush()
    if not sum(len(c) for c in unit_chunks):
        raise InputError(f"{path}: no ratings")
    return _assemble(path, unit_chunks, coder_chunks, value_chunks, coders, values, categories)


def _assemble(path: Path, unit_chunks: list[np.ndarray], coder_chunks: list[np.ndarray],
              value_chunks: list[np.ndarray], coders: dict[str, int], values: dict[str, int],
              categories: Sequence[str] | None) -> Ratings:
    names = np.concatenate(unit_chunks)
    unit_chunks.clear()
    unit, first_row = _number_units(names)  # frees names
    coder = np.concatenate(coder_chunks)
    coder_chunks.clear()
    raw = np.concatenate(value_chunks)
    value_chunks.clear()
    cats = order_categories(values, categories)
    lookup = {c: i for i, c in enumerate(cats)}
    to_category = np.array([lookup[v] for v in values] + [MISSING], dtype=np.int32)
    rated = raw != MISSING
    unit, coder, category = unit[rated], coder[rated], to_category[raw[rated]]
    del raw, rated
    width = max(len(coders), 1)
    flat = unit.astype(np.int64)
    flat *= width
    flat += coder
    flat.sort()
    repeated = np.flatnonzero(flat[1:] == flat[:-1])
    if len(repeated):
        dup = int(flat[repeated[0]])
        coder_name = next(k for k, v in coders.items() if v == dup % width)
        unit_name = _unit_at_row(path, int(first_row[dup // width]))
        raise InputError(f"{path}: coder {coder_name!r} rated unit {unit_name!r} more than once")
    del flat
    codes = np.full((len(first_row), len(coders)), MISSING, dtype=np.int32)
    codes[unit, coder] = category
    return Ratings(codes, cats, tuple(coders), None, declared=bool(categories))


def _number_units(names: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's unit number (0, 1, ... in order of first appearance) and each unit's first
    row, without np.unique's several full-size copies: one stable argsort, blockwise
    comparisons. ``names`` is emptied (resized to nothing) as soon as it is not needed."""
    perm = np.argsort(names, kind="stable")
    starts = np.ones(len(names), dtype=bool)
    for lo in range(1, len(names), CHUNK):
        hi = min(lo + CHUNK, len(names))
        starts[lo:hi] = names[perm[lo:hi]] != names[perm[lo - 1:hi - 1]]
    names.resize(0, refcheck=False)
    first = perm[starts]  # first row of each group (stable sort: its earliest row)
    group = np.cumsum(starts, dtype=np.int32)
    group -= 1
    del starts
    unit = np.empty(len(perm), dtype=np.int32)
    unit[perm] = group
    del perm, group
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    np.take(rank, unit, out=unit)
    return unit, first[order]


def _unit_at_row(path: Path, row: int) -> str:
    """The unit named on data row ``row`` (0-based): read again, only to word an error."""
    for number, (_, (unit, _coder, _value)) in enumerate(_columns(path, ("unit", "coder", "value"))):
        if number == row:
            return unit
    return "?"


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
