"""Every agreement coefficient, with Gwet's analytic standard errors or a bootstrap.

Missing-data conventions (documented in the README and in `coder agree --help`):
- percent agreement, Fleiss, Conger, Gwet AC1/AC2, Brennan-Prediger follow Gwet (2014):
  agreement is averaged over units with at least two ratings; prevalence uses every
  rated unit; a unit nobody rated is dropped.
- Cohen's kappa and Scott's pi are two-coder coefficients computed on the units both
  coders rated (the classical definition); `null` for any other number of coders.
- Krippendorff's alpha uses pairable values only (units with one rating drop out), each
  unit weighted 1/(m_u - 1).
When chance agreement is 1 (every rating in one category), a coefficient is 0/0: we
report 1.0 when observed agreement is also perfect (with a note saying so), else null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coder.agreement.arrays import Array
from coder.agreement.choices import CI_METHODS
from coder.agreement.data import Ratings
from coder.agreement.estimate import Estimate, t_interval
from coder.agreement.interpret import diagnostics
from coder.agreement.kernel import Kernel
from coder.agreement.tables import Cells, Prepared, prepare
from coder.agreement.weights import LEVEL_WEIGHTS, difference_matrix, weight_matrix, weights_from_differences
from coder.errors import InputError

METRICS = ("percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa", "conger_kappa",
           "krippendorff_alpha", "gwet_ac", "brennan_prediger")
BOOTSTRAP_SEED = 20261123
DEGENERATE = "all ratings fall in one category: chance agreement is 1, value set to 1"


@dataclass
class AgreementResult:
    units: int
    pairable_units: int
    coders: int
    categories: tuple[str, ...]
    weights: str
    level: str
    ci_method: str
    metrics: dict[str, Estimate | None]
    diagnostics: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "pairable_units": self.pairable_units,
            "coders": self.coders,
            "categories": list(self.categories),
            "weights": self.weights,
            "level": self.level,
            "ci": self.ci_method,
            "metrics": {k: (v.as_dict() if v else None) for k, v in self.metrics.items()},
            "diagnostics": self.diagnostics,
        }


def agreement(ratings: Ratings, *, weights: str | None = None, level: str | None = None,
              ci: str = "analytic", resamples: int = 1000, seed: int = BOOTSTRAP_SEED) -> AgreementResult:
    """All coefficients for one variable.

    `level` sets Krippendorff's metric; `weights` the agreement weights of the other
    coefficients. A level implies its weights (interval -> quadratic, ...). Weights
    without a level apply to alpha too, as Gwet's (2014) weighted alpha (irrCAC's
    krippen.alpha.raw); with neither, everything is nominal/unweighted.
    """
    if ci not in CI_METHODS:
        raise InputError(f"unknown confidence-interval method {ci!r} (choose from {', '.join(CI_METHODS)})",
                         params=("ci",))
    weighted_alpha = bool(weights) and not level and weights != "identity"
    level = "weighted" if weighted_alpha else (level or _level_for(weights))
    weights = weights or LEVEL_WEIGHTS.get(level, "identity")
    ratings.check_scale(level, weights)
    positions = ratings.positions()
    w = weight_matrix(weights, positions)
    prep = prepare(ratings.codes, ratings.q)
    if prep.n == 0 or prep.n2 == 0:
        raise InputError("no unit has ratings from two coders: agreement is undefined")
    metrics = _all_metrics(prep, w, level, positions, analytic=(ci == "analytic"))
    if ci == "bootstrap":
        metrics = _with_bootstrap(prep, w, level, positions, metrics, resamples, seed)
    return AgreementResult(
        units=prep.n, pairable_units=prep.n2, coders=prep.r, categories=ratings.categories,
        weights=weights, level=level, ci_method=ci, metrics=metrics,
        diagnostics=diagnostics(prep, ratings.categories, metrics),
    )


def _level_for(weights: str | None) -> str:
    for level, scheme in LEVEL_WEIGHTS.items():
        if scheme == weights:
            return level
    return "nominal" if weights in (None, "identity") else "interval"


def _all_metrics(prep: Prepared, w: Kernel, level: str, positions: Array,
                 analytic: bool) -> dict[str, Estimate | None]:
    """Every coefficient; ``level`` "weighted" makes alpha Gwet's weighted alpha with ``w``."""
    sums = prep.pair_agreement(w)
    two = prep.r == 2
    if two and prep.n2 == prep.n:
        return _two_complete_coders(prep, w, level, positions, analytic)
    return {
        "percent_agreement": percent_agreement(prep, sums, analytic),
        "cohen_kappa": cohen_kappa(prep, w, analytic) if two else None,
        "scott_pi": scott_pi(prep, w, analytic) if two else None,
        "fleiss_kappa": fleiss_kappa(prep, w, sums, analytic),
        "conger_kappa": conger_kappa(prep, w, sums, analytic),
        "krippendorff_alpha": (weighted_alpha(prep, w, analytic) if level == "weighted"
                               else krippendorff_alpha(prep, level, positions, analytic)),
        "gwet_ac": gwet_ac(prep, w, sums, analytic),
        "brennan_prediger": brennan_prediger(prep, w, sums, analytic),
    }


