"""A researcher's session in Python: the same steps as the CLI tour, through coder.api."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import coder
from coder.errors import InputError
from tests.conftest import make_pdf

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # ./codebook.yaml is the default codebook
    pdf = make_pdf(tmp_path / "jaarverslag-dalem-2021.pdf", [
        "Jaarverslag Wijkteam Dalem 2021\nHet wijkteam werkt dicht bij de inwoners.",
        "Een inwoner vertelt: „Het wijkteam nam me serieus en dacht met me mee.”\n"
        "(Jaarverslag Wijkteam Dalem 2021)",
    ])
    p = coder.open_project(tmp_path / "p.db")
    notes: list[str] = []
    batch = p.import_pdfs([pdf], on_note=notes.append)
    assert batch.totals["imported"] == 1 and batch.failures == 0
    return p


def test_import_list_code_undo_table(project):
    [doc] = project.documents()
    assert isinstance(doc, coder.Document) and doc.pages == 2 and doc.quotes >= 1
    quote = project.quotes(doc=doc.id)[0]
    assert "nam me serieus" in quote.text
    assert project.text(doc.id)[quote.start:quote.end] == quote.text

    change = project.code(quote.id, ["valentie=positief"], coder="anna")
    assert change.changed and change.added == ("positief",) and change.coder_created
    assert [(c.facet, c.code) for c in project.quotes(doc=doc.id)[0].codings] == [("valentie", "positief")]
    table = project.quote_table(coder="anna")
    assert [row["valentie"] for row in table.rows] == ["positief"]

    assert project.undo(coder="anna").quote_id == quote.id
    assert project.codings(quote.id, coder="anna") == []
    assert project.redo(coder="anna") is not None
    assert [e.action for e in project.history(coder="anna")] == ["coding.change", "undo", "redo"]


def test_records_are_frozen(project):
    [doc] = project.documents()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]


def test_errors_are_the_cli_ones(project):
    with pytest.raises(InputError, match="unknown coder 'nobody'"):
        project.undo(coder="nobody")
    with pytest.raises(InputError, match="unknown document"):
        project.quotes(doc="missing.pdf")


def test_export_writes_whole_files(project, tmp_path):
    quote = project.quotes()[0]
    project.code(quote.id, ["valentie=negatief"], coder="anna")
    done = project.export("quotes", tmp_path / "out.csv", coder="anna")
    assert done.count == 1 and done.layer == "anna"
    assert ",Negatief," in (tmp_path / "out.csv").read_text(encoding="utf-8")  # labels by default
    project.export("quotes", tmp_path / "keys.csv", coder="anna", keys=True)
    assert ",negatief," in (tmp_path / "keys.csv").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="say the format"):
        project.export_quotes(tmp_path / "out.txt", coder="anna")
    assert not (tmp_path / "out.txt").exists()
