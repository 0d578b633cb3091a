"""Reading `.qdc` and `.qdpx` files into a project (one transaction per file).

What other tools write is read as they write it: text sources inline or as files in the
zip (`internal://…`), PDF sources through their text `Representation` (the PDF itself
is kept in the project), picture/audio/video sources skipped with a line each, missing
files reported while the rest is imported. Offsets are mapped into our normalised text
(:mod:`coder.exchange.refi.texts`); code trees become facets (:mod:`.codetree`). The
result is an :class:`ImportSummary` that accounts for every code and coding of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.codebook.model import Codebook, Facet
from coder.codebook.sync import codebook_from_db, sync_codebook
from coder.coding.coders import CONSENSUS, Coder, add_coder, consensus_layer, find_coder
from coder.coding.events import now
from coder.coding.frozen import frozen_message
from coder.errors import InputError
from coder.exchange.refi.archive import Archive, SourceUnreadable
from coder.exchange.refi.codetree import CodeTree, code_tree
from coder.exchange.refi.ids import split_marker
from coder.exchange.refi.summary import ImportSummary
from coder.exchange.refi.texts import (
    CODE_POINTS,
    UTF16,
    SourceText,
    decode_chunks,
    read_text,
)
from coder.exchange.refi.xml import child, child_text, children, guid_key, local, parse
from coder.quotes.store import PageIndex, find_quote
from coder.store.db import write
from coder.store.files import store_file
from coder.store.sqlite import sqlite_utils

OURS = "coder"
MAX_SOURCE_BYTES = 768 * 1024 * 1024  # a stored text must stay under SQLite's 1 GB value limit
DOCUMENT_FIELDS = {"title": str, "organisation": str, "organization": str, "municipality": str,
                   "year": int, "doc_type": str, "team_type": str, "size_class": str, "region": str}
MEDIA = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}
OFFSETS = ("auto", CODE_POINTS, UTF16)


def merge_codebook(db: sqlite_utils.Database, imported: Codebook) -> None:
    """Add the imported facets and codes beside the project's own; never drop a code."""
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


def _merge_tree(db: sqlite_utils.Database, tree: CodeTree, summary: ImportSummary) -> None:
    before = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("facets", "codes")}
    if tree.codebook.facets:
        merge_codebook(db, tree.codebook)
    summary.facets_added = db.execute("SELECT COUNT(*) FROM facets").fetchone()[0] - before["facets"]
    summary.codes_added = db.execute("SELECT COUNT(*) FROM codes").fetchone()[0] - before["codes"]
    summary.codes_in_file = tree.in_file
    summary.facets_from_codes = tree.facet_codes
    summary.not_codable = tree.not_codable


def import_qdc(db: sqlite_utils.Database, path: Path, **_: Any) -> str:
    root = parse(_read_bytes(path), str(path))
    if local(root.tag) != "CodeBook" or child(root, "Codes") is None:
        raise InputError(f"{path}: not a REFI-QDA codebook (root must be CodeBook with Codes)")
    summary = ImportSummary(path, origin=root.get("origin") or "")
    with write(db):
        tree = code_tree(child(root, "Codes"), db)
        _merge_tree(db, tree, summary)
    if not tree.in_file:
        return f"{path}: REFI-QDA codebook: empty (no codes); nothing imported"
    return (f"{path}: REFI-QDA codebook{' from ' + summary.origin if summary.origin else ''}: "
            f"{tree.in_file} code(s) in file → {len(tree.codebook.facets)} facet(s), "
            f"{len(tree.codebook.all_codes())} code(s); {summary.facets_added} facet(s) and "
            f"{summary.codes_added} code(s) new in the project")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


