"""Reliability data as a units x coders matrix of category indices.

Everything downstream works on small integer codes (-1 = missing) so that tables can be
built with `np.bincount` in O(units x coders) time and O(categories^2) memory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from coder.agreement.arrays import Array
from coder.errors import InputError

MISSING = -1
#: Levels of measurement whose differences are computed from the values themselves.
NUMERIC_LEVELS = ("interval", "ratio", "circular", "bipolar")


@dataclass(frozen=True)
class Ratings:
    """`codes[i, g]` is coder g's category index for unit i, or -1 when missing."""

    codes: Array
    categories: tuple[str, ...]
    coders: tuple[str, ...]
    units: tuple[str, ...] | None = None
    #: True when the category order was given (``--categories``, a codebook), not inferred.
    declared: bool = False

    @property
    def n_units(self) -> int:
        return int(self.codes.shape[0])

    @property
    def n_coders(self) -> int:
        return int(self.codes.shape[1])

    @property
    def q(self) -> int:
        return len(self.categories)

    def positions(self) -> Array:
        """Numeric position of each category: its value when all are numbers, else 1..q."""
        return category_positions(self.categories)

    def take(self, unit_index: Array) -> Ratings:
        """The same data restricted to (or resampled as) the given units."""
        return Ratings(self.codes[unit_index], self.categories, self.coders, declared=self.declared)

    def check_scale(self, level: str, weights: str) -> None:
        """Refuse data that cannot carry the level or weights asked for.

        Interval-type levels need every category to be a finite number; an order-based
        level or weights need numbers or a declared order. Otherwise categories would be
        sorted as text (1, 10, 2, n/a) and ranked: a wrong coefficient, silently.
        """
        bad = [c for c in self.categories if _as_number(c) is None]
        if not bad:
            return
        named = ", ".join(repr(c) for c in bad[:5]) + (" ..." if len(bad) > 5 else "")
        fix = f"count {','.join(bad[:5])} as missing"
        if level in NUMERIC_LEVELS:
            raise InputError(f"{level} data must be numbers, but found {named}; {fix}", params=("missing",))
        if not self.declared and (level == "ordinal" or weights != "identity"):
            scale = f"{level} data" if level != "nominal" else f"{weights} weights"
            raise InputError(f"{scale} need numbers or an order, but found {named}; {fix}, "
                             "or give the category order", params=("missing", "categories"))


def category_positions(categories: Sequence[str]) -> Array:
    numbers = [_as_number(c) for c in categories]
    if all(n is not None for n in numbers):
        return np.asarray(numbers, dtype=float)
    return np.arange(1, len(categories) + 1, dtype=float)


def order_categories(values: Iterable[str], declared: Sequence[str] | None = None) -> tuple[str, ...]:
    """Declared order when given; numeric order when every value is a number; else sorted.

    Weighted coefficients and Brennan-Prediger depend on this list (its order and its
    length), so a declared list may name categories nobody used.
    """
    seen = set(values)
    if declared:
        unknown = sorted(seen - set(declared))
        if unknown:
            raise InputError(f"values not in the category list: {', '.join(unknown[:5])}",
                             params=("categories",))
        if len(set(declared)) != len(declared):
            raise InputError("the category list names a category twice", params=("categories",))
        return tuple(declared)
    if seen and all(_as_number(v) is not None for v in seen):
        return tuple(sorted(seen, key=lambda v: float(v)))
    return tuple(sorted(seen))


def ratings_from_long(rows: Iterable[tuple[str, str, str]],
                      categories: Sequence[str] | None = None, missing: Sequence[str] = ()) -> Ratings:
    """Build ratings from (unit, coder, value) triples; an empty value (or one of
    ``missing``) means missing."""
    columns = tuple(zip(*rows))
    units, coders, values = columns if columns else ((), (), ())
    return ratings_from_columns(units, coders, [(v or "").strip() for v in values], categories, missing)


def ratings_from_columns(units: Sequence[str], coders: Sequence[str], values: Sequence[str],
                         categories: Sequence[str] | None = None, missing: Sequence[str] = ()) -> Ratings:
    """The same from three parallel columns of stripped text, the shape a large CSV is read in.

    Units and coders are numbered in order of first appearance (a unit whose ratings are
    all empty still counts as a unit); the per-row work is done by ``map`` over C-level
    dict methods and by numpy, so a million units take about a second.
    """
    unit_names, u_arr = _factorize(units)
    coder_names, c_arr = _factorize(coders)
    skip = {"", *missing}
    cats = order_categories(set(values) - skip, categories)
    lookup = {c: i for i, c in enumerate(cats)}
    lookup.update(dict.fromkeys(skip, MISSING))
    v_arr = np.fromiter(map(lookup.__getitem__, values), dtype=np.int32, count=len(values))
    rated = v_arr != MISSING
    u_arr, c_arr, v_arr = u_arr[rated], c_arr[rated], v_arr[rated]
    n_coders = max(len(coder_names), 1)
    flat = u_arr * n_coders + c_arr
    if flat.size and np.bincount(flat).max() > 1:
        values_, counts = np.unique(flat, return_counts=True)
        key = int(values_[counts > 1][0])
        raise InputError(f"coder {coder_names[key % n_coders]!r} rated unit "
                         f"{unit_names[key // n_coders]!r} more than once")
    codes = np.full((len(unit_names), len(coder_names)), MISSING, dtype=np.int32)
    codes[u_arr, c_arr] = v_arr
    return Ratings(codes, cats, coder_names, unit_names, declared=bool(categories))


def _factorize(column: Sequence[str]) -> tuple[tuple[str, ...], Array]:
    """Distinct values in order of first appearance, and each row's index into them.

    One C-level pass (``dict.setdefault`` stores each value's first row number) and an
    integer sort: the row numbers of first appearances, sorted, are the dense indices.
    """
    first: dict[str, int] = {}
    rows = np.fromiter(map(first.setdefault, column, itertools.count()), dtype=np.int64, count=len(column))
    dense = np.unique(rows, return_inverse=True)[1].reshape(-1) if len(column) else rows
    return tuple(first), dense


def ratings_from_codes(codes: Array, categories: Sequence[str],
                       coders: Sequence[str] | None = None) -> Ratings:
    """Wrap an integer matrix that is already coded (benchmarks, tests, the project layer)."""
    codes = np.asarray(codes, dtype=np.int32)
    if codes.ndim != 2:
        raise InputError("ratings must be a units x coders matrix")
    if codes.size and (codes.max() >= len(categories) or codes.min() < MISSING):
        raise InputError("a rating points outside the category list")
    names = tuple(coders) if coders else tuple(f"coder{g + 1}" for g in range(codes.shape[1]))
    return Ratings(codes, tuple(categories), names, declared=True)


def _as_number(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None
