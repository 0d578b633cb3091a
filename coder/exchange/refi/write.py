"""Writing `.qdc` and `.qdpx` files from a project."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

from coder.store.sqlite import sqlite_utils
from lxml import etree

from coder.codebook.sync import codebook_from_db
from coder.exchange.refi import CODEBOOK_NS, PROJECT_NS
from coder.exchange.refi.ids import guid, with_marker

VARIABLES = (("title", "Text"), ("organisation", "Text"), ("municipality", "Text"),
             ("year", "Integer"), ("doc_type", "Text"), ("team_type", "Text"),
             ("size_class", "Text"), ("region", "Text"))
EPOCH = "2000-01-01T00:00:00Z"


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
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def export_qdc(db: sqlite_utils.Database, path: Path) -> None:
    path.write_bytes(codebook_xml(db))


def _stamp(value: str | None) -> str:
    """QDA-XML wants xsd:dateTime; our timestamps are ISO already (seconds, UTC)."""
    if not value:
        return EPOCH
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return EPOCH
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def project_xml(db: sqlite_utils.Database, name: str) -> bytes:
    ns = PROJECT_NS
    E = lambda tag, parent=None, **attrs: (etree.SubElement(parent, f"{{{ns}}}{tag}", **attrs)  # noqa: E731
                                         if parent is not None else etree.Element(f"{{{ns}}}{tag}", **attrs))
    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns}, name=name, origin="coder")
    coders = list(db.query("SELECT id, name FROM coders ORDER BY name"))
    user_key = {c["id"]: c["name"].lower() for c in coders}  # names are unique without case
    user_guid = {coder_id: guid("user", key) for coder_id, key in user_key.items()}
    if coders:
        users = E("Users", root)
        for c in coders:
            E("User", users, guid=user_guid[c["id"]], name=c["name"], id=c["name"])
    book = E("CodeBook", root)
    book.append(_codes_element(db, ns))
    variables = E("Variables", root)
    for var, kind in VARIABLES:
        E("Variable", variables, guid=guid("variable", var), name=var, typeOfVariable=kind)
    documents = list(db.query("SELECT d.*, t.text FROM documents d JOIN document_texts t ON t.doc_id = d.id"
                              " ORDER BY d.sha256"))
    notes: list[tuple[str, str, int | None, str]] = []
    if documents:
        sources = E("Sources", root)
        for doc in documents:
            _text_source(db, E, sources, doc, user_key, user_guid, notes)
    if notes:
        notes_el = E("Notes", root)
        for note_guid, text, coder_id, at in notes:
            attrs = {"guid": note_guid, "name": "memo", "creationDateTime": _stamp(at)}
            if coder_id in user_guid:
                attrs["creatingUser"] = user_guid[coder_id]
            note = E("Note", notes_el, **attrs)
            E("PlainTextContent", note).text = text
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _text_source(db, E, sources, doc: dict, user_key: dict, user_guid: dict, notes: list) -> None:
    pages = " ".join(f"{p}:{s}-{e}" for p, s, e in db.execute(
        'SELECT page, start, "end" FROM pages WHERE doc_id = ? ORDER BY page', [doc["id"]]))
    source = E("TextSource", sources, guid=guid("source", doc["sha256"]), name=doc["title"] or doc["filename"],
               creationDateTime=_stamp(doc["imported_at"]))
    E("Description", source).text = with_marker({"sha256": doc["sha256"], "pages": pages.replace(" ", ",")},
                                                doc["filename"])
    E("PlainTextContent", source).text = doc["text"]
    quotes = list(db.query('SELECT * FROM quotes WHERE doc_id = ? ORDER BY start, "end"', [doc["id"]]))
    for q in quotes:
        sel_guid = guid("selection", doc["sha256"], q["start"], q["end"])
        attrs = {"guid": sel_guid, "name": q["text"][:60], "startPosition": str(q["start"]),
                 "endPosition": str(q["end"]), "creationDateTime": _stamp(q["created_at"])}
        if q["created_by"] in user_guid:
            attrs["creatingUser"] = user_guid[q["created_by"]]
        selection = E("PlainTextSelection", source, **attrs)
        marker = {"origin": q["origin"], "page": str(q["page"] or "")}
        E("Description", selection).text = with_marker(marker, q["attribution"] or "")
        for c in db.query("SELECT * FROM codings WHERE quote_id = ? ORDER BY coder_id, code", [q["id"]]):
            coding_guid = guid("coding", sel_guid, user_key[c["coder_id"]], c["code"])
            coding = E("Coding", selection, guid=coding_guid, creatingUser=user_guid[c["coder_id"]],
                       creationDateTime=_stamp(c["created_at"]))
            E("CodeRef", coding, targetGUID=guid("code", c["code"]))
            if c["memo"]:
                note_guid = guid("note", coding_guid)
                notes.append((note_guid, c["memo"], c["coder_id"], c["updated_at"]))
                E("NoteRef", coding, targetGUID=note_guid)
    for var, kind in VARIABLES:
        value = doc.get(var)
        if value in (None, ""):
            continue
        vv = E("VariableValue", source)
        E("VariableRef", vv, targetGUID=guid("variable", var))
        E("IntegerValue" if kind == "Integer" else "TextValue", vv).text = str(value)


def export_qdpx(db: sqlite_utils.Database, path: Path, name: str = "coder project") -> None:
    """A zip with project.qde (plain texts are inline, so sources/ stays empty)."""
    xml = project_xml(db, name)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        archive.writestr("sources/", b"")
    tmp.replace(path)
