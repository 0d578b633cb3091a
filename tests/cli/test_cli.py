"""The CLI as a user drives it: help everywhere, import, listing, coding round-trips, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
import sqlite_utils

from coder.cli.base import cli
from coder.store.db import connect
from tests.conftest import make_pdf


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_help(run):
    for path in all_commands(cli):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Usage:" in result.output


def test_init_loads_the_codebook(run):
    result = run("init")
    assert result.exit_code == 0
    assert "facets" in result.output
    db = sqlite_utils.Database(run.db)
    assert db["facets"].count >= 6


def test_import_then_docs_quotes_and_text(run, report_pdf):
    result = run("import", report_pdf)
    assert result.exit_code == 0, result.output
    docs = json.loads(run("docs", "--json").output)
    assert len(docs) == 1
    assert {"id", "title", "path", "pages", "doc_type"} <= docs[0].keys()
    assert docs[0]["pages"] == 2
    quotes = json.loads(run("quotes", "--json").output)
    assert {"id", "doc_id", "page", "start", "end", "text", "origin", "attribution"} <= quotes[0].keys()
    assert any("serieus" in q["text"] and q["page"] == 2 for q in quotes)
    page2 = run("text", docs[0]["id"], "--page", "2").output
    assert "serieus" in page2
    full = run("text", docs[0]["id"]).output
    assert all(full[q["start"]:q["end"]] == q["text"] for q in quotes)


def test_reimport_is_skipped_and_force_reextracts(run, report_pdf):
    run("import", report_pdf)
    again = run("import", report_pdf)
    assert again.exit_code == 0
    assert "already imported as document 1, not re-extracted (see --force)" in again.stderr
    forced = run("import", "--force", report_pdf)
    assert "reimported" in forced.stderr
    assert len(json.loads(run("docs", "--json").output)) == 1


def test_a_pdf_without_text_names_the_ocr_option_only_on_the_command_line(run, tmp_path):
    from coder.ingest.documents import ImportResult
    from tests.conftest import make_pdf

    blank = make_pdf(tmp_path / "scan.pdf", [""])
    failed = run("import", blank)
    assert failed.exit_code == 1
    assert "(the pages look scanned: read them with OCR) (see --ocr)" in failed.stderr
    result = ImportResult(blank, "failed", error="no text", params=("ocr",))
    assert result.lines() == ["coder: error: no text"]


def test_code_round_trips_through_quotes_json_and_the_database(run, report_pdf):
    run("import", report_pdf)
    quote = json.loads(run("quotes", "--json").output)[0]
    result = run("code", quote["id"], "--coder", "anna", "transformatiedoel=normaliseren",
                 "valentie=positief", "--memo", "mooi voorbeeld")
    assert result.exit_code == 0, result.output
    assert "registered new coder 'anna'" in result.stderr
    shown = json.loads(run("quotes", "--json").output)[0]["codings"]
    assert {(c["coder"], c["facet"], c["code"]) for c in shown} == {
        ("anna", "transformatiedoel", "normaliseren"), ("anna", "valentie", "positief")}
    rows = list(sqlite_utils.Database(run.db).query(
        "SELECT coder, code, memo FROM coded_quotes ORDER BY code"))
    assert rows[0]["memo"] == "mooi voorbeeld"
    assert run("undo", "--coder", "anna").exit_code == 0
    assert json.loads(run("quotes", "--json").output)[0]["codings"] == []


@pytest.mark.parametrize("assignment, message", [
    ("kleur=rood", "unknown facet 'kleur'"),
    ("valentie=super", "unknown code 'super'"),
])
def test_unknown_facet_or_code_exits_2(run, report_pdf, assignment, message):
    run("import", report_pdf)
    quote_id = json.loads(run("quotes", "--json").output)[0]["id"]
    result = run("code", quote_id, "--coder", "anna", assignment)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_quote_exits_2(run, report_pdf):
    run("import", report_pdf)
    result = run("code", 9999, "--coder", "anna", "valentie=positief")
    assert result.exit_code == 2
    assert "unknown quote 9999" in result.stderr


def test_bad_files_are_reported_and_the_batch_goes_on(run, report_pdf, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "notes.pdf"
    text.write_text("dit is geen pdf")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(report_pdf.read_bytes()[:300])
    result = run("import", empty, text, truncated, report_pdf)
    assert result.exit_code == 1
    assert "empty.pdf: empty file" in result.stderr
    assert "notes.pdf: not a PDF" in result.stderr
    assert "truncated.pdf" in result.stderr
    assert [d["title"] for d in json.loads(run("docs", "--json").output)] == ["jaarverslag dalem 2021"]


def test_manifest_metadata_is_applied(run, report_pdf):
    (report_pdf.parent / "documents.csv").write_text(
        "file,title,organisation,municipality,year,doc_type,team_type,size_class,region\n"
        f"{report_pdf.name},Jaarverslag Wijkteam Dalem 2021,Wijkteam Dalem,Dalem,2021,"
        "jaarverslag,integraal,<50k,Oost\n", encoding="utf-8")
    run("import", report_pdf.parent)
    doc = json.loads(run("docs", "--json").output)[0]
    assert (doc["title"], doc["doc_type"], doc["team_type"], doc["year"]) == (
        "Jaarverslag Wijkteam Dalem 2021", "jaarverslag", "integraal", 2021)


def test_a_pdf_the_manifest_does_not_list_is_named(run, report_pdf):
    make_pdf(report_pdf.parent / "vergeten.pdf", ["Een verslag dat niemand in de lijst zette."])
    (report_pdf.parent / "documents.csv").write_text(
        "file,title,year\n" f"{report_pdf.name},Jaarverslag Dalem,2021\n", encoding="utf-8")
    result = run("import", report_pdf.parent)
    assert result.exit_code == 0
    assert "vergeten.pdf: warning: not in the manifest (documents.csv)" in result.stderr
    assert report_pdf.name + ": warning" not in result.stderr
    assert sorted(d["title"] for d in json.loads(run("docs", "--json").output)) == [
        "Jaarverslag Dalem", "vergeten"]


def test_malformed_manifest_names_file_and_line(run, report_pdf):
    (report_pdf.parent / "documents.csv").write_text(
        "file,title,year\n" f"{report_pdf.name},X,twintig\n", encoding="utf-8")
    result = run("import", report_pdf.parent)
    assert result.exit_code == 2
    assert "documents.csv: line 2: year 'twintig' is not a year" in result.stderr


def test_manual_quote_commands(run, report_pdf):
    run("import", report_pdf)
    made = run("quote", "add", "1", "0", "11", "--coder", "anna")
    assert made.exit_code == 0, made.output
    quote_id = int(made.output)
    assert run("quote", "adjust", quote_id, "0", "20", "--coder", "anna").exit_code == 0
    assert run("quote", "delete", quote_id, "--coder", "anna").exit_code == 0
    run("undo", "--coder", "anna")
    assert any(q["id"] == quote_id and q["origin"] == "manual"
               for q in json.loads(run("quotes", "--json").output))


def test_search_finds_quotes(run, report_pdf):
    run("import", report_pdf)
    hits = json.loads(run("search", "serieus", "--json").output)
    assert len(hits) == 1


def test_python_dash_m_and_console_script_work_as_subprocesses(tmp_path, report_pdf):
    db = tmp_path / "sub.db"
    done = subprocess.run([sys.executable, "-m", "coder", "--db", str(db), "import", str(report_pdf)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([sys.executable, "-m", "coder", "--db", str(db), "docs", "--json"],
                            capture_output=True, text=True, timeout=120)
    assert json.loads(listed.stdout)[0]["pages"] == 2
    bad = subprocess.run([sys.executable, "-m", "coder", "--db", str(db), "code", "99", "--coder", "x",
                          "valentie=positief"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0  # one line, no traceback


def test_tui_on_a_fresh_project_loads_the_codebook_before_the_screen_opens(run, monkeypatch):
    import coder.tui.app

    opened = []
    monkeypatch.setattr(coder.tui.app, "run_app", lambda path, name, *rest: opened.append((str(path), name)))
    missing = run("tui", "--coder", "anna")  # only init, demo and import create a project (issue 15)
    assert missing.exit_code == 2 and "no coder project at" in missing.stderr and opened == []
    connect(run.db).close()  # a project made by the core API, without a codebook yet
    result = run("tui", "--coder", "anna")
    assert result.exit_code == 0 and opened == [(str(run.db), "anna")]
    db = connect(run.db)
    assert db.execute("SELECT COUNT(*) FROM facets").fetchone()[0] > 0


def test_a_truncated_pdf_is_called_damaged_not_scanned(run, report_pdf, tmp_path):
    """A PDF cut off after its first part (a linearized one, say) opens with a page tree
    whose pages are missing: no pages at all, which OCR cannot help."""
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                          b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                          b"trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n")
    result = run("import", truncated, report_pdf)
    assert result.exit_code == 1
    line = next(li for li in result.stderr.splitlines() if "cut.pdf" in li)
    assert "damaged or truncated" in line and "OCR" not in line and "--ocr" not in line
    assert "jaarverslag-dalem-2021.pdf: imported" in result.output


def test_the_closing_line_counts_every_file_that_failed_and_each_error_names_its_file(
        run, report_pdf, tmp_path):
    bad = tmp_path / "kapot.qdpx"
    bad.write_bytes(b"PK\x03\x04 geen zip")
    layer = tmp_path / "layer.codings"
    layer.write_text(json.dumps({"format": "coder.codings", "version": 1, "coder": "consensus",
                                 "exported_at": "", "codebook_version": "", "documents": {},
                                 "quotes": [], "codings": []}), encoding="utf-8")
    result = run("import", bad, layer, tmp_path / "missing.pdf", report_pdf)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("coder: error:")]
    assert len(errors) == 3 and all(str(tmp_path) in line for line in errors), errors
    assert result.stderr.splitlines()[-1] == "1 imported, 3 failed"


def test_output_piped_into_head_ends_quietly():
    """`coder adjudicate queue | head`: the reader closing the pipe is no error to report."""
    from click.testing import CliRunner

    from coder.cli.base import CoderGroup

    @click.group(cls=CoderGroup)
    def group() -> None:
        pass

    @group.command()
    def lines() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    result = CliRunner().invoke(group, ["lines"])
    assert result.stderr == "" and result.exit_code == 1


def test_the_quote_list_shows_what_each_coder_coded(run, report_pdf, monkeypatch):
    """`coder quotes` is where a user checks what is stored: the codes are in the table, in
    the codebook's words (as `history` and `code` print them)."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    assert "codes" not in run("quotes").output.splitlines()[0]
    run("code", quote["id"], "--coder", "anna", "valentie=positief", "drie_vs+=vertrouwen")
    listed = run("quotes").output.split()  # wrapped to the terminal's width
    assert "codes" in listed and {"anna:", "Positief,", "Vertrouwen"} <= set(listed)


