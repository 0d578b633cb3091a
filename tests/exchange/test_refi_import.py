"""Importing REFI-QDA files as other tools write them (hand-made files with hand-counted
gold, and the real NVivo/ATLAS.ti/Taguette files when the shared folder is there)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from tests.exchange.conftest import REAL

NS = "urn:QDA-XML:project:1.0"
U1, U2, U3 = ("aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002",
              "aaaaaaaa-0000-0000-0000-000000000003")
# Text as a Windows tool writes it: BOM, CRLF line ends, an emoji, a decomposed é.
RAW = "\ufeffFirst line\r\nThe vaccine is poison 😡 says one.\r\nCafe\u0301 talk\r\n"
# Offsets counted as the standard says: code points, the BOM not counted, CRLF as two.
POISON = (12 + len("The vaccine is "), 12 + len("The vaccine is poison"))
SAYS = (12 + len("The vaccine is poison 😡 "), 12 + len("The vaccine is poison 😡 says one."))
LINE2 = "The vaccine is poison 😡 says one.\r\n"
CAFE = (12 + len(LINE2), 12 + len(LINE2 + "Cafe\u0301"))


def selection(guid: str, span: tuple[int, int], codings: list[tuple[str, str, str]], note: str = "") -> str:
    inner = "".join(f'<Coding guid="{g}" creatingUser="{u}"><CodeRef targetGUID="{c}"/>'
                    + (f'<NoteRef targetGUID="{note}"/>' if note else "") + "</Coding>"
                    for g, u, c in codings)
    return (f'<PlainTextSelection guid="{guid}" startPosition="{span[0]}" endPosition="{span[1]}" '
            f'creatingUser="{U3}">{inner}</PlainTextSelection>')


def g(n: int) -> str:
    return f"bbbbbbbb-0000-0000-0000-{n:012d}"


CODES = f"""<CodeBook><Codes>
  <Code guid="{g(1)}" name="Risks" isCodable="true">
    <Description>Perceived risks</Description>
    <Code guid="{g(2)}" name="Vaccine" isCodable="false">
      <Code guid="{g(3)}" name="Poison" isCodable="true"/>
    </Code>
  </Code>
  <Code guid="{g(4)}" name="Talk" isCodable="true" color="#ff0000"/>
</Codes></CodeBook>"""


def tool_project() -> dict[str, bytes]:
    """A project as NVivo/ATLAS.ti write them: sources in `Sources/`, `Project.qde`."""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="t" origin="Tool X 1.0" creatingUserGUID="{U3}">
<Users><User guid="{U1}" name="Anna, B."/><User guid="{U2}" name="Bram"/>
<User guid="{U3}" name="Idle"/></Users>
{CODES}
<Variables><Variable guid="{g(50)}" name="Year" typeOfVariable="Integer"/>
<Variable guid="{g(51)}" name="Age" typeOfVariable="Integer"/></Variables>
<Cases><Case guid="{g(60)}" name="c"><VariableValue><VariableRef targetGUID="{g(50)}"/>
<IntegerValue>2021</IntegerValue></VariableValue><SourceRef targetGUID="{g(10)}"/></Case></Cases>
<Sources>
<TextSource guid="{g(10)}" name="interview" plainTextPath="internal://{g(10).upper()}.TXT" richTextPath="internal://x.docx">
{selection(g(20), POISON, [(g(30), U1, g(3)), (g(31), U2, g(3))], note=g(70))}
{selection(g(21), SAYS, [(g(32), U1, g(1))])}
{selection(g(22), CAFE, [(g(33), U2, g(4))])}
</TextSource>
<TextSource guid="{g(11)}" name="inline"><PlainTextContent>Short inline text.</PlainTextContent>
{selection(g(23), (6, 12), [(g(34), U1, g(4))])}
</TextSource>
<PDFSource guid="{g(12)}" name="report" path="internal://{g(12)}.pdf">
<PDFSelection guid="{g(24)}" page="1" firstX="0" firstY="0" secondX="9" secondY="9">
<Coding guid="{g(35)}" creatingUser="{U1}"><CodeRef targetGUID="{g(4)}"/></Coding></PDFSelection>
<Representation guid="{g(13)}" plainTextPath="internal://{g(13)}.txt">
{selection(g(25), (0, 6), [(g(36), U2, g(1))])}
</Representation></PDFSource>
<AudioSource guid="{g(14)}" name="tape" path="internal://{g(14)}.mp3">
<AudioSelection guid="{g(26)}" begin="0" end="9"><Coding guid="{g(37)}" creatingUser="{U1}">
<CodeRef targetGUID="{g(4)}"/></Coding></AudioSelection></AudioSource>
<TextSource guid="{g(15)}" name="gone" plainTextPath="internal://{g(15)}.txt">
{selection(g(27), (0, 2), [(g(38), U1, g(4))])}
</TextSource>
</Sources>
<Notes><Note guid="{g(70)}" creatingUser="{U1}"><PlainTextContent>Strong words.</PlainTextContent>
</Note></Notes>
</Project>"""
    return {"Project.qde": qde.encode("utf-8"), f"Sources/{g(10)}.txt": RAW.encode("utf-8"),
            f"Sources/{g(10)}.docx": b"PK", f"sources/{g(12)}.pdf": b"%PDF-1.4 fake",
            f"sources/{g(13)}.txt": b"Annual report text."}


