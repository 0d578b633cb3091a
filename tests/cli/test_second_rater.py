"""The second-rater workflow: .codings exchange, rounds, adjudication into consensus."""

import csv
import json
import shutil

import pytest


def code(run, quote, coder, *assignments, db_path=None):
    kwargs = {"db_path": db_path} if db_path else {}
    result = run("code", quote, "--coder", coder, *assignments, **kwargs)
    assert result.exit_code == 0, result.stderr


@pytest.fixture
def quotes(project):
    return [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]


def test_codings_move_between_copies_and_a_second_import_changes_nothing(project, run, quotes, tmp_path):
    copy = tmp_path / "copy.db"
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(run.db, copy)
    code(run, quotes[0], "bram", "transformatiedoel=normaliseren", "drie_vs+=vertrouwen", "--memo", "mooi")
    code(run, quotes[1], "bram", "valentie=negatief")
    out = tmp_path / "bram.codings"
    assert run("export", "codings", "--coder", "bram", "-o", out).exit_code == 0
    first = run("import", out, db_path=copy)
    assert first.exit_code == 0, first.stderr
    assert "bram: 3 coding(s) and 0 quote(s) added, 0 already present" in first.stderr
    second = run("import", out, db_path=copy)
    assert "0 coding(s) and 0 quote(s) added, 3 already present" in second.stderr
    rows = json.loads(run("quotes", "--json", db_path=copy).output)
    coded = {(c["coder"], c["code"]) for r in rows for c in r["codings"]}
    assert ("bram", "vertrouwen") in coded and ("bram", "negatief") in coded
    assert run("undo", "--coder", "bram", db_path=copy).exit_code == 0  # the whole import is one event
    rows = json.loads(run("quotes", "--json", db_path=copy).output)
    assert not [c for r in rows for c in r["codings"] if c["coder"] == "bram"]


def test_manual_quotes_travel_and_conflicts_are_reported_not_dropped(project, run, quotes, tmp_path):
    copy = tmp_path / "copy.db"
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(run.db, copy)
    assert run("quote", "add", "1", "0", "31", "--coder", "bram").exit_code == 0
    manual = max(r[0] for r in project.execute("SELECT id FROM quotes"))
    code(run, manual, "bram", "transformatiedoel=normaliseren")
    code(run, quotes[0], "bram", "valentie=positief")
    code(run, quotes[0], "bram", "valentie=negatief", db_path=copy)  # the copy says otherwise
    out = tmp_path / "bram.codings"
    run("export", "codings", "--coder", "bram", "-o", out)
    result = run("import", out, db_path=copy)
    assert "1 coding(s) and 1 quote(s) added" in result.stderr
    assert "not applied: valentie" in result.stderr and "kept this copy's" in result.stderr


def test_codings_from_an_unknown_document_are_listed(project, run, quotes, tmp_path):
    code(run, quotes[0], "bram", "valentie=positief")
    out = tmp_path / "bram.codings"
    run("export", "codings", "--coder", "bram", "-o", out)
    data = json.loads(out.read_text())
    for item in data["quotes"] + data["codings"]:
        item["document"] = "f" * 64
    out.write_text(json.dumps(data))
    result = run("import", out)
    assert "not applied: document" in result.stderr


def test_a_broken_codings_file_is_one_line(project, run, tmp_path):
    bad = tmp_path / "x.codings"
    bad.write_text("{nope")
    result = run("import", bad)
    assert result.exit_code == 1 and "x.codings: not a .codings file" in result.stderr


def test_rounds_sample_with_a_seed_and_lock_before_agreement(project, run, quotes):
    assert "2 quotes" in run("round", "create", "r1", "--sample", "5", "--seed", "46").output
    code(run, quotes[0], "anna", "valentie=positief")
    code(run, quotes[0], "bram", "valentie=positief")
    status = json.loads(run("round", "status", "r1", "--json").output)
    assert status["coded"] == {"anna": 1, "bram": 1} and status["seed"] == 46
    early = run("agree", "--coders", "anna,bram", "--round", "r1")
    assert early.exit_code == 2 and "lock it first" in early.stderr
    run("round", "lock", "r1")
    assert run("agree", "--coders", "anna,bram", "--round", "r1", "--json").exit_code == 0


def test_adjudication_builds_a_consensus_layer_and_keeps_the_originals(project, run, quotes):
    code(run, quotes[0], "anna", "transformatiedoel=normaliseren", "valentie=positief")
    code(run, quotes[0], "bram", "transformatiedoel=eerder_juiste_hulp", "valentie=positief")
    queue = json.loads(run("adjudicate", "queue", "--coders", "anna,bram", "--json").output)
    assert [(q["facet"], q["a"], q["b"]) for q in queue] == [
        ("transformatiedoel", ["normaliseren"], ["eerder_juiste_hulp"])]
    assert "copied 1 agreement" in run("adjudicate", "agreed", "--coders", "anna,bram").output
    done = run("adjudicate", "resolve", quotes[0], "transformatiedoel", "--coders", "anna,bram",
               "--pick", "b", "--reason", "hulp kwam eerder", "--by", "chris")
    assert "consensus = eerder_juiste_hulp" in done.output
    assert json.loads(run("adjudicate", "queue", "--coders", "anna,bram", "--json").output) == []
    layer = {(r["coder"], r["code"]) for r in project.query("SELECT coder, code FROM coded_quotes")}
    assert {("consensus", "eerder_juiste_hulp"), ("consensus", "positief"),
            ("anna", "normaliseren"), ("bram", "eerder_juiste_hulp")} <= layer
    reason = project.execute("SELECT reason, adjudicator FROM adjudications WHERE choice = 'b'").fetchone()
    assert reason == ("hulp kwam eerder", "chris")


def test_project_agreement_equals_agree_on_the_exported_table(project, run, quotes, tmp_path):
    code(run, quotes[0], "anna", "transformatiedoel=normaliseren", "drie_vs+=vertrouwen")
    code(run, quotes[1], "anna", "transformatiedoel=normaliseren")
    code(run, quotes[0], "bram", "transformatiedoel=normaliseren", "drie_vs+=vertrouwen")
    code(run, quotes[1], "bram", "transformatiedoel=eerder_juiste_hulp", "drie_vs+=vertrouwen")
    project_out = json.loads(run("agree", "--coders", "anna,bram", "--json").output)
    for variable, where in [("transformatiedoel", "facets"), ("vertrouwen", "codes")]:
        table = tmp_path / f"{variable}.csv"
        exported = run("export", "ratings", "--coders", "anna,bram", "--variable", variable, "-o", table)
        categories = exported.stderr.split("--categories ")[1].strip()
        from_table = json.loads(run("agree", "--table", table, "--categories", categories, "--json").output)
        ours = project_out[where][variable]["metrics"]
        for name, est in from_table["metrics"].items():
            if est is None:
                assert ours[name] is None
            else:
                assert ours[name]["value"] == pytest.approx(est["value"]), (variable, name)
                assert ours[name]["se"] == pytest.approx(est["se"]), (variable, name)
    with open(tmp_path / "vertrouwen.csv") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["value"] for r in rows} == {"present", "absent"}
