"""An unreadable file or folder is named on one line; the rest of the batch is imported.

Tests run as root here, for whom no file is unreadable, so the permission error is
injected where the import reads a file (its sha256) or lists a folder.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
import coder.ingest.documents as documents
from coder.cli.base import cli
from coder.store.db import connect
from tests.conftest import make_pdf

pytestmark = pytest.mark.faults

BODY = "Het wijkteam „helpt inwoners snel en dichtbij” zegt een inwoner."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pdfs"
    (root / "locked").mkdir(parents=True)
    for name in ("a", "b-locked", "c"):
        make_pdf(root / f"{name}.pdf", [f"{BODY} ({name})"])
    make_pdf(root / "locked" / "d.pdf", [f"{BODY} (d)"])
    return root


@pytest.fixture
def unreadable(monkeypatch):
    real_hash, real_scandir = documents.sha256_file, os.scandir

    def sha256_file(path):
        if "locked" in Path(path).name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_hash(path)

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(documents, "sha256_file", sha256_file)
    monkeypatch.setattr(os, "scandir", scandir)


def imported(db: Path) -> list[str]:
    return [r[0] for r in connect(db).execute("SELECT filename FROM documents ORDER BY filename")]


def test_an_unreadable_file_in_a_folder_does_not_stop_the_batch(tmp_path, folder, unreadable):
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(folder), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 2
    assert any("b-locked.pdf" in e and "Permission denied" in e for e in errors)
    assert any(e.rstrip().endswith("Permission denied") and "locked" in e for e in errors)
    assert imported(db) == ["a.pdf", "c.pdf"]


def test_an_unreadable_file_on_the_command_line_does_not_stop_the_batch(tmp_path, folder, unreadable):
    db = tmp_path / "p.db"
    args = [str(folder / "a.pdf"), str(folder / "b-locked.pdf"), str(folder / "c.pdf")]
    result = CliRunner().invoke(cli, ["--db", str(db), "import", *args, "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "b-locked.pdf" in result.stderr and "Permission denied" in result.stderr
    assert imported(db) == ["a.pdf", "c.pdf"]


def test_an_unreadable_exchange_file_does_not_stop_the_batch(tmp_path, folder, monkeypatch):
    db = tmp_path / "p.db"
    codings = folder / "locked.codings"
    codings.write_text("{}")
    real_read = Path.read_text

    def read_text(self, *args, **kwargs):
        if self.name == "locked.codings":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(codings), str(folder / "a.pdf"),
                                      "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "locked.codings" in result.stderr
    assert imported(db) == ["a.pdf"]
