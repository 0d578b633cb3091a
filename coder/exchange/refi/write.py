"""Writing `.qdc` and `.qdpx` files from a project."""

from __future__ import annotations

import hashlib
import re
import zipfile
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from coder.codebook.sync import codebook_from_db
from coder.coding.coders import CONSENSUS
from coder.exchange.refi import CODEBOOK_NS, PROJECT_NS
from coder.exchange.refi.ids import guid, with_marker
from coder.exchange.refi.texts import CODE_POINTS, UTF16
from coder.quotes.store import document_text
from coder.store.files import file_blocks, stored_file
from coder.store.sqlite import sqlite_utils

VARIABLES = (("title", "Text"), ("organisation", "Text"), ("municipality", "Text"),
             ("year", "Integer"), ("doc_type", "Text"), ("team_type", "Text"),
             ("size_class", "Text"), ("region", "Text"))
EPOCH = "2000-01-01T00:00:00Z"
CONSENSUS_USER = "consensus (adjudicated layer)"
BLOCK = 1 << 20


def _codes_element(db: sqlite_utils.Database, ns: str) -> etree._Element:
    codes = etree.Element(f"{{{ns}}}Codes")
    for facet in codebook_from_db(db).facets:
        parent = etree.SubElement(codes, f"{{{ns}}}Code", guid=guid("facet", facet.key),
                                  name=facet.label, isCodable="false")
        etree.SubElement(parent, f"{{{ns}}}Description").text = with_marker(
            {"facet": facet.key, "mode": facet.mode}, facet.description)
        for code in facet.codes:
            attrs = {"guid": guid("code", code.key), "name": code.label, "isCodable": "true"}
            if code.colour:
                attrs["color"] = code.colour
            child = etree.SubElement(parent, f"{{{ns}}}Code", **attrs)
            etree.SubElement(child, f"{{{ns}}}Description").text = with_marker(
                {"code": code.key}, code.description)
    return codes


def codebook_xml(db: sqlite_utils.Database) -> bytes:
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin="coder")
    root.append(_codes_element(db, CODEBOOK_NS))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml


def export_qdc(db: sqlite_utils.Database, path: Path) -> None:
    path.write_bytes(codebook_xml(db))


def _stamp(value: str | None) -> str:
    """QDA-XML wants xsd:dateTime; our timestamps are ISO already (seconds, UTC)."""
    if not value:
        return EPOCH
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return EPOCH
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Notes = dict[str, tuple[str, int, str]]  # note guid → (memo, coder id, last change)


def _el(parent: Any, tag: str, **attrs: str) -> Any:
    return etree.SubElement(parent, f"{{{PROJECT_NS}}}{tag}", **attrs)


@dataclass
class SourceFile:
    """A file that goes into the zip's `sources/` beside project.qde."""

    name: str
    doc_id: int
    kind: str  # "text" (the document's normalised text) or "pdf" (its original file)
    disk: Path | None = None  # the PDF on disk, when it is not stored in the project


def project_xml(db: sqlite_utils.Database, name: str) -> bytes:
    xml: bytes = project_parts(db, name)[0]
    return xml


@dataclass
class _Out:
    """What every source of one export needs: the users, the memos met so far, and how
    offsets are counted (code points, as the standard says, or UTF-16 units for NVivo)."""

    user_key: dict[int, str]
    user_guid: dict[int, str]
    offsets: str = CODE_POINTS
    notes: Notes = field(default_factory=dict)


