"""``coder import --force`` on a project whose text came from an older extraction.

The older text is simulated by editing the stored text the way the old pipeline differed
(a running header left in front, a footer spliced into a quote); the re-import must keep
the codings of every quote still found, report those that moved, and refuse — naming
them, and those of a locked round — when a kept quote is gone.
"""

from __future__ import annotations

import json

import sqlite_utils

HEADER = "Jaarverslag Dalem | pagina 1\n"


def _old_pipeline_text(db_path, *, splice_into: int | None = None) -> None:
    """Shift the stored text as if a header had been left in front of it; optionally
    splice the footer into quote ``splice_into`` (its text then exists nowhere new)."""
    db = sqlite_utils.Database(db_path)
    text = db.execute("SELECT text FROM document_texts").fetchone()[0]
    db.execute("UPDATE document_texts SET text = ?", [HEADER + text])
    db.execute('UPDATE quotes SET start = start + ?, "end" = "end" + ?', [len(HEADER), len(HEADER)])
    if splice_into is not None:
        db.execute("UPDATE quotes SET text = replace(text, ' me ', ' me pagina 2 ') WHERE id = ?",
                   [splice_into])
    db.conn.commit()


def _coded_quote(run, report_pdf) -> dict:
    run("import", report_pdf)
    quote = json.loads(run("quotes", "--json").output)[0]
    assert run("code", quote["id"], "--coder", "anna", "valentie=positief").exit_code == 0
    return quote


def test_force_keeps_codings_of_moved_quotes_and_reports_them(run, report_pdf):
    quote = _coded_quote(run, report_pdf)
    _old_pipeline_text(run.db)
    forced = run("import", "--force", report_pdf)
    assert "reimported" in forced.stderr
    assert f"1 kept quote(s) found at new offsets, codings kept: {quote['id']}" in forced.stderr
    (now,) = [q for q in json.loads(run("quotes", "--json").output) if q["id"] == quote["id"]]
    assert (now["start"], now["end"], now["text"]) == (quote["start"], quote["end"], quote["text"])
    assert {(c["coder"], c["code"]) for c in now["codings"]} == {("anna", "positief")}
    full = run("text", now.get("doc_id", 1)).output
    assert full[now["start"]:now["end"]] == now["text"]


def test_force_refuses_when_a_kept_quote_vanished_and_changes_nothing(run, report_pdf):
    quote = _coded_quote(run, report_pdf)
    _old_pipeline_text(run.db, splice_into=quote["id"])
    before = json.loads(run("quotes", "--json").output)
    forced = run("import", "--force", report_pdf)
    assert forced.exit_code != 0 or "coder: error" in forced.stderr
    assert "would lose 1 kept quote(s)" in forced.stderr and f"quotes {quote['id']})" in forced.stderr
    assert "locked round" not in forced.stderr
    assert json.loads(run("quotes", "--json").output) == before


def test_force_names_vanished_quotes_of_a_locked_round(run, report_pdf):
    quote = _coded_quote(run, report_pdf)
    assert run("round", "create", "r1").exit_code == 0
    assert run("round", "lock", "r1").exit_code == 0
    _old_pipeline_text(run.db, splice_into=quote["id"])
    forced = run("import", "--force", report_pdf)
    assert f"in a locked round ({quote['id']})" in forced.stderr