# --- the CAC family on raw ratings (Gwet 2014, chapters 2-5) -----------------------------

def _unit_agreement(prep: Prepared, sums: Array) -> tuple[float, Array]:
    """Overall pa (over pairable units) and each unit's own pa (0 when it has one rating)."""
    pairs = prep.r_i * (prep.r_i - 1)
    pa_i = np.divide(sums, pairs, out=np.zeros(prep.n), where=pairs > 0)
    return float(pa_i[prep.pairable].sum() / prep.n2), pa_i


def _cac(prep: Prepared, sums: Array, pe: float, pe_i: Array | None,
         analytic: bool) -> Estimate:
    pa, pa_i = _unit_agreement(prep, sums)
    if pe >= 1 - 1e-12:
        return _degenerate(pa, pe)
    value = (pa - pe) / (1 - pe)
    if not analytic:
        return Estimate(value, pa=pa, pe=pe)
    n = prep.n
    per_unit = (n / prep.n2) * (pa_i - pe * prep.pairable) / (1 - pe)
    if pe_i is not None:
        per_unit = per_unit - 2 * (1 - value) * (pe_i - pe) / (1 - pe)
    return _with_se(value, per_unit, n, pa, pe)


def _with_se(value: float, per_unit: Array, n: int, pa: float, pe: float) -> Estimate:
    if n < 2:
        return Estimate(value, pa=pa, pe=pe)
    var = float(((per_unit - value) ** 2).sum()) / (n * (n - 1))
    se = float(np.sqrt(max(var, 0.0)))
    return Estimate(value, se, t_interval(value, se, n), pa=pa, pe=pe)


def _degenerate(pa: float, pe: float) -> Estimate:
    if pa >= 1 - 1e-12:
        return Estimate(1.0, 0.0, (1.0, 1.0), pa=pa, pe=pe, note=DEGENERATE)
    return Estimate(None, pa=pa, pe=pe, note="chance agreement is 1: coefficient undefined")


def percent_agreement(prep: Prepared, sums: Array, analytic: bool = True) -> Estimate:
    """Share of agreeing coder pairs (mean agreement weight when weighted); no chance term."""
    return _cac(prep, sums, 0.0, None, analytic)


def fleiss_kappa(prep: Prepared, w: Kernel, sums: Array, analytic: bool = True) -> Estimate:
    """Chance agreement from the pooled category distribution (Scott's pi for m coders)."""
    pi = prep.prevalence()
    pe = w.quad(pi, pi)
    pi_w = (w.matvec(pi) + w.rmatvec(pi)) / 2
    pe_i = prep.unit_sum(pi_w) / prep.r_i
    return _cac(prep, sums, pe, pe_i, analytic)


def gwet_ac(prep: Prepared, w: Kernel, sums: Array, analytic: bool = True) -> Estimate:
    """AC1 (AC2 when weighted): chance agreement only on hard-to-classify units."""
    q = prep.q
    if q < 2:
        return _degenerate(_unit_agreement(prep, sums)[0], 1.0)
    pi = prep.prevalence()
    scale = w.total() / (q * (q - 1))
    pe = scale * float((pi * (1 - pi)).sum())
    pe_i = scale * prep.unit_sum(1 - pi) / prep.r_i
    return _cac(prep, sums, pe, pe_i, analytic)


