"""Moving one coder's work between copies of a project: the `.codings` file.

A `.codings` file is JSON: the coder's name, the quotes they coded or created, their
codings, and the candidates they dismissed as not a quote (``dismissals``, optional: older
files have none), all located by document sha256 and character offsets (never by row ids, which
differ between copies). Importing applies everything as one event, so `coder undo` can
take a whole import back; importing the same file twice changes nothing.

Nothing is dropped silently: a document missing here, a detected quote that this copy
does not have, an unknown code, or a coding that contradicts what this copy already holds
for that coder is listed in the report and left as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.codebook.sync import codebook_version
from coder.coding.assign import facet_modes
from coder.coding.coders import Coder, ensure_coder
from coder.coding.events import now, record
from coder.coding.frozen import frozen_message
from coder.errors import InputError
from coder.export.output import check_output, write_output
from coder.quotes.store import find_quote
from coder.store.db import write
from coder.store.sqlite import sqlite_utils

FORMAT = "coder.codings"
#: Offsets beyond this cannot be stored (SQLite integers are 64-bit) nor point into any text.
MAX_OFFSET = 2 ** 62
VERSION = 1


def export_codings(db: sqlite_utils.Database, coder: Coder, path: Path,
                   project: str | Path | None = None) -> dict[str, int]:
    """Write one coder's work to ``path`` (never onto ``project``, the open project file)."""
    check_output(path, project)
    quotes = list(db.query(
        "SELECT q.*, d.sha256, d.title FROM quotes q JOIN documents d ON d.id = q.doc_id"
        " WHERE q.id IN (SELECT quote_id FROM codings WHERE coder_id = :c) OR q.created_by = :c"
        " ORDER BY d.sha256, q.start, q.\"end\"", {"c": coder.id}))
    codings = list(db.query(
        "SELECT c.*, d.sha256, q.start, q.\"end\" FROM codings c JOIN quotes q ON q.id = c.quote_id"
        " JOIN documents d ON d.id = q.doc_id WHERE c.coder_id = ? ORDER BY d.sha256, q.start, c.code",
        [coder.id]))
    dismissals = list(db.query(
        "SELECT d.sha256, q.start, q.\"end\", x.reason, x.created_at FROM dismissals x"
        " JOIN quotes q ON q.id = x.quote_id JOIN documents d ON d.id = q.doc_id"
        " WHERE x.coder_id = ? ORDER BY d.sha256, q.start", [coder.id]))
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "coder": coder.name, "exported_at": now(),
        "codebook_version": codebook_version(db),
        "documents": {q["sha256"]: q["title"] for q in quotes},
        "quotes": [{"document": q["sha256"], "start": q["start"], "end": q["end"], "text": q["text"],
                    "origin": q["origin"], "page": q["page"], "speaker": q["speaker"],
                    "attribution": q["attribution"], "created_by_coder": q["created_by"] == coder.id}
                   for q in quotes],
        "codings": [{"document": c["sha256"], "start": c["start"], "end": c["end"], "facet": c["facet"],
                     "code": c["code"], "memo": c["memo"], "created_at": c["created_at"],
                     "updated_at": c["updated_at"]} for c in codings],
        "dismissals": [{"document": x["sha256"], "start": x["start"], "end": x["end"], "reason": x["reason"],
                        "created_at": x["created_at"]} for x in dismissals],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    write_output(path, lambda p: p.write_text(text, encoding="utf-8"), project)
    return {"quotes": len(data["quotes"]), "codings": len(data["codings"]), "dismissals": len(dismissals)}


@dataclass
class ImportReport:
    coder: str
    quotes_added: int = 0
    codings_added: int = 0
    dismissals_added: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self, path: Path) -> str:
        text = (f"{path}: {self.coder}: {self.codings_added} coding(s) and {self.quotes_added} quote(s) "
                f"added, {self.unchanged} already present")
        if self.dismissals_added:
            text += f"; {self.dismissals_added} candidate(s) dismissed as not a quote"
        if self.problems:
            text += f"; {len(self.problems)} not applied (listed below)"
        return text


def read_codings_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a .codings file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}: not a .codings file (format must be {FORMAT!r})")
    if data.get("version") != VERSION:
        raise InputError(f"{path}: .codings version {data.get('version')!r} is not supported "
                         f"(need {VERSION})")
    for key in ("coder", "quotes", "codings"):
        if key not in data:
            raise InputError(f"{path}: .codings file lacks {key!r}")
    _check_entries(path, data)
    return data


