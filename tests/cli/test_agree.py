"""`coder agree` on CSV files and on a project's two coders."""

import csv
import json

import pytest

from tests.agreement import published as P


def write_csv(path, header, rows):
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_table_json_has_every_metric_with_an_interval(run, tmp_path):
    path = write_csv(tmp_path / "r.csv", ["unit", "coder", "value"], P.matrix_to_rows(P.K2011_FOUR))
    result = run("agree", "--table", path, "--level", "interval", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["units"], out["coders"], out["categories"]) == (12, 4, ["1", "2", "3", "4", "5"])
    assert out["metrics"]["krippendorff_alpha"]["value"] == pytest.approx(0.8491071, abs=1e-6)
    assert out["metrics"]["cohen_kappa"] is None
    lo, hi = out["metrics"]["gwet_ac"]["ci95"]
    assert lo < out["metrics"]["gwet_ac"]["value"] <= hi <= 1


def test_table_human_output_names_bands(run, tmp_path):
    path = write_csv(tmp_path / "r.csv", ["unit", "coder", "value"], P.table_to_rows(P.COHEN_1960_TABLE))
    result = run("agree", "--table", path)
    assert result.exit_code == 0
    assert "Cohen's kappa" in result.output and "0.492" in result.output and "moderate" in result.output


def test_bootstrap_is_repeatable(run, tmp_path):
    path = write_csv(tmp_path / "r.csv", ["unit", "coder", "value"], P.table_to_rows(P.SAS_TABLE))
    first = json.loads(run("agree", "--table", path, "--ci", "bootstrap", "--json").output)
    second = json.loads(run("agree", "--table", path, "--ci", "bootstrap", "--json").output)
    assert first["metrics"]["cohen_kappa"]["ci95"] == second["metrics"]["cohen_kappa"]["ci95"]


def test_declared_categories_change_brennan_prediger(run, tmp_path):
    path = write_csv(tmp_path / "r.csv", ["unit", "coder", "value"], P.table_to_rows(P.SAS_TABLE))
    three = json.loads(run("agree", "--table", path, "--json").output)
    five = json.loads(run("agree", "--table", path, "--categories", "1,2,3,4,5", "--json").output)
    assert five["metrics"]["brennan_prediger"]["value"] > three["metrics"]["brennan_prediger"]["value"]
    assert five["metrics"]["cohen_kappa"]["value"] == pytest.approx(three["metrics"]["cohen_kappa"]["value"])


def test_segments_give_unitizing_alpha_and_overlap(run, tmp_path):
    rows = [(c, code, b, b + l) for c, code, b, l in P.K2004_UNITS]
    path = write_csv(tmp_path / "s.csv", ["coder", "code", "start", "end"], rows)
    out = json.loads(run("agree", "--segments", path, "--continuum", "150:450", "--json").output)
    assert out["u_alpha"]["pooled"] == pytest.approx(0.858665, abs=1e-6)
    assert out["segment_overlap"]["per_code"]["k"]["percent"] == 1.0


@pytest.mark.parametrize("header, rows, message", [
    (["unit", "rater", "value"], [("1", "a", "x")], "missing column(s) coder"),
    (["unit", "coder", "value"], [("1", "a", "x"), ("1", "a", "y")], "more than once"),
    (["unit", "coder", "value"], [("1", "a", "x"), ("2", "b", "y")], "two coders"),
])
def test_malformed_tables_are_one_line_errors(run, tmp_path, header, rows, message):
    path = write_csv(tmp_path / "bad.csv", header, rows)
    result = run("agree", "--table", path)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_segment_line_is_named(run, tmp_path):
    path = write_csv(tmp_path / "s.csv", ["coder", "code", "start", "end"], [("a", "c", "5", "x")])
    result = run("agree", "--segments", path, "--continuum", "0:10")
    assert result.exit_code == 2 and "line 2" in result.stderr


def _code(run, quote, coder, *assignments):
    assert run("code", quote, "--coder", coder, *assignments).exit_code == 0


def test_project_agreement_between_two_coders(project, run):
    q1, q2 = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    _code(run, q1, "anna", "transformatiedoel=normaliseren", "valentie=positief", "drie_vs+=vertrouwen")
    _code(run, q2, "anna", "transformatiedoel=normaliseren", "valentie=negatief")
    _code(run, q1, "bram", "transformatiedoel=normaliseren", "valentie=positief", "drie_vs+=vertrouwen")
    _code(run, q2, "bram", "transformatiedoel=eerder_juiste_hulp", "valentie=negatief")
    out = json.loads(run("agree", "--coders", "anna,bram", "--json").output)
    assert out["coders"] == ["anna", "bram"] and out["units"] == 2
    assert out["facets"]["valentie"]["metrics"]["percent_agreement"]["value"] == 1.0
    assert out["facets"]["transformatiedoel"]["metrics"]["percent_agreement"]["value"] == 0.5
    assert "vertrouwen" in out["codes"]
    goal = next(g for g in out["goals"] if g["goal"] == "normaliseren")
    assert (goal["a_positive"], goal["a_negative"], goal["b_positive"], goal["b_negative"]) == (1, 1, 1, 0)
    assert [(d["quote"], d["facet"], d["a"], d["b"]) for d in out["disagreements"]] == [
        (q2, "transformatiedoel", ["normaliseren"], ["eerder_juiste_hulp"])]
    human = run("agree", "--coders", "anna,bram")
    assert "1 disagreement" in human.output and "normaliseren" in human.output


def test_project_agreement_needs_known_coders(project, run):
    run("coders", "add", "anna")
    result = run("agree", "--coders", "anna,nobody")
    assert result.exit_code == 2 and "nobody" in result.stderr
