"""The whole double-coding procedure with two project files, as a research team runs it:
anna codes in the main file, hands bram a copy, bram codes blind in his copy, his codings
come back, the round is locked, agreement computed, disagreements adjudicated per code,
and the consensus exported."""

import csv
import json

import pytest

from tests.conftest import add_text_document

SECRET = "anna-twijfelt-hier"
GOALS = ["normaliseren", "eerder_juiste_hulp", "preventie_eigen_kracht"]


@pytest.fixture(autouse=True)
def nobody(monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    monkeypatch.setenv("COLUMNS", "250")


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


def test_two_copies_from_hand_off_to_consensus(run, project, tmp_path):
    text = "Verslag.\n\n" + "".join(f"Iemand zegt: „Citaat {i} over het wijkteam.”\n\n" for i in range(10))
    add_text_document(project, text, "Veel 2022")
    ok(run("round", "create", "r1", "--coders", "anna,bram", "--sample", "8", "--seed", "5"))
    round_quotes = json.loads(ok(run("round", "status", "r1", "--json")).stdout)
    assert round_quotes["quotes"] == 8
    ids = [r[0] for r in project.execute("SELECT quote_id FROM round_quotes ORDER BY quote_id")]

    # anna codes in the main file
    for i, q in enumerate(ids):
        ok(run("code", q, "--coder", "anna", f"transformatiedoel={GOALS[i % 3]}", "valentie=positief",
               "drie_vs=vertrouwen,verbinding", "--memo", SECRET))

    # the hand-off: bram's copy has the round and none of anna's work
    copy = tmp_path / "bram.db"
    ok(run("handoff", "--coder", "bram", "-o", copy))
    assert SECRET.encode() not in copy.read_bytes()
    seen = ok(run("quotes", "--json", "--coder", "bram", db_path=copy)).stdout
    assert SECRET not in seen and '"anna"' not in seen
    assert run("agree", "--coders", "anna,bram", "--by", "bram", db_path=copy).exit_code == 2
    assert json.loads(ok(run("round", "status", "r1", "--json", db_path=copy)).stdout)["coded"] == {
        "anna": 0, "bram": 0}

    # bram codes blind in his copy: the same goals but one, and only vertrouwen
    for i, q in enumerate(ids):
        goal = GOALS[(i + 1) % 3] if i == 0 else GOALS[i % 3]
        ok(run("code", q, "--coder", "bram", f"transformatiedoel={goal}", "valentie=positief",
               "drie_vs=vertrouwen", "--memo", "bram-notitie", db_path=copy))
    back = tmp_path / "bram.codings"
    ok(run("export", "codings", "--coder", "bram", "-o", back, db_path=copy))

    # back in the main file
    assert "bram: 24 coding(s)" in ok(run("import", back)).stderr
    ok(run("round", "lock", "r1"))
    out = json.loads(ok(run("agree", "--round", "r1", "--json")).stdout)
    assert out["coders"] == ["anna", "bram"] and out["units"] == 8
    assert out["facets"]["valentie"]["metrics"]["percent_agreement"]["value"] == 1
    assert out["codes"]["vertrouwen"]["metrics"]["percent_agreement"]["value"] == 1
    assert out["codes"]["verbinding"]["metrics"]["percent_agreement"]["value"] == 0
    assert out["facets"]["transformatiedoel"]["metrics"]["percent_agreement"]["value"] == pytest.approx(7 / 8)

    # adjudication: agreements (per code) go in by themselves, the rest one decision each
    ok(run("adjudicate", "agreed", "--coders", "anna,bram", "--round", "r1"))
    queue = json.loads(ok(run("adjudicate", "queue", "--coders", "anna,bram", "--round", "r1",
                              "--json")).stdout)
    assert sorted({(i["facet"], i["code"]) for i in queue}) == [("drie_vs", "verbinding"),
                                                                ("transformatiedoel", "")]
    assert len(queue) == 9
    for item in queue:
        extra = ["--code", item["code"]] if item["code"] else []
        ok(run("adjudicate", "resolve", item["quote"], item["facet"], *extra, "--coders", "anna,bram",
               "--pick", "a", "--by", "chris", "--reason", "zie memo"))
    assert json.loads(ok(run("adjudicate", "queue", "--coders", "anna,bram", "--json")).stdout) == []

    # the consensus layer is complete, holds both memos, and exports without gaps
    table = tmp_path / "consensus.csv"
    written = ok(run("export", "quotes", "--consensus", "--keys", "-o", table))
    assert "not yet adjudicated" not in written.stderr
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 8 and all(r["unresolved"] == "" for r in rows)
    assert all(set(r["drie_vs"].split(";")) == {"verbinding", "vertrouwen"} for r in rows)
    assert all(SECRET in r["memo"] and "bram-notitie" in r["memo"] for r in rows)
    report = tmp_path / "report.html"
    ok(run("report", "--consensus", "-o", report))
    html = report.read_text()
    assert "Betrouwbaarheid (ronde r1)" in html and "Nog niet beslist" not in html
