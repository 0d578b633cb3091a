"""No output file may land on the project, a journal, another database or a read-only file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
from coder.cli.base import cli
from coder.errors import InputError
from coder.export.output import check_output
from coder.store.db import connect
from tests.conftest import add_small_codebook, add_text_document
from tests.faults.conftest import fill, tmpfs

pytestmark = pytest.mark.faults

WRITERS = [
    ["export", "quotes", "-f", "csv", "--coder", "anna", "-o"],
    ["export", "quotes", "-f", "xlsx", "--coder", "anna", "-o"],
    ["export", "quotes", "-f", "json", "--coder", "anna", "-o"],
    ["export", "sections", "-f", "md", "--coder", "anna", "-o"],
    ["export", "matrix", "--coder", "anna", "-o"],
    ["export", "qdpx", "-o"],
    ["export", "qdc", "-o"],
    ["export", "codings", "--coder", "anna", "-o"],
    ["export", "ratings", "--coders", "anna,bram", "--variable", "valentie", "-o"],
    ["report", "--coder", "anna", "-o"],
]


def invoke(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    db = connect(path)
    add_small_codebook(db)
    add_text_document(db)
    db.close()
    for name in ("anna", "bram"):
        assert invoke(path, "code", "1", "--coder", name, "valentie=positief").exit_code == 0
    return path


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: "-".join(a[:3]))
@pytest.mark.parametrize("target", ["project", "wal", "shm"])
def test_output_onto_the_open_project_is_refused(coded, args, target):
    out = {"project": coded, "wal": Path(f"{coded}-wal"), "shm": Path(f"{coded}-shm")}[target]
    result = invoke(coded, *args, str(out))
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and str(out) in result.stderr
    assert coded.read_bytes().startswith(b"SQLite format 3")
    db = connect(coded)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == 2


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: "-".join(a[:3]))
def test_output_onto_another_database_is_refused(coded, tmp_path, args):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = other.read_bytes()
    result = invoke(coded, *args, str(other))
    assert result.exit_code == 2, result.output
    assert "SQLite database" in result.stderr
    assert other.read_bytes() == before


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: "-".join(a[:3]))
def test_read_only_output_is_not_replaced(coded, tmp_path, args):
    out = tmp_path / "keep.out"
    out.write_text("precious\n")
    out.chmod(0o444)
    result = invoke(coded, *args, str(out))
    assert result.exit_code == 2, result.output
    assert "read-only" in result.stderr
    assert out.read_text() == "precious\n"
    assert not os.stat(out).st_mode & 0o222


def test_relative_and_symlinked_paths_to_the_project_are_refused(coded, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.csv").symlink_to(coded)
    for out in ("./demo.db", "link.csv", f"../{tmp_path.name}/demo.db"):
        with pytest.raises(InputError):
            check_output(out, "demo.db")


def test_a_database_is_never_replaced_even_with_force(coded, tmp_path):
    """Hand-off copies have their own check (coder.reliability.handoff); an export never
    lands on a SQLite file, forced or not."""
    other = tmp_path / "copy.db"
    connect(other).close()
    for force in (False, True):
        with pytest.raises(InputError, match="is a SQLite database; refusing to overwrite it"):
            check_output(other, coded, force=force)
        with pytest.raises(InputError):
            check_output(coded, coded, force=force)


def test_output_into_a_missing_folder_is_one_line(coded, tmp_path):
    result = invoke(coded, "export", "quotes", "--coder", "anna", "-o", str(tmp_path / "nope" / "q.xlsx"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr and result.stderr.count("\n") == 1


def test_ordinary_outputs_are_replaced_only_on_request(coded, tmp_path):
    out = tmp_path / "q.csv"
    out.write_text("old\n")
    refused = invoke(coded, "export", "quotes", "--coder", "anna", "-o", str(out))
    assert refused.exit_code == 2 and "exists already" in refused.stderr and out.read_text() == "old\n"
    assert invoke(coded, "export", "quotes", "--coder", "anna", "-o", str(out), "--force").exit_code == 0
    assert "Het wijkteam nam me serieus" in out.read_text()


@pytest.fixture
def full_disk(tmp_path):
    with tmpfs(tmp_path / "disk", "1m") as mount:
        fill(mount, leave=2048)
        yield mount


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "html"])
def test_export_onto_a_full_disk_is_one_line_and_leaves_no_part_file(coded, full_disk, fmt):
    from coder.export.tables import QuoteTable  # noqa: F401  (the writers under test)

    out = full_disk / f"q.{fmt}"
    big = ["export", "quotes", "--coder", "anna", "--wide", "-o", str(out)]
    result = CliRunner().invoke(cli, ["--db", str(coded), *big])
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "coder: error:" in result.stderr
    assert not out.exists()
    assert [p.name for p in full_disk.iterdir()] == ["filler"]