def test_init_with_a_broken_codebook_creates_no_project_file(tmp_path):
    from click.testing import CliRunner

    from coder.cli import cli

    broken = tmp_path / "broken.yaml"
    broken.write_text("facets:\n  - key: x\n    codes: [\n", encoding="utf-8")
    target = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["--db", str(target), "init", "--codebook", str(broken)])
    assert result.exit_code == 2
    assert "broken.yaml:4" in result.stderr and "YAML" in result.stderr
    assert not target.exists()


def test_code_says_what_it_changed_in_labels_like_history(run, report_pdf, monkeypatch):
    """`coder code` printed keys (+positief) where history, undo and the TUI say labels."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    run("import", report_pdf)
    (quote,) = json.loads(run("quotes", "--json").output)
    qid = quote["id"]
    first = run("code", qid, "--coder", "anna", "valentie=positief", "drie_vs+=vertrouwen").stdout
    assert first.startswith(f"quote {qid}: Valentie = Positief; + Vertrouwen (event ")
    second = run("code", qid, "--coder", "anna", "valentie=negatief", "--memo", "twijfel").stdout
    assert second.startswith(f"quote {qid}: Valentie: Positief → Negatief; memo “twijfel” (event ")
    history = run("history", "--coder", "anna").stdout
    assert "Valentie: Positief → Negatief; memo “twijfel”" in history
    keys = json.loads(run("code", qid, "--coder", "anna", "drie_vs-=vertrouwen", "--json").stdout)
    assert {(c["facet"], c["code"]) for c in keys} == {("valentie", "negatief")}
