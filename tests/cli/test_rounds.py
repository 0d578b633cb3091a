"""Rounds with named coders: how quotes are chosen, what counts as uncoded, locking."""

import json

import pytest

from tests.conftest import add_text_document

MORE = ("Verslag Wijkteam Elst 2022\n\n"
        "Een moeder: „Ik werd snel geholpen door het team.”\n\n"
        "Een vader: „Niemand belde terug, het duurde weken.”\n\n"
        "Een partner: „De korte lijnen met school werken goed.”\n")


@pytest.fixture
def quotes(project):
    add_text_document(project, MORE, "Elst 2022")
    return [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


def test_round_from_a_list_of_quotes_with_members(run, quotes):
    out = ok(run("round", "create", "r1", "--coders", "anna,bram", "--quotes", f"{quotes[0]},{quotes[2]}"))
    assert "2 quotes" in out.output and "coders anna, bram" in out.output
    status = json.loads(run("round", "status", "r1", "--json").output)
    assert status["members"] == ["anna", "bram"] and status["coded"] == {"anna": 0, "bram": 0}


def test_round_from_what_one_coder_coded(run, quotes):
    ok(run("code", quotes[1], "--coder", "anna", "valentie=positief"))
    ok(run("code", quotes[3], "--coder", "anna", "valentie=negatief"))
    ok(run("round", "create", "r1", "--coders", "anna,bram", "--from-coder", "anna"))
    status = json.loads(run("round", "status", "r1", "--json").output)
    assert status["quotes"] == 2 and status["coded"] == {"anna": 2, "bram": 0}
    assert status["uncoded"] == {"anna": [], "bram": [quotes[1], quotes[3]]}


def test_a_sample_of_a_document_is_redrawn_by_its_seed(run, quotes):
    first = ok(run("round", "create", "r1", "--coders", "anna,bram", "--doc", "2", "--sample", "2",
                   "--seed", "7")).output
    again = ok(run("round", "create", "r2", "--coders", "anna,bram", "--doc", "2", "--sample", "2",
                   "--seed", "7")).output
    assert "2 quotes, seed 7" in first and "2 quotes, seed 7" in again


@pytest.mark.parametrize("args, message", [
    (["--quotes", "999"], "unknown quote(s) 999"),
    (["--coders", "anna"], "at least two coders"),
    (["--coders", "anna,consensus"], "adjudicated layer"),
    (["--quotes", "1", "--from-coder", "anna"],
     "from one source: quote ids, a coder's coded quotes or documents "
     "(a sample can go with any) (see --quotes, --from-coder, --doc, --sample)"),
    (["--quotes", "1,x"], "--quotes takes quote ids"),
])
def test_bad_round_requests_are_one_line(run, quotes, args, message):
    result = run("round", "create", "r1", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_lock_refuses_while_a_member_has_uncoded_quotes(run, quotes):
    ok(run("round", "create", "r1", "--coders", "anna,bram", "--quotes", f"{quotes[0]},{quotes[1]}"))
    ok(run("code", quotes[0], "--coder", "anna", "valentie=positief"))
    ok(run("code", quotes[1], "--coder", "anna", "valentie=positief"))
    ok(run("code", quotes[0], "--coder", "bram", "valentie=positief"))
    refused = run("round", "lock", "r1")
    assert refused.exit_code == 2 and "bram 1 of 2" in refused.stderr and "--force" in refused.stderr
    assert "anna" not in refused.stderr.split("(")[1]
    ok(run("round", "lock", "r1", "--force"))
    assert json.loads(run("round", "status", "r1", "--json").output)["locked"]


def test_a_locked_round_keeps_its_quotes(run, project, quotes):
    assert ok(run("quote", "add", "1", "0", "31", "--coder", "anna")).output.strip()
    manual = max(r[0] for r in project.execute("SELECT id FROM quotes"))
    ok(run("round", "create", "r1", "--coders", "anna,bram", "--quotes", f"{quotes[0]},{manual}"))
    ok(run("round", "lock", "r1", "--force"))
    refused = run("quote", "delete", manual, "--coder", "anna")
    assert refused.exit_code == 2 and "locked round 'r1'" in refused.stderr
    import sqlite3
    with pytest.raises(sqlite3.IntegrityError, match="locked round"):
        project.execute("DELETE FROM quotes WHERE id = ?", [quotes[0]])
    with pytest.raises(sqlite3.IntegrityError, match="locked round"):
        project.execute("DELETE FROM round_quotes WHERE quote_id = ?", [quotes[0]])
    assert project.execute("SELECT COUNT(*) FROM round_quotes").fetchone()[0] == 2


def test_a_members_round_quote_made_by_the_other_is_in_their_list(project, quotes):
    from coder.coding.coders import ensure_coder
    from coder.quotes.store import add_manual_quote, list_quotes
    from coder.reliability.rounds import create_round

    anna, _ = ensure_coder(project, "anna")
    bram, _ = ensure_coder(project, "bram")
    shown = add_manual_quote(project, 1, 0, 31, anna)
    hidden = add_manual_quote(project, 1, 33, 50, anna)
    create_round(project, "r1", coders=["anna", "bram"], quotes=[quotes[0], shown])
    ids = {q["id"] for q in list_quotes(project, visible_to=bram)}
    assert shown in ids and hidden not in ids


def test_reimport_with_force_keeps_every_round_quote(run, report_pdf):
    ok(run("import", report_pdf))
    ok(run("round", "create", "r1", "--coders", "anna,bram"))
    before = json.loads(run("round", "status", "r1", "--json").output)["quotes"]
    ok(run("round", "lock", "r1", "--force"))
    ok(run("import", "--force", report_pdf))
    status = json.loads(run("round", "status", "r1", "--json").output)
    assert before >= 1 and status["quotes"] == before
