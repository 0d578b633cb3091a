"""`coder quote dismiss / undismiss` and `coder quotes --dismissed`, as a user types them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from coder.cli.base import cli


def test_cli_dismiss_list_history_undismiss(run, report_pdf):
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    qid = str(quote["id"])
    out = run("quote", "dismiss", qid, "--coder", "anna", "--reason", "kop").output
    assert "dismissed as not a quote" in out
    assert "already dismissed" in run("quote", "dismiss", qid, "--coder", "anna").output
    listed = json.loads(run("quotes", "--dismissed", "--json").output)
    assert [(r["id"], r["coder"], r["reason"]) for r in listed] == [(quote["id"], "anna", "kop")]
    assert "not a quote (kop)" in run("history", "--coder", "anna").output
    assert "a candidate again" in run("quote", "undismiss", qid, "--coder", "anna").output
    assert json.loads(run("quotes", "--dismissed", "--json").output) == []
    run("quote", "dismiss", qid, "--coder", "anna")
    assert "undone: not a quote" in run("undo", "--coder", "anna").output
    assert json.loads(run("quotes", "--dismissed", "--json").output) == []


def test_cli_undismiss_of_a_quote_not_dismissed_is_a_one_line_error(run, report_pdf):
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    run("coders", "add", "anna")
    result = CliRunner().invoke(cli, ["--db", str(run.db), "quote", "undismiss", str(quote["id"]),
                                      "--coder", "anna"])
    assert result.exit_code == 2 and "not dismissed" in result.output


def test_dismissals_travel_in_the_codings_file(run, report_pdf, tmp_path):
    other = tmp_path / "other.db"
    for db in (run.db, other):
        run("import", report_pdf, db_path=db)
    (quote,) = json.loads(run("quotes", "--json", db_path=other).output)
    run("quote", "dismiss", str(quote["id"]), "--coder", "bram", "--reason", "kop", db_path=other)
    sent = run("export", "codings", "--coder", "bram", "-o", tmp_path / "bram.codings", db_path=other)
    assert "wrote 0 codings on 0 quotes and 1 dismissal(s) as not a quote to" in sent.stderr
    assert "1 candidate(s) dismissed" in run("import", tmp_path / "bram.codings").output
    listed = json.loads(run("quotes", "--dismissed", "--json").output)
    assert [(r["coder"], r["reason"]) for r in listed] == [("bram", "kop")]
    assert "already present" in run("import", tmp_path / "bram.codings").output
    assert "undone: not a quote (kop)" in run("undo", "--coder", "bram").output  # the whole import
    assert json.loads(run("quotes", "--dismissed", "--json").output) == []


def test_reimport_with_force_keeps_dismissals(run, report_pdf):
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    run("quote", "dismiss", str(quote["id"]), "--coder", "anna")
    assert "reimported" in run("import", "--force", report_pdf).output
    assert [r["id"] for r in json.loads(run("quotes", "--dismissed", "--json").output)] == [quote["id"]]


def test_quotes_of_a_coder_leave_out_what_that_coder_dismissed(run, report_pdf, monkeypatch):
    """As in the TUI: anna's list is what anna still takes for quotes; the others see it."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    run("quote", "dismiss", str(quote["id"]), "--coder", "anna")
    mine = run("quotes", "--coder", "anna", "--json")
    assert json.loads(mine.stdout) == []
    assert "1 candidate(s) anna dismissed as not a quote left out" in mine.stderr
    assert [q["id"] for q in json.loads(run("quotes", "--coder", "bram", "--json").stdout)] == [quote["id"]]
    everyone = run("quotes", "--json")
    assert [q["id"] for q in json.loads(everyone.stdout)] == [quote["id"]] and not everyone.stderr
    assert [r["id"] for r in json.loads(run("quotes", "--dismissed", "--coder", "anna", "--json").stdout)] \
        == [quote["id"]]
    assert "left out unless --dismissed" in " ".join(run("quotes", "--help").output.split())
