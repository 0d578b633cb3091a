"""Reading a coefficient: interpretation bands, prevalence and bias, the kappa paradox."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from coder.agreement.estimate import Estimate
    from coder.agreement.tables import Prepared

#: Landis & Koch (1977) bands for kappa-type coefficients: (lower bound, label).
LANDIS_KOCH = ((0.81, "almost perfect"), (0.61, "substantial"), (0.41, "moderate"),
               (0.21, "fair"), (0.0, "slight"), (float("-inf"), "poor"))
#: Krippendorff (2004): rely on alpha >= .800; draw tentative conclusions from .667.
KRIPPENDORFF = ((0.800, "reliable"), (0.667, "tentative"), (float("-inf"), "unreliable"))
#: A category holding this share of all ratings makes kappa and pi unstable.
EXTREME_PREVALENCE = 0.8


def band(metric: str, value: float | None) -> str:
    """The verbal band a researcher would quote for this coefficient's value."""
    if value is None:
        return ""
    if metric == "percent_agreement":
        return ""
    table = KRIPPENDORFF if metric == "krippendorff_alpha" else LANDIS_KOCH
    return next(label for bound, label in table if value >= bound)


def diagnostics(prep: "Prepared", categories: Sequence[str],
                metrics: dict[str, "Estimate | None"]) -> dict:
    """Category shares, and for two coders on a binary variable the prevalence index,
    bias index and positive/negative agreement (Byrt, Bishop & Carlin 1993; Cicchetti &
    Feinstein 1990); a warning when skewed prevalence makes kappa misleading."""
    if prep.r == 2 and prep.complete:
        table = prep.first_pair_table
        counts = table.col_sums() + table.row_sums()
    else:
        counts = np.bincount(prep.codes[prep.rated], minlength=prep.q).astype(float)
    shares = counts / max(counts.sum(), 1.0)
    out: dict = {"category_shares": {c: float(s) for c, s in zip(categories, shares)},
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


def _binary_indices(table: np.ndarray, categories: Sequence[str]) -> dict:
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
