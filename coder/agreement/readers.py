"""Reading reliability data files: long-format ratings and coder-made spans (CSV)."""

from __future__ import annotations

import contextlib
import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from coder.agreement.arrays import Array
from coder.agreement.data import MISSING, Ratings, order_categories
from coder.agreement.plain_csv import Words, factorize, split_block
from coder.errors import InputError

if TYPE_CHECKING:
    from coder.agreement.unitizing import Span

#: Ratings turned into arrays at a time while streaming a long table.
CHUNK = 250_000
#: Bytes of a plain CSV split at a time (then up to the next line end).
BLOCK = 1 << 20


def _columns(path: Path, wanted: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """The stripped values of the ``wanted`` columns of each row, read as a stream (a plain
    csv.reader: a dict per row costs a third of the time on a large table)."""
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

    The file is read a block at a time: plain blocks (no quotes, the same number of
    commas on every line) are split with numpy or ``str.split`` (:mod:`plain_csv`),
    anything else goes through the csv module from the start. Units are kept as one numpy
    byte-string array (not a dict of Python strings, ~100 bytes a unit) and numbered at
    the end in order of first appearance, so the result equals
    ``ratings_from_long(read_long_table(path))``.
    Values in ``missing`` (and empty ones) are missing data.
    """
    path = Path(path)
    table = _Collected(set(missing))
    if not _read_plain(path, table):
        table = _Collected(set(missing))
        rows: list[list[str]] = []
        for line, row in _columns(path, ("unit", "coder", "value")):
            if not row[0] or not row[1]:
                raise InputError(f"{path}: line {line}: unit and coder must not be empty")
            rows.append(row)
            if len(rows) >= CHUNK:
                table.add(*zip(*rows))
                rows.clear()
        if rows:
            table.add(*zip(*rows))
    if not table.rows:
        raise InputError(f"{path}: no ratings")
    return _assemble(path, table.units, table.coder_chunks, table.value_chunks, table.coders,
                     table.values, categories)


class _Collected:
    """Ratings gathered as compact arrays, a block of rows at a time."""

    def __init__(self, skip: set[str]) -> None:
        self.skip = skip | {""}
        self.coders: dict[str, int] = {}
        self.values: dict[str, int] = {}
        self.units: list[Array] = []
        self.coder_chunks: list[Array] = []
        self.value_chunks: list[Array] = []
        self.rows = 0

    def add(self, units: Sequence[str], coders: Sequence[str], values: Sequence[str]) -> None:
        for coder in dict.fromkeys(coders):
            self.coders.setdefault(coder, len(self.coders))
        index = {v: MISSING if v in self.skip else self.values.setdefault(v, len(self.values))
                 for v in dict.fromkeys(values)}
        self.units.append(_unit_bytes(units))
        self.coder_chunks.append(np.fromiter(map(self.coders.__getitem__, coders), count=len(coders),
                                             dtype=np.min_scalar_type(len(self.coders))))
        self.value_chunks.append(np.fromiter(map(index.__getitem__, values), count=len(values),
                                             dtype=np.min_scalar_type(-len(self.values) - 1)))
        self.rows += len(units)

    def add_words(self, units: Array, coders: Array, values: Array) -> None:
        """The same for a block split by numpy: fixed-width byte strings per row."""
        names, local = factorize(coders)
        to_coder = np.array([self.coders.setdefault(c, len(self.coders)) for c in names])
        names, local_value = factorize(values)
        to_value = np.array([MISSING if v in self.skip else self.values.setdefault(v, len(self.values))
                             for v in names])
        self.units.append(units)
        self.coder_chunks.append(to_coder.astype(np.min_scalar_type(len(self.coders)))[local])
        self.value_chunks.append(to_value.astype(np.min_scalar_type(-len(self.values) - 1))[local_value])
        self.rows += len(units)


def _unit_bytes(units: Sequence[str]) -> Array:
    """Unit names as one fixed-width byte-string array. Such strings end at their first
    trailing NUL ("u1\\0" would equal "u1"), so NUL and \\x01 are escaped as \\x01\\x02 and
    \\x01\\x01 first: names without them (all of the fast path's) keep their plain bytes."""
    joined = "".join(units)
    if "\0" in joined or "\x01" in joined:
        units = [u.replace("\x01", "\x01\x01").replace("\0", "\x01\x02") for u in units]
    try:
        return np.array(units, dtype=bytes)  # ASCII names: numpy encodes them in C
    except UnicodeEncodeError:
        return np.array([u.encode("utf-8") for u in units], dtype=bytes)


def _read_plain(path: Path, table: _Collected, block: int | None = None) -> bool:
    """Fill ``table`` from a plain CSV, a block of lines at a time; False (with ``table``
    to be discarded) as soon as a block needs the csv module (see :mod:`plain_csv`)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            line = handle.readline().rstrip(b"\r\n").decode("utf-8-sig")
        except UnicodeDecodeError:
            return False  # the csv path reports it with a line number
        if any(c in line for c in '"\r\0'):
            return False
        header = [h.strip().lower() for h in line.split(",")]
        if len(set(header)) != len(header) or any(n not in header for n in ("unit", "coder", "value")):
            return False
        where = [header.index(n) for n in ("unit", "coder", "value")]
        size = block or BLOCK
        while data := handle.read(size) + handle.readline():
            columns = split_block(data, len(header), where)
            del data
            if columns is None:
                return False
            if isinstance(columns, Words):
                table.add_words(columns.unit, columns.coder, columns.value)
            elif columns.unit:
                table.add(columns.unit, columns.coder, columns.value)
    return True


def _assemble(path: Path, unit_chunks: list[Array], coder_chunks: list[Array],
              value_chunks: list[Array], coders: dict[str, int], values: dict[str, int],
              categories: Sequence[str] | None) -> Ratings:
    names = np.concatenate(unit_chunks)
    unit_chunks.clear()
    if len(names) > CHUNK:
        _release_freed_memory()
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
    codes = np.full((len(first_row), len(coders)), MISSING, dtype=np.int32)
    codes[unit, coder] = category
    if np.count_nonzero(codes != MISSING) != len(unit):  # two ratings landed in one cell
        _refuse_repeated(path, unit, coder, first_row, coders)
    return Ratings(codes, cats, tuple(coders), None, declared=bool(categories))


def _refuse_repeated(path: Path, unit: Array, coder: Array, first_row: Array, coders: dict[str, int]) -> None:
    """Name the first (unit, coder) cell rated twice, in order of units then coders."""
    width = max(len(coders), 1)
    flat = unit.astype(np.int64) * width + coder
    flat.sort()
    dup = int(flat[np.flatnonzero(flat[1:] == flat[:-1])[0]])
    coder_name = next(k for k, v in coders.items() if v == dup % width)
    unit_name = _unit_at_row(path, int(first_row[dup // width]))
    raise InputError(f"{path}: coder {coder_name!r} rated unit {unit_name!r} more than once")


def _release_freed_memory() -> None:
    """Hand the heap freed by parsing back to the OS before the big sort (glibc keeps it
    resident otherwise: ~90 MB of a 200 MB table's peak)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _number_units(names: Array) -> tuple[Array, Array]:
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
    for line, (unit, coder, value) in _columns(path, ("unit", "coder", "value")):
        if not unit or not coder:
            raise InputError(f"{path}: line {line}: unit and coder must not be empty")
        out.append((unit, coder, value))
    if not out:
        raise InputError(f"{path}: no ratings")
    return out


def read_spans(path: str | Path) -> list[Span]:
    """`coder,code,start,end` rows, half-open character (or any unit) offsets."""
    from coder.agreement.unitizing import Span

    path = Path(path)
    out = []
    for line, (coder, code, first, last) in _columns(path, ("coder", "code", "start", "end")):
        try:
            start, end = int(first), int(last)
        except (TypeError, ValueError):
            raise InputError(f"{path}: line {line}: start and end must be whole numbers") from None
        if end <= start:
            raise InputError(f"{path}: line {line}: end {end} is not after start {start}")
        out.append(Span(coder, code, start, end))
    if not out:
        raise InputError(f"{path}: no spans")
    return out


def parse_continuum(text: str) -> tuple[int, int]:
    try:
        begin, end = (int(x) for x in text.split(":"))
    except ValueError:
        raise InputError(f"the continuum must look like BEGIN:END, got {text!r}",
                         params=("continuum",)) from None
    return begin, end
