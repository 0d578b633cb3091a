"""Reading `.qdc` and `.qdpx` files into a project (one transaction per file).

XML is parsed with defusedxml; a `.qdpx` is read in memory, and any zip entry whose name
would escape the project folder (absolute, `..`, drive letters) rejects the whole file.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from coder.store.sqlite import sqlite_utils
from defusedxml import ElementTree as SafeET

from coder.codebook.model import Code, Codebook, Facet
from coder.codebook.sync import codebook_from_db, sync_codebook
from coder.coding.coders import ensure_coder
from coder.store.db import write
from coder.errors import InputError
from coder.coding.events import now
from coder.quotes.store import PageIndex, find_quote
from coder.exchange.refi.ids import split_marker
from coder.exchange.refi.write import VARIABLES

MAX_QDE_BYTES = 512 * 1024 * 1024


@dataclass
class ParsedCodebook:
    codebook: Codebook
    key_by_guid: dict[str, str] = field(default_factory=dict)
    facet_by_key: dict[str, str] = field(default_factory=dict)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


def _slug(name: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
    return slug or "code"


def _parse_xml(data: bytes, where: str):
    try:
        return SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises several kinds; all mean "not usable XML"
        raise InputError(f"{where}: not valid QDA-XML ({exc})") from None


def parse_codes(codes_element, where: str) -> ParsedCodebook:
    facets: list[Facet] = []
    loose: list[Code] = []
    key_by_guid: dict[str, str] = {}
    seen: set[str] = set()

    def code_of(element, facet_key: str) -> Code:
        marker, description = split_marker(_text(element, "Description"))
        key = marker.get("code") or _slug(element.get("name", ""))
        base, n = key, 2
        while key in seen:
            key, n = f"{base}_{n}", n + 1
        seen.add(key)
        key_by_guid[element.get("guid", "")] = key
        colour = element.get("color")
        return Code(key=key, label=element.get("name") or key, facet=facet_key,
                    description=description, colour=colour if colour and len(colour) == 7 else None)

    for top in _children(codes_element, "Code"):
        marker, description = split_marker(_text(top, "Description"))
        nested = _descendant_codes(top)
        if "facet" in marker or nested:
            key = marker.get("facet") or _slug(top.get("name", ""))
            mode = marker.get("mode") if marker.get("mode") in ("single", "multi") else "multi"
            codes = tuple(code_of(c, key) for c in nested)
            if top.get("isCodable") == "true" and "facet" not in marker:
                codes = (code_of(top, key),) + codes
            facets.append(Facet(key, top.get("name") or key, mode, description, codes))
        else:
            loose.append(code_of(top, "codes"))
    if loose:
        facets.append(Facet("codes", "Codes", "multi", "Codes imported without a parent", tuple(loose)))
    if not facets:
        raise InputError(f"{where}: the codebook has no codes")
    book = Codebook("REFI-QDA import", "", tuple(facets))
    return ParsedCodebook(book, key_by_guid, {c.key: c.facet for c in book.all_codes()})


def _descendant_codes(element) -> list:
    out = []
    for child in _children(element, "Code"):
        out.append(child)
        out.extend(_descendant_codes(child))
    return out


def merge_codebook(db: sqlite_utils.Database, imported: Codebook) -> None:
    """Add the imported facets and codes to the project's codebook; never drop a code."""
    current = codebook_from_db(db)
    facets = {f.key: f for f in current.facets}
    for facet in imported.facets:
        if facet.key in facets:
            existing = facets[facet.key]
            known = {c.key for c in existing.codes}
            extra = tuple(c for c in facet.codes if c.key not in known)
            facets[facet.key] = Facet(existing.key, existing.label, existing.mode,
                                      existing.description, existing.codes + extra)
        else:
            facets[facet.key] = facet
    merged = Codebook(current.name or imported.name, current.version or "refi-qda",
                      tuple(facets.values()), current.language)
    sync_codebook(db, merged)


