"""Where coder looks for files: one module, environment variables read only there."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

import coder
from coder import paths
from coder.cli import cli

PACKAGE = Path(coder.__file__).parent
REPO = PACKAGE.parent


def test_the_bundled_codebook_is_the_checkouts_codebook():
    """The package carries the default codebook so a wheel has one; the two copies never drift."""
    assert paths.bundled_codebook().read_bytes() == (REPO / "codebook.yaml").read_bytes()


def test_config_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("CODER_KEYMAP", raising=False)
    assert paths.keymap_path() == tmp_path / "coder" / "keys.yaml"


def test_keymap_variable_overrides_the_config_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("CODER_KEYMAP", str(tmp_path / "k.yaml"))
    assert paths.keymap_path() == tmp_path / "k.yaml"


def test_database_default_and_its_variable(monkeypatch):
    monkeypatch.delenv("CODER_DB", raising=False)
    assert paths.default_db() == "coder.db"
    monkeypatch.setenv("CODER_DB", "/tmp/x.db")
    assert paths.default_db() == "/tmp/x.db"


def test_environment_is_read_only_in_the_paths_module():
    readers = [p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py")
               if re.search(r"os\.environ|getenv\(", p.read_text(encoding="utf-8"))]
    assert readers == [Path("paths.py")]


def test_demo_takes_db_after_the_subcommand(tmp_path):
    target = tmp_path / "mine.db"
    result = CliRunner().invoke(cli, ["demo", "--no-tui", "--db", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert f"demo project: {target}" in result.output


def test_demo_without_a_corpus_says_where_to_get_one(monkeypatch):
    monkeypatch.setattr(paths, "CHECKOUT_ROOT", Path("/nonexistent"))
    result = CliRunner().invoke(cli, ["demo", "--no-tui"])
    assert result.exit_code == 2
    assert "corpus/ folder of a source checkout" in result.output
