"""The typed, frozen records the Python API returns (instead of database rows).

They hold plain values only, so they can be compared, hashed, printed and turned into
a table (``dataclasses.asdict``; ``pandas.DataFrame(map(asdict, quotes))``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

#: The quote fields `coder quotes --json` prints (in this order).
QUOTE_FIELDS = ("id", "doc_id", "page", "end_page", "start", "end", "text", "origin", "speaker", "source",
                "attribution")


@dataclass(frozen=True)
class Document:
    """An imported document with its metadata and quote counts."""

    id: int
    title: str | None
    path: str | None
    pages: int
    doc_type: str | None = None
    organisation: str | None = None
    municipality: str | None = None
    year: int | None = None
    team_type: str | None = None
    size_class: str | None = None
    region: str | None = None
    sha256: str = ""
    imported_at: str = ""
    quotes: int = 0
    coded: int = 0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Document:
        return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})


@dataclass(frozen=True)
class Coding:
    """One code a coder gave a quote (``facet``, ``code``), with the coder's memo."""

    coder: str
    facet: str
    code: str
    memo: str | None = None
    id: int | None = None  # the coding's row id, where the caller asked for one


@dataclass(frozen=True)
class Quote:
    """``document text[start:end]`` of document ``doc_id``; ``codings`` by every coder."""

    id: int
    doc_id: int
    page: int | None
    end_page: int | None
    start: int
    end: int
    text: str
    origin: str
    speaker: str | None = None
    source: str | None = None
    attribution: str | None = None
    codings: tuple[Coding, ...] = ()

    @classmethod
    def from_row(cls, row: dict[str, Any], codings: tuple[Coding, ...] = ()) -> Quote:
        fields: dict[str, Any] = {key: row.get(key) for key in QUOTE_FIELDS}
        return cls(**fields, codings=codings)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `coder quotes --json` (codings as a list of objects)."""
        out = {key: getattr(self, key) for key in QUOTE_FIELDS}
        out["codings"] = [{"coder": c.coder, "facet": c.facet, "code": c.code, "memo": c.memo}
                          for c in self.codings]
        return out


@dataclass(frozen=True)
class Dismissal:
    """A candidate that ``coder`` dismissed as not a quote, and why."""

    id: int
    doc_id: int
    page: int | None
    text: str
    coder: str
    reason: str | None
    created_at: str


@dataclass(frozen=True)
class CoderSummary:
    """A coder and how many codings they hold."""

    id: int
    name: str
    kind: str
    codings: int


@dataclass(frozen=True)
class CodingChange:
    """What one `code` call did: codes added and removed, memos set, the event id."""

    quote_id: int
    coder: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    memos: tuple[str, ...]
    event_id: int | None
    coder_created: bool
    codings: tuple[Coding, ...]
    change: str = ""  # in codebook labels, as history says it: "Valentie = Positief; + Vertrouwen"

    @property
    def changed(self) -> bool:
        return self.event_id is not None


@dataclass(frozen=True)
class CodebookCheck:
    """A codebook file's problems (``FILE:LINE: reason``) and, when it loads, its size."""

    path: str
    problems: tuple[Any, ...]
    facets: int = 0
    codes: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


@dataclass(frozen=True)
class Written:
    """A file an export or the report wrote, and what it holds (for the one-line message)."""

    path: str
    count: int
    layer: str | None = None
    note: str = ""
