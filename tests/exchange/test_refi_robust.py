"""Damaged and extreme REFI-QDA files: one line each, never a traceback."""

from __future__ import annotations

import zipfile

from coder.store.db import connect
from tests.exchange.test_refi_import import (
    NS,
    U1,
    g,
    selection,
    tool_project,
    write_zip,
)


def _corrupt(path, member: str):
    """Flip bytes in the middle of one member's deflate stream (its checksum stays)."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(path.read_bytes())
    header = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(header + 2, header + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


def test_corrupt_project_file_is_one_line(run, tmp_path):
    path = write_zip(tmp_path / "bad.qdpx", tool_project())
    _corrupt(path, "Project.qde")
    result = run("import", path, db_path=tmp_path / "b.db")
    assert result.exit_code == 1  # a batch with a failed file exits 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coder: error: ")
    assert "project.qde cannot be read" in lines[0]


def test_corrupt_source_is_skipped_and_the_rest_imported(run, tmp_path):
    entries = tool_project()
    entries[f"Sources/{g(10)}.txt"] = ("The vaccine is poison. " * 400).encode()  # long enough to deflate
    path = write_zip(tmp_path / "bad.qdpx", entries)
    _corrupt(path, f"Sources/{g(10)}.txt")
    result = run("import", path, db_path=tmp_path / "b.db")
    assert result.exit_code == 0, result.stderr
    assert "skipped: source 'interview': internal://" in result.stderr and "is damaged" in result.stderr
    titles = {r[0] for r in connect(tmp_path / "b.db").execute("SELECT title FROM documents")}
    assert titles == {"inline", "report"}


def test_codebook_nested_5000_deep(run, tmp_path):
    depth = 5000
    opening = "".join(f'<Code guid="{g(i)}" name="level {i}" isCodable="true">' for i in range(depth))
    qdc = tmp_path / "deep.qdc"
    qdc.write_text(f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{opening}{"</Code>" * depth}'
                   "</Codes></CodeBook>")
    result = run("import", qdc, db_path=tmp_path / "d.db")
    assert result.exit_code == 0, result.stderr
    assert f"{depth} code(s) in file → 1 facet(s), {depth} code(s)" in result.stderr
    labels = [r[0] for r in connect(tmp_path / "d.db").execute("SELECT label FROM codes ORDER BY position")]
    assert len(labels) == depth and len(max(labels, key=len)) <= 200 and labels[-1].endswith("level 4999")


def test_project_with_a_deep_tree_lands_its_coding(run, tmp_path):
    depth = 3000
    opening = "".join(f'<Code guid="{g(100 + i)}" name="c{i}" isCodable="true">' for i in range(depth))
    qde = (f'<Project xmlns="{NS}" name="d"><Users><User guid="{U1}" name="a"/></Users><CodeBook><Codes>'
           f'{opening}{"</Code>" * depth}</Codes></CodeBook><Sources><TextSource guid="{g(10)}" name="s">'
           f"<PlainTextContent>deep text</PlainTextContent>"
           f'{selection(g(20), (0, 4), [(g(30), U1, g(100 + depth - 1))])}</TextSource></Sources></Project>')
    path = write_zip(tmp_path / "deep.qdpx", {"project.qde": qde.encode()})
    result = run("import", path, db_path=tmp_path / "d.db")
    assert result.exit_code == 0, result.stderr
    assert "codings: 1 in file; 1 new (a 1)" in result.stderr


def _import_tool_project(run, tmp_path) -> str:
    result = run("import", write_zip(tmp_path / "t.qdpx", tool_project()), db_path=tmp_path / "t.db")
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_source_over_the_size_limit_is_skipped(run, tmp_path, monkeypatch):
    from coder.exchange.refi import read

    monkeypatch.setattr(read, "MAX_SOURCE_BYTES", 10)
    out = _import_tool_project(run, tmp_path)
    assert "skipped: source 'interview': internal://" in out
    assert "holds 66 bytes of text, more than the 10 bytes a document may have (4 coding(s)" in out


def test_a_large_source_is_read_in_blocks(run, tmp_path, monkeypatch):
    """Blocks far smaller than the text: the chunk seams must not move any offset."""
    from coder.exchange.refi import archive

    monkeypatch.setattr(archive, "BLOCK", 7)
    _import_tool_project(run, tmp_path)
    quotes = {r[0] for r in connect(tmp_path / "t.db").execute("SELECT text FROM quotes")}
    assert quotes == {"poison", "says one.", "Café", "inline", "Annual"}
