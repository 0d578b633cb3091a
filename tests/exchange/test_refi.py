"""REFI-QDA: exports validate against the official schemas and read back unchanged."""

import io
import zipfile

from lxml import etree

from coder.exchange.refi.write import codebook_xml, project_xml


def test_codebook_validates(coded, codebook_schema):
    doc = etree.fromstring(codebook_xml(coded))
    assert codebook_schema.validate(doc), codebook_schema.error_log.last_error


def test_project_validates_and_carries_users_selections_and_codings(coded, project_schema):
    doc = etree.fromstring(project_xml(coded, "test"))
    assert project_schema.validate(doc), project_schema.error_log.last_error
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert sorted(u.get("name") for u in doc.iterfind(".//q:User", ns)) == ["anna", "bram"]
    codings = doc.findall(".//q:PlainTextSelection/q:Coding", ns)
    assert len(codings) == 7 and all(c.get("creatingUser") for c in codings)
    assert doc.find(".//q:Note/q:PlainTextContent", ns).text == "sterk citaat"


def test_a_memo_is_one_note_however_many_codings_carry_it(coded):
    doc = etree.fromstring(project_xml(coded, "test"))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    notes = doc.findall(".//q:Notes/q:Note", ns)
    refs = doc.findall(".//q:Coding/q:NoteRef", ns)
    assert len(notes) == 1 and len(refs) == 3  # anna's memo on her three codings of one quote
    assert {r.get("targetGUID") for r in refs} == {notes[0].get("guid")}


def _zip_source(path):
    archive = zipfile.ZipFile(path)
    doc = etree.fromstring(archive.read("project.qde"))
    return archive, doc, {"q": "urn:QDA-XML:project:1.0"}


def test_texts_are_files_in_sources_with_plain_text_path(coded, run, tmp_path, project_schema):
    out = tmp_path / "a.qdpx"
    assert run("export", "qdpx", "-o", out).exit_code == 0
    archive, doc, ns = _zip_source(out)
    assert project_schema.validate(doc), project_schema.error_log.last_error
    source = doc.find(".//q:TextSource", ns)
    assert source.find("q:PlainTextContent", ns) is None
    name = source.get("plainTextPath").removeprefix("internal://")
    raw = archive.read(f"sources/{name}")
    assert raw.decode("utf-8") == coded.execute("SELECT text FROM document_texts").fetchone()[0]
    assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")


def test_selection_offsets_point_at_the_quote_text(coded, run, tmp_path):
    out = tmp_path / "a.qdpx"
    run("export", "qdpx", "-o", out)
    archive, doc, ns = _zip_source(out)
    source = doc.find(".//q:TextSource", ns)
    text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
    stored = {r[0] for r in coded.execute("SELECT text FROM quotes")}
    for sel in source.findall("q:PlainTextSelection", ns):
        assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] in stored


def test_qdpx_round_trip_is_identical(coded, run, tmp_path):
    first = tmp_path / "a.qdpx"
    assert run("export", "qdpx", "-o", first).exit_code == 0
    other = tmp_path / "other.db"
    result = run("import", first, db_path=other)
    assert result.exit_code == 0, result.stderr
    assert "1 new document(s)" in result.stderr and "quotes: 2 new" in result.stderr
    assert "7 new (anna 5, bram 2)" in result.stderr
    second = tmp_path / "b.qdpx"
    assert run("export", "qdpx", "-o", second, db_path=other).exit_code == 0
    def read(path):
        return zipfile.ZipFile(path).read("project.qde")

    assert read(first) == read(second)
    again = run("import", first, db_path=other)
    assert "0 new document(s), 1 already in the project" in again.stderr
    assert "0 new (none), 7 already present" in again.stderr and "quotes: 0 new" in again.stderr


def test_qdc_import_adds_codes_without_dropping_any(coded, run, tmp_path):
    qdc = tmp_path / "c.qdc"
    xml = codebook_xml(coded).replace(b'name="vertrouwen"', b'name="Vertrouwen"')
    extra = (b'<Code guid="11111111-2222-3333-4444-555555555555" name="Nieuwe code" isCodable="true"/>'
             b"</Codes>")
    qdc.write_bytes(xml.replace(b"</Codes>", extra))
    result = run("import", qdc)
    assert result.exit_code == 0, result.stderr
    keys = {r[0] for r in coded.execute("SELECT key FROM codes")}
    assert {"nieuwe_code", "vertrouwen", "normaliseren"} <= keys


def _zip(path, entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_zip_entries_that_escape_are_rejected(project, run, tmp_path):
    bad = _zip(tmp_path / "evil.qdpx", {"project.qde": b"<Project/>", "../../etc/x": b"x"})
    result = run("import", bad)
    assert result.exit_code == 1
    assert "escapes the project folder" in result.stderr and "evil.qdpx" in result.stderr


def test_broken_xml_and_non_zip_are_one_line_errors(project, run, tmp_path):
    broken = _zip(tmp_path / "broken.qdpx", {"project.qde": b"<Project><Users>"})
    notzip = tmp_path / "plain.qdpx"
    notzip.write_text("hello")
    result = run("import", broken, notzip)
    lines = result.stderr.strip().splitlines()
    assert any("broken.qdpx" in l and "not valid QDA-XML" in l for l in lines)
    assert any("plain.qdpx" in l and "not a .qdpx" in l for l in lines)


def test_entity_expansion_is_refused(project, run, tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    path = tmp_path / "bomb.qdc"
    path.write_bytes(bomb)
    result = run("import", path)
    assert result.exit_code == 1 and "bomb.qdc" in result.stderr