def brennan_prediger(prep: Prepared, w: Kernel, sums: Array, analytic: bool = True) -> Estimate:
    """Chance agreement sum(w)/q^2: uniform use of the q declared categories."""
    pe = w.total() / prep.q ** 2 if prep.q >= 2 else 1.0
    return _cac(prep, sums, pe, None, analytic)


def conger_kappa(prep: Prepared, w: Kernel, sums: Array, analytic: bool = True) -> Estimate:
    """Cohen's kappa for m coders: chance from each coder's own distribution."""
    r = prep.r
    p, n_g = prep.coder_distribution()
    p_mean = p.mean(axis=0)
    # sum_kl w_kl (pbar_k pbar_l - s2_kl / r), s2 = (p'p - r pbar pbar') / (r - 1), without q x q
    own = sum(w.quad(p[g], p[g]) for g in range(r))
    pe = w.quad(p_mean, p_mean) * r / (r - 1) - own / (r * (r - 1))
    pe_i = _conger_unit_chance(prep, w, p, p_mean, n_g) if analytic else None
    return _cac(prep, sums, pe, pe_i, analytic)


def _conger_unit_chance(prep: Prepared, w: Kernel, p: Array, p_mean: Array,
                        n_g: Array) -> Array:
    """Each unit's contribution to Conger's chance agreement (Gwet 2014, eq. 5.x).

    Rewritten from the q^2 loop into one matrix product B = A W with A_gk = r*pbar_k - p_gk,
    so the cost is O(units x coders) whatever the number of categories.
    """
    n, r = prep.n, prep.r
    a = r * p_mean[None, :] - p
    b = np.stack([w.rmatvec(row) for row in a])
    scale = n / n_g
    coder_index = np.arange(r)[None, :]
    own = np.where(prep.rated, b[coder_index, prep.safe], 0.0)
    expected = (p * b).sum(axis=1)
    lam = scale[None, :] * (own - (prep.rated - (n_g / n)[None, :]) * expected[None, :])
    return lam.sum(axis=1) / (r * (r - 1))


# --- two-coder coefficients from the contingency table ----------------------------------

def _two_complete_coders(prep: Prepared, w: Kernel, level: str, positions: Array,
                         analytic: bool) -> dict[str, Estimate | None]:
    """Two coders who both rated every unit: Gwet's two-rater (contingency table) formulas.

    Values equal the raw-data formulas; standard errors divide by n rather than n - 1, as
    in Gwet's handbook chapters for two raters. Fleiss' kappa is then Scott's pi and
    Conger's kappa is Cohen's kappa.
    """
    table = prep.first_pair_table
    n = table.total()
    p = table.counts / n  # per occurring cell (k, l) = (table.rows, table.cols)
    w_cell = w.at(table.rows, table.cols)
    pa = float((w_cell * p).sum())
    q = prep.q
    pi = (table.row_sums() + table.col_sums()) / (2 * n)
    second_moment = float((p * w_cell ** 2).sum())
    cohen = cohen_kappa(prep, w, analytic)
    scott = scott_pi(prep, w, analytic)

    def finish(pe: float, spread: float | None) -> Estimate:
        if pe >= 1 - 1e-12:
            return _degenerate(pa, pe)
        value = (pa - pe) / (1 - pe)
        if not analytic or spread is None:
            return Estimate(value, pa=pa, pe=pe)
        var = spread / (n * (1 - pe) ** 2)
        se = float(np.sqrt(max(var, 0.0)))
        return Estimate(value, se, t_interval(value, se, int(n)), pa=pa, pe=pe)

    pa_est = finish(0.0, second_moment - pa ** 2)
    tw = w.total()
    bp_pe = tw / q ** 2 if q >= 2 else 1.0
    bp = finish(bp_pe, second_moment - pa ** 2)
    if q >= 2:
        scale = tw / (q * (q - 1))
        ac_pe = scale * float((pi * (1 - pi)).sum())
        ac_value = (pa - ac_pe) / (1 - ac_pe)
        term = w_cell - 2 * (1 - ac_value) * scale * (1 - (pi[table.rows] + pi[table.cols]) / 2)
        ac = finish(ac_pe, float((p * term ** 2).sum()) - (pa - 2 * (1 - ac_value) * ac_pe) ** 2)
    else:
        ac = _degenerate(pa, 1.0)
    return {
        "percent_agreement": pa_est,
        "cohen_kappa": cohen,
        "scott_pi": scott,
        "fleiss_kappa": scott,
        "conger_kappa": cohen,
        "krippendorff_alpha": (weighted_alpha(prep, w, analytic) if level == "weighted"
                               else _alpha_two_complete(table, level, positions, analytic)),
        "gwet_ac": ac,
        "brennan_prediger": bp,
    }


