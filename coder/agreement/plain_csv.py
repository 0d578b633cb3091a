"""Splitting a block of a plain ratings CSV into its unit, coder and value columns.

A *plain* block has no quotes, no NUL and no bare carriage return, and every line has the
header's number of commas; anything else is left to the csv module (``None``), which then
reads the whole file and words any error. A plain block of ASCII text without spaces or
control characters is split without Python objects per row: numpy finds the commas and
line ends, and each field of up to 32 bytes is gathered as 8-byte words straight from
the buffer (read at any byte offset through a strided view). Such a field's words,
viewed as bytes, are the field itself, zero-padded: units stay one fixed-width byte
string each, and coders and values, few and repeated, are numbered by sorting the first
rows and looking the rest up in a small hash table. Other plain blocks (accents, spaces
to strip) are split with ``str.split``. Both give exactly what the csv module reads
(tests/fuzz/test_ratings_reader_fuzz.py).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import numpy as np

from coder.agreement.arrays import Array

#: Fields up to this many 8-byte words are gathered with numpy; longer ones as text.
MAX_WORDS = 4
#: Rows whose coders and values are numbered by sorting; the rest are looked up.
HEAD = 4096
#: Odd 64-bit multipliers for the hash of 8-byte keys (tried in turn until one spreads them).
_MULTIPLIERS = tuple(np.uint64(m) for m in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0xD6E8FEB86659FD93,
                                            0xFF51AFD7ED558CCD))
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype="<u8")


@dataclass
class Words:
    """A block's unit, coder and value fields as zero-padded byte strings (numpy)."""

    unit: Array
    coder: Array
    value: Array


@dataclass
class Text:
    """The same as stripped Python strings (blocks with accents or spaces)."""

    unit: list[str]
    coder: list[str]
    value: list[str]


def split_block(block: bytes, width: int, where: list[int]) -> Words | Text | None:
    """The ``where`` columns of a block of whole lines of a ``width``-column CSV, stripped
    as the csv path strips them, or None when the block needs the csv module."""
    body = block.rstrip(b"\r\n")  # blank lines at the end: the csv module skips them
    tail = block[len(body):]
    if tail.count(b"\r") != tail.count(b"\r\n") or b'"' in body or b"\0" in body:
        return None  # a bare carriage return, quotes or NUL: the csv module's work
    if not body:
        return Text([], [], [])
    block = body + (b"\r\n" if tail.startswith(b"\r") else b"\n")
    padded = block + bytes(8)  # the strided word view reads up to 7 bytes past the end
    raw = np.frombuffer(padded, dtype=np.uint8, count=len(block))
    lines = np.count_nonzero(raw == ord("\n"))
    breaks = raw == ord(",")
    breaks |= raw == ord("\n")
    sep = np.flatnonzero(breaks)
    del breaks
    if len(sep) != lines * width:
        return None
    grid = sep.reshape(lines, width)
    line_ends = grid[:, -1]
    if not (raw[line_ends] == ord("\n")).all():  # then the others are commas: width - 1 a line
        return None
    if int((sep[1:] - sep[:-1]).max(initial=sep[0] + 1)) - 1 > csv.field_size_limit():
        return None  # the csv module refuses such a field (or, by one \\r, may not): it decides
    returns = np.count_nonzero(raw == ord("\r"))
    if returns:
        if np.count_nonzero(raw[line_ends - 1] == ord("\r")) != returns:
            return None  # a bare carriage return
        if returns != lines:
            return _split_text(block, width, where)  # mixed line ends: rare
        line_ends = line_ends - 1
    line_starts = np.empty(lines, dtype=sep.dtype)
    line_starts[0] = 0
    line_starts[1:] = grid[:-1, -1] + 1
    spans = [(line_starts if i == 0 else grid[:, i - 1] + 1, line_ends if i == width - 1 else grid[:, i])
             for i in where]
    if any(not (end > start).all() for start, end in spans[:2]):
        return None  # an empty unit or coder: the csv path names the line
    longest = max(int((end - start).max()) for start, end in spans)
    simple = block.isascii() and np.count_nonzero(raw <= ord(" ")) == lines + returns
    if not simple or longest > 8 * MAX_WORDS:
        return _split_text(block, width, where)
    words: Array = np.ndarray((len(block),), dtype="<u8", buffer=padded, strides=(1,))
    unit, coder, value = (_gather(words, start, end - start) for start, end in spans)
    return Words(unit, coder, value)


def _gather(words: Array, start: Array, length: Array) -> Array:
    """Each field as a zero-padded byte string: 8 bytes, or as long as the longest field."""
    longest = int(length.max())
    if longest <= 8:
        single: Array = (words[start] & _LOW_BYTES[length]).view("S8")
        return single
    count = -(-longest // 8)
    out = np.empty((len(start), count), dtype="<u8")
    last = len(words) - 1
    for k in range(count):
        at = np.minimum(start + 8 * k, last)
        out[:, k] = words[at] & _LOW_BYTES[np.clip(length - 8 * k, 0, 8)]
    return out.view(f"S{8 * count}").ravel().astype(f"S{longest}")  # no padding kept per unit


def _split_text(block: bytes, width: int, where: list[int]) -> Text | None:
    """The same for a block with accents or spaces: decoded, split and stripped in Python."""
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        return None  # the csv path reports the line
    cells = text[:-1].replace("\r\n", "\n").replace("\n", ",").split(",")
    if max(map(len, cells)) > csv.field_size_limit():
        return None
    unit, coder, value = (list(map(str.strip, cells[i::width])) for i in where)
    del cells
    if "" in unit or "" in coder:
        return None
    return Text(unit, coder, value)


def factorize(keys: Array) -> tuple[list[str], Array]:
    """Distinct byte-string keys as text, in order of first appearance, and each row's
    index into them. The first rows are sorted; when they hold every key (the usual case:
    a few coders, a few categories) the rest is looked up, not sorted."""
    numbers = keys.view("<u8") if keys.dtype.itemsize == 8 else keys  # 8 bytes: compare as integers
    distinct, first = np.unique(numbers[:HEAD], return_index=True)
    at = _look_up(distinct, numbers)
    if at is None:
        distinct, first, at = np.unique(numbers, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    names = [key.decode("ascii") for key in distinct[order].view(keys.dtype).tolist()]
    return names, rank[at.reshape(-1)]


def _look_up(distinct: Array, numbers: Array) -> Array | None:
    """Each row's index into the sorted ``distinct``, or None when a row is not there.

    Integer keys go through a small hash table (a multiply and a shift: ~20x faster than
    a binary search); the table is used only if the multiplier spreads ``distinct``
    without collision, and every row is checked against what it found.
    """
    at: Array | None = None
    if numbers.dtype == np.uint64 and len(distinct) <= 4096:
        bits = np.uint64(64 - min(16, max(8, 4 + len(distinct).bit_length())))
        for multiplier in _MULTIPLIERS:
            slots = (distinct * multiplier) >> bits
            if len(np.unique(slots)) == len(distinct):
                table = np.zeros(1 << (64 - int(bits)), dtype=np.uint16)
                table[slots] = np.arange(len(distinct))
                at = table[(numbers * multiplier) >> bits]
                break
    if at is None:
        at = np.searchsorted(distinct, numbers)
        np.minimum(at, len(distinct) - 1, out=at)
    return at if np.array_equal(distinct[at], numbers) else None
