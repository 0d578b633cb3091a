"""Invariants every coefficient must keep, on data hypothesis makes up."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.agreement import METRICS, agreement, ratings_from_codes

CATS = ["a", "b", "c", "d"]


@st.composite
def reliability_data(draw, min_coders=2, max_coders=4):
    units = draw(st.integers(3, 25))
    coders = draw(st.integers(min_coders, max_coders))
    cells = draw(st.lists(st.integers(-1, len(CATS) - 1), min_size=units * coders,
                          max_size=units * coders))
    codes = np.asarray(cells).reshape(units, coders)
    codes[:, :2] = np.where(codes[:, :2] < 0, 0, codes[:, :2])  # every unit pairable
    return codes


def values(codes, **options):
    result = agreement(ratings_from_codes(codes, CATS), ci="none", **options)
    return {k: (v.value if v else None) for k, v in result.metrics.items()}


def same(a, b):
    assert a.keys() == b.keys()
    for name in a:
        if a[name] is None or b[name] is None:
            assert a[name] is None and b[name] is None, name
        else:
            assert a[name] == pytest.approx(b[name], abs=1e-9), name


@given(st.integers(3, 30), st.integers(2, 5), st.data())
def test_perfect_agreement_gives_one(units, coders, data):
    truth = np.asarray(data.draw(st.lists(st.integers(0, 3), min_size=units, max_size=units)))
    if len(set(truth)) < 2:
        truth[0], truth[1] = 0, 1
    codes = np.repeat(truth[:, None], coders, axis=1)
    for name, value in values(codes).items():
        if value is not None:
            assert value == pytest.approx(1.0), name


@settings(max_examples=60)
@given(reliability_data(), st.permutations(range(len(CATS))))
def test_relabelling_categories_changes_nothing_when_nominal(codes, perm):
    relabelled = np.where(codes >= 0, np.asarray(perm)[np.maximum(codes, 0)], -1)
    same(values(codes), values(relabelled))


@settings(max_examples=60)
@given(reliability_data(), st.randoms(use_true_random=False))
def test_unit_order_changes_nothing(codes, rnd):
    order = list(range(len(codes)))
    rnd.shuffle(order)
    for weights in ("identity", "quadratic"):
        same(values(codes, weights=weights), values(codes[order], weights=weights))


@settings(max_examples=60)
@given(reliability_data(), st.randoms(use_true_random=False))
def test_permuting_coders_changes_nothing(codes, rnd):
    """Even Cohen's and Conger's kappa, which use each coder's own marginals, are symmetric."""
    order = list(range(codes.shape[1]))
    rnd.shuffle(order)
    same(values(codes), values(codes[:, order]))


def test_metric_names_are_stable():
    assert METRICS == ("percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa",
                       "conger_kappa", "krippendorff_alpha", "gwet_ac", "brennan_prediger")


def test_one_category_for_everyone_is_reported_as_one_with_a_note():
    codes = np.zeros((10, 2), dtype=int)
    result = agreement(ratings_from_codes(codes, CATS[:1]))
    kappa = result.metrics["cohen_kappa"]
    assert kappa.value == 1.0 and "one category" in kappa.note


def test_no_pairable_unit_is_a_clear_error():
    from coder.errors import InputError
    codes = np.array([[0, -1], [-1, 1]])
    with pytest.raises(InputError, match="two coders"):
        agreement(ratings_from_codes(codes, CATS))


def test_skewed_prevalence_warns_about_the_kappa_paradox():
    codes = np.array([[1, 1]] * 17 + [[0, 1], [1, 0], [0, 0]])
    result = agreement(ratings_from_codes(codes, ["0", "1"]))
    assert any("paradox" in w for w in result.diagnostics["warnings"])
    assert result.diagnostics["prevalence_index"] == pytest.approx(16 / 20)