def _two_coder(prep: Prepared, w: Kernel, analytic: bool, pooled: bool) -> Estimate | None:
    table = prep.first_pair_table
    n = round(table.total())
    if n == 0:
        return None
    p = table.counts / n
    p1, p2 = table.row_sums() / n, table.col_sums() / n
    w_cell = w.at(table.rows, table.cols)
    pa = float((w_cell * p).sum())
    if pooled:
        pi = (p1 + p2) / 2
        pe = w.quad(pi, pi)
        row = col = w.matvec(pi)
    else:
        pe = w.quad(p1, p2)
        row, col = w.matvec(p2), w.rmatvec(p1)
    if pe >= 1 - 1e-12:
        return _degenerate(pa, pe)
    value = (pa - pe) / (1 - pe)
    if not analytic or n < 2:
        return Estimate(value, pa=pa, pe=pe)
    spread = (p * (w_cell - (1 - value) * (row[table.rows] + col[table.cols])) ** 2).sum()
    var = (spread - (pa - 2 * (1 - value) * pe) ** 2) / (n * (1 - pe) ** 2)
    se = float(np.sqrt(max(var, 0.0)))
    return Estimate(value, se, t_interval(value, se, n), pa=pa, pe=pe)


def cohen_kappa(prep: Prepared, w: Kernel, analytic: bool = True) -> Estimate | None:
    """Cohen (1960/1968): chance from each coder's own marginals, units both coders rated."""
    return _two_coder(prep, w, analytic, pooled=False)


def scott_pi(prep: Prepared, w: Kernel, analytic: bool = True) -> Estimate | None:
    """Scott (1955): chance from the mean of the two coders' marginals."""
    return _two_coder(prep, w, analytic, pooled=True)


# --- Krippendorff's alpha -----------------------------------------------------------------

def krippendorff_alpha(prep: Prepared, level: str, positions: Array,
                       analytic: bool = True) -> Estimate | None:
    """alpha = 1 - D_o/D_e from the coincidence matrix; SE from Gwet's (2014) formula."""
    o = prep.coincidences()
    if o.total() < 2:
        return None
    value, delta, point = _alpha_value(o, level, positions)
    if value is None or not analytic:
        return point
    return _alpha_se(prep, weights_from_differences(delta), value)


def _alpha_value(o: Cells, level: str, positions: Array) -> tuple[float | None, Kernel, Estimate]:
    """alpha from a coincidence matrix: (value, delta^2 matrix, point estimate)."""
    n_c = o.row_sums()
    total = float(n_c.sum())
    delta = difference_matrix(level, positions, n_c)
    d_o = o.weighted(delta) / total
    d_e = delta.quad(n_c, n_c) / (total * (total - 1))
    if d_e <= 0:
        return None, delta, _degenerate(1.0 if d_o == 0 else 0.0, 1.0)
    value = 1 - d_o / d_e
    return value, delta, Estimate(value, pa=1 - d_o, pe=1 - d_e)