def write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def imported(run, tmp_path):
    path = write_zip(tmp_path / "tool.qdpx", tool_project())
    result = run("import", path, db_path=tmp_path / "t.db")
    assert result.exit_code == 0, result.stderr
    from coder.store.db import connect

    return result.stderr, connect(tmp_path / "t.db")


def test_each_coding_lands_on_the_text_the_tool_selected(imported):
    _, db = imported
    rows = {(r[0], r[1], r[2]) for r in db.execute(
        "SELECT q.text, c.name, k.code FROM codings k JOIN quotes q ON q.id = k.quote_id"
        " JOIN coders c ON c.id = k.coder_id")}
    assert rows == {("poison", "Anna B.", "vaccine_poison"), ("poison", "Bram", "vaccine_poison"),
                    ("says one.", "Anna B.", "risks"), ("Café", "Bram", "talk"),
                    ("inline", "Anna B.", "talk"), ("Annual", "Bram", "risks")}


def test_the_text_is_normalised_and_offsets_follow(imported):
    _, db = imported
    text = db.execute("SELECT text FROM document_texts t JOIN documents d ON d.id = t.doc_id"
                      " WHERE d.title = 'interview'").fetchone()[0]
    assert text == "First line\nThe vaccine is poison 😡 says one.\nCafé talk\n"
    for (quote,) in db.execute("SELECT text FROM quotes"):
        assert quote in ("poison", "says one.", "Café", "inline", "Annual")


def test_users_without_codings_are_not_coders(imported):
    _, db = imported
    assert {r[0] for r in db.execute("SELECT name FROM coders")} == {"Anna B.", "Bram"}


def test_tree_becomes_facets_with_path_labels(imported):
    _, db = imported
    codes = {r[0]: (r[1], r[2]) for r in db.execute("SELECT key, facet, label FROM codes")}
    assert codes == {"risks": ("risks", "Risks"), "vaccine": ("risks", "Vaccine"),
                     "vaccine_poison": ("risks", "Vaccine / Poison"), "talk": ("codes", "Talk")}
    assert {r[0] for r in db.execute("SELECT label FROM facets")} == {"Risks", "Codes"}


def test_memos_metadata_and_the_pdf_are_kept(imported):
    _, db = imported
    memos = {r[0] for r in db.execute("SELECT memo FROM codings WHERE memo IS NOT NULL")}
    assert memos == {"Strong words."}  # only Anna's coding: the note is hers
    assert db.execute("SELECT year FROM documents WHERE title = 'interview'").fetchone()[0] == 2021
    pdf = db.execute("SELECT f.filename, f.bytes FROM document_files f JOIN documents d ON d.id = f.doc_id"
                     " WHERE d.title = 'report'").fetchone()
    assert pdf == (f"{g(12)}.pdf", len(b"%PDF-1.4 fake"))


