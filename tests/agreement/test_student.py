"""The scipy-free t quantile behind every confidence interval, against closed forms,
printed tables and scipy's own distribution function."""

from __future__ import annotations

import math

import pytest

from coder.agreement.student import EXPANSION_FROM, normal_quantile, t_quantile


@pytest.mark.parametrize("p", [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995])
def test_one_and_two_degrees_of_freedom_have_closed_forms(p):
    # df = 1 is the Cauchy distribution; df = 2 has F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-13)
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) * math.sqrt(2 / (4 * p * (1 - p))), rel=1e-13)


# Printed two-sided 95% and 99% critical values (any statistics textbook's t table).
TABLE = {(0.975, 3): 3.182, (0.975, 5): 2.571, (0.975, 10): 2.228, (0.975, 29): 2.045,
         (0.975, 30): 2.042, (0.975, 60): 2.000, (0.975, 120): 1.980, (0.95, 10): 1.812,
         (0.995, 10): 3.169, (0.995, 1): 63.657, (0.9995, 20): 3.850}


@pytest.mark.parametrize("key", sorted(TABLE))
def test_printed_table(key):
    p, df = key
    assert round(t_quantile(p, df), 3) == TABLE[key]


def test_normal_quantiles():
    assert normal_quantile(0.975) == pytest.approx(1.959963984540054, rel=1e-15)
    assert normal_quantile(0.995) == pytest.approx(2.5758293035489004, rel=1e-15)
    z = 1.959963984540054  # t approaches z as z + (z^3 + z) / (4 df) (Fisher 1925)
    assert t_quantile(0.975, 10**9) == pytest.approx(z + (z**3 + z) / 4e9, rel=1e-15)


@pytest.mark.parametrize("df", [3, 4, 7, 30, 31, 500, EXPANSION_FROM - 1, EXPANSION_FROM, 5000, 99_999])
@pytest.mark.parametrize("p", [0.95, 0.975, 0.995])
def test_scipy_distribution_function_gives_back_p(df, p):
    # scipy's stdtr (the CDF) is accurate to rounding; its inverse stdtrit is not always
    # (about 5e-9 off at df = 30, p = 0.95), so the quantile is checked through the CDF.
    special = pytest.importorskip("scipy.special")
    t = t_quantile(p, df)
    assert float(special.stdtr(df, t)) == pytest.approx(p, abs=1e-13)
    assert t == pytest.approx(float(special.stdtrit(df, p)), rel=1e-8)


def test_symmetry_and_edges():
    assert t_quantile(0.025, 12) == -t_quantile(0.975, 12)
    assert t_quantile(0.5, 7) == 0.0
    assert math.isnan(t_quantile(1.0, 5)) and math.isnan(t_quantile(0.9, 0))
