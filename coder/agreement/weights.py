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
from coder.errors import InputError

#: The weight scheme that gives the same chance-corrected figures as each level of measurement.
LEVEL_WEIGHTS = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic",
                 "ratio": "ratio", "circular": "circular", "bipolar": "bipolar"}


def weight_matrix(name: str, positions: Array) -> Array:
    """q x q agreement weights for one of `WEIGHTS`."""
    x = np.asarray(positions, dtype=float)
    q = len(x)
    if name == "identity" or q < 2:
        return np.eye(q)
    k, l = np.meshgrid(x, x, indexing="ij")
    span = x.max() - x.min()
    if name == "linear":
        return 1 - np.abs(k - l) / span
    if name == "quadratic":
        return 1 - ((k - l) / span) ** 2
    if name == "radical":
        return 1 - np.sqrt(np.abs(k - l)) / np.sqrt(span)
    if name == "ordinal":
        rank = np.arange(q)
        steps = np.abs(rank[:, None] - rank[None, :]) + 1
        return _normalised_similarity(steps * (steps - 1) / 2)
    if name == "ratio":
        if np.any(x <= 0) and np.any(x >= 0) and np.any(x == 0):
            raise InputError("ratio weights need categories other than 0")
        return 1 - ((k - l) / (k + l)) ** 2 / (span / (x.max() + x.min())) ** 2
    if name == "circular":
        return _normalised_similarity(np.sin(np.pi * (k - l) / (span + 1)) ** 2)
    if name == "bipolar":
        return _normalised_similarity(_bipolar(k, l, x.min(), x.max()))
    raise InputError(f"unknown weights {name!r} (choose from {', '.join(WEIGHTS)})")


def difference_matrix(level: str, positions: Array, marginals: Array) -> Array:
    """Krippendorff's delta^2 for a level of measurement.

    `marginals` (the coincidence totals n_c) matter only for the ordinal metric, which
    measures the distance between two ranks by how many pairable values lie between them.
    """
    x = np.asarray(positions, dtype=float)
    q = len(x)
    k, l = np.meshgrid(x, x, indexing="ij")
    if level == "nominal":
        return 1.0 - np.eye(q)
    if level == "ordinal":
        n = np.asarray(marginals, dtype=float)
        cumulative = np.concatenate([[0.0], np.cumsum(n)])
        i, j = np.meshgrid(np.arange(q), np.arange(q), indexing="ij")
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        between = cumulative[hi + 1] - cumulative[lo] - (n[i] + n[j]) / 2
        return between ** 2
    if level == "interval":
        return (k - l) ** 2
    if level == "ratio":
        with np.errstate(invalid="ignore", divide="ignore"):
            d = ((k - l) / (k + l)) ** 2
        return np.nan_to_num(d)
    if level == "circular":
        return np.sin(np.pi * (k - l) / (x.max() - x.min() + 1)) ** 2
    if level == "bipolar":
        return _bipolar(k, l, x.min(), x.max())
    raise InputError(f"unknown level {level!r} (choose from {', '.join(LEVELS)})")


def weights_from_differences(delta: Array) -> Array:
    """Agreement weights 1 - delta/max(delta): alpha is unchanged by rescaling delta."""
    return _normalised_similarity(delta)


def _bipolar(k: Array, l: Array, lo: float, hi: float) -> Array:
    with np.errstate(invalid="ignore", divide="ignore"):
        d = (k - l) ** 2 / ((k + l - 2 * lo) * (2 * hi - k - l))
    d = np.nan_to_num(d, nan=0.0, posinf=0.0)
    np.fill_diagonal(d, 0.0)
    return d


def _normalised_similarity(distance: Array) -> Array:
    top = float(np.max(distance)) if distance.size else 0.0
    if top == 0:
        return np.ones_like(distance, dtype=float)
    return 1 - distance / top