def project_parts(db: sqlite_utils.Database, name: str,
                  offsets: str = CODE_POINTS) -> tuple[bytes, list[SourceFile]]:
    """project.qde and the source files it references (`internal://<guid>.txt|.pdf`)."""
    ns = PROJECT_NS
    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns}, name=name, origin="coder")
    coders = list(db.query("SELECT id, name, kind FROM coders ORDER BY name"))
    user_key = {c["id"]: c["name"].lower() for c in coders}  # names are unique without case
    user_guid = {coder_id: guid("user", key) for coder_id, key in user_key.items()}
    if coders:
        users = _el(root, "Users")
        for c in coders:
            if c["kind"] == "consensus":  # the adjudicated layer, named so in other tools
                _el(users, "User", guid=user_guid[c["id"]], name=CONSENSUS_USER, id=CONSENSUS)
            else:
                _el(users, "User", guid=user_guid[c["id"]], name=c["name"], id=c["name"])
    book = _el(root, "CodeBook")
    book.append(_codes_element(db, ns))
    variables = _el(root, "Variables")
    for var, kind in VARIABLES:
        _el(variables, "Variable", guid=guid("variable", var), name=var, typeOfVariable=kind)
    documents = list(db.query("SELECT * FROM documents ORDER BY sha256"))
    out = _Out(user_key, user_guid, offsets)
    files: list[SourceFile] = []
    if documents:
        sources = _el(root, "Sources")
        for doc in documents:
            files += _source(db, sources, doc, out)
    if out.notes:
        notes_el = _el(root, "Notes")
        for note_guid, (text, coder_id, at) in out.notes.items():
            note = _el(notes_el, "Note", guid=note_guid, name="memo", creatingUser=user_guid[coder_id],
                     creationDateTime=_stamp(at))
            _el(note, "PlainTextContent").text = text
    if offsets != CODE_POINTS:  # so that our own reader counts as the file was written
        _el(root, "Description").text = with_marker({"offsets": offsets})
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, files


def _original_pdf(db: sqlite_utils.Database, doc: dict[str, Any]) -> tuple[bool, Path | None] | None:
    """Where the document's PDF is: stored in the project, or on disk unchanged since import."""
    if stored_file(db, doc["id"]):
        return True, None
    path = Path(doc["path"] or "")
    if path.suffix.lower() == ".pdf" and path.is_file():
        try:
            with path.open("rb") as stream:
                if hashlib.file_digest(stream, "sha256").hexdigest() == doc["sha256"]:
                    return False, path
        except OSError:
            return None
    return None


def _source(db: sqlite_utils.Database, sources: Any, doc: dict[str, Any], out: _Out) -> list[SourceFile]:
    """A TextSource, or a PDFSource with the text as its Representation when we have the PDF."""
    pages = ",".join(f"{p}:{s}-{e}" for p, s, e in db.execute(
        'SELECT page, start, "end" FROM pages WHERE doc_id = ? ORDER BY page', [doc["id"]]))
    source_guid = guid("source", doc["sha256"])
    name = doc["title"] or doc["filename"]
    pdf = _original_pdf(db, doc)
    files: list[SourceFile] = []
    stamp = _stamp(doc["imported_at"])
    if pdf is not None:
        owner = _el(sources, "PDFSource", guid=source_guid, name=name, path=f"internal://{source_guid}.pdf",
                    creationDateTime=stamp)
    else:
        owner = _el(sources, "TextSource", guid=source_guid, name=name,
                    plainTextPath=f"internal://{source_guid}.txt", creationDateTime=stamp)
    marker = {"sha256": doc["sha256"], "pages": pages}
    _el(owner, "Description").text = with_marker(marker, doc["filename"])
    if pdf is not None:
        files.append(SourceFile(f"sources/{source_guid}.pdf", doc["id"], "pdf", pdf[1]))
        text_guid = guid("text", doc["sha256"])
        text_source = _el(owner, "Representation", guid=text_guid, name=name,
                          plainTextPath=f"internal://{text_guid}.txt")
    else:
        text_guid, text_source = source_guid, owner
    files.append(SourceFile(f"sources/{text_guid}.txt", doc["id"], "text"))
    _selections(db, text_source, doc, out)
    for var, kind in VARIABLES:
        value = doc.get(var)
        if value in (None, ""):
            continue
        vv = _el(owner, "VariableValue")
        _el(vv, "VariableRef", targetGUID=guid("variable", var))
        _el(vv, "IntegerValue" if kind == "Integer" else "TextValue").text = str(value)
    return files


