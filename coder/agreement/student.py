"""Quantiles of Student's t distribution for whole degrees of freedom, in plain Python.

Confidence intervals need one t quantile per coefficient. ``scipy.special.stdtrit``
gives it, but importing scipy costs ~0.1 s: half of what ``coder agree --table`` may
take on 100,000 units. Degrees of freedom here are always whole (units - 1), for which
the distribution function has a finite closed form (Abramowitz & Stegun 26.7.3-4); the
quantile is found from it by Newton's method. For many degrees of freedom the
Cornish-Fisher expansion (A&S 26.7.5) is exact to rounding and costs nothing.
scipy's distribution function gives back p to 1e-13 at these quantiles; scipy's own
stdtrit is off by up to ~5e-9 (tests/agreement/test_student.py).
"""

from __future__ import annotations

import math
from functools import lru_cache

#: From this many degrees of freedom on, the expansion's error is below 1e-13.
EXPANSION_FROM = 1000


@lru_cache(maxsize=64)
def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t with ``df`` (>= 1, whole) degrees of freedom."""
    if not 0.0 < p < 1.0 or df < 1:
        return math.nan
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    if df >= EXPANSION_FROM:
        return _cornish_fisher(normal_quantile(p), df)
    return _newton(2.0 * p - 1.0, df)


def normal_quantile(p: float) -> float:
    """The standard normal ``p`` quantile (p >= 0.5), by Newton's method on ``math.erfc``.

    It solves upper tail = 1 - p (no cancellation near 1). The upper tail is convex and
    falling right of 0, so Newton steps from 0 rise monotonically to the root.
    """
    tail, z = 1.0 - p, 0.0
    for _ in range(200):
        step = (0.5 * math.erfc(z / math.sqrt(2.0)) - tail) / _normal_density(z)
        z += step
        if abs(step) <= 1e-15 * max(1.0, z):
            break
    return z


def _normal_density(z: float) -> float:
    return math.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)


def _cornish_fisher(z: float, df: int) -> float:
    """t from the normal quantile z, with the terms up to df^-4 (A&S 26.7.5)."""
    z2 = z * z
    g1 = (z2 + 1.0) * z / 4.0
    g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0
    g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0
    g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0
    v = float(df)
    return z + g1 / v + g2 / v ** 2 + g3 / v ** 3 + g4 / v ** 4


def _newton(coverage: float, df: int) -> float:
    """The t > 0 with P(|T| <= t) = coverage. P is concave in t, so Newton steps from a
    point left of the root (the normal quantile: t's tails are heavier) rise monotonically."""
    t = normal_quantile(0.5 + coverage / 2.0)
    scale = math.exp(math.lgamma((df + 1) / 2.0) - math.lgamma(df / 2.0)) / math.sqrt(df * math.pi)
    for _ in range(500):
        density = scale * (1.0 + t * t / df) ** (-(df + 1) / 2.0)
        step = (_central(t, df) - coverage) / (2.0 * density)
        t -= step
        if abs(step) <= 1e-15 * t:
            break
    return t


def _central(t: float, df: int) -> float:
    """P(|T| <= t) for whole df: A&S 26.7.3 (odd df) and 26.7.4 (even df)."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 0:
        term = total = 1.0
        for k in range(1, df // 2):
            term *= c2 * (2 * k - 1) / (2 * k)
            total += term
        return math.sin(theta) * total
    if df == 1:
        return 2.0 * theta / math.pi
    term = total = 1.0
    for k in range(1, (df - 1) // 2):
        term *= c2 * (2 * k) / (2 * k + 1)
        total += term
    return 2.0 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)
