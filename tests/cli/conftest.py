from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401  (registers every command)
from coder.cli.base import cli
from tests.conftest import make_pdf

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run ``coder --db tmp/project.db ARGS`` in-process; returns click's Result."""
    monkeypatch.chdir(REPO)  # ./codebook.yaml is the default codebook
    db = tmp_path / "project.db"

    def invoke(*args: str, db_path: Path = db):
        return CliRunner().invoke(cli, ["--db", str(db_path), *map(str, args)], catch_exceptions=False)

    invoke.db = db
    return invoke


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    return make_pdf(tmp_path / "jaarverslag-dalem-2021.pdf", [
        "Jaarverslag Wijkteam Dalem 2021\nHet wijkteam werkt dicht bij de inwoners.",
        "Een inwoner vertelt: „Het wijkteam nam me serieus en dacht met me mee.”\n"
        "(Jaarverslag Wijkteam Dalem 2021)",
    ])


SECRET = "geheim-van-anna"


@pytest.fixture
def open_round(project, run, monkeypatch):
    """Round r1 (anna, bram) open; anna coded every quote with a memo, bram one valence.

    Returns the quote ids."""
    monkeypatch.delenv("CODER_NAME", raising=False)
    quotes = [r[0] for r in project.execute("SELECT id FROM quotes ORDER BY id")]
    assert run("round", "create", "r1", "--coders", "anna,bram").exit_code == 0
    for q in quotes:
        assert run("code", q, "--coder", "anna", "transformatiedoel=normaliseren", "drie_vs+=vertrouwen",
                   "--memo", SECRET).exit_code == 0
    assert run("code", quotes[0], "--coder", "bram", "valentie=positief").exit_code == 0
    return quotes
