"""Codebook changes that would break the model are refused; undo/redo survive renames."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import coder.cli  # noqa: F401
from coder.cli.base import cli
from coder.codebook import load_codebook, sync_codebook
from coder.errors import InputError
from coder.store.db import connect
from tests.codebook.test_codebook_core import BASE, write
from tests.conftest import add_text_document

pytestmark = pytest.mark.faults


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path) -> Path:
    path = tmp_path / "p.db"
    db = connect(path)
    sync_codebook(db, load_codebook(write(tmp_path, BASE)))
    add_text_document(db)
    db.close()
    return path


def codings(path: Path) -> list[tuple[int, str, str]]:
    query = "SELECT quote_id, facet, code FROM codings ORDER BY quote_id, code"
    return connect(path).execute(query).fetchall()


def test_switching_a_coded_multi_facet_to_single_is_refused_with_the_quotes(project, tmp_path):
    both = ("drie_vs+=vertrouwen", "drie_vs+=verbinding")
    assert run(project, "code", "1", "--coder", "anna", *both).exit_code == 0
    assert run(project, "code", "2", "--coder", "anna", "drie_vs+=vertrouwen").exit_code == 0
    before = codings(project)
    single = write(tmp_path, BASE.replace("mode: multi", "mode: single"), "single.yaml")
    result = run(project, "codebook", "load", str(single))
    assert result.exit_code == 2
    assert "quote 1" in result.stderr and "quote 2" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert codings(project) == before
    assert connect(project).execute("SELECT mode FROM facets WHERE key = 'drie_vs'").fetchone()[0] == "multi"


def test_moving_codes_of_a_multi_facet_into_a_single_facet_is_refused(project, tmp_path):
    assert run(project, "code", "1", "--coder", "anna", "valentie=positief", "drie_vs+=vertrouwen",
               "drie_vs+=verbinding").exit_code == 0
    moved = BASE.replace("""  - key: drie_vs
    label: Drie V's
    mode: multi
    codes:
""", "")
    book = write(tmp_path, moved, "moved.yaml")
    assert load_codebook(book).facets[0].key == "valentie"
    with pytest.raises(InputError, match="quote 1"):
        sync_codebook(connect(project), load_codebook(book))
    result = run(project, "codebook", "load", str(book))
    assert result.exit_code == 2 and "valentie" in result.stderr


def test_a_single_facet_change_without_conflicts_is_accepted(project, tmp_path):
    assert run(project, "code", "1", "--coder", "anna", "drie_vs+=vertrouwen").exit_code == 0
    single = write(tmp_path, BASE.replace("mode: multi", "mode: single"), "single.yaml")
    assert run(project, "codebook", "load", str(single)).exit_code == 0


RENAMES = {
    "code": (("key: vertrouwen", "key: v_vertrouwen\n        renamed_from: [vertrouwen]"),
             (1, "drie_vs", "v_vertrouwen")),
    "facet": (("key: drie_vs", "key: de_drie_vs"), (1, "de_drie_vs", "vertrouwen")),
}


@pytest.mark.parametrize("what", RENAMES)
def test_code_undo_rename_redo_undo(project, tmp_path, what):
    (old, new), expected = RENAMES[what]
    assert run(project, "code", "1", "--coder", "anna", "drie_vs+=vertrouwen").exit_code == 0
    assert run(project, "undo", "--coder", "anna").exit_code == 0
    renamed = write(tmp_path, BASE.replace(old, new), "renamed.yaml")
    assert run(project, "codebook", "load", str(renamed)).exit_code == 0
    result = run(project, "redo", "--coder", "anna")
    assert result.exit_code == 0, result.output
    assert codings(project) == [expected]
    assert run(project, "undo", "--coder", "anna").exit_code == 0
    assert codings(project) == []