@dataclass
class _Context:
    """What every source of one project file needs while it is imported."""

    db: sqlite_utils.Database
    path: Path
    archive: Archive
    tree: CodeTree
    ours: bool
    counting: str
    summary: ImportSummary
    users: dict[str, str] = field(default_factory=dict)  # user guid → name
    coders: dict[str, Coder] = field(default_factory=dict)  # user guid → coder (made on first coding)
    variables: dict[str, str] = field(default_factory=dict)  # variable guid → document field
    case_values: dict[str, dict[str, Any]] = field(default_factory=dict)  # source guid → field → value
    notes: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # guid → (text, user guid, time)
    used_notes: set[str] = field(default_factory=set)
    creator: str = ""  # the Project's creatingUserGUID
    coding_users: set[str] = field(default_factory=set)  # users with at least one Coding

    def user(self, user: str | None) -> str:
        """The user's key; a coding without a known creatingUser belongs to the project's
        creator, else to one "unattributed" user, rather than being dropped."""
        key = guid_key(user)
        if key in self.users:
            return key
        if self.creator in self.users:
            return self.creator
        self.users[""] = f"unattributed ({self.summary.origin or self.path.name})"
        return ""

    def coder(self, user: str | None) -> Coder:
        key = self.user(user)
        if key not in self.coders:
            self.coders[key] = _coder_for(self.db, self.users[key], self.ours)
        return self.coders[key]


def import_qdpx(db: sqlite_utils.Database, path: Path, *, offsets: str = "auto", **_: Any) -> str:
    """Import a project file; returns the summary lines (see :class:`ImportSummary`)."""
    return "\n".join(import_project(db, path, offsets=offsets).lines())


def import_project(db: sqlite_utils.Database, path: Path, *, offsets: str = "auto") -> ImportSummary:
    if offsets not in OFFSETS:
        raise InputError(f"offsets must be one of {', '.join(OFFSETS)}, not {offsets!r}")
    with Archive(path) as archive:
        root = parse(archive.project_xml(), f"{path}:project.qde")
        if local(root.tag) != "Project":
            raise InputError(f"{path}: project.qde has no Project root")
        origin = root.get("origin") or ""
        counting = offsets if offsets != "auto" else _counting(root, origin)
        summary = ImportSummary(path, origin=origin, counting=counting)
        summary.codings_in_file = _codings_below(root)
        holder = child(root, "Sources")
        sources = [s for s in holder if isinstance(s.tag, str)] if holder is not None else []
        summary.sources_in_file = len(sources)
        with write(db):
            codes = child(child(root, "CodeBook"), "Codes")
            tree = code_tree(codes, db) if codes is not None else CodeTree(Codebook("REFI-QDA import", ""))
            _merge_tree(db, tree, summary)
            context = _Context(db, path, archive, tree, origin == OURS, counting, summary)
            _read_users_variables_notes(context, root)
            for source in sources:
                _import_source(context, source)
            _report_unused_notes(context)
    return summary


def _counting(root: Any, origin: str) -> str:
    """How the file counts offsets: as our own export says it did; UTF-16 units for NVivo
    (its files count an emoji as two); otherwise code points, as the standard says."""
    said = split_marker(child_text(root, "Description"))[0].get("offsets") if origin == OURS else None
    if said in (CODE_POINTS, UTF16):
        return str(said)
    return UTF16 if origin.lower().startswith("nvivo") else CODE_POINTS


def _read_users_variables_notes(context: _Context, root: Any) -> None:
    context.creator = guid_key(root.get("creatingUserGUID"))
    context.coding_users = {guid_key(c.get("creatingUser")) for c in root.iter()
                            if isinstance(c.tag, str) and local(c.tag) == "Coding"}
    for user in children(child(root, "Users"), "User"):
        name = user.get("name") or user.get("id") or ""
        if context.ours and user.get("id") == CONSENSUS:
            name = CONSENSUS
        context.users[guid_key(user.get("guid"))] = name or f"user-{guid_key(user.get('guid'))[:8]}"
        if context.ours:  # our own file: every coder comes back, with or without codings
            context.coder(user.get("guid"))
    for variable in children(child(root, "Variables"), "Variable"):
        name = (variable.get("name") or "").strip().lower()
        if name in DOCUMENT_FIELDS:
            field_name = "organisation" if name == "organization" else name
            context.variables[guid_key(variable.get("guid"))] = field_name
        else:
            context.summary.skip(f"variable {variable.get('name')!r}: no document field of that name")
    for case in children(child(root, "Cases"), "Case"):
        values = _values(context, case)
        for ref in children(case, "SourceRef"):
            context.case_values.setdefault(guid_key(ref.get("targetGUID")), {}).update(values)
    for part, what in (("Sets", "set(s) of codes or sources"), ("Links", "link(s)"), ("Graphs", "graph(s)")):
        holder = child(root, part)
        found = [e for e in holder if isinstance(e.tag, str)] if holder is not None else []
        if found:
            context.summary.skip(f"{len(found)} {what}: coder has no place for them")
    cases = children(child(root, "Cases"), "Case")
    if cases:
        context.summary.skip(f"{len(cases)} case(s) as such (only their values of document fields are kept)")
    for note in children(child(root, "Notes"), "Note"):
        author = guid_key(note.get("creatingUser"))
        context.notes[guid_key(note.get("guid"))] = (_note_text(context, note), author,
                                                     note.get("creationDateTime") or "")


