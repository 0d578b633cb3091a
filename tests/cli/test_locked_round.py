"""A locked round never changes: its members' codes and dismissals are frozen (issue 16).

Each test is what a coder types, in order; the database and the agreement figures are
compared before and after the refused command.
"""

from __future__ import annotations

import json

import pytest

from coder.exchange.codings import import_codings
from tests.conftest import add_text_document

MORE = ("Verslag Wijkteam Elst 2022\n\n"
        "Een moeder: „Ik werd snel geholpen door het team.”\n\n"
        "Een vader: „Niemand belde terug, het duurde weken.”\n")


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def snapshot(project):
    """Everything a member's judgement lives in, plus the length of the log."""
    return (sorted(project.execute("SELECT quote_id, coder_id, facet, code FROM codings")),
            sorted(project.execute("SELECT quote_id, coder_id FROM dismissals")),
            project.execute("SELECT COUNT(*) FROM events").fetchone()[0])


@pytest.fixture
def locked(project, run, monkeypatch):
    """Round 'steek' (anna, bram) over three quotes, both coded them all, locked.
    Quote ids: the round's three, then one outside it."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    add_text_document(project, MORE, "Elst 2022")
    ids = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    inside, outside = ids[:3], ids[3]
    ok(run("round", "create", "steek", "--coders", "anna,bram", "--quotes", ",".join(map(str, inside))))
    for q in inside:
        ok(run("code", q, "--coder", "anna", "valentie=positief"))
        ok(run("code", q, "--coder", "bram", "valentie=positief" if q != inside[0] else "valentie=negatief"))
    ok(run("round", "lock", "steek"))
    return inside, outside


def agreement(run):
    out = json.loads(ok(run("agree", "--round", "steek", "--json")).output)
    return {k: v for k, v in out.items() if k != "round"}


def frozen(quote, coder="anna"):
    return f"quote {quote} is in locked round 'steek': {coder}'s codes on it are frozen"


@pytest.mark.parametrize("command", [
    ["code", "{q}", "--coder", "anna", "valentie=negatief"],
    ["code", "{q}", "--coder", "anna", "valentie="],
    ["code", "{q}", "--coder", "anna", "drie_vs+=vertrouwen"],
    ["quote", "dismiss", "{q}", "--coder", "anna"],
])
def test_lock_then_change_is_refused_and_nothing_moves(project, run, locked, command):
    q = locked[0][1]
    before, figures = snapshot(project), agreement(run)
    result = run(*[part.format(q=q) for part in command])
    assert result.exit_code == 2
    assert frozen(q) in result.output
    assert snapshot(project) == before
    assert agreement(run) == figures


def test_undo_of_a_coding_made_before_the_lock_is_refused(project, run, locked):
    before = snapshot(project)
    result = run("undo", "--coder", "bram")
    assert result.exit_code != 0
    assert "cannot undo coding.change" in result.output and frozen(locked[0][2], "bram") in result.output
    assert snapshot(project) == before


def test_undismiss_on_a_locked_round_is_refused(project, run, monkeypatch):
    monkeypatch.delenv("CODER_NAME", raising=False)
    ok(run("round", "create", "r2", "--coders", "anna,bram", "--quotes", "1,2"))
    for q in (1, 2):
        ok(run("code", q, "--coder", "bram", "valentie=positief"))
    ok(run("code", 1, "--coder", "anna", "valentie=positief"))
    ok(run("quote", "dismiss", 2, "--coder", "anna", "--reason", "kop"))
    ok(run("round", "lock", "r2"))
    before = snapshot(project)
    result = run("quote", "undismiss", 2, "--coder", "anna")
    assert result.exit_code == 2
    assert "quote 2 is in locked round 'r2': anna's codes on it are frozen" in result.output
    assert snapshot(project) == before


def test_others_and_other_quotes_and_memos_are_not_frozen(project, run, locked):
    inside, outside = locked
    ok(run("code", outside, "--coder", "anna", "valentie=negatief"))  # not in the round
    ok(run("code", inside[0], "--coder", "chris", "valentie=negatief"))  # not a member
    ok(run("code", inside[0], "--coder", "anna", "--memo", "twijfel: ironisch?"))  # memo only
    memo = project.execute("SELECT memo FROM codings c JOIN coders k ON k.id = c.coder_id"
                           " WHERE k.name = 'anna' AND quote_id = ?", [inside[0]]).fetchone()[0]
    assert memo == "twijfel: ironisch?"


def test_adjudication_still_writes_the_consensus_layer(project, run, locked):
    ok(run("adjudicate", "agreed", "--coders", "anna,bram", "--round", "steek"))
    ok(run("adjudicate", "resolve", locked[0][0], "valentie", "--coders", "anna,bram", "--pick", "a",
           "--by", "chris"))
    consensus = project.execute("SELECT COUNT(*) FROM codings c JOIN coders k ON k.id = c.coder_id"
                                " WHERE k.kind = 'consensus'").fetchone()[0]
    assert consensus == 3


def test_codings_file_import_reports_frozen_codings_and_applies_the_rest(project, run, locked, tmp_path):
    inside, outside = locked
    sha = project.execute("SELECT d.sha256 FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.id = ?",
                          [inside[0]]).fetchone()[0]
    spans = {q: project.execute('SELECT start, "end" FROM quotes WHERE id = ?', [q]).fetchone()
             for q in (inside[0], outside)}
    out_sha = project.execute("SELECT d.sha256 FROM quotes q JOIN documents d ON d.id = q.doc_id"
                              " WHERE q.id = ?", [outside]).fetchone()[0]
    path = tmp_path / "anna.codings"
    path.write_text(json.dumps({"format": "coder.codings", "version": 1, "coder": "anna", "quotes": [],
                                "codings": [
        {"document": sha, "start": spans[inside[0]][0], "end": spans[inside[0]][1],
         "facet": "drie_vs", "code": "vertrouwen"},
        {"document": out_sha, "start": spans[outside][0], "end": spans[outside][1],
         "facet": "valentie", "code": "negatief"}]}))
    report = import_codings(project, path)
    assert report.codings_added == 1
    assert [p for p in report.problems if frozen(inside[0]) in p]


def test_unlock_lets_a_member_mend_and_agree_says_it_was_reopened(project, run, locked):
    q = locked[0][0]
    ok(run("round", "unlock", "steek", "--reason", "bram klikte verkeerd", "--by", "chris"))
    ok(run("code", q, "--coder", "bram", "valentie=positief"))
    ok(run("round", "lock", "steek"))
    out = json.loads(ok(run("agree", "--round", "steek", "--json")).output)
    assert out["round"]["name"] == "steek" and len(out["round"]["reopened"]) == 1
    assert out["round"]["reopened"][0]["reason"] == "bram klikte verkeerd"
    text = ok(run("agree", "--round", "steek")).output
    assert "reopened (1)" in text and "bram klikte verkeerd" in text
    assert run("round", "unlock", "nope").exit_code == 2
    again = run("round", "unlock", "steek")
    ok(again)
    assert "is not locked" in run("round", "unlock", "steek").output


def test_refi_import_skips_a_coding_that_would_change_a_locked_round(project, run, locked, tmp_path):
    first = locked[0][0]
    archive = tmp_path / "before.qdpx"
    ok(run("export", "qdpx", "-o", archive))  # holds bram's valentie=negatief on the first quote
    ok(run("round", "unlock", "steek"))
    ok(run("code", first, "--coder", "bram", "valentie=positief"))
    ok(run("round", "lock", "steek"))
    before = snapshot(project)
    result = run("import", archive)
    assert result.exit_code == 0, result.output
    assert frozen(first, "bram") in result.stderr
    assert snapshot(project)[:2] == before[:2]


def test_a_locked_round_quote_keeps_its_bounds(project, run, locked):
    q = locked[0][0]
    start, end = project.execute('SELECT start, "end" FROM quotes WHERE id = ?', [q]).fetchone()
    result = run("quote", "adjust", q, start, end - 1, "--coder", "anna")
    assert result.exit_code == 2
    assert f"quote {q} is in locked round 'steek': its bounds are frozen" in result.output
    assert project.execute('SELECT start, "end" FROM quotes WHERE id = ?', [q]).fetchone() == (start, end)