def _alpha_two_complete(table: Cells, level: str, positions: Array,
                        analytic: bool) -> Estimate | None:
    """Alpha for two coders who rated every unit, from the q x q table alone.

    The coincidence matrix is T + T', and every unit's term in Gwet's variance depends
    only on its cell (k, l), so the sums over units become sums over cells.
    """
    o = table.symmetric()
    total = o.total()
    n = total / 2
    value, delta, point = _alpha_value(o, level, positions)
    if value is None or not analytic or n < 2:
        return point
    w = weights_from_differences(delta)
    pa_prime = table.weighted(w) / n  # r_i = r_mean = 2 for every unit
    eps = 1.0 / total
    pa = (1 - eps) * pa_prime + eps
    pi = o.row_sums() / total
    pe = w.quad(pi, pi)
    if pe >= 1 - 1e-12:
        return Estimate(value, pa=pa, pe=pe)
    alpha_prime = (pa_prime - pe) / (1 - pe)
    pi_w = (w.matvec(pi) + w.rmatvec(pi)) / 2
    pe_cell = (pi_w[table.rows] + pi_w[table.cols]) / 2
    cell = (w.at(table.rows, table.cols) - pe) / (1 - pe) - 2 * (1 - alpha_prime) * (pe_cell - pe) / (1 - pe)
    var = float((table.counts * (cell - alpha_prime) ** 2).sum()) / (n * (n - 1))
    se = float(np.sqrt(max(var, 0.0)))
    return Estimate(value, se, t_interval(value, se, int(n)), pa=pa, pe=pe)


def weighted_alpha(prep: Prepared, w: Kernel, analytic: bool = True) -> Estimate | None:
    """Gwet's (2014) alpha with agreement weights: (pa - pe) / (1 - pe) on pairable units,
    pa with Krippendorff's small-sample term. With the weights matching a level (quadratic
    for interval, identity for nominal) it is Krippendorff's alpha."""
    if prep.n2 == 0:
        return None
    return _alpha_se(prep, w, None, analytic)


def _alpha_se(prep: Prepared, w: Kernel, value: float | None, analytic: bool = True) -> Estimate:
    """Gwet's standard error of alpha (and, when ``value`` is None, the weighted alpha)."""
    keep = prep.pairable
    sub = Prepared(prep.codes[keep], prep.q)
    n, r_i = sub.n, sub.r_i
    r_mean = float(r_i.mean())
    eps = 1.0 / float(r_i.sum())
    sums = sub.pair_agreement(w)
    pa_prime = float((sums / (r_mean * (r_i - 1))).sum()) / n
    pa = (1 - eps) * pa_prime + eps
    pi = np.bincount(sub.codes[sub.rated], minlength=sub.q) / (n * r_mean)
    pe = w.quad(pi, pi)
    if value is None:
        if pe >= 1 - 1e-12:
            return _degenerate(pa, pe)
        value = (pa - pe) / (1 - pe)
    if pe >= 1 - 1e-12 or n < 2 or not analytic:
        return Estimate(value, pa=pa, pe=pe)
    alpha_prime = (pa_prime - pe) / (1 - pe)
    pa_i = sums / (r_mean * (r_i - 1)) - pa * (r_i - r_mean) / r_mean
    pi_w = (w.matvec(pi) + w.rmatvec(pi)) / 2
    pe_i = sub.unit_sum(pi_w) / r_mean - pe * (r_i - r_mean) / r_mean
    per_unit = (pa_i - pe) / (1 - pe) - 2 * (1 - alpha_prime) * (pe_i - pe) / (1 - pe)
    var = float(((per_unit - alpha_prime) ** 2).sum()) / (n * (n - 1))
    se = float(np.sqrt(max(var, 0.0)))
    return Estimate(value, se, t_interval(value, se, n), pa=pa, pe=pe)


# --- bootstrap -------------------------------------------------------------------------------

def _with_bootstrap(prep: Prepared, w: Kernel, level: str, positions: Array,
                    metrics: dict[str, Estimate | None], resamples: int,
                    seed: int) -> dict[str, Estimate | None]:
    """Percentile intervals from resampling units with replacement (fixed seed: repeatable)."""
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {name: [] for name in metrics}
    for _ in range(resamples):
        sample = Prepared(prep.codes[rng.integers(0, prep.n, prep.n)], prep.q)
        if sample.n2 == 0:
            continue
        for name, est in _all_metrics(sample, w, level, positions, analytic=False).items():
            if est is not None and est.value is not None:
                draws[name].append(est.value)
    out: dict[str, Estimate | None] = {}
    for name, est in metrics.items():
        values = np.asarray(draws[name])
        if est is None or est.value is None or len(values) < 2:
            out[name] = est
            continue
        lo, hi = np.percentile(values, [2.5, 97.5])
        out[name] = Estimate(est.value, float(values.std(ddof=1)), (float(lo), float(hi)),
                             pa=est.pa, pe=est.pe, note=est.note)
    return out