def _note_text(context: _Context, note: Any) -> str:
    inline = child(note, "PlainTextContent")
    if inline is not None or not note.get("plainTextPath"):
        return (inline.text or "") if inline is not None else ""
    try:
        return "".join(decode_chunks(context.archive.blocks(note.get("plainTextPath")))).strip()
    except SourceUnreadable as exc:
        context.summary.skip(f"note {note.get('name')!r}: {exc}")
        return ""


def _values(context: _Context, element: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for vv in children(element, "VariableValue"):
        ref = child(vv, "VariableRef")
        name = context.variables.get(guid_key(ref.get("targetGUID") if ref is not None else ""))
        value = next((c.text for c in vv if isinstance(c.tag, str) and local(c.tag).endswith("Value")), None)
        if name is None or value is None:
            continue
        try:
            out[name] = DOCUMENT_FIELDS[name](value.strip())
        except ValueError:
            context.summary.skip(f"value {value!r} of variable {name!r}: not a whole number")
    return out


def _codings_below(element: Any) -> int:
    return sum(1 for e in element.iter() if isinstance(e.tag, str) and local(e.tag) == "Coding")


def _import_source(context: _Context, source: Any) -> None:
    kind = local(source.tag)
    name = source.get("name") or source.get("guid") or "source"
    if kind in MEDIA:
        context.summary.skip(f"source {name!r}: {MEDIA[kind]} is not imported (coder codes text)",
                             _codings_below(source))
        return
    if kind == "PDFSource":
        _import_pdf_source(context, source, name)
        return
    if kind != "TextSource":
        context.summary.skip(f"source {name!r}: unknown kind {kind}", _codings_below(source))
        return
    _import_text(context, source, source, name, None)


def _import_pdf_source(context: _Context, source: Any, name: str) -> None:
    text_source = child(source, "Representation")
    regions = sum(_codings_below(s) for s in children(source, "PDFSelection"))
    if regions:
        context.summary.skip(f"source {name!r}: codings on PDF regions have no text offsets", regions)
    if text_source is None:
        rest = _codings_below(source) - regions
        context.summary.skip(f"source {name!r}: PDF without a text Representation", rest)
        return
    _import_text(context, text_source, source, name, source.get("path"))


def _source_chunks(context: _Context, source: Any, name: str) -> Iterable[str] | None:
    inline = child(source, "PlainTextContent")
    if inline is not None:
        return [inline.text or ""]
    reference = source.get("plainTextPath")
    if not reference:
        return None
    size = context.archive.size(reference)
    if size > MAX_SOURCE_BYTES:
        raise SourceUnreadable(f"{reference} holds {_size(size)} of text, more than the "
                               f"{_size(MAX_SOURCE_BYTES)} a document may have")
    return decode_chunks(context.archive.blocks(reference))


def _import_text(context: _Context, source: Any, owner: Any, name: str, pdf: str | None) -> None:
    """``source`` holds the text and its selections; ``owner`` (the PDFSource, or the
    TextSource itself) holds the name, metadata and the source-wide codings."""
    selections = children(source, "PlainTextSelection")
    wanted = [p for s in selections for p in _positions(s)]
    whole = children(source, "Coding") + (children(owner, "Coding") if owner is not source else [])
    codings = _codings_below(source) + len(whole) - len(children(source, "Coding"))
    try:
        chunks = _source_chunks(context, source, name)
        if chunks is None:
            context.summary.skip(f"source {name!r}: neither PlainTextContent nor plainTextPath", codings)
            return
        text = read_text(chunks, wanted, context.counting)
    except SourceUnreadable as exc:
        context.summary.skip(f"source {name!r}: {exc}", codings)
        return
    doc_id = _document(context, owner, name, text, pdf)
    pages = PageIndex.for_document(context.db, doc_id)
    for selection in selections:
        _import_selection(context, doc_id, text, pages, selection)
    if whole:
        if not text.length:
            context.summary.skip(f"source {name!r}: codings of the whole source, which is empty", len(whole))
            return
        quote_id = _quote(context, doc_id, pages, 0, text.length, owner, {})
        for coding in whole:
            _import_coding(context, quote_id, coding, [])


def _positions(selection: Any) -> list[int]:
    try:
        return [int(selection.get("startPosition")), int(selection.get("endPosition"))]
    except (TypeError, ValueError):
        return []


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" * len(row))
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n} bytes"