def test_summary_accounts_for_every_code_and_coding(imported):
    out, _ = imported
    assert "sources: 5 in file; 3 new document(s), 0 already in the project, 1 PDF(s) kept, 2 skipped" in out
    assert "codes: 4 code(s) in file → 1 facet(s) from top-level codes" in out
    assert "codings: 9 in file; 6 new (Anna B. 3, Bram 3), 0 already present, 3 skipped" in out
    assert re.search(r"skipped: source 'tape': audio is not imported .*\(1 coding", out)
    assert re.search(r"skipped: source 'report': codings on PDF regions .*\(1 coding", out)
    assert re.search(r"skipped: source 'gone': internal://\S+ is not in the .qdpx \(1 coding", out)
    assert "skipped: variable 'Age': no document field of that name" in out
    assert "skipped: 1 case(s) as such (only their values of document fields are kept)" in out
    assert "kept as codes although marked not codable: Vaccine" in out


def test_importing_twice_adds_nothing(imported, run, tmp_path):
    again = run("import", tmp_path / "tool.qdpx", db_path=tmp_path / "t.db")
    assert "0 new document(s), 3 already in the project" in again.stderr
    assert "0 new (none), 6 already present" in again.stderr
    assert "0 facet(s) and 0 code(s) new in the project" in again.stderr


def test_merge_keeps_the_project_codebook(project, run, tmp_path):
    before = {r[0] for r in project.execute("SELECT key FROM codes")}
    path = write_zip(tmp_path / "tool.qdpx", tool_project())
    assert run("import", path).exit_code == 0
    after = {r[0]: r[1] for r in project.execute("SELECT key, facet FROM codes")}
    assert before <= set(after) and len(after) == len(before) + 4
    assert {"transformatiedoel", "valentie", "drie_vs", "risks", "codes"} == {
        r[0] for r in project.execute("SELECT key FROM facets")}


def test_a_name_taken_in_the_project_gets_a_number(project, run, tmp_path):
    qdc = tmp_path / "c.qdc"
    qdc.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                   f'<Code guid="{g(1)}" name="Positief" isCodable="true"/></Codes></CodeBook>')
    assert run("import", qdc).exit_code == 0
    facet = project.execute("SELECT facet FROM codes WHERE key = 'positief'").fetchone()[0]
    assert facet == "valentie"  # the project's code is untouched
    added = project.execute("SELECT facet, label FROM codes WHERE key = 'positief_2'").fetchone()
    assert added == ("codes", "Positief")


def test_users_only_project_is_empty_not_an_error(run, tmp_path):
    qde = f'<Project xmlns="{NS}" name="e"><Users><User guid="{U1}" name="a"/></Users></Project>'
    path = write_zip(tmp_path / "empty.qdpx", {"project.qde": qde.encode()})
    result = run("import", path, db_path=tmp_path / "e.db")
    assert result.exit_code == 0, result.stderr
    assert "empty (no codes, sources or codings); nothing imported" in result.stderr


def test_utf16_counting_for_nvivo(run, tmp_path):
    """NVivo counts in UTF-16 units (an emoji is two): its origin selects that counting."""
    text = "😡😡 angry\r\nnext"
    qde = (f'<Project xmlns="{NS}" name="n" origin="NVivo for Windows 12.6">'
           f'<Users><User guid="{U1}" name="a"/>'
           f'</Users>{CODES}<Sources><TextSource guid="{g(10)}" name="s" plainTextPath="internal://{g(10)}.txt">'
           f'{selection(g(20), (5, 10), [(g(30), U1, g(4))])}'
           f'{selection(g(21), (12, 16), [(g(31), U1, g(4))])}'
           "</TextSource></Sources></Project>")
    entries = {"project.qde": qde.encode(), f"sources/{g(10)}.txt": text.encode()}
    path = write_zip(tmp_path / "nv.qdpx", entries)
    result = run("import", path, db_path=tmp_path / "n.db")
    assert "offsets counted as utf-16" in result.stderr
    from coder.store.db import connect

    assert {r[0] for r in connect(tmp_path / "n.db").execute("SELECT text FROM quotes")} == {"angry", "next"}


