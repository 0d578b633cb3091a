"""No silently wrong statistics: non-numbers in numeric data, weights with alpha."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
from coder.agreement import agreement, ratings_from_codes
from coder.cli.base import cli

pytestmark = pytest.mark.faults
pd = pytest.importorskip("pandas")
irr_raw = pytest.importorskip("irrCAC.raw")

# Krippendorff (2011) style interval data: 3 coders, 1..5, a few missing.
GOOD = [("1", "1", "1"), ("2", "2", "3"), ("3", "3", "3"), ("4", "4", "4"), ("10", "10", "10"),
        ("20", "20", "20"), ("2", "3", ""), ("5", "5", "5"), ("3", "3", "3"), ("4", "5", "4")]


def table(tmp_path, units, name="t.csv"):
    path = tmp_path / name
    lines = ["unit,coder,value"]
    for u, values in enumerate(units):
        lines += [f"u{u},c{c},{v}" for c, v in enumerate(values)]
    path.write_text("\n".join(lines) + "\n")
    return path


def agree(path, *args):
    return CliRunner().invoke(cli, ["agree", "--table", str(path), "--json", "--ci", "none", *args])


def alpha(result) -> float:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["metrics"]["krippendorff_alpha"]["value"]


@pytest.mark.parametrize("bad", ["n/a", "NaN", "inf", "-Infinity", "twee"])
@pytest.mark.parametrize("level", ["interval", "ratio", "ordinal"])
def test_a_non_number_in_numeric_data_is_refused_and_named(tmp_path, bad, level):
    path = table(tmp_path, [*GOOD, ("3", bad, "3")])
    result = agree(path, "--level", level)
    assert result.exit_code == 2
    assert bad in result.stderr and result.stderr.count("\n") == 1
    assert "--missing" in result.stderr


def test_missing_values_named_by_the_user_are_left_out(tmp_path):
    clean_rows = [*GOOD, ("3", "", "3"), ("", "", "")]
    clean = alpha(agree(table(tmp_path, clean_rows, "clean.csv"), "--level", "interval"))
    dirty = table(tmp_path, [*GOOD, ("3", "n/a", "3"), ("NA", "n/a", "NA")], "dirty.csv")
    result = agree(dirty, "--level", "interval", "--missing", "n/a,NA")
    assert alpha(result) == pytest.approx(clean, abs=1e-12)
    assert clean == pytest.approx(0.99, abs=0.02)


def test_text_categories_with_an_order_based_level_need_their_order(tmp_path):
    path = table(tmp_path, [("laag", "laag"), ("hoog", "midden"), ("midden", "midden"), ("hoog", "hoog")])
    refused = agree(path, "--level", "ordinal")
    assert refused.exit_code == 2 and "--categories" in refused.stderr
    assert agree(path, "--level", "ordinal", "--categories", "laag,midden,hoog").exit_code == 0
    assert agree(path).exit_code == 0  # nominal needs no numbers


def random_codes(seed: int, coders: int, missing: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 5, 70)
    codes = np.where(rng.random((70, coders)) < 0.6, truth[:, None], rng.integers(0, 5, (70, coders)))
    codes[rng.random((70, coders)) < missing] = -1
    return codes


@pytest.mark.parametrize("weights", ["identity", "linear", "quadratic", "ordinal", "radical", "ratio",
                                     "circular", "bipolar"])
@pytest.mark.parametrize("coders,missing", [(2, 0.0), (3, 0.15)])
def test_alpha_with_weights_is_gwets_weighted_alpha(weights, coders, missing):
    for seed in range(3):
        codes = random_codes(seed, coders, missing)
        ours = agreement(ratings_from_codes(codes, [str(k) for k in range(1, 6)]), weights=weights)
        frame = pd.DataFrame(np.where(codes >= 0, codes + 1, np.nan))
        est = irr_raw.CAC(frame, weights=weights, categories=[1, 2, 3, 4, 5], digits=12).krippendorff()["est"]
        got = ours.metrics["krippendorff_alpha"]
        assert got.value == pytest.approx(est["coefficient_value"], abs=1e-9)
        assert got.se == pytest.approx(est["se"], abs=1e-9)