def _document(context: _Context, owner: Any, name: str, text: SourceText, pdf: str | None) -> int:
    db = context.db
    marker, filename = split_marker(child_text(owner, "Description"))
    sha = (marker.get("sha256") if context.ours else None) or text.sha256
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
    if row:
        context.summary.documents_known += 1
        return int(row[0])
    meta = {**context.case_values.get(guid_key(owner.get("guid")), {}), **_values(context, owner)}
    context.summary.metadata += len(meta)
    filename = (filename if context.ours else "") or name
    doc_id = _insert(db, "documents", {
        "path": f"{context.path.name}:{filename}", "filename": filename, "sha256": sha,
        "title": meta.pop("title", None) or name, **meta, "pages": 0, "chars": text.length,
        "extractor": "refi-qda", "imported_at": owner.get("creationDateTime") or now()})
    # Stored from the UTF-8 bytes: a large text never becomes a Python string here.
    db.execute("INSERT INTO document_texts (doc_id, text) VALUES (?, CAST(? AS TEXT))", [doc_id, text.data])
    pages = _pages(marker.get("pages", "") if context.ours else "", text.length)
    db.conn.executemany('INSERT INTO pages (doc_id, page, start, "end") VALUES (?, ?, ?, ?)',
                        [(doc_id, p, s, e) for p, s, e in pages])
    db.execute("UPDATE documents SET pages = ? WHERE id = ?", [len(pages), doc_id])
    context.summary.documents_new += 1
    if pdf:
        _keep_pdf(context, doc_id, name, pdf)
    return doc_id


def _keep_pdf(context: _Context, doc_id: int, name: str, reference: str) -> None:
    try:
        filename = reference.rsplit("/", 1)[-1]
        store_file(context.db, doc_id, filename, "application/pdf", context.archive.blocks(reference))
        context.summary.pdfs_kept += 1
    except SourceUnreadable as exc:
        context.db.execute("DELETE FROM document_files WHERE doc_id = ?", [doc_id])
        context.summary.skipped.append(f"source {name!r}: PDF file not kept, its text is imported ({exc})")


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


def _import_selection(context: _Context, doc_id: int, text: SourceText, pages: PageIndex,
                      selection: Any) -> None:
    codings = children(selection, "Coding")
    raw = _positions(selection)
    label = f"selection {selection.get('name') or selection.get('guid')!r}"
    if not raw or not 0 <= raw[0] < raw[1]:
        context.summary.skip(f"{label}: positions {raw or 'missing'} are not a span", len(codings))
        return
    start, end = text.positions.get(raw[0]), text.positions.get(raw[1])
    if start is None or end is None:
        context.summary.skip(f"{label} ({raw[0]}-{raw[1]}) lies outside its text of {text.raw_length} "
                             f"characters ({context.counting})", len(codings))
        return
    if start >= end:
        context.summary.skip(f"{label} ({raw[0]}-{raw[1]}) holds only line ends or invisible marks",
                             len(codings))
        return
    marker, attribution = split_marker(child_text(selection, "Description")) if context.ours else ({}, "")
    quote_id = _quote(context, doc_id, pages, start, end, selection, marker, attribution)
    notes = [guid_key(r.get("targetGUID")) for r in children(selection, "NoteRef")]
    for coding in codings:
        _import_coding(context, quote_id, coding, notes)