def _check_entries(path: Path, data: dict[str, Any]) -> None:
    """Refuse the whole file, before anything is written, when an entry is malformed:
    offsets must be whole numbers SQLite can hold, keys present, entries objects."""
    if not isinstance(data["coder"], str) or not data["coder"].strip():
        raise InputError(f"{path}: 'coder' must be a name, got {data['coder']!r}")
    if not isinstance(data.get("documents", {}), dict):
        raise InputError(f"{path}: 'documents' must be an object of sha256: title")
    required = {"quotes": ("document", "start", "end"),
                "codings": ("document", "start", "end", "facet", "code")}
    if data.get("dismissals") is not None:  # optional: older files have none
        required["dismissals"] = ("document", "start", "end")
    for key, fields in required.items():
        if not isinstance(data[key], list):
            raise InputError(f"{path}: {key!r} must be a list")
        for number, entry in enumerate(data[key]):
            where = f"{path}: {key}[{number}]"
            if not isinstance(entry, dict):
                raise InputError(f"{where}: must be an object, got {type(entry).__name__}")
            missing = [f for f in fields if f not in entry]
            if missing:
                raise InputError(f"{where}: lacks {', '.join(map(repr, missing))}")
            for name in ("start", "end"):
                value = entry[name]
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_OFFSET:
                    raise InputError(f"{where}: {name} must be a character offset (a whole number "
                                     f"from 0), got {value!r}")
            for name in ("document", "facet", "code"):
                if name in fields and not isinstance(entry[name], str):
                    raise InputError(f"{where}: {name} must be text, got {entry[name]!r}")
            for name in ("text", "memo", "origin", "speaker", "attribution", "created_at", "updated_at",
                         "reason"):
                if entry.get(name) is not None and not isinstance(entry[name], str):
                    raise InputError(f"{where}: {name} must be text, got {entry[name]!r}")
            if entry.get("page") is not None and (isinstance(entry["page"], bool)
                                                  or not isinstance(entry["page"], int)
                                                  or not 0 <= entry["page"] < MAX_OFFSET):
                raise InputError(f"{where}: page must be a page number, got {entry['page']!r}")


def import_codings(db: sqlite_utils.Database, path: Path) -> ImportReport:
    data = read_codings_file(path)
    with write(db):
        coder, _ = ensure_coder(db, data["coder"])
        report = ImportReport(coder.name)
        docs = {sha: (doc_id, text) for doc_id, sha, text in db.execute(
            "SELECT d.id, d.sha256, t.text FROM documents d JOIN document_texts t ON t.doc_id = d.id")}
        titles = data.get("documents", {})
        ops: list[dict[str, Any]] = []
        missing_docs: set[str] = set()
        for q in data["quotes"]:
            _import_quote(db, q, coder, docs, titles, missing_docs, ops, report)
        modes = facet_modes(db)
        code_facet = dict(db.execute("SELECT key, facet FROM codes"))
        for c in data["codings"]:
            _import_coding(db, c, coder, docs, titles, missing_docs, modes, code_facet, ops, report)
        for x in data.get("dismissals") or []:
            _import_dismissal(db, x, coder, docs, titles, missing_docs, ops, report)
        if ops:
            record(db, coder_id=coder.id, action="coding.import", ops=ops, apply=False)
    return report


def _where(item: dict[str, Any], titles: dict[str, Any]) -> str:
    title = titles.get(item["document"], item["document"][:12])  # checked: present, text
    return f"{title} [{item.get('start')}, {item.get('end')})"


def _document_known(sha: str, docs: dict[str, tuple[int, str]], titles: dict[str, Any],
                    missing_docs: set[str], report: ImportReport) -> bool:
    """True when the document is here; else reported once per document."""
    if sha in docs:
        return True
    if sha not in missing_docs:
        missing_docs.add(sha)
        report.problems.append(f"document {titles.get(sha, sha)!r} is not in this project")
    return False


def _import_quote(db: sqlite_utils.Database, q: dict[str, Any], coder: Coder,
                  docs: dict[str, tuple[int, str]], titles: dict[str, Any], missing_docs: set[str],
                  ops: list[dict[str, Any]], report: ImportReport) -> None:
    sha: str = q["document"]  # _check_entries: present and text
    if not _document_known(sha, docs, titles, missing_docs, report):
        return
    doc_id, text = docs[sha]
    start, end = int(q["start"]), int(q["end"])
    if find_quote(db, doc_id, start, end) is not None:
        return
    if not (q.get("origin") == "manual" and q.get("created_by_coder")):
        report.problems.append(f"quote {_where(q, titles)} does not exist in this copy (detected "
                               "quotes differ: re-import the PDF with the same version)")
        return
    if not 0 <= start < end <= len(text) or text[start:end] != q.get("text"):
        report.problems.append(f"quote {_where(q, titles)}: the text at these offsets differs here")
        return
    quote = {"doc_id": doc_id, "start": start, "end": end, "text": q["text"], "page": q.get("page"),
             "origin": "manual", "speaker": q.get("speaker"), "source": None,
             "attribution": q.get("attribution"), "created_by": coder.id, "created_at": now()}
    quote["id"] = db.table("quotes").insert(quote).last_pk
    ops.append({"op": "quote_add", "quote": quote})
    report.quotes_added += 1