def import_qdc(db: sqlite_utils.Database, path: Path) -> str:
    root = _parse_xml(_read_bytes(path), str(path))
    if _local(root.tag) != "CodeBook" or _child(root, "Codes") is None:
        raise InputError(f"{path}: not a REFI-QDA codebook (root must be CodeBook with Codes)")
    parsed = parse_codes(_child(root, "Codes"), str(path))
    with write(db):
        merge_codebook(db, parsed.codebook)
    n = len(parsed.codebook.all_codes())
    return f"{path}: codebook with {len(parsed.codebook.facets)} facet(s), {n} code(s) merged"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def read_qde(path: Path) -> bytes:
    """project.qde from a .qdpx, after checking every entry name is safe."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError(f"{path}: not a .qdpx (zip) file ({exc})") from None
    with archive:
        for info in archive.infolist():
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
                raise InputError(f"{path}: zip entry {name!r} escapes the project folder; nothing imported")
        qde = next((i for i in archive.infolist() if i.filename.lower().endswith(".qde")), None)
        if qde is None:
            raise InputError(f"{path}: no project.qde inside")
        if qde.file_size > MAX_QDE_BYTES:
            raise InputError(f"{path}: project.qde is larger than {MAX_QDE_BYTES >> 20} MiB")
        try:
            return archive.read(qde)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as exc:  # damaged deflate stream, bad CRC, encryption, odd method
            raise InputError(f"{path}: project.qde cannot be read from the zip ({exc})") from None


def import_qdpx(db: sqlite_utils.Database, path: Path) -> str:
    root = _parse_xml(read_qde(path), f"{path}:project.qde")
    if _local(root.tag) != "Project":
        raise InputError(f"{path}: project.qde has no Project root")
    book = _child(root, "CodeBook")
    parsed = parse_codes(_child(book, "Codes"), str(path)) if book is not None else None
    users = {u.get("guid"): (u.get("name") or u.get("id") or u.get("guid")) for u in
             _children(_child(root, "Users"), "User")} if _child(root, "Users") is not None else {}
    variables = {v.get("guid"): v.get("name") for v in
                 _children(_child(root, "Variables"), "Variable")} if _child(root, "Variables") is not None else {}
    notes = {}
    if _child(root, "Notes") is not None:
        notes = {n.get("guid"): (_text(n, "PlainTextContent"), n.get("creationDateTime"))
                 for n in _children(_child(root, "Notes"), "Note")}
    sources = _children(_child(root, "Sources"), "TextSource") if _child(root, "Sources") is not None else []
    counts = {"documents": 0, "quotes": 0, "codings": 0}
    with write(db):
        if parsed is not None:
            merge_codebook(db, parsed.codebook)
        coder_ids = {g: ensure_coder(db, name)[0].id for g, name in users.items()}
        for source in sources:
            _import_source(db, path, source, parsed, coder_ids, variables, notes, counts)
    return (f"{path}: {counts['documents']} new document(s), {counts['quotes']} new quote(s), "
            f"{counts['codings']} new coding(s) from {len(users)} coder(s)")


def _import_source(db, path: Path, source, parsed, coder_ids, variables, notes, counts) -> None:
    name = source.get("name") or "document"
    content = _child(source, "PlainTextContent")
    if content is None:
        raise InputError(f"{path}: source {name!r} has no PlainTextContent (only inline text is supported)")
    text = content.text or ""
    marker, filename = split_marker(_text(source, "Description"))
    sha = marker.get("sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest()
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
    if row:
        doc_id = row[0]
    else:
        meta = _variable_values(source, variables)
        doc_id = db["documents"].insert({
            "path": f"{path.name}:{filename or name}", "filename": filename or name, "sha256": sha,
            "title": meta.pop("title", None) or name, **meta, "pages": 0, "chars": len(text),
            "extractor": "refi-qda", "imported_at": source.get("creationDateTime") or now()}).last_pk
        db["document_texts"].insert({"doc_id": doc_id, "text": text})
        pages = _pages(marker.get("pages", ""), len(text))
        db["pages"].insert_all([{"doc_id": doc_id, "page": p, "start": s, "end": e} for p, s, e in pages])
        db["documents"].update(doc_id, {"pages": len(pages)})
        counts["documents"] += 1
    pages = PageIndex(list(db.execute('SELECT page, start, "end" FROM pages WHERE doc_id = ?', [doc_id])))
    for selection in _children(source, "PlainTextSelection"):
        _import_selection(db, path, doc_id, text, pages, selection, parsed, coder_ids, notes, counts)


def _variable_values(source, variables: dict) -> dict:
    allowed = {name for name, _ in VARIABLES}
    out = {}
    for vv in _children(source, "VariableValue"):
        ref = _child(vv, "VariableRef")
        var = variables.get(ref.get("targetGUID")) if ref is not None else None
        if var not in allowed:
            continue
        value = next((child.text for child in vv if _local(child.tag).endswith("Value")), None)
        if var == "year":
            try:
                value = int(value) if value else None
            except ValueError:
                value = None
        out[var] = value
    return out


def _pages(spec: str, length: int) -> list[tuple[int, int, int]]:
    pages = []
    for item in filter(None, spec.split(",")):
        try:
            page, span = item.split(":")
            start, end = span.split("-")
            pages.append((int(page), int(start), int(end)))
        except ValueError:
            return [(1, 0, length)]
    return pages or [(1, 0, length)]


def _import_selection(db, path, doc_id, text, pages: PageIndex, selection, parsed, coder_ids, notes,
                      counts) -> None:
    try:
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    except (TypeError, ValueError):
        raise InputError(f"{path}: selection {selection.get('guid')} has no valid positions") from None
    if not 0 <= start < end <= len(text):
        raise InputError(f"{path}: selection {selection.get('guid')} ({start}-{end}) lies outside its "
                         f"text of {len(text)} characters")
    marker, attribution = split_marker(_text(selection, "Description"))
    quote_id = find_quote(db, doc_id, start, end)
    if quote_id is None:
        page = int(marker["page"]) if marker.get("page", "").isdigit() else pages.page_at(start)
        quote_id = db["quotes"].insert({
            "doc_id": doc_id, "start": start, "end": end, "text": text[start:end], "page": page,
            "origin": marker.get("origin") if marker.get("origin") in ("detected", "manual") else "manual",
            "attribution": attribution or None, "created_by": coder_ids.get(selection.get("creatingUser")),
            "created_at": selection.get("creationDateTime") or now()}).last_pk
        counts["quotes"] += 1
    for coding in _children(selection, "Coding"):
        _import_coding(db, path, quote_id, coding, parsed, coder_ids, notes, counts)


def _import_coding(db, path, quote_id, coding, parsed, coder_ids, notes, counts) -> None:
    user = coding.get("creatingUser")
    if user not in coder_ids:
        raise InputError(f"{path}: coding {coding.get('guid')} has no known creatingUser")
    ref = _child(coding, "CodeRef")
    key = parsed.key_by_guid.get(ref.get("targetGUID")) if (ref is not None and parsed) else None
    if key is None:
        raise InputError(f"{path}: coding {coding.get('guid')} points at an unknown code")
    memo, memo_at = None, None
    note_ref = _child(coding, "NoteRef")
    if note_ref is not None and note_ref.get("targetGUID") in notes:
        memo, memo_at = notes[note_ref.get("targetGUID")]
    created = coding.get("creationDateTime") or now()
    inserted = db.execute(
        "INSERT OR IGNORE INTO codings (quote_id, coder_id, facet, code, memo, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [quote_id, coder_ids[user], parsed.facet_by_key[key], key, memo, created, memo_at or created])
    counts["codings"] += inserted.rowcount