def _quote(context: _Context, doc_id: int, pages: PageIndex, start: int, end: int, element: Any,
           marker: dict[str, str], attribution: str = "") -> int:
    found = find_quote(context.db, doc_id, start, end)
    if found is not None:
        return found
    page = int(marker["page"]) if marker.get("page", "").isdigit() else pages.page_at(start)
    creator = guid_key(element.get("creatingUser"))
    known = creator in context.users and creator in context.coding_users
    created_by = context.coder(creator).id if known else None
    context.summary.quotes_new += 1
    text = context.db.execute("SELECT substr(text, ?, ?) FROM document_texts WHERE doc_id = ?",
                              [start + 1, end - start, doc_id]).fetchone()[0]
    return _insert(context.db, "quotes", {
        "doc_id": doc_id, "start": start, "end": end, "text": text, "page": page,
        "origin": marker.get("origin") if marker.get("origin") in ("detected", "manual") else "manual",
        "attribution": attribution or None, "created_by": created_by,
        "created_at": element.get("creationDateTime") or now()})


def _import_coding(context: _Context, quote_id: int, coding: Any, selection_notes: list[str]) -> None:
    ref = child(coding, "CodeRef")
    key = context.tree.key_by_guid.get(guid_key(ref.get("targetGUID") if ref is not None else ""))
    if not key:
        context.summary.skip(f"coding {coding.get('guid')}: its code is not in the codebook", 1)
        return
    coder = context.coder(coding.get("creatingUser"))
    user = context.user(coding.get("creatingUser"))  # the note's author is compared with it
    memo, memo_at = _memo(context, [guid_key(r.get("targetGUID")) for r in children(coding, "NoteRef")],
                          selection_notes, user)
    created = coding.get("creationDateTime") or now()
    if _frozen(context, quote_id, coder, context.tree.facet_by_key[key], key):
        return
    inserted = context.db.execute(
        "INSERT OR IGNORE INTO codings (quote_id, coder_id, facet, code, memo, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [quote_id, coder.id, context.tree.facet_by_key[key], key, memo, created, max(created, memo_at)])
    if inserted.rowcount:
        context.summary.codings_new[coder.name] += 1
    else:
        context.summary.codings_known += 1


def _frozen(context: _Context, quote_id: int, coder: Coder, facet: str, code: str) -> bool:
    """True (and skipped with the reason) when the coding would be new on a quote of a
    locked round the coder is a member of; one that is already there changes nothing."""
    message = frozen_message(context.db, quote_id, coder)
    if message is None or context.db.execute(
            "SELECT 1 FROM codings WHERE quote_id = ? AND coder_id = ? AND facet = ? AND code = ?",
            [quote_id, coder.id, facet, code]).fetchone():
        return False
    context.summary.skip(message, 1)
    return True


def _memo(context: _Context, own: list[str], selection: list[str], user: str) -> tuple[str | None, str]:
    """The notes a coding points at, then the notes on its selection written by the same
    user (or by no one in particular): each note once, joined by blank lines; and the
    time of the latest (the memo was last changed then)."""
    picked = [n for n in own if n in context.notes]
    picked += [n for n in selection if n in context.notes and n not in picked
               and context.notes[n][1] in ("", user)]
    context.used_notes.update(picked)
    texts = [context.notes[n][0] for n in picked if context.notes[n][0].strip()]
    return "\n\n".join(dict.fromkeys(texts)) or None, max((context.notes[n][2] for n in picked), default="")


def _report_unused_notes(context: _Context) -> None:
    unused = [g for g in context.notes if g not in context.used_notes]
    context.summary.memos = len(context.used_notes)
    if unused:
        context.summary.skip(f"{len(unused)} note(s) not attached to an imported coding (notes on sources, "
                             "codes or the project have no place in coder yet)")


def _coder_for(db: sqlite_utils.Database, name: str, ours: bool) -> Coder:
    """The coder for a user who made codings. The consensus layer is only restored from
    our own files; another tool's user called "consensus" stays an ordinary coder."""
    if ours and name == CONSENSUS:
        return consensus_layer(db)
    clean = " ".join("".join(" " if ch in ",=\t\n\r" else ch for ch in name).split())[:64] or "user"
    if clean.lower() == CONSENSUS:
        clean = f"{clean} (imported)"
    found = find_coder(db, clean)
    return found or add_coder(db, clean)
