"""Our exports read by software we did not write: pyrefiqda (an xsdata/Pydantic binding
of the official schema) for .qdpx, and Taguette's own codebook functions for .qdc."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from coder.store.db import connect

# Taguette is written for SQLAlchemy 1.4 and warns about 2.0; its warnings are not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def exported(coded, run, report_pdf, tmp_path):
    """The coded project plus a PDF document, a consensus layer, exported."""
    assert run("import", report_pdf).exit_code == 0
    quote = coded.execute("SELECT id FROM quotes ORDER BY id DESC").fetchone()[0]
    assert run("code", quote, "--coder", "bram", "valentie=negatief").exit_code == 0
    assert run("adjudicate", "agreed", "--coders", "anna,bram").exit_code == 0
    out = tmp_path / "ours.qdpx"
    assert run("export", "qdpx", "-o", out).exit_code == 0
    return out


def _flatten(codes):
    stack, out = list(codes), []
    while stack:
        code = stack.pop()
        out.append(code)
        stack.extend(code.code)
    return out


def test_pyrefiqda_reads_sources_codes_selections_and_users(exported, coded, tmp_path):
    refi = pytest.importorskip("pyrefiqda")
    folder = tmp_path / "extracted"
    project = refi.RefiProject.load(exported, extract_dir=str(folder))
    users = {u.guid: u.name for u in project.users.user}
    assert set(users.values()) == {"anna", "bram", "consensus (adjudicated layer)"}
    codes = {c.guid: c.name for c in _flatten(project.code_book.codes.code)}
    labels = {r[0] for r in coded.execute("SELECT label FROM codes UNION SELECT label FROM facets")}
    assert set(codes.values()) == labels

    texts = list(project.sources.text_source)
    texts += [p.representation for p in project.sources.pdfsource]
    assert len(project.sources.pdfsource) == 1 and len(texts) == 2
    quotes = {r[0] for r in coded.execute("SELECT text FROM quotes")}
    codings = 0
    for source in texts:
        path = refi.RefiProject.resolve_source_path(source.plain_text_path, folder)
        text = path.read_text(encoding="utf-8")
        for selection in source.plain_text_selection:
            assert text[selection.start_position:selection.end_position] in quotes
            for coding in selection.coding:
                assert coding.creating_user in users and coding.code_ref.target_guid in codes
                codings += 1
    assert codings == coded.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
    pdf = project.sources.pdfsource[0]
    assert refi.RefiProject.resolve_source_path(pdf.path, folder).read_bytes()[:5] == b"%PDF-"


def test_codebook_round_trip_through_taguette(coded, run, tmp_path):
    """Taguette imports codebooks only as CSV (tag, description) and exports .qdc: our
    code names go in through its CSV reader, come out of its .qdc writer, and our
    reader must take that file back with every name."""
    pytest.importorskip("taguette")
    from taguette.export import codebook_xml
    from taguette.import_codebook import list_tags

    ours = tmp_path / "ours.qdc"
    assert run("export", "qdc", "-o", ours).exit_code == 0
    ns = "{urn:QDA-XML:codebook:1.0}"
    names = [c.get("name") for c in ET.parse(ours).iter(f"{ns}Code") if c.get("isCodable") == "true"]
    csv_text = "tag,description\n" + "".join(f'"{n}",\n' for n in names)
    tags = [SimpleNamespace(path=t["path"]) for t in list_tags(io.BytesIO(csv_text.encode("utf-8")))]
    theirs = tmp_path / "taguette.qdc"
    codebook_xml(tags, str(theirs))
    other = tmp_path / "other.db"
    result = run("import", theirs, db_path=other)
    assert result.exit_code == 0 and "from Taguette" in result.stderr, result.stderr
    imported = [r[0] for r in connect(other).execute("SELECT label FROM codes ORDER BY position")]
    assert sorted(imported) == sorted(names)