# --- the real files (development set; skipped when ../shared is not beside the checkout) ---

def _count(path: Path) -> tuple[int, Counter]:
    """Codes, and codings per creatingUser, counted with plain XML parsing."""
    if path.suffix == ".qdpx":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.lower() == "project.qde")
            root = ET.fromstring(archive.read(name))
    else:
        root = ET.fromstring(path.read_bytes())
    tags = [e for e in root.iter()]
    codes = sum(1 for e in tags if e.tag.endswith("}Code"))
    codings = Counter(e.get("creatingUser") for e in tags if e.tag.endswith("}Coding"))
    return codes, codings


@pytest.mark.parametrize("name", ["nvivo_win_12.6_oltas.qdpx", "atlasti_win_23.2_target_project.qdpx",
                                  "taguette_1.4.1_codebook.qdc"])
def test_real_files_are_accounted_for(name, run, tmp_path):
    path = REAL / name
    if not path.exists():
        pytest.skip("the shared development files are not beside this checkout")
    codes, codings = _count(path)
    result = run("import", path, db_path=tmp_path / "r.db")
    assert result.exit_code == 0, result.stderr
    out = result.stderr
    assert re.search(rf"\b{codes} code\(s\) in file\b", out), out
    from coder.store.db import connect

    db = connect(tmp_path / "r.db")
    assert db.execute("SELECT COUNT(*) FROM codes").fetchone()[0] == codes  # every code is a code
    if path.suffix == ".qdpx":
        total = sum(codings.values())
        found = re.search(r"codings: (\d+) in file; (\d+) new .*, (\d+) already present, (\d+) skipped", out)
        assert found and int(found[1]) == total and int(found[2]) + int(found[3]) + int(found[4]) == total
        assert db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == total  # all sources present here
        assert db.execute("SELECT COUNT(*) FROM coders").fetchone()[0] == len(codings)


def test_nvivo_selections_end_where_the_comment_ends(run, tmp_path):
    """Gold read by hand from the file: the first selection (233-409, UTF-16 units, CRLF
    counted as two) is the whole comment line that starts "Na mi van?"."""
    path = REAL / "nvivo_win_12.6_oltas.qdpx"
    if not path.exists():
        pytest.skip("the shared development files are not beside this checkout")
    run("import", path, db_path=tmp_path / "r.db")
    from coder.store.db import connect

    texts = [r[0] for r in connect(tmp_path / "r.db").execute("SELECT text FROM quotes ORDER BY start")]
    assert texts[0].startswith("Na mi van? Nem mertétek") and texts[0].endswith("haltok meg covidban.")
    assert "Nem tehetik kötelezővé! 😡😡" in texts


def test_nvivo_project_goes_out_again_valid(run, tmp_path, project_schema):
    """What came from NVivo leaves as a valid file with the same codings and quote texts."""
    path = REAL / "nvivo_win_12.6_oltas.qdpx"
    if not path.exists():
        pytest.skip("the shared development files are not beside this checkout")
    db_path = tmp_path / "r.db"
    run("import", path, db_path=db_path)
    out = tmp_path / "out.qdpx"
    assert run("export", "qdpx", "-o", out, db_path=db_path).exit_code == 0
    with zipfile.ZipFile(out) as archive:
        from lxml import etree

        doc = etree.fromstring(archive.read("project.qde"))
        assert project_schema.validate(doc), project_schema.error_log.last_error
        source = doc.find(f".//{{{NS}}}TextSource")
        text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
    from coder.store.db import connect

    quotes = {r[0] for r in connect(db_path).execute("SELECT text FROM quotes")}
    spans = {text[int(s.get("startPosition")):int(s.get("endPosition"))]
             for s in source.iter(f"{{{NS}}}PlainTextSelection")}
    assert spans == quotes and len(doc.findall(f".//{{{NS}}}Coding")) == 97
