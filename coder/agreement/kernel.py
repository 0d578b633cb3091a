"""A q x q matrix of weights or differences that need not be stored.

With tens of thousands of categories a dense q x q matrix does not fit in memory
(50,000 categories: 20 GB per matrix), yet every coefficient only needs the matrix at the
category pairs that occur, or in products with a vector. A :class:`Kernel` gives exactly
that: its value at index pairs, ``K @ v``, ``u @ K @ v``, its sum and its maximum. Small
matrices are built once and used densely (the same arithmetic as a plain array); large
ones are evaluated a block of rows at a time, so memory stays O(q x block). Kernels of the
form a + b*[i == j] (the identity and the nominal difference: by far the common case with
many categories) have closed forms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from coder.agreement.arrays import Array

#: Up to this many categories a kernel is a dense array (2,048^2 doubles = 32 MB).
DENSE_MAX = 2048
#: Rows evaluated at once for a large kernel.
BLOCK = 256

Entry = Callable[[Array, Array], Array]


class Kernel:
    """Entries ``fn(i, j)`` for category indices i, j (broadcast arrays) of a q x q matrix."""

    def __init__(self, q: int, fn: Entry, *, affine: tuple[float, float] | None = None,
                 squared: tuple[Array, float, float] | None = None) -> None:
        self.q = q
        self.fn = fn
        self.affine = affine  # (a, b): every entry is a + b * [i == j]
        self.squared = squared  # (x, a, b): every entry is a + b * (x_i - x_j)^2
        self.dense: Array | None = None
        if q <= DENSE_MAX:
            index = np.arange(q)
            self.dense = np.asarray(fn(index[:, None], index[None, :]), dtype=float) * np.ones((q, q))

    @classmethod
    def eye(cls, q: int) -> Kernel:
        return cls.diagonal(q, 0.0, 1.0)

    @classmethod
    def diagonal(cls, q: int, a: float, b: float) -> Kernel:
        """Entries a off the diagonal and a + b on it."""
        return cls(q, lambda i, j: a + b * (np.asarray(i) == np.asarray(j)), affine=(a, b))

    @classmethod
    def from_array(cls, matrix: Array) -> Kernel:
        matrix = np.asarray(matrix, dtype=float)
        kernel = cls(0, lambda i, j: matrix[i, j])
        kernel.q, kernel.dense = matrix.shape[0], matrix
        return kernel

    @classmethod
    def square_distance(cls, x: Array, a: float = 0.0, b: float = 1.0) -> Kernel:
        """Entries a + b * (x_i - x_j)^2 (interval differences, quadratic weights)."""
        x = np.asarray(x, dtype=float)
        return cls(len(x), lambda i, j: a + b * (x[i] - x[j]) ** 2, squared=(x, a, b))

    def scaled(self, offset: float, factor: float) -> Kernel:
        """offset + factor * K, keeping a closed form when there is one."""
        if self.affine:
            a, b = self.affine
            return Kernel.diagonal(self.q, offset + factor * a, factor * b)
        if self.squared:
            x, a, b = self.squared
            return Kernel.square_distance(x, offset + factor * a, factor * b)
        return self.map(lambda d: offset + factor * d)

    def at(self, i: Array, j: Array) -> Array:
        """The entries at index pairs (i[n], j[n])."""
        if self.dense is not None:
            return self.dense[i, j]
        return np.asarray(self.fn(np.asarray(i), np.asarray(j)), dtype=float) * np.ones(np.shape(i))

    def matvec(self, v: Array) -> Array:
        """K @ v."""
        if self.affine:
            a, b = self.affine
            return a * float(np.sum(v)) + b * np.asarray(v, dtype=float)
        if self.squared and self.dense is None:
            x, a, b = self.squared
            total, first, second = float(np.sum(v)), float(x @ v), float((x * x) @ v)
            return a * total + b * (x * x * total - 2 * x * first + second)
        if self.dense is not None:
            return self.dense @ v
        return np.concatenate([block @ v for _, block in self._blocks()])

    def rmatvec(self, v: Array) -> Array:
        """K.T @ v."""
        if self.affine or (self.squared and self.dense is None):
            return self.matvec(v)  # symmetric
        if self.dense is not None:
            return self.dense.T @ v
        out = np.zeros(self.q)
        for start, block in self._blocks():
            out += v[start:start + len(block)] @ block
        return out

    def quad(self, u: Array, v: Array) -> float:
        """u @ K @ v."""
        if self.dense is not None:
            return float(u @ self.dense @ v)
        return float(u @ self.matvec(v))

    def total(self) -> float:
        if self.affine:
            a, b = self.affine
            return a * self.q ** 2 + b * self.q
        if self.squared and self.dense is None:
            return float(np.sum(self.matvec(np.ones(self.q))))
        if self.dense is not None:
            return float(self.dense.sum())
        return float(sum(block.sum() for _, block in self._blocks()))

    def max(self) -> float:
        if self.q == 0:
            return 0.0
        if self.affine:
            a, b = self.affine
            return max(a, a + b) if self.q > 1 else a + b
        if self.squared and self.dense is None:
            x, a, b = self.squared
            return max(a, a + b * float(x.max() - x.min()) ** 2)
        if self.dense is not None:
            return float(self.dense.max())
        return float(max(block.max() for _, block in self._blocks()))

    def map(self, func: Callable[[Array], Array]) -> Kernel:
        """The kernel with ``func`` applied to every entry."""
        if self.affine:
            a, b = self.affine
            off, on = (float(v) for v in func(np.array([a, a + b], dtype=float)))
            return Kernel.diagonal(self.q, off, on - off)
        if self.dense is not None:
            return Kernel.from_array(func(self.dense))
        return Kernel(self.q, lambda i, j: func(self.at(i, j)))

    def _blocks(self) -> Iterator[tuple[int, Array]]:
        columns = np.arange(self.q)[None, :]
        for start in range(0, self.q, BLOCK):
            rows = np.arange(start, min(start + BLOCK, self.q))[:, None]
            yield start, np.asarray(self.fn(rows, columns), dtype=float) * np.ones((len(rows), self.q))
