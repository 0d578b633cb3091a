"""Random data cross-checked against the `krippendorff` and `irrCAC` packages (test-only)."""

import numpy as np
import pytest

from coder.agreement import agreement, ratings_from_codes

krippendorff = pytest.importorskip("krippendorff")
pd = pytest.importorskip("pandas")
irr_raw = pytest.importorskip("irrCAC.raw")
irr_table = pytest.importorskip("irrCAC.table")

SEEDS = range(6)


def random_codes(seed: int, units: int, coders: int, q: int, missing: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, q, units)
    codes = np.where(rng.random((units, coders)) < 0.6, truth[:, None],
                     rng.integers(0, q, (units, coders)))
    codes[rng.random((units, coders)) < missing] = -1
    return codes


def categories(q: int) -> list[str]:
    return [str(k + 1) for k in range(q)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_matches_krippendorff_package(seed, level):
    codes = random_codes(seed, 80, 3, 5, 0.2)
    ours = agreement(ratings_from_codes(codes, categories(5)), level=level, ci="none")
    data = np.where(codes >= 0, codes + 1, np.nan).T.astype(float)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    assert ours.metrics["krippendorff_alpha"].value == pytest.approx(theirs, abs=1e-9)


def _irr_frame(codes: np.ndarray) -> "pd.DataFrame":
    return pd.DataFrame(np.where(codes >= 0, codes + 1, np.nan))


RAW = {"fleiss_kappa": "fleiss", "gwet_ac": "gwet", "conger_kappa": "conger",
       "brennan_prediger": "bp"}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("weights", ["identity", "linear", "quadratic", "ordinal", "radical",
                                     "ratio", "circular", "bipolar"])
@pytest.mark.parametrize("coders", [4, 2])
def test_multi_coder_coefficients_match_irrcac(seed, weights, coders):
    codes = random_codes(seed, 60, coders, 4, 0.15)
    ours = agreement(ratings_from_codes(codes, categories(4)), weights=weights)
    cac = irr_raw.CAC(_irr_frame(codes), weights=weights, categories=[1, 2, 3, 4], digits=12)
    for name, method in RAW.items():
        est = getattr(cac, method)()["est"]
        assert ours.metrics[name].value == pytest.approx(est["coefficient_value"], abs=1e-9), name
        assert ours.metrics[name].se == pytest.approx(est["se"], abs=1e-9), name


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("coders, missing", [(3, 0.1), (2, 0.0), (2, 0.2)])
def test_weighted_alpha_standard_error_matches_irrcac(seed, coders, missing):
    codes = random_codes(seed, 60, coders, 4, missing)
    ours = agreement(ratings_from_codes(codes, categories(4)), weights="quadratic")
    est = irr_raw.CAC(_irr_frame(codes), weights="quadratic", categories=[1, 2, 3, 4],
                      digits=12).krippendorff()["est"]
    assert ours.metrics["krippendorff_alpha"].value == pytest.approx(est["coefficient_value"], abs=1e-9)
    assert ours.metrics["krippendorff_alpha"].se == pytest.approx(est["se"], abs=1e-9)


TABLE = {"cohen_kappa": "cohen", "scott_pi": "scott", "gwet_ac": "gwet",
         "brennan_prediger": "bp", "percent_agreement": "pa2"}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("weights", ["identity", "linear", "quadratic"])
def test_two_coder_coefficients_match_irrcac_tables(seed, weights):
    codes = random_codes(seed, 120, 2, 4, 0.0)
    ours = agreement(ratings_from_codes(codes, categories(4)), weights=weights)
    table = np.zeros((4, 4))
    np.add.at(table, (codes[:, 0], codes[:, 1]), 1)
    cac = irr_table.CAC(pd.DataFrame(table), weights=weights, digits=12)
    for name, method in TABLE.items():
        est = getattr(cac, method)()["est"]
        assert ours.metrics[name].value == pytest.approx(est["coefficient_value"], abs=1e-9), name
        assert ours.metrics[name].se == pytest.approx(est["se"], abs=1e-9), name
