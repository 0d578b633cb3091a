"""A coefficient's value with its standard error and 95% confidence interval."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Estimate:
    value: float | None
    se: float | None = None
    ci95: tuple[float, float] | None = None
    pa: float | None = None
    pe: float | None = None
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": _clean(self.value),
            "ci95": [_clean(self.ci95[0]), _clean(self.ci95[1])] if self.ci95 else None,
            "se": _clean(self.se),
            "pa": _clean(self.pa),
            "pe": _clean(self.pe),
            **({"note": self.note} if self.note else {}),
        }


def t_interval(value: float, se: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """Gwet's convention: a t quantile with n - 1 degrees of freedom, capped at 1."""
    if n < 2 or not math.isfinite(se):
        return (float("nan"), float("nan"))
    from coder.agreement.student import t_quantile  # not scipy: importing it costs ~0.1 s

    half = t_quantile(0.5 + level / 2, int(n) - 1) * se
    return (value - half, min(1.0, value + half))


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None
