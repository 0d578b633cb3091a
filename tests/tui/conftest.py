from __future__ import annotations

from pathlib import Path

import pytest

from coder.codebook import load_codebook, sync_codebook
from coder.store.db import connect
from tests.conftest import add_text_document

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def colour_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("CODER_KEYMAP", "/nonexistent/keys.yaml")


@pytest.fixture
def tui_db(tmp_path) -> Path:
    """A project with the real codebook and two short documents."""
    path = tmp_path / "tui.db"
    db = connect(path)
    sync_codebook(db, load_codebook(REPO / "codebook.yaml"))
    add_text_document(db)
    add_text_document(db, "Tweede verslag.\n\n"
                          "Een vader zegt: „Er was geen wachtlijst en de hulp kwam snel.”\n",
                      title="Tweede 2022")
    db.close()
    return path
