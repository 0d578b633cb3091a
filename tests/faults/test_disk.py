"""A read-only project file and a full disk give a clear error and no damage."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
from coder.cli.base import cli
from coder.store.db import connect
from tests.conftest import add_small_codebook, add_text_document

pytestmark = pytest.mark.faults


def invoke(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def small_project(path: Path) -> None:
    db = connect(path)
    add_small_codebook(db)
    add_text_document(db)
    db.close()


def test_read_only_project_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "p.db"
    small_project(path)
    assert invoke(path, "code", "1", "--coder", "anna", "valentie=positief").exit_code == 0
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i not permitted here (needs root on ext4); "
                    "cannot make the file read-only for root")
    try:
        result = invoke(path, "code", "1", "--coder", "anna", "valentie=negatief")
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    assert result.exit_code == 1
    assert "read-only" in result.stderr and str(path) in result.stderr
    assert result.stderr.strip().count("\n") == 0
    db = connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT code FROM codings").fetchall() == [("positief",)]


def test_full_disk_rolls_back_the_action_and_keeps_earlier_work(tiny_disk):
    path = tiny_disk / "p.db"
    small_project(path)
    assert invoke(str(path), "code", "1", "--coder", "anna", "valentie=positief").exit_code == 0
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"\0" * max(free - 60_000, 0))
    db = connect(path)
    big = "Een inwoner zegt: „" + "het wijkteam hielp ons goed en snel. " * 20_000 + "”\n"
    with pytest.raises(Exception, match="full"):
        add_text_document(db, text=big, title="groot")
    db.close()
    result = invoke(str(path), "quotes", "--json")
    assert result.exit_code == 0
    quotes = json.loads(result.output)
    assert [c["code"] for q in quotes for c in q["codings"]] == ["positief"]
    (tiny_disk / "filler").unlink()
    check = connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
