"""Agreement weights (Gwet's eight schemes) and Krippendorff's difference functions.

Weights are *agreement* weights in [0, 1] with 1 on the diagonal; Krippendorff's
metrics are squared *differences* (delta^2). Both take the ordered category positions
(`Ratings.positions()`: the values when numeric, else 1..q), so the category order given
on the command line or in the codebook decides what "adjacent" means.
"""

from __future__ import annotations

import numpy as np

from coder.agreement.arrays import Array
from coder.agreement.choices import LEVELS, WEIGHTS
from coder.agreement.kernel import Kernel
from coder.errors import InputError

#: The weight scheme that gives the same chance-corrected figures as each level of measurement.
LEVEL_WEIGHTS = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic",
                 "ratio": "ratio", "circular": "circular", "bipolar": "bipolar"}


def weight_matrix(name: str, positions: Array) -> Kernel:
    """q x q agreement weights for one of `WEIGHTS` (a :class:`Kernel`: never stored when large)."""
    x = np.asarray(positions, dtype=float)
    q = len(x)
    if name == "identity" or q < 2:
        return Kernel.eye(q)
    span = x.max() - x.min()
    if name == "linear":
        return Kernel(q, lambda i, j: 1 - np.abs(x[i] - x[j]) / span)
    if name == "quadratic":
        return Kernel.square_distance(x, 1.0, -1.0 / span ** 2)
    if name == "radical":
        return Kernel(q, lambda i, j: 1 - np.sqrt(np.abs(x[i] - x[j])) / np.sqrt(span))
    if name == "ordinal":
        def steps(i: Array, j: Array) -> Array:
            s = np.abs(i - j) + 1
            return s * (s - 1) / 2
        return _normalised_similarity(Kernel(q, steps))
    if name == "ratio":
        if np.any(x <= 0) and np.any(x >= 0) and np.any(x == 0):
            raise InputError("ratio weights need categories other than 0")
        scale = (span / (x.max() + x.min())) ** 2
        return Kernel(q, lambda i, j: 1 - ((x[i] - x[j]) / (x[i] + x[j])) ** 2 / scale)
    if name == "circular":
        return _normalised_similarity(Kernel(q, lambda i, j: np.sin(np.pi * (x[i] - x[j]) / (span + 1)) ** 2))
    if name == "bipolar":
        return _normalised_similarity(Kernel(q, lambda i, j: _bipolar(x[i], x[j], x.min(), x.max())))
    raise InputError(f"unknown weights {name!r} (choose from {', '.join(WEIGHTS)})")


def difference_matrix(level: str, positions: Array, marginals: Array) -> Kernel:
    """Krippendorff's delta^2 for a level of measurement.

    `marginals` (the coincidence totals n_c) matter only for the ordinal metric, which
    measures the distance between two ranks by how many pairable values lie between them.
    """
    x = np.asarray(positions, dtype=float)
    q = len(x)
    if level == "nominal":
        return Kernel.diagonal(q, 1.0, -1.0)
    if level == "ordinal":
        n = np.asarray(marginals, dtype=float)
        cumulative = np.concatenate([[0.0], np.cumsum(n)])

        def between(i: Array, j: Array) -> Array:
            lo, hi = np.minimum(i, j), np.maximum(i, j)
            return (cumulative[hi + 1] - cumulative[lo] - (n[i] + n[j]) / 2) ** 2
        return Kernel(q, between)
    if level == "interval":
        return Kernel.square_distance(x)
    if level == "ratio":
        def ratio(i: Array, j: Array) -> Array:
            with np.errstate(invalid="ignore", divide="ignore"):
                d = ((x[i] - x[j]) / (x[i] + x[j])) ** 2
            return np.nan_to_num(d)
        return Kernel(q, ratio)
    if level == "circular":
        return Kernel(q, lambda i, j: np.sin(np.pi * (x[i] - x[j]) / (x.max() - x.min() + 1)) ** 2)
    if level == "bipolar":
        return Kernel(q, lambda i, j: _bipolar(x[i], x[j], x.min(), x.max()))
    raise InputError(f"unknown level {level!r} (choose from {', '.join(LEVELS)})")


def weights_from_differences(delta: Kernel) -> Kernel:
    """Agreement weights 1 - delta/max(delta): alpha is unchanged by rescaling delta."""
    return _normalised_similarity(delta)


def _bipolar(k: Array, l: Array, lo: float, hi: float) -> Array:
    with np.errstate(invalid="ignore", divide="ignore"):
        d = (k - l) ** 2 / ((k + l - 2 * lo) * (2 * hi - k - l))
    d = np.nan_to_num(d, nan=0.0, posinf=0.0)
    return np.where(k == l, 0.0, d)


def _normalised_similarity(distance: Kernel) -> Kernel:
    top = distance.max()
    if top == 0:
        return distance.scaled(1.0, 0.0)
    return distance.scaled(1.0, -1.0 / top)