def _selections(db: sqlite_utils.Database, text_source: Any, doc: dict[str, Any], out: _Out) -> None:
    """One PlainTextSelection per quote with a Coding per coder and code; a memo becomes one
    Note per quote, coder and text, referenced from each of that coder's codings it is on."""
    quotes = list(db.query('SELECT * FROM quotes WHERE doc_id = ? ORDER BY start, "end"', [doc["id"]]))
    user_key, user_guid, notes = out.user_key, out.user_guid, out.notes
    unit = _units(document_text(db, doc["id"]), out.offsets) if quotes else (lambda i: i)
    for q in quotes:
        sel_guid = guid("selection", doc["sha256"], q["start"], q["end"])
        attrs = {"guid": sel_guid, "name": q["text"][:60], "startPosition": str(unit(q["start"])),
                 "endPosition": str(unit(q["end"])), "creationDateTime": _stamp(q["created_at"])}
        if q["created_by"] in user_guid:
            attrs["creatingUser"] = user_guid[q["created_by"]]
        selection = _el(text_source, "PlainTextSelection", **attrs)
        marker = {"origin": q["origin"], "page": str(q["page"] or "")}
        _el(selection, "Description").text = with_marker(marker, q["attribution"] or "")
        for c in db.query("SELECT * FROM codings WHERE quote_id = ? ORDER BY coder_id, code", [q["id"]]):
            coding_guid = guid("coding", sel_guid, user_key[c["coder_id"]], c["code"])
            coding = _el(selection, "Coding", guid=coding_guid, creatingUser=user_guid[c["coder_id"]],
                       creationDateTime=_stamp(c["created_at"]))
            _el(coding, "CodeRef", targetGUID=guid("code", c["code"]))
            if c["memo"]:
                note_guid = guid("note", sel_guid, user_key[c["coder_id"]], c["memo"])
                at = max(c["updated_at"], notes.get(note_guid, ("", 0, ""))[2])
                notes[note_guid] = (c["memo"], c["coder_id"], at)
                _el(coding, "NoteRef", targetGUID=note_guid)


def _units(text: str, offsets: str) -> Callable[[int], int]:
    """Our offsets (code points) in the counting asked for: UTF-16 counts each character
    beyond the Basic Multilingual Plane (emoji) twice."""
    if offsets != UTF16:
        return lambda index: index
    astral = [found.start() for found in re.finditer("[\U00010000-\U0010ffff]", text)]
    return lambda index: index + bisect_left(astral, index)


def export_qdpx(db: sqlite_utils.Database, path: Path, name: str = "coder project",
                offsets: str = CODE_POINTS) -> None:
    """A zip with project.qde and `sources/`: each text as UTF-8 with `\n` line ends, and
    the original PDF where the project has it (stored, or on disk unchanged)."""
    xml, files = project_parts(db, name, offsets)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry("project.qde"), xml)
        for item in files:
            with archive.open(_entry(item.name), "w", force_zip64=True) as out:
                for block in _blocks(db, item):
                    out.write(block)
    tmp.replace(path)


def _entry(name: str) -> zipfile.ZipInfo:
    """Fixed timestamps: exporting the same project twice gives the same zip."""
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _blocks(db: sqlite_utils.Database, item: SourceFile) -> Iterator[bytes]:
    if item.kind == "text":
        text = document_text(db, item.doc_id)
        for start in range(0, len(text), BLOCK):
            yield text[start:start + BLOCK].encode("utf-8")
    elif item.disk is not None:
        with item.disk.open("rb") as stream:
            while block := stream.read(BLOCK):
                yield block
    else:
        yield from file_blocks(db, item.doc_id)