def _quote_here(db: sqlite_utils.Database, item: dict[str, Any], what: str,
                docs: dict[str, tuple[int, str]], titles: dict[str, Any], missing_docs: set[str],
                report: ImportReport) -> int | None:
    """The id of the quote an entry of the file points at in this copy, or None with the
    reason in the report (its document is missing here, or this copy has no such quote)."""
    sha: str = item["document"]  # _check_entries: present and text
    if not _document_known(sha, docs, titles, missing_docs, report):
        return None
    quote_id = find_quote(db, docs[sha][0], int(item["start"]), int(item["end"]))
    if quote_id is None:
        report.problems.append(f"{what} {_where(item, titles)}: no such quote here")
    return quote_id


def _import_coding(db: sqlite_utils.Database, c: dict[str, Any], coder: Coder,
                   docs: dict[str, tuple[int, str]], titles: dict[str, Any], missing_docs: set[str],
                   modes: dict[str, str], code_facet: dict[str, str], ops: list[dict[str, Any]],
                   report: ImportReport) -> None:
    quote_id = _quote_here(db, c, f"coding {c.get('code')} on", docs, titles, missing_docs, report)
    if quote_id is None:
        return
    code: str = c["code"]  # _check_entries: present and text
    if code_facet.get(code) != c.get("facet"):
        report.problems.append(f"coding {code} on {_where(c, titles)}: code not in this codebook "
                               f"(facet {c.get('facet')})")
        return
    mine = {row[0]: row[1] for row in db.execute(
        "SELECT code, memo FROM codings WHERE quote_id = ? AND coder_id = ? AND facet = ?",
        [quote_id, coder.id, c["facet"]])}
    if code in mine:
        if (mine[code] or None) == (c.get("memo") or None):
            report.unchanged += 1
        else:
            report.problems.append(f"coding {code} on {_where(c, titles)}: memo differs here; "
                                   "kept this copy's")
        return
    if modes.get(c["facet"]) == "single" and mine:
        other = next(iter(mine))
        report.problems.append(f"{c['facet']} on {_where(c, titles)}: here {other}, in the file {code}; "
                               "kept this copy's")
        return
    if _frozen(db, quote_id, coder, report):
        return
    coding = {"quote_id": quote_id, "coder_id": coder.id, "facet": c["facet"], "code": code,
              "memo": c.get("memo"), "created_at": c.get("created_at") or now(),
              "updated_at": c.get("updated_at") or now()}
    coding["id"] = db.table("codings").insert(coding).last_pk
    ops.append({"op": "coding_add", "coding": coding})
    report.codings_added += 1


def _import_dismissal(db: sqlite_utils.Database, x: dict[str, Any], coder: Coder,
                      docs: dict[str, tuple[int, str]], titles: dict[str, Any], missing_docs: set[str],
                      ops: list[dict[str, Any]], report: ImportReport) -> None:
    """A candidate the coder dismissed in the other copy; refused where they coded it here."""
    quote_id = _quote_here(db, x, "dismissal of", docs, titles, missing_docs, report)
    if quote_id is None:
        return
    if db.execute("SELECT 1 FROM dismissals WHERE quote_id = ? AND coder_id = ?",
                  [quote_id, coder.id]).fetchone():
        report.unchanged += 1
        return
    if _frozen(db, quote_id, coder, report):
        return
    if db.execute("SELECT 1 FROM codings WHERE quote_id = ? AND coder_id = ?",
                  [quote_id, coder.id]).fetchone():
        report.problems.append(f"dismissal of {_where(x, titles)}: coded here; "
                               "kept this copy's codings")
        return
    row = {"quote_id": quote_id, "coder_id": coder.id, "reason": x.get("reason"),
           "created_at": x.get("created_at") or now()}
    db.table("dismissals").insert(row)
    ops.append({"op": "dismiss_add", "dismissal": row})
    report.dismissals_added += 1


def _frozen(db: sqlite_utils.Database, quote_id: int, coder: Coder, report: ImportReport) -> bool:
    """True (and said in the report) when the quote is in a locked round of this coder."""
    message = frozen_message(db, quote_id, coder)
    if message:
        report.problems.append(f"{message}; not imported")
    return message is not None
