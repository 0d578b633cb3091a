from __future__ import annotations

import os
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
