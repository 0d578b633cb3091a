"""Loading a (changed) codebook into a project, without losing codings.

Kept keys keep their codings; keys renamed in the YAML (``renamed_from``) carry their
codings along (the schema's ``ON UPDATE CASCADE``); a code that disappears while it has
codings is refused unless the caller says what to do: merge them into another code, or
force their deletion. All of it is one transaction, and every rename, merge and deletion
is written to the event log for the audit trail.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from coder.codebook.model import Code, Codebook, Facet, Translation
from coder.coding.events import log_event, now
from coder.errors import InputError
from coder.store.db import write
from coder.store.sqlite import sqlite_utils


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    merged: dict[str, int] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    deleted_codings: int = 0
    dry_run: bool = False

    def __str__(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        parts += [f"renamed {old} → {new}" for old, new in self.renamed]
        parts += [f"merged {code} ({n} codings)" for code, n in self.merged.items()]
        if self.removed:
            parts.append(f"removed {', '.join(self.removed)}")
        if self.deleted_codings:
            parts.append(f"{self.deleted_codings} codings deleted")
        return ("dry run: " if self.dry_run else "") + ", ".join(parts)


class _DryRun(Exception):
    pass


def codebook_sha(codebook: Codebook) -> str:
    return hashlib.sha256(json.dumps(asdict(codebook), sort_keys=True).encode()).hexdigest()


def sync_codebook(db: sqlite_utils.Database, codebook: Codebook, *, merge_into: str | None = None,
                  force: bool = False, dry_run: bool = False) -> SyncReport:
    report = SyncReport(dry_run=dry_run)
    try:
        with write(db):
            _sync(db, codebook, report, merge_into, force)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _sync(db: sqlite_utils.Database, codebook: Codebook, report: SyncReport,
          merge_into: str | None, force: bool) -> None:
    new_codes = {code.key: code for code in codebook.all_codes()}
    if merge_into and merge_into not in new_codes:
        raise InputError(f"{merge_into!r} is not a code of the new codebook; nothing can be merged into it",
                         params=("merge_into",))
    _apply_renames(db, codebook, report)
    _upsert_facets(db, codebook)
    existing = dict(db.execute("SELECT key, facet FROM codes"))
    stored = {row["key"]: row for row in db.table("codes").rows}
    for position, code in enumerate(codebook.all_codes()):
        row = _code_row(code, position)
        if code.key not in existing:
            report.added.append(code.key)
        elif any(stored[code.key].get(k) != v for k, v in row.items()):
            report.updated.append(code.key)  # a code loaded again unchanged is not "updated"
        db.table("codes").upsert(row, pk="key")
        if code.key in existing and existing[code.key] != code.facet:
            db.execute("UPDATE codings SET facet = ? WHERE code = ?", [code.facet, code.key])
    dropped = [key for key in existing if key not in new_codes]
    _drop_codes(db, dropped, new_codes, report, merge_into, force)
    facet_keys = [facet.key for facet in codebook.facets]
    db.execute(f"DELETE FROM facets WHERE key NOT IN ({','.join('?' * len(facet_keys))})", facet_keys)
    _refuse_several_values(db)
    for key, value in (("codebook_name", codebook.name), ("codebook_version", codebook.version),
                       ("codebook_sha256", codebook_sha(codebook)),
                       ("codebook_language", codebook.language)):
        db.table("settings").upsert({"key": key, "value": value}, pk="key")


def _refuse_several_values(db: sqlite_utils.Database) -> None:
    """A single facet holds one value per quote and coder: refuse a codebook under which
    existing codings would give a quote several (a facet switched from multi to single,
    or codes moved into a single facet). Raised inside the transaction: nothing changes."""
    clashes = db.execute(
        "SELECT c.facet, c.quote_id, co.name, group_concat(c.code, ', ') FROM codings c"
        " JOIN facets f ON f.key = c.facet JOIN coders co ON co.id = c.coder_id WHERE f.mode = 'single'"
        " GROUP BY c.facet, c.quote_id, c.coder_id HAVING COUNT(*) > 1"
        " ORDER BY c.quote_id, co.name").fetchall()
    if not clashes:
        return
    listing = "; ".join(f"quote {quote} {coder}: {codes}" for _, quote, coder, codes in clashes[:10])
    more = f" and {len(clashes) - 10} more" if len(clashes) > 10 else ""
    facets = ", ".join(sorted({facet for facet, *_ in clashes}))
    raise InputError(f"the new codebook makes {facets} single-choice, but quotes hold several of its "
                     f"codes: {listing}{more}; recode them first, or keep the facet multi")


def _apply_renames(db: sqlite_utils.Database, codebook: Codebook, report: SyncReport) -> None:
    present = {row[0] for row in db.execute("SELECT key FROM codes")}
    for code in codebook.all_codes():
        for old in code.renamed_from:
            if old in present and code.key not in present:
                if not db.execute("SELECT 1 FROM facets WHERE key = ?", [code.facet]).fetchone():
                    _upsert_facets(db, codebook)
                db.execute("UPDATE codes SET key = ?, facet = ? WHERE key = ?", [code.key, code.facet, old])
                db.execute("UPDATE codings SET facet = ? WHERE code = ?", [code.facet, code.key])
                present = (present - {old}) | {code.key}
                report.renamed.append((old, code.key))
                log_event(db, "codebook.rename", {"from": old, "to": code.key}, code=code.key)


def _upsert_facets(db: sqlite_utils.Database, codebook: Codebook) -> None:
    for position, facet in enumerate(codebook.facets):
        db.table("facets").upsert(_facet_row(facet, position), pk="key")


def _drop_codes(db: sqlite_utils.Database, dropped: list[str], new_codes: dict[str, Code],
                report: SyncReport, merge_into: str | None, force: bool) -> None:
    counts = {key: db.execute("SELECT COUNT(*) FROM codings WHERE code = ?", [key]).fetchone()[0]
              for key in dropped}
    coded = {key: n for key, n in counts.items() if n}
    if coded and not (merge_into or force):
        listing = ", ".join(f"{key} ({n} codings)" for key, n in coded.items())
        raise InputError(f"the new codebook drops codes that have codings: {listing}; "
                         "rename them (renamed_from), merge their codings into a kept code, "
                         "or drop them with their codings", params=("merge_into", "force"))
    for key in dropped:
        if key in coded and merge_into:
            report.merged[key] = _merge(db, key, new_codes[merge_into])
            log_event(db, "codebook.merge", {"from": key, "into": merge_into, "codings": coded[key]},
                      code=key)
        elif key in coded:
            db.execute("DELETE FROM codings WHERE code = ?", [key])
            report.deleted_codings += coded[key]
            log_event(db, "codebook.delete", {"code": key, "codings": coded[key]}, code=key)
        db.execute("DELETE FROM codes WHERE key = ?", [key])
        report.removed.append(key)


def _merge(db: sqlite_utils.Database, old: str, target: Code) -> int:
    """Move codings of ``old`` onto ``target``; a coder who already has the target (or,
    for a single facet, another value of it) on that quote keeps what they have."""
    single = db.execute("SELECT mode FROM facets WHERE key = ?", [target.facet]).fetchone()[0] == "single"
    clash = ("SELECT 1 FROM codings t WHERE t.quote_id = codings.quote_id AND t.coder_id = codings.coder_id"
             " AND t.code != codings.code AND " + ("t.facet = ?" if single else "t.code = ?"))
    db.execute(f"DELETE FROM codings WHERE code = ? AND EXISTS ({clash})",
               [old, target.facet if single else target.key])
    moved = db.execute("UPDATE codings SET code = ?, facet = ?, updated_at = ? WHERE code = ?",
                       [target.key, target.facet, now(), old]).rowcount
    return moved


def _facet_row(facet: Facet, position: int) -> dict[str, Any]:
    english = facet.english or Translation()
    return {"key": facet.key, "label": facet.label, "mode": facet.mode,
            "description": facet.description, "position": position, "suggest": facet.suggest,
            "label_en": english.label or None, "description_en": english.description or None}


def _code_row(code: Code, position: int) -> dict[str, Any]:
    english = code.english or Translation()
    return {"key": code.key, "facet": code.facet, "label": code.label, "description": code.description,
            "when_to_use": code.when_to_use, "when_not": code.when_not,
            "keywords": json.dumps(list(code.keywords), ensure_ascii=False),
            "examples": json.dumps(list(code.examples), ensure_ascii=False),
            "colour": code.colour, "grp": code.group, "position": position, "active": 1,
            "label_en": english.label or None, "description_en": english.description or None,
            "when_to_use_en": english.when_to_use or None, "when_not_en": english.when_not or None}


def _english_row(row: dict[str, Any]) -> Translation | None:
    return Translation(*(row.get(f"{name}_en") or "" for name in
                         ("label", "description", "when_to_use", "when_not"))).or_none()


def codebook_version(db: sqlite_utils.Database) -> str:
    """The version of the codebook last loaded into the project ("" when none says so)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'codebook_version'").fetchone()
    return row[0] if row else ""


def codebook_from_db(db: sqlite_utils.Database) -> Codebook:
    """The project's codebook as plain objects (what the TUI and exports read)."""
    settings = dict(db.execute("SELECT key, value FROM settings"))
    facets = []
    for f in db.query("SELECT * FROM facets ORDER BY position"):
        codes = tuple(
            Code(key=c["key"], label=c["label"], facet=c["facet"], description=c["description"] or "",
                 when_to_use=c["when_to_use"] or "", when_not=c["when_not"] or "",
                 keywords=tuple(json.loads(c["keywords"] or "[]")),
                 examples=tuple(json.loads(c["examples"] or "[]")), colour=c["colour"], group=c["grp"],
                 english=_english_row(c))
            for c in db.query("SELECT * FROM codes WHERE facet = ? AND active = 1 ORDER BY position",
                              [f["key"]]))
        facets.append(Facet(f["key"], f["label"], f["mode"], f["description"] or "", codes,
                            f.get("suggest") or "keywords", _english_row(f)))
    return Codebook(settings.get("codebook_name", ""), settings.get("codebook_version", ""), tuple(facets),
                    settings.get("codebook_language", "nl"))
