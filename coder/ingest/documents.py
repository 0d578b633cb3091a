"""Importing PDFs into a project, and reading documents back.

Extraction (slow) happens outside any transaction; storing a document (row, text,
pages, blocks, italics, detected quotes) is one transaction. An import killed midway
therefore leaves either the whole document or nothing, and rerunning the import
finishes the job: files whose sha256 is already stored are skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from coder.coding.events import now
from coder.errors import CoderError, InputError
from coder.ingest.relocate import Relocation, apply_moves, relocate
from coder.quotes.store import PageIndex, insert_detected
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

if TYPE_CHECKING:
    from coder.coding.coders import Coder
    from coder.extraction import Extraction

ProgressFn = Callable[[int, int], None]


@dataclass
class ImportResult:
    path: Path
    status: str  # "imported", "reimported", "skipped" or "failed"
    doc_id: int | None = None
    pages: int = 0
    quotes: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    kept: list[str] = field(default_factory=list)  # what became of kept quotes on a re-import
    params: tuple[str, ...] = ()  # the parameters a failure is about (see CoderError.params)

    def lines(self, see: Callable[[tuple[str, ...]], str] | None = None) -> list[str]:
        """What happened, as the lines a person reads (CLI and TUI alike).

        ``see`` turns the parameters a line is about into the front end's own words for them
        (the CLI's `` (see --force)``); without it the lines speak of the domain only.
        """
        see = see or (lambda params: "")
        if self.status == "failed":
            return [f"coder: error: {self.error}{see(self.params)}"]
        if self.status == "skipped":
            return [f"{self.path}: already imported as document {self.doc_id}, "
                    f"not re-extracted{see(('force',))}"]
        return [f"{self.path}: {self.status} as document {self.doc_id}: {self.pages} pages, "
                f"{self.quotes} candidate quotes"] + self.kept \
            + [f"{self.path}: warning: {w}{see(getattr(w, 'params', ()))}" for w in self.warnings]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_by_sha(db: sqlite_utils.Database, sha: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
    return row[0] if row else None


def import_pdf(
    db: sqlite_utils.Database,
    path: str | Path,
    metadata: dict[str, Any] | None = None,
    *,
    force: bool = False,
    password: str | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
    ocr: bool = False,
) -> ImportResult:
    """Import one PDF; bad input becomes a ``failed`` result, never a half-stored document."""
    from coder.extraction import extract_pdf  # pdfplumber: loaded only to import
    from coder.quotes.detect import detect_quotes

    path = Path(path)
    try:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        sha = sha256_file(path)
        existing = find_by_sha(db, sha)
        if existing and not force:
            return ImportResult(path, "skipped", existing)
        options: dict[str, Any] = {"password": password, "progress": progress}
        if jobs is not None:
            options["jobs"] = jobs
        extraction = extract_pdf(path, **options)
        scanned = [page.page for page in extraction.pages if page.image_only]
        if ocr and scanned:
            from coder.extraction.ocr import ocr_pdf  # optional tool: only loaded when asked for

            extraction = extract_pdf(ocr_pdf(path, scanned), ocr_pages=scanned, **options)
        if not extraction.pages:  # a page tree whose pages are missing: cut off, not scanned
            raise InputError(f"{path}: no pages could be read (damaged or truncated PDF)")
        if not extraction.text.strip():
            hint = "even after OCR" if ocr and scanned else "(the pages look scanned: read them with OCR)"
            raise CoderError(f"{path}: no text found on any page {hint}", params=("ocr",))
        candidates = detect_quotes(extraction.text, italics=extraction.italics, blocks=extraction.blocks)
        pages = PageIndex([(p.page, p.start, p.end) for p in extraction.pages])
        kept: list[str] = []
        with write(db):
            if existing:
                moves = _relocate_kept_quotes(db, existing, extraction.text, path)
                kept = moves.lines(str(path))
            doc_id = _store_document(db, path, sha, metadata or {}, extraction, existing)
            if existing:
                apply_moves(db, moves.moved, extraction.text, pages.page_at)
            quotes = insert_detected(db, doc_id, candidates, pages)
        status = "reimported" if existing else "imported"
        return ImportResult(path, status, doc_id, len(extraction.pages), quotes, extraction.warnings,
                            kept=kept)
    except CoderError as exc:
        return ImportResult(path, "failed", error=str(exc), params=exc.params)
    except OSError as exc:  # unreadable, vanished, I/O error: this file fails, the batch goes on
        return ImportResult(path, "failed", error=f"{path}: {exc.strerror or exc}")


def _store_document(db: sqlite_utils.Database, path: Path, sha: str, metadata: dict[str, Any],
                    extraction: Extraction, existing: int | None) -> int:
    row = {
        "path": str(path), "filename": path.name, "sha256": sha,
        "title": metadata.get("title") or path.stem.replace("-", " ").replace("_", " "),
        **{k: metadata.get(k) for k in ("organisation", "municipality", "year", "doc_type",
                                        "team_type", "size_class", "region")},
        "pages": len(extraction.pages), "chars": len(extraction.text),
        "extractor": extraction.extractor,
        "warnings": extraction.warnings, "imported_at": now(),
    }
    if existing:
        db.table("documents").update(existing, row)
        doc_id = existing
        for table in ("pages", "blocks", "italics"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        db.execute("DELETE FROM quotes WHERE doc_id = ? AND origin = 'detected' AND id NOT IN"
                   " (SELECT quote_id FROM codings) AND id NOT IN (SELECT quote_id FROM dismissals)"
                   " AND id NOT IN (SELECT quote_id FROM round_quotes)", [doc_id])
        db.table("document_texts").upsert({"doc_id": doc_id, "text": extraction.text}, pk="doc_id")
    else:
        # last_pk is typed Optional; an insert into a rowid table always sets it.
        doc_id = cast(int, db.table("documents").insert(row).last_pk)
        db.table("document_texts").insert({"doc_id": doc_id, "text": extraction.text})
    db.table("pages").insert_all(
        {"doc_id": doc_id, "page": p.page, "start": p.start, "end": p.end, "image_only": p.image_only,
         "label": p.label}
        for p in extraction.pages)
    db.table("blocks").insert_all(
        ({"doc_id": doc_id, "start": b.start, "end": b.end, "kind": b.kind, "level": b.level,
          "page": b.page} for b in extraction.blocks), ignore=True)
    db.table("italics").insert_all(
        ({"doc_id": doc_id, "start": s, "end": e} for s, e in extraction.italics), ignore=True)
    return doc_id


def _relocate_kept_quotes(db: sqlite_utils.Database, doc_id: int, new_text: str,
                          path: Path) -> Relocation:
    """Re-extracting keeps every coded, dismissed, manual or sampled quote whose text is
    still in the new text (moved ones get new offsets); if any is gone the re-import of
    this file is refused, naming them (and those of a locked round), so none is lost."""
    result = relocate(db, doc_id, new_text)
    if result.vanished:
        locked = (f"; {len(result.locked_vanished)} of them in a locked round "
                  f"({', '.join(map(str, result.locked_vanished))})") if result.locked_vanished else ""
        raise CoderError(f"{path}: re-extraction would lose {len(result.vanished)} kept quote(s) whose text "
                         f"is no longer found (quotes {', '.join(map(str, result.vanished))}){locked}; "
                         f"refusing to re-extract this file (edit or delete those quotes first)",
                         params=("force",))
    return result


def list_documents(db: sqlite_utils.Database, *, coder: Coder | None = None,
                   doc_id: int | None = None) -> list[dict[str, Any]]:
    """Documents with quote counts; with ``coder``, how many of them that coder coded
    (quotes the coder dismissed as not a quote are not counted at all).

    With ``doc_id``, only that document (a list of one, or empty).
    """
    where = "WHERE d.id = :doc" if doc_id is not None else ""
    mine = " AND id NOT IN (SELECT quote_id FROM dismissals WHERE coder_id = :coder)" if coder else ""
    coded = ("(SELECT COUNT(DISTINCT codings.quote_id) FROM codings JOIN quotes q ON q.id = codings.quote_id"
             " WHERE q.doc_id = d.id AND codings.coder_id = :coder)") if coder else "0"
    return list(db.query(
        f"SELECT d.id, d.title, d.path, d.pages, d.doc_type, d.organisation, d.municipality, d.year,"
        f" d.team_type, d.size_class, d.region, d.sha256, d.imported_at,"
        f" (SELECT COUNT(*) FROM quotes WHERE doc_id = d.id{mine}) AS quotes, {coded} AS coded"
        f" FROM documents d {where} ORDER BY d.id", {"coder": coder.id if coder else None, "doc": doc_id}))


def resolve_document(db: sqlite_utils.Database, ref: str | int) -> int:
    """A document id from an id, a file name or a sha256 prefix (≥ 8 characters)."""
    ref = str(ref).strip()
    if ref.isdigit():
        row = db.execute("SELECT id FROM documents WHERE id = ?", [int(ref)]).fetchone()
    else:
        row = db.execute("SELECT id FROM documents WHERE filename = ? OR path = ?"
                         " OR (length(?) >= 8 AND sha256 LIKE ? || '%')", [ref, ref, ref, ref]).fetchone()
    if row is None:
        raise InputError(f"unknown document {ref!r} (see `coder docs`)")
    doc_id: int = row[0]
    return doc_id


def source_pdf(db: sqlite_utils.Database, ref: str | int) -> Path:
    """The file a stored document was imported from (it must still be there)."""
    doc_id = resolve_document(db, ref)
    path = Path(db.execute("SELECT path FROM documents WHERE id = ?", [doc_id]).fetchone()[0])
    if not path.is_file():
        raise InputError(f"{path}: the imported file is no longer there")
    return path


def page_rows(db: sqlite_utils.Database, doc_id: int) -> list[tuple[int, int, int]]:
    """(page, start, end) of each page of a document, in page order."""
    return [(page, start, end) for page, start, end in db.execute(
        'SELECT page, start, "end" FROM pages WHERE doc_id = ? ORDER BY page', [doc_id])]


def page_text(db: sqlite_utils.Database, doc_id: int, page: int) -> str:
    row = db.execute('SELECT start, "end" FROM pages WHERE doc_id = ? AND page = ?',
                     [doc_id, page]).fetchone()
    if row is None:
        count = db.execute("SELECT COUNT(*) FROM pages WHERE doc_id = ?", [doc_id]).fetchone()[0]
        raise InputError(f"document {doc_id} has no page {page} (pages 1-{count})")
    text: str = db.execute("SELECT substr(text, ?, ?) FROM document_texts WHERE doc_id = ?",
                           [row[0] + 1, row[1] - row[0], doc_id]).fetchone()[0]
    return text
