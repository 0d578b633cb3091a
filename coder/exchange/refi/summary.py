"""What an import of a REFI-QDA file did, accounted item by item: every code and every
coding of the file is either imported (or already there) or skipped with a reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ImportSummary:
    path: Path
    origin: str = ""
    counting: str = ""
    sources_in_file: int = 0
    documents_new: int = 0
    documents_known: int = 0
    pdfs_kept: int = 0
    quotes_new: int = 0
    codes_in_file: int = 0
    facets_from_codes: int = 0
    facets_added: int = 0
    codes_added: int = 0
    not_codable: list[str] = field(default_factory=list)
    codings_in_file: int = 0
    codings_new: Counter[str] = field(default_factory=Counter)
    codings_known: int = 0
    codings_skipped: int = 0
    memos: int = 0
    metadata: int = 0
    skipped: list[str] = field(default_factory=list)

    def skip(self, what: str, codings: int = 0) -> None:
        """One skipped item, with how many codings went with it."""
        self.codings_skipped += codings
        self.skipped.append(what + (f" ({codings} coding(s) not imported)" if codings else ""))

    @property
    def empty(self) -> bool:
        return not (self.sources_in_file or self.codes_in_file or self.codings_in_file)

    def lines(self) -> list[str]:
        head = f"{self.path}: REFI-QDA project" + (f" from {self.origin}" if self.origin else "")
        if self.empty:
            return [f"{head}: empty (no codes, sources or codings); nothing imported"]
        imported = sum(self.codings_new.values())
        per_user = ", ".join(f"{name} {n}" for name, n in sorted(self.codings_new.items())) or "none"
        skipped_sources = self.sources_in_file - self.documents_new - self.documents_known
        lines = [
            head,
            (f"  sources: {self.sources_in_file} in file; {self.documents_new} new document(s), "
             f"{self.documents_known} already in the project, {self.pdfs_kept} PDF(s) kept, "
             f"{skipped_sources} skipped"),
            (f"  codes: {self.codes_in_file} code(s) in file → {self.facets_from_codes} facet(s) from "
             f"top-level codes; {self.facets_added} facet(s) and {self.codes_added} code(s) new "
             "in the project"),
            (f"  codings: {self.codings_in_file} in file; {imported} new ({per_user}), "
             f"{self.codings_known} already present, {self.codings_skipped} skipped"),
            (f"  quotes: {self.quotes_new} new; memos: {self.memos}; metadata values: {self.metadata}"
             + (f"; offsets counted as {self.counting}" if self.counting else "")),
        ]
        if self.not_codable:
            lines.append(f"  kept as codes although marked not codable: {', '.join(self.not_codable[:5])}"
                         + (f" and {len(self.not_codable) - 5} more" if len(self.not_codable) > 5 else ""))
        lines += [f"  skipped: {reason}" for reason in self.skipped]
        return lines
