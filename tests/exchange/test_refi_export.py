"""Exports other tools can read: the PDF with its text as Representation, the consensus
layer as its own user, and the round trip through our own reader restoring both."""

from __future__ import annotations

import hashlib
import zipfile

from lxml import etree

from coder.store.db import connect

NS = {"q": "urn:QDA-XML:project:1.0"}


def _qde(path):
    return etree.fromstring(zipfile.ZipFile(path).read("project.qde"))


def test_pdf_travels_with_its_text(run, report_pdf, tmp_path, project_schema):
    assert run("import", report_pdf).exit_code == 0
    db = connect(run.db)
    quote = db.execute("SELECT id FROM quotes").fetchone()[0]
    assert run("code", quote, "--coder", "anna", "valentie=positief").exit_code == 0
    first = tmp_path / "a.qdpx"
    assert run("export", "qdpx", "-o", first).exit_code == 0
    doc = _qde(first)
    assert project_schema.validate(doc), project_schema.error_log.last_error
    pdf = doc.find(".//q:PDFSource", NS)
    representation = pdf.find("q:Representation", NS)
    assert representation.find("q:PlainTextSelection/q:Coding", NS) is not None
    archive = zipfile.ZipFile(first)
    stored = archive.read("sources/" + pdf.get("path").removeprefix("internal://"))
    assert stored == report_pdf.read_bytes()
    text = archive.read("sources/" + representation.get("plainTextPath").removeprefix("internal://"))
    assert text.decode() == db.execute("SELECT text FROM document_texts").fetchone()[0]

    report_pdf.unlink()  # the copy must not need the file on disk any more
    other = tmp_path / "other.db"
    result = run("import", first, db_path=other)
    assert "1 PDF(s) kept" in result.stderr, result.stderr
    kept = connect(other).execute("SELECT sha256, bytes FROM document_files").fetchone()
    assert kept == (hashlib.sha256(stored).hexdigest(), len(stored))
    second = tmp_path / "b.qdpx"
    assert run("export", "qdpx", "-o", second, db_path=other).exit_code == 0
    for name in zipfile.ZipFile(first).namelist():
        assert zipfile.ZipFile(first).read(name) == zipfile.ZipFile(second).read(name), name


def test_consensus_is_its_own_user_and_comes_back_as_the_layer(coded, run, tmp_path):
    assert run("adjudicate", "agreed", "--coders", "anna,bram").exit_code == 0
    out = tmp_path / "a.qdpx"
    assert run("export", "qdpx", "-o", out).exit_code == 0
    users = {u.get("name"): u.get("id") for u in _qde(out).iterfind(".//q:User", NS)}
    assert users["consensus (adjudicated layer)"] == "consensus"
    other = tmp_path / "other.db"
    assert run("import", out, db_path=other).exit_code == 0
    coders = dict(connect(other).execute("SELECT name, kind FROM coders").fetchall())
    assert coders == {"anna": "human", "bram": "human", "consensus": "consensus"}
    again = tmp_path / "b.qdpx"
    run("export", "qdpx", "-o", again, db_path=other)
    assert zipfile.ZipFile(out).read("project.qde") == zipfile.ZipFile(again).read("project.qde")


def test_another_tools_consensus_user_stays_a_coder(coded, run, tmp_path):
    out = tmp_path / "a.qdpx"
    run("export", "qdpx", "-o", out)
    with zipfile.ZipFile(out) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    entries["project.qde"] = (entries["project.qde"].replace(b'origin="coder"', b'origin="Other 1.0"')
                              .replace(b'name="bram" id="bram"', b'name="Consensus" id="x"'))
    foreign = tmp_path / "f.qdpx"
    with zipfile.ZipFile(foreign, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    other = tmp_path / "other.db"
    assert run("import", foreign, db_path=other).exit_code == 0
    coders = dict(connect(other).execute("SELECT name, kind FROM coders").fetchall())
    assert coders == {"anna": "human", "Consensus (imported)": "human"}


def test_a_memo_changed_later_keeps_its_time_through_the_round_trip(coded, run, tmp_path):
    coded.execute("UPDATE codings SET updated_at = '2031-05-06T07:08:09+00:00' WHERE memo IS NOT NULL")
    first = tmp_path / "a.qdpx"
    run("export", "qdpx", "-o", first)
    note = _qde(first).find(".//q:Note", NS)
    assert note.get("creationDateTime") == "2031-05-06T07:08:09Z"
    other = tmp_path / "other.db"
    assert run("import", first, db_path=other).exit_code == 0
    second = tmp_path / "b.qdpx"
    run("export", "qdpx", "-o", second, db_path=other)
    assert zipfile.ZipFile(first).read("project.qde") == zipfile.ZipFile(second).read("project.qde")


def test_utf16_offsets_for_nvivo_and_back(run, tmp_path, db_path):
    from tests.conftest import TEXT, add_small_codebook, add_text_document

    db = connect(db_path)
    add_small_codebook(db)
    add_text_document(db, "😡😡 " + TEXT)
    quote, start, end = db.execute('SELECT id, start, "end" FROM quotes ORDER BY id').fetchone()
    assert run("code", quote, "--coder", "anna", "valentie=negatief").exit_code == 0
    out = tmp_path / "nvivo.qdpx"
    assert run("export", "qdpx", "-o", out, "--offsets", "utf-16").exit_code == 0
    archive = zipfile.ZipFile(out)
    source = _qde(out).find(".//q:TextSource", NS)
    text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
    selection = source.find("q:PlainTextSelection", NS)
    def units(i):
        return len(text[:i].encode("utf-16-le")) // 2

    written = (int(selection.get("startPosition")), int(selection.get("endPosition")))
    assert written == (units(start), units(end))
    other = tmp_path / "other.db"
    assert run("import", out, db_path=other).exit_code == 0
    assert connect(other).execute('SELECT start, "end" FROM quotes ORDER BY start').fetchone() == (start, end)
