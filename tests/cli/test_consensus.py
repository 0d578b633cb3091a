"""Consensus per code: what both coders gave goes in by itself, each code only one gave is
its own decision, memos travel with decisions, undecided facets are marked in exports."""

import csv
import json

import pytest


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture
def disputed(project, run, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    ok(run("code", q[0], "--coder", "anna", "drie_vs=vertrouwen,verantwoordelijkheid", "valentie=positief",
           "--memo", "anna: sterk"))
    ok(run("code", q[0], "--coder", "bram", "drie_vs=vertrouwen", "valentie=negatief",
           "--memo", "bram: twijfel"))
    ok(run("code", q[1], "--coder", "anna", "valentie=negatief"))
    ok(run("code", q[1], "--coder", "bram", "valentie=negatief"))
    return q


def consensus(project, quote):
    return sorted(r[0] for r in project.execute(
        "SELECT code FROM coded_quotes WHERE coder = 'consensus' AND quote_id = ?", [quote]))


def test_a_code_both_gave_goes_into_consensus(run, project, disputed):
    queue = json.loads(ok(run("adjudicate", "queue", "--coders", "anna,bram", "--json")).stdout)
    assert sorted((i["facet"], i["code"], i["a"], i["b"]) for i in queue) == [
        ("drie_vs", "verantwoordelijkheid", ["verantwoordelijkheid"], []),
        ("valentie", "", ["positief"], ["negatief"])]
    assert "copied 2 agreement" in ok(run("adjudicate", "agreed", "--coders", "anna,bram")).stdout
    assert consensus(project, disputed[0]) == ["vertrouwen"]
    assert consensus(project, disputed[1]) == ["negatief"]
    memo = project.execute("SELECT memo FROM codings c JOIN coders k ON k.id = c.coder_id"
                           " WHERE k.name = 'consensus' AND code = 'vertrouwen'").fetchone()[0]
    assert "anna: anna: sterk" in memo and "bram: bram: twijfel" in memo


def test_each_code_one_coder_gave_is_decided_alone(run, project, disputed):
    ok(run("adjudicate", "agreed", "--coders", "anna,bram"))
    missing = run("adjudicate", "resolve", disputed[0], "drie_vs", "--coders", "anna,bram", "--pick", "a")
    assert missing.exit_code == 2 and "--code" in missing.stderr
    done = ok(run("adjudicate", "resolve", disputed[0], "drie_vs", "--code", "verantwoordelijkheid",
                  "--coders", "anna,bram", "--pick", "a", "--by", "chris", "--reason", "regie bij de cliënt"))
    assert "consensus = verantwoordelijkheid,vertrouwen" in done.stdout
    ok(run("adjudicate", "resolve", disputed[0], "drie_vs", "--code", "verantwoordelijkheid",
           "--coders", "anna,bram", "--pick", "b"))  # changed their mind: B did not give it
    assert consensus(project, disputed[0]) == ["vertrouwen"]
    row = project.execute(
        "SELECT memos, choice FROM adjudications WHERE code = 'verantwoordelijkheid'").fetchone()
    assert json.loads(row[0]) == {"anna": "anna: sterk"} and row[1] == "b"


def test_exports_mark_quotes_with_undecided_facets(run, project, disputed, tmp_path):
    ok(run("adjudicate", "agreed", "--coders", "anna,bram"))
    out = tmp_path / "q.csv"
    result = ok(run("export", "quotes", "--consensus", "--keys", "-o", out))
    assert "1 with facets not yet adjudicated" in result.stderr
    rows = {int(r["quote_id"]): r for r in csv.DictReader(out.read_text(encoding="utf-8").splitlines())}
    assert rows[disputed[0]]["unresolved"] == "valentie;drie_vs" and rows[disputed[0]]["valentie"] == ""
    assert rows[disputed[1]]["unresolved"] == ""
    labelled = tmp_path / "labels.csv"
    ok(run("export", "quotes", "--consensus", "-o", labelled))
    shown = list(csv.DictReader(labelled.read_text(encoding="utf-8").splitlines()))
    assert "Nog niet beslist" in shown[0] and "Quote-nr." in shown[0]
    open_facets = {r["Nog niet beslist"] for r in shown if r["Nog niet beslist"]}
    assert len(open_facets) == 1 and "valentie" not in next(iter(open_facets))  # facet labels, not keys
    html = tmp_path / "r.html"
    ok(run("report", "--consensus", "-o", html))
    assert "Nog niet beslist" in html.read_text()


def test_qdpx_round_trip_restores_the_consensus_layer(run, project, disputed, tmp_path):
    ok(run("adjudicate", "agreed", "--coders", "anna,bram"))
    qdpx = tmp_path / "p.qdpx"
    ok(run("export", "qdpx", "-o", qdpx))
    fresh = tmp_path / "fresh.db"
    ok(run("import", qdpx, db_path=fresh))
    coders = json.loads(ok(run("coders", "list", "--json", db_path=fresh)).stdout)
    assert {c["name"]: c["kind"] for c in coders}["consensus"] == "consensus"


def test_a_quote_one_coder_dismissed_and_the_other_coded_waits_in_the_queue(run, project, tmp_path,
                                                                             monkeypatch):
    """Whether a candidate is a quote at all is a disagreement too: it must be decided, not
    vanish from the queue and from the consensus export."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    ok(run("code", q[0], "--coder", "anna", "valentie=positief", "drie_vs+=vertrouwen"))
    ok(run("quote", "dismiss", q[0], "--coder", "bram", "--reason", "kop"))
    ok(run("quote", "dismiss", q[1], "--coder", "anna"))  # both dismissed: agreed, nothing to decide
    ok(run("quote", "dismiss", q[1], "--coder", "bram"))
    queue = json.loads(ok(run("adjudicate", "queue", "--coders", "anna,bram", "--json")).stdout)
    assert sorted((i["quote"], i["facet"], i["code"], i["a"], i["b"], i["kind"]) for i in queue) == [
        (q[0], "drie_vs", "vertrouwen", ["vertrouwen"], [], "not a quote for bram"),
        (q[0], "valentie", "", ["positief"], [], "not a quote for bram")]
    out = tmp_path / "q.csv"
    ok(run("adjudicate", "resolve", q[0], "valentie", "--coders", "anna,bram", "--pick", "b"))
    ok(run("export", "quotes", "--consensus", "--keys", "-o", out))
    rows = {int(r["quote_id"]): r for r in csv.DictReader(out.read_text(encoding="utf-8").splitlines())}
    assert rows[q[0]]["unresolved"] == "drie_vs" and q[1] not in rows
    ok(run("adjudicate", "resolve", q[0], "drie_vs", "--code", "vertrouwen", "--coders", "anna,bram",
           "--pick", "b"))
    assert json.loads(ok(run("adjudicate", "queue", "--coders", "anna,bram", "--json")).stdout) == []
    assert consensus(project, q[0]) == []


def _unresolved_column(run, tmp_path):
    out = tmp_path / "consensus.csv"
    ok(run("export", "quotes", "--consensus", "--keys", "--force", "-o", out))
    rows = csv.DictReader(out.read_text(encoding="utf-8").splitlines())
    return {int(r["quote_id"]): r["unresolved"] for r in rows}


def _settled_r1(run, project):
    """Round r1 (anna, bram) on the first quote, agreed, locked and adjudicated; the quote ids."""
    q = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    ok(run("round", "create", "r1", "--coders", "anna,bram", "--quotes", str(q[0])))
    for who in ("anna", "bram"):
        ok(run("code", q[0], "--coder", who, "valentie=positief"))
    ok(run("round", "lock", "r1"))
    ok(run("adjudicate", "agreed", "--coders", "anna,bram"))
    return q


def test_a_locked_rounds_disagreements_are_unresolved_before_its_pair_adjudicates(run, project, tmp_path,
                                                                                  monkeypatch):
    """r1 (anna, bram) is adjudicated; r2 (anna, chris) is locked but nobody has started on
    it: its differences are open decisions, not quotes missing from the consensus."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = _settled_r1(run, project)
    assert _unresolved_column(run, tmp_path) == {q[0]: ""}
    ok(run("round", "create", "r2", "--coders", "anna,chris", "--quotes", str(q[1])))
    ok(run("code", q[1], "--coder", "anna", "valentie=positief"))
    ok(run("code", q[1], "--coder", "chris", "valentie=negatief"))
    ok(run("round", "lock", "r2"))
    assert _unresolved_column(run, tmp_path) == {q[0]: "", q[1]: "valentie"}
    ok(run("adjudicate", "resolve", q[1], "valentie", "--coders", "anna,chris", "--pick", "b"))
    assert _unresolved_column(run, tmp_path) == {q[0]: "", q[1]: ""}


def test_a_quote_the_pair_disagrees_on_entirely_is_unresolved_before_its_first_decision(
        run, project, tmp_path, monkeypatch):
    """Without rounds: 'adjudicate agreed' touches only quotes with an agreement; a quote
    with none must still show up as undecided, not be left out of the consensus export."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    for who in ("anna", "bram"):
        ok(run("code", q[0], "--coder", who, "valentie=negatief"))
    ok(run("code", q[1], "--coder", "anna", "valentie=positief"))
    ok(run("code", q[1], "--coder", "bram", "valentie=negatief"))
    ok(run("adjudicate", "agreed", "--coders", "anna,bram"))
    assert _unresolved_column(run, tmp_path) == {q[0]: "", q[1]: "valentie"}


def test_an_open_rounds_differences_stay_out_of_the_consensus_export(run, project, tmp_path, monkeypatch):
    """Blind coding: which facets differ in an open round would tell its coders too much."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    q = _settled_r1(run, project)
    ok(run("round", "create", "r2", "--coders", "anna,bram", "--quotes", str(q[1])))
    ok(run("code", q[1], "--coder", "anna", "valentie=positief"))
    ok(run("code", q[1], "--coder", "bram", "valentie=negatief"))
    assert _unresolved_column(run, tmp_path) == {q[0]: ""}
    ok(run("round", "lock", "r2"))
    assert _unresolved_column(run, tmp_path) == {q[0]: "", q[1]: "valentie"}
