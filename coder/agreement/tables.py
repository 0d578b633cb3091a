"""The counting layer: per-unit sums and category tables, all built with numpy.

Nothing here allocates more than O(units x coders): category-by-category tables are
:class:`Cells`, holding only the pairs of categories that occur (a dense q x q table is
20 GB at 50,000 categories). Loops run over coder pairs only (one pass for two coders).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from coder.agreement.arrays import Array
from coder.agreement.kernel import Kernel

#: Up to this many cells a table is counted densely before keeping the non-empty ones.
DENSE_CELLS = 1 << 22


@dataclass(frozen=True)
class Cells:
    """A sparse q x q table: the cells (rows[n], cols[n]) that occur, with their counts."""

    rows: Array
    cols: Array
    counts: Array
    q: int

    @classmethod
    def count(cls, a: Array, b: Array, q: int, weights: Array | None = None) -> Cells:
        """Tally the pairs (a[n], b[n]), each with weight 1 or weights[n]."""
        key = np.asarray(a, dtype=np.int64) * q + np.asarray(b, dtype=np.int64)
        if q * q <= DENSE_CELLS:  # a small table: count densely, keep the cells that occur
            dense = np.bincount(key, weights=weights, minlength=q * q)
            cells = np.flatnonzero(dense)
            counts = dense[cells].astype(float)
        else:
            cells, inverse = np.unique(key, return_inverse=True)
            counts = np.bincount(inverse.ravel(), weights=weights, minlength=len(cells)).astype(float)
        return cls(cells // max(q, 1), cells % max(q, 1), counts, q)

    def total(self) -> float:
        return float(self.counts.sum())

    def row_sums(self) -> Array:
        return np.bincount(self.rows, weights=self.counts, minlength=self.q)

    def col_sums(self) -> Array:
        return np.bincount(self.cols, weights=self.counts, minlength=self.q)

    def weighted(self, kernel: Kernel) -> float:
        """sum over cells of count x kernel entry."""
        return float((self.counts * kernel.at(self.rows, self.cols)).sum())

    def symmetric(self) -> Cells:
        """T + T'."""
        return Cells.count(np.concatenate([self.rows, self.cols]), np.concatenate([self.cols, self.rows]),
                           self.q, np.concatenate([self.counts, self.counts]))

    def toarray(self) -> Array:
        """The dense table (only for small q: the binary indices, tests)."""
        out = np.zeros((self.q, self.q))
        np.add.at(out, (self.rows, self.cols), self.counts)
        return out


@dataclass
class Prepared:
    """Ratings of the units that have at least one rating, with the shared per-unit sums."""

    codes: Array  # n x r category indices, -1 missing
    q: int

    @cached_property
    def rated(self) -> Array:
        return self.codes >= 0

    @cached_property
    def safe(self) -> Array:
        """Codes with missing cells set to 0, for fancy indexing (always masked by `rated`)."""
        return np.where(self.rated, self.codes, 0)

    @cached_property
    def r_i(self) -> Array:
        return self.rated.sum(axis=1).astype(float)

    @property
    def n(self) -> int:
        return int(self.codes.shape[0])

    @property
    def r(self) -> int:
        return int(self.codes.shape[1])

    @cached_property
    def pairable(self) -> Array:
        return self.r_i >= 2

    @property
    def n2(self) -> int:
        return int(self.pairable.sum())

    def unit_sum(self, per_category: Array) -> Array:
        """For each unit, the sum over its ratings of `per_category[value]`."""
        return np.where(self.rated, per_category[self.safe], 0.0).sum(axis=1)

    def pair_agreement(self, w: Kernel) -> Array:
        """For each unit, the weighted number of agreeing ordered coder pairs (g != h)."""
        total = np.zeros(self.n)
        for g, h in self._pairs():
            both = self.rated[:, g] & self.rated[:, h]
            total += 2.0 * np.where(both, w.at(self.safe[:, g], self.safe[:, h]), 0.0)
        return total

    def prevalence(self) -> Array:
        """pi_k: the mean over units of each unit's share of ratings in category k."""
        weights = np.broadcast_to((1.0 / self.r_i)[:, None], self.codes.shape)[self.rated]
        return np.bincount(self.codes[self.rated], weights=weights, minlength=self.q) / self.n

    def coder_distribution(self) -> tuple[Array, Array]:
        """p_gk (each coder's share of their own ratings per category) and n_g."""
        p = np.zeros((self.r, self.q))
        n_g = self.rated.sum(axis=0).astype(float)
        for g in range(self.r):
            column = self.codes[self.rated[:, g], g]
            p[g] = np.bincount(column, minlength=self.q) / max(n_g[g], 1.0)
        return p, n_g

    def coincidences(self) -> Cells:
        """Krippendorff's coincidence matrix: pairable values, each unit weighted 1/(m_u - 1)."""
        weight = np.where(self.pairable, 1.0 / np.maximum(self.r_i - 1, 1), 0.0)
        a_parts, b_parts, w_parts = [], [], []
        for g, h in self._pairs():
            both = self.rated[:, g] & self.rated[:, h] & self.pairable
            a, b, w = self.codes[both, g], self.codes[both, h], weight[both]
            a_parts += [a, b]
            b_parts += [b, a]
            w_parts += [w, w]
        if not a_parts:
            return Cells.count(np.zeros(0, np.int64), np.zeros(0, np.int64), self.q, np.zeros(0))
        return Cells.count(np.concatenate(a_parts), np.concatenate(b_parts), self.q, np.concatenate(w_parts))

    @cached_property
    def complete(self) -> bool:
        """True when every coder rated every unit (the usual two-coder check)."""
        return bool(self.codes.min() >= 0) if self.codes.size else True

    @cached_property
    def first_pair_table(self) -> Cells:
        return self.pair_table(0, 1)

    def pair_table(self, g: int = 0, h: int = 1) -> Cells:
        """Counts of (coder g, coder h) over the units both rated."""
        if self.complete:
            a, b = self.codes[:, g], self.codes[:, h]
        else:
            both = self.rated[:, g] & self.rated[:, h]
            a, b = self.codes[both, g], self.codes[both, h]
        return Cells.count(a, b, self.q)

    def _pairs(self) -> Iterator[tuple[int, int]]:
        return ((g, h) for g in range(self.r) for h in range(g + 1, self.r))


def prepare(codes: Array, q: int) -> Prepared:
    """Drop units nobody rated and coders who rated nothing (they carry no information)."""
    codes = np.asarray(codes, dtype=np.int32)
    if codes.size and codes.min() >= 0:
        return Prepared(codes, q)
    rated = codes >= 0
    codes = codes[rated.any(axis=1)]
    codes = codes[:, (codes >= 0).any(axis=0)] if codes.size else codes
    return Prepared(np.ascontiguousarray(codes), q)
