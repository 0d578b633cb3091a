"""Only init, demo and import create a project; nothing else is ever turned into one."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
from coder.cli.base import cli
from coder.errors import CoderError
from coder.store.db import connect
from tests.faults.conftest import fill
from tests.faults.test_disk import small_project

pytestmark = pytest.mark.faults


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


@pytest.mark.parametrize("args", [["docs"], ["quotes", "--json"], ["coders", "list"], ["round", "list"],
                                  ["export", "quotes", "-o", "OUT.csv"], ["undo", "--coder", "anna"],
                                  ["codebook", "load"]])
def test_a_missing_project_is_not_created(tmp_path, args):
    db = tmp_path / "typo.db"
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    result = run(db, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"coder: error: no coder project at {db}"
    assert not db.exists() and not Path(f"{db}-wal").exists()


def test_init_creates_a_project(tmp_path):
    db = tmp_path / "new.db"
    assert run(db, "init").exit_code == 0
    assert run(db, "docs").exit_code == 0


def other_app_db(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("args", [["docs"], ["init"], ["import", "x.codings"], ["coders", "add", "anna"]])
def test_another_applications_database_is_never_modified(tmp_path, args):
    db = tmp_path / "other.sqlite"
    before = other_app_db(db)
    result = run(db, *args)
    assert result.exit_code == 2, result.output
    assert "not a coder project" in result.stderr and result.stderr.count("\n") == 1
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("hello\n" * 100)
    result = run(db, "docs")
    assert result.exit_code == 2 and "not a coder project" in result.stderr
    assert db.read_text() == "hello\n" * 100


def test_a_project_in_a_read_only_folder_can_be_read(tiny_disk):
    db = tiny_disk / "p.db"
    small_project(db)
    assert run(db, "code", "1", "--coder", "anna", "valentie=positief").exit_code == 0
    view = tiny_disk.parent / "read-only"
    view.mkdir()
    assert subprocess.run(["mount", "--bind", str(tiny_disk), str(view)]).returncode == 0
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(view)]).returncode == 0
        check_read_only_project(view / "p.db")
    finally:
        subprocess.run(["umount", "-l", str(view)])


def check_read_only_project(db: Path) -> None:
    result = run(db, "quotes", "--json")
    assert result.exit_code == 0, result.output
    assert '"positief"' in result.stdout
    refused = run(db, "code", "1", "--coder", "anna", "valentie=negatief")
    assert refused.exit_code == 1 and "read-only" in refused.stderr


def test_a_full_disk_is_reported_as_such(tiny_disk):
    fill(tiny_disk, leave=4096)
    db = tiny_disk / "p.db"
    with pytest.raises(CoderError, match="full") as caught:
        connect(db)
    assert "not a coder project" not in str(caught.value)
    result = run(db, "init")
    assert result.exit_code == 1 and "full" in result.stderr and "not a coder project" not in result.stderr
    (tiny_disk / "filler").unlink()  # room again: the project whose creation was cut short is made
    assert run(db, "init").exit_code == 0
    assert run(db, "docs").exit_code == 0
