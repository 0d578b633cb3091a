"""Reading a coefficient: interpretation bands, prevalence and bias, the kappa paradox."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from coder.agreement.arrays import Array
    from coder.agreement.estimate import Estimate
    from coder.agreement.tables import Prepared

#: Landis & Koch (1977) bands for kappa-type coefficients: (lower bound, label).
LANDIS_KOCH = ((0.81, "almost perfect"), (0.61, "substantial"), (0.41, "moderate"),
               (0.21, "fair"), (0.0, "slight"), (float("-inf"), "poor"))
#: Krippendorff (2004): rely on alpha >= .800; draw tentative conclusions from .667.
KRIPPENDORFF = ((0.800, "reliable"), (0.667, "tentative"), (float("-inf"), "unreliable"))
#: A category holding this share of all ratings makes kappa and pi unstable.
EXTREME_PREVALENCE = 0.8
#: Below this many units, or with a 95% interval wider than this, no verdict is given.
TOO_FEW_UNITS = 10
MAX_CI_WIDTH = 0.5


def band(metric: str, value: float | None) -> str:
    """The verbal band a researcher would quote for this coefficient's value."""
    if value is None:
        return ""
    if metric == "percent_agreement":
        return ""
    table = KRIPPENDORFF if metric == "krippendorff_alpha" else LANDIS_KOCH
    return next(label for bound, label in table if value >= bound)


def verdict(metric: str, value: float | None, ci95: Sequence[float | None] | None, n: int) -> str:
    """What a methods section may say about one coefficient: its band, or why it cannot
    say anything yet ("too few quotes" when n < 10 or the 95% interval is wider than 0.5;
    a band read off a coefficient on three quotes is not a finding)."""
    if value is None:
        return "not defined"
    if n < TOO_FEW_UNITS:
        return f"too few quotes (n = {n})"
    lo, hi = (ci95 or (None, None))[:2]
    if lo is not None and hi is not None and hi - lo > MAX_CI_WIDTH:
        return f"too few quotes (95% CI {lo:.2f} to {hi:.2f} is wider than {MAX_CI_WIDTH})"
    return band(metric, value) or "no chance correction"


def paradox(diag: dict[str, Any], metrics: dict[str, Any] | None = None) -> bool:
    """True when skewed prevalence makes kappa, pi and alpha misleading (see diagnostics):
    one category dominates and, when the values are given, alpha or kappa falls more than
    0.1 below Gwet's AC1 (with perfect agreement there is nothing to warn about)."""
    if not any(w.startswith("kappa paradox") for w in diag.get("warnings", [])):
        return False
    if not metrics:
        return True
    ac1 = (metrics.get("gwet_ac") or {}).get("value")
    kappas = ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha")
    values = [(metrics.get(m) or {}).get("value") for m in kappas]
    low: list[float] = [float(v) for v in values if v is not None]
    return ac1 is None or not low or min(low) < ac1 - 0.1


def diagnostics(prep: Prepared, categories: Sequence[str],
                metrics: dict[str, Estimate | None]) -> dict[str, Any]:
    """Category shares, and for two coders on a binary variable the prevalence index,
    bias index and positive/negative agreement (Byrt, Bishop & Carlin 1993; Cicchetti &
    Feinstein 1990); a warning when skewed prevalence makes kappa misleading."""
    if prep.r == 2 and prep.complete:
        table = prep.first_pair_table
        counts = table.col_sums() + table.row_sums()
    else:
        counts = np.bincount(prep.codes[prep.rated], minlength=prep.q).astype(float)
    shares = counts / max(counts.sum(), 1.0)
    out: dict[str, Any] = {"category_shares": {c: float(s) for c, s in zip(categories, shares)},
                 "bands": {name: band(name, est.value if est else None) for name, est in metrics.items()},
                 "warnings": []}
    if prep.q == 2 and prep.r == 2:
        out.update(_binary_indices(prep.first_pair_table.toarray(), categories))
    top = float(shares.max()) if len(shares) else 0.0
    if top >= EXTREME_PREVALENCE and prep.q >= 2:
        category = categories[int(shares.argmax())]
        out["warnings"].append(
            f"kappa paradox: {top:.0%} of ratings are {category!r}; kappa, pi and alpha "
            "can be low despite high agreement; read them with Gwet's AC and "
            "positive/negative agreement")
    return out


def _binary_indices(table: Array, categories: Sequence[str]) -> dict[str, Any]:
    """The last category counts as 'positive' (present, 1, ja)."""
    n = float(table.sum())
    if n == 0:
        return {}
    d, c, b, a = table[0, 0], table[0, 1], table[1, 0], table[1, 1]
    positive = 2 * a / (2 * a + b + c) if (2 * a + b + c) else None
    negative = 2 * d / (2 * d + b + c) if (2 * d + b + c) else None
    return {
        "positive_category": categories[1],
        "prevalence_index": float(abs(a - d) / n),
        "bias_index": float(abs(b - c) / n),
        "positive_agreement": None if positive is None else float(positive),
        "negative_agreement": None if negative is None else float(negative),
    }
