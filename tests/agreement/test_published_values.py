"""Every coefficient against published worked examples, to 1e-6 where the source is exact."""

import pytest

from coder.agreement import Span, agreement, ratings_from_long, unitized_alpha
from tests.agreement import published as P


def metric(rows, name, **options):
    return agreement(ratings_from_long(rows), **options).metrics[name]


def test_krippendorff_2011_binary():
    assert metric(P.matrix_to_rows(P.K2011_BINARY), "krippendorff_alpha").value == pytest.approx(
        P.K2011_BINARY_ALPHA, abs=1e-6)


def test_krippendorff_2011_nominal_two_coders():
    assert metric(P.matrix_to_rows(P.K2011_NOMINAL), "krippendorff_alpha").value == pytest.approx(
        P.K2011_NOMINAL_ALPHA, abs=1e-6)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_krippendorff_2011_four_coders_with_missing_values(level):
    value = metric(P.matrix_to_rows(P.K2011_FOUR), "krippendorff_alpha", level=level).value
    assert value == pytest.approx(P.K2011_FOUR_ALPHA[level], abs=1e-6)


@pytest.mark.parametrize("name", ["gwet_ac", "fleiss_kappa"])
def test_gwet_handbook_four_raters_value_and_standard_error(name):
    est = metric(P.matrix_to_rows(P.K2011_FOUR), name)
    value, se = P.GWET_4RATERS[name]
    assert est.value == pytest.approx(value, abs=5e-6)
    assert est.se == pytest.approx(se, abs=5e-6)


def test_fleiss_1971():
    rows = [(str(u), f"r{g}", str(v)) for u, row in enumerate(P.FLEISS_1971) for g, v in enumerate(row)]
    assert metric(rows, "fleiss_kappa").value == pytest.approx(P.FLEISS_1971_KAPPA, abs=1e-6)


def test_fleiss_wikipedia_counts():
    rows = P.counts_to_rows(P.WIKIPEDIA_FLEISS_COUNTS)
    assert metric(rows, "fleiss_kappa").value == pytest.approx(P.WIKIPEDIA_FLEISS_KAPPA, abs=1e-6)


def test_cohen_1960():
    assert metric(P.table_to_rows(P.COHEN_1960_TABLE), "cohen_kappa").value == pytest.approx(
        P.COHEN_1960_KAPPA, abs=1e-9)


def test_cohen_kappa_and_asymptotic_se_match_sas():
    est = metric(P.table_to_rows(P.SAS_TABLE), "cohen_kappa")
    assert est.value == pytest.approx(P.SAS_KAPPA, abs=5e-5)
    assert est.se == pytest.approx(P.SAS_ASE, abs=5e-5)


def test_linear_weighted_kappa_matches_sas():
    est = metric(P.table_to_rows(P.SAS_TABLE), "cohen_kappa", weights="linear")
    assert est.value == pytest.approx(P.SAS_LINEAR_KAPPA, abs=5e-5)
    assert est.se == pytest.approx(P.SAS_LINEAR_ASE, abs=5e-5)


def test_gwet_ac1_and_ac2_on_the_abstractors_table():
    rows = P.table_to_rows(P.GWET_ABSTRACTORS)
    ac1 = metric(rows, "gwet_ac")
    assert ac1.value == pytest.approx(P.GWET_ABSTRACTORS_AC1[0], abs=5e-6)
    assert ac1.se == pytest.approx(P.GWET_ABSTRACTORS_AC1[1], abs=5e-5)
    ac2 = metric(rows, "gwet_ac", weights="quadratic")
    assert ac2.value == pytest.approx(P.GWET_ABSTRACTORS_AC2_QUADRATIC[0], abs=5e-6)
    assert ac2.se == pytest.approx(P.GWET_ABSTRACTORS_AC2_QUADRATIC[1], abs=5e-5)


def test_two_coders_fleiss_equals_scott():
    rows = P.table_to_rows(P.SAS_TABLE)
    result = agreement(ratings_from_long(rows))
    assert result.metrics["fleiss_kappa"].value == pytest.approx(result.metrics["scott_pi"].value)
    assert result.metrics["conger_kappa"].value == pytest.approx(result.metrics["cohen_kappa"].value)


def test_cohen_is_null_for_three_coders():
    rows = [(str(u), f"r{g}", str(v))
            for u, row in enumerate(P.FLEISS_1971[:, :3]) for g, v in enumerate(row)]
    result = agreement(ratings_from_long(rows))
    assert result.metrics["cohen_kappa"] is None
    assert result.metrics["scott_pi"] is None
    assert result.as_dict()["metrics"]["cohen_kappa"] is None


def _spans(units):
    return [Span(str(c), code, begin, begin + length) for c, code, begin, length in units]


def test_unitizing_alpha_krippendorff_2004():
    result = unitized_alpha(_spans(P.K2004_UNITS), 150, 450)
    assert result["per_code"]["c"]["alpha"] == pytest.approx(P.K2004_ALPHA["c"], abs=1e-6)
    assert result["per_code"]["k"]["alpha"] == pytest.approx(P.K2004_ALPHA["k"], abs=1e-6)
    assert result["pooled"] == pytest.approx(P.K2004_ALPHA["pooled"], abs=1e-6)


def test_unitizing_alpha_krippendorff_1995_examples():
    stretch = 50_000
    units = [(c, code, b * stretch, l * stretch) for c, code, b, l in P.K1995_UNITS]
    result = unitized_alpha(_spans(units), 0, 24 * stretch)
    for code, expected in P.K1995_FINE_ALPHA.items():
        assert result["per_code"][code]["alpha"] == pytest.approx(expected, abs=1e-4)
    coarse = unitized_alpha(_spans(P.K1995_UNITS), 0, 24)
    for code, expected in P.K1995_OBSERVED.items():
        assert coarse["per_code"][code]["d_o"] == pytest.approx(expected, abs=1e-5)
