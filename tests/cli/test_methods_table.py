"""The reliability table reads like a methods table: labels, per-goal counts with a total
row and quote-level agreement per goal (so swaps show), a reading for every coefficient,
and the same numbers for three coders as `agree --table` on the exported ratings."""

import json

import pytest

from tests.conftest import add_text_document


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


def many_quotes(project, n):
    text = "Verslag.\n\n" + "".join(f"Iemand zegt: „Citaat nummer {i} over het wijkteam.”\n\n"
                                     for i in range(n))
    add_text_document(project, text, "Veel 2022")
    return [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]


def code(run, q, coder, *assignments):
    ok(run("code", q, "--coder", coder, *assignments))


def test_swapped_goals_show_although_the_totals_match(run, project, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = many_quotes(project, 10)
    for i, quote in enumerate(q):
        goal = "normaliseren" if i % 2 else "eerder_juiste_hulp"
        code(run, quote, "anna", f"transformatiedoel={goal}", "valentie=positief")
        swapped = {0: "normaliseren", 1: "eerder_juiste_hulp"}.get(i, goal)
        code(run, quote, "bram", f"transformatiedoel={swapped}", "valentie=positief")
    out = json.loads(ok(run("agree", "--coders", "anna,bram", "--json")).stdout)
    goal = next(g for g in out["goals"] if g["goal"] == "normaliseren")
    assert goal["counts"]["anna"]["total"] == goal["counts"]["bram"]["total"] and goal["diff_positive"] == 0
    assert goal["agreement"]["metrics"]["percent_agreement"]["value"] == pytest.approx(10 / 12)
    assert out["goal_totals"]["anna"] == {"positive": 12, "negative": 0, "neutral": 0, "total": 12}
    text = ok(run("agree", "--coders", "anna,bram")).stdout
    assert "eerder juiste hulp" in text and "Total" in text and "eerder_juiste_hulp" not in text
    assert "Which coefficient to report" in text


def test_one_quote_in_common_gets_no_verdict(run, project, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    code(run, q[0], "anna", "valentie=positief")
    code(run, q[0], "bram", "valentie=positief")
    out = json.loads(ok(run("agree", "--coders", "anna,bram", "--json")).stdout)
    assert out["facets"]["valentie"]["reading"]["krippendorff_alpha"] == "too few quotes (n = 1)"
    text = ok(run("agree", "--coders", "anna,bram")).stdout
    assert "too few quotes (n = 1)" in text and "reliable" not in text.split("Which coefficient")[0]


def test_skewed_prevalence_gets_the_kappa_paradox_warning(run, project, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = many_quotes(project, 22)
    for i, quote in enumerate(q[:24]):
        code(run, quote, "anna", "drie_vs=vertrouwen" if i < 23 else "drie_vs=verbinding")
        code(run, quote, "bram", "drie_vs=vertrouwen")
    out = json.loads(ok(run("agree", "--coders", "anna,bram", "--json")).stdout)
    entry = out["codes"]["vertrouwen"]
    assert entry["metrics"]["percent_agreement"]["value"] == pytest.approx(23 / 24)
    assert entry["paradox"] and entry["metrics"]["gwet_ac"]["value"] > 0.9
    text = ok(run("agree", "--coders", "anna,bram")).stdout
    assert "kappa paradox: read AC1" in text
    assert "warning: vertrouwen: 98% of the ratings are 'present'" in text


@pytest.fixture
def three(run, project, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = many_quotes(project, 12)
    goals = ["normaliseren", "eerder_juiste_hulp", "preventie_eigen_kracht"]
    for c, name in enumerate(("anna", "bram", "chris")):
        for i, quote in enumerate(q):
            code(run, quote, name, f"transformatiedoel={goals[(i + (c if i % 4 == 0 else 0)) % 3]}",
                 "drie_vs=vertrouwen" if (i + c) % 3 else "drie_vs=verbinding")
    return q


def test_three_coders_equal_agree_table_on_the_exported_ratings(run, three, tmp_path):
    out = json.loads(ok(run("agree", "--coders", "anna,bram,chris", "--json")).stdout)
    assert out["coders"] == ["anna", "bram", "chris"] and len(out["pairs"]) == 3
    variables = [("transformatiedoel", "facets"), ("vertrouwen", "codes"), ("verbinding", "codes")]
    for variable, where in variables:
        table = tmp_path / f"{variable}.csv"
        exported = ok(run("export", "ratings", "--coders", "anna,bram,chris", "--variable", variable,
                          "-o", table))
        categories = exported.stderr.split("--categories ")[1].strip()
        theirs = json.loads(ok(run("agree", "--table", table, "--categories", categories,
                                   "--json")).stdout)["metrics"]
        ours = out[where][variable]["metrics"]
        for name in ("fleiss_kappa", "conger_kappa", "krippendorff_alpha", "gwet_ac", "percent_agreement"):
            assert ours[name]["value"] == pytest.approx(theirs[name]["value"]), (variable, name)
            assert ours[name]["se"] == pytest.approx(theirs[name]["se"]), (variable, name)
        assert ours["cohen_kappa"] is None
    text = ok(run("agree", "--coders", "anna,bram,chris")).stdout
    assert "Fleiss κ" in text and "Pairs of coders" in text and "anna – chris" in text


def test_a_round_of_three_compares_its_members(run, three):
    ok(run("round", "create", "r3", "--coders", "anna,bram,chris", "--quotes", ",".join(map(str, three[:6]))))
    ok(run("round", "lock", "r3"))
    out = json.loads(ok(run("agree", "--round", "r3", "--json")).stdout)
    assert out["coders"] == ["anna", "bram", "chris"] and out["units"] == 6


def test_at_80_columns_every_label_and_coefficient_is_readable(run, project, monkeypatch):
    """A narrow terminal splits the table instead of cutting cells to "P…" and "0.…"."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    for i, quote in enumerate(many_quotes(project, 12)):
        goal = "normaliseren" if i % 3 else "preventie_eigen_kracht"
        code(run, quote, "anna", f"transformatiedoel={goal}", "valentie=positief")
        valence = "valentie=negatief" if i == 4 else "valentie=positief"
        code(run, quote, "bram", f"transformatiedoel={goal}", valence)
    text = ok(run("agree", "--coders", "anna,bram")).stdout
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "…" not in text.split("Which coefficient")[0]
    flat = " ".join(text.split())
    goals = json.loads(ok(run("agree", "--coders", "anna,bram", "--json")).stdout)["goals"]
    assert goals and all(word in flat.split() for g in goals for word in g["label"].split())
    assert "reading: κ" in flat  # the readings follow the table, one line per row
