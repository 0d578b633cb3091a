"""The hand-off copy: complete (WAL included), blind (nobody else's work), never onto the project."""

import json
import shutil
import sqlite3

import pytest

from tests.cli.conftest import SECRET


@pytest.fixture
def coded(open_round, run):
    assert run("quote", "add", "1", "0", "31", "--coder", "anna").exit_code == 0
    return open_round


def test_the_copy_holds_everything_but_other_coders_work(run, coded, tmp_path, project):
    project.execute("INSERT INTO quote_memos (quote_id, coder_id, memo, updated_at) SELECT ?, id, ?, 'now'"
                    " FROM coders WHERE name = 'anna'", [coded[1], SECRET + "-op-de-quote"])
    project.conn.execute("BEGIN")  # a reader keeps the WAL from being checkpointed by others
    project.execute("SELECT COUNT(*) FROM quotes").fetchone()
    out = tmp_path / "bram.db"
    result = run("handoff", "--coder", "bram", "-o", out)
    project.conn.execute("COMMIT")
    assert result.exit_code == 0, result.stderr
    assert "copy for bram: 1 documents, 2 quotes, 1 of their own codings kept, 4 codings" in result.stderr
    assert "registered" in run("handoff", "--coder", "dirk", "-o", tmp_path / "dirk.db").stderr
    assert not (tmp_path / "bram.db-wal").exists()
    assert SECRET.encode() not in out.read_bytes()
    copy = sqlite3.connect(out)
    assert copy.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == len(coded)  # anna's manual quote left
    assert copy.execute("SELECT DISTINCT coder_id FROM codings").fetchall() == copy.execute(
        "SELECT id FROM coders WHERE name = 'bram'").fetchall()
    assert copy.execute("SELECT name FROM rounds").fetchall() == [("r1",)]
    assert copy.execute("SELECT COUNT(*) FROM round_members").fetchone()[0] == 2
    assert ("bram",) in copy.execute("SELECT name FROM coders").fetchall()
    leaked = copy.execute("SELECT COUNT(*) FROM events WHERE payload LIKE ?", [f"%{SECRET}%"]).fetchone()
    assert leaked[0] == 0
    assert copy.execute("SELECT COUNT(*) FROM facets").fetchone()[0] == 3
    assert copy.execute("SELECT COUNT(*) FROM quote_memos").fetchone()[0] == 0
    history = run("history", "--coder", "anna", "--json", db_path=out)
    assert SECRET not in history.stdout


def test_an_existing_file_is_replaced_only_with_force(run, coded, tmp_path):
    out = tmp_path / "bram.db"
    out.write_text("old")
    refused = run("handoff", "--coder", "bram", "-o", out)
    assert refused.exit_code == 2 and "--force" in refused.stderr and out.read_text() == "old"
    assert run("handoff", "--coder", "bram", "-o", out, "--force").exit_code == 0
    assert out.read_bytes().startswith(b"SQLite format 3")


def test_a_missing_folder_is_one_line(run, coded, tmp_path):
    result = run("handoff", "--coder", "bram", "-o", tmp_path / "nope" / "bram.db")
    assert result.exit_code == 2 and "no folder" in result.stderr


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_never_onto_the_open_project(run, coded, suffix):
    target = f"{run.db}{suffix}"
    result = run("handoff", "--coder", "bram", "-o", target, "--force")
    assert result.exit_code == 2 and "the open project itself" in result.stderr
    assert run("quotes", "--json", "--by", "chris").exit_code == 0


def test_every_command_leaves_the_main_file_complete(run, coded, tmp_path):
    plain = tmp_path / "plain.db"
    shutil.copy(run.db, plain)  # no -wal beside it: the commands checkpointed on exit
    rows = sqlite3.connect(plain).execute("SELECT COUNT(*) FROM codings").fetchone()[0]
    assert rows == 2 * len(coded) + 1


def test_consensus_is_no_coder_anyone_can_write_as(run, coded, tmp_path):
    for args in (["code", coded[0], "--coder", "consensus", "valentie=negatief"],
                 ["code", coded[0], "--coder", "Consensus", "valentie=negatief"],
                 ["coders", "add", "consensus"],
                 ["handoff", "--coder", "consensus", "-o", tmp_path / "c.db"]):
        result = run(*args)
        assert result.exit_code == 2 and "reserved" in result.stderr, args
    out = tmp_path / "anna.codings"
    assert run("export", "codings", "--coder", "anna", "-o", out).exit_code == 0
    data = json.loads(out.read_text())
    data["coder"] = "Consensus"
    out.write_text(json.dumps(data))
    result = run("import", out)
    assert result.exit_code == 1 and "reserved" in result.stderr
    assert run("coders", "list", "--json").stdout.count('"consensus"') == 0
