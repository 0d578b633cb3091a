"""One row per coded quote for one coding layer: the table every export starts from.

The column names are fixed (scripts rely on them): `FIXED_HEAD`, then one column per
facet named by its key (single facets hold the code, multi facets `;`-joined codes),
then `FIXED_TAIL`. `--wide` adds one 0/1 column per code, named `facet:code`. The
consensus layer adds `unresolved`: the facets adjudication has not settled yet on that
quote (such a quote is listed even when nothing of it is settled), so that an empty cell
is never mistaken for "no code".

Three columns say where a quote comes from: ``speaker`` is the role of who speaks
(inwoner, professional, ...), ``source`` the original source as the text names it, and
``document`` the document it was found in; ``citation`` combines them in the study's
style (see `coder.export.citation`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from coder.codebook.facets import FacetCodes, facet_codes
from coder.codebook.sync import codebook_version
from coder.coding.coders import Coder
from coder.export.citation import quote_citation
from coder.export.origin import quote_origin
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET, VALENCE_FACET

FIXED_HEAD = ("quote_id", "document", "organisation", "municipality", "year", "doc_type",
              "team_type", "size_class", "page", "quote", "citation", "speaker", "source")
FIXED_TAIL = ("coder", "memo", "codebook_version")


@dataclass
class Filters:
    goal: str | None = None
    code: str | None = None
    doc_type: str | None = None
    valence: str | None = None


@dataclass
class QuoteTable:
    """``headers`` are the column keys (what rows are keyed by); ``titles``, when set, are
    what a person reads above each column (see `coder.export.tables.present`)."""

    headers: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    facets: list[FacetCodes] = field(default_factory=list)
    titles: list[str] | None = None

    def header_row(self) -> list[str]:
        return self.titles or self.headers


def quote_table(db: sqlite_utils.Database, layer: Coder, filters: Filters | None = None, *,
                wide: bool = False, lang: str = "nl") -> QuoteTable:
    """The coded quotes of ``layer`` in keys; ``lang`` is the citations' language."""
    filters = filters or Filters()
    facets = list(facet_codes(db).values())
    version = codebook_version(db)
    codes_by_quote: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    memos: dict[int, list[str]] = defaultdict(list)
    for quote_id, facet, code, memo in db.execute(
            "SELECT c.quote_id, c.facet, c.code, c.memo FROM codings c JOIN codes k ON k.key = c.code"
            " WHERE c.coder_id = ? ORDER BY c.quote_id, k.position", [layer.id]):
        codes_by_quote[quote_id][facet].append(code)
        if memo and memo not in memos[quote_id]:
            memos[quote_id].append(memo)
    for quote_id, memo in db.execute("SELECT quote_id, memo FROM quote_memos WHERE coder_id = ?", [layer.id]):
        if memo not in memos[quote_id]:  # a memo written on the quote before it was coded
            memos[quote_id].insert(0, memo)
    open_facets = _unresolved(db) if layer.kind == "consensus" else None
    headers = list(FIXED_HEAD) + [key for key, _, _ in facets] + list(FIXED_TAIL)
    if open_facets is not None:
        headers.append("unresolved")
    if wide:
        headers += [f"{key}:{code}" for key, _, codes in facets for code in codes]
    table = QuoteTable(headers, facets=facets)
    quotes = db.query(
        "SELECT q.id, q.text, q.page, q.speaker, q.source, q.attribution, d.title, d.organisation,"
        " d.municipality, d.year, d.doc_type, d.team_type, d.size_class"
        " FROM quotes q JOIN documents d ON d.id = q.doc_id"
        " ORDER BY d.title, q.start")
    for q in quotes:
        coded = codes_by_quote.get(q["id"])
        if open_facets and q["id"] in open_facets:
            coded = coded or {}
        elif not coded:
            continue
        if not _keep(coded, q, filters):
            continue
        role, source = quote_origin(q)
        row = {
            "quote_id": q["id"], "document": q["title"], "organisation": q["organisation"],
            "municipality": q["municipality"], "year": q["year"], "doc_type": q["doc_type"],
            "team_type": q["team_type"], "size_class": q["size_class"], "page": q["page"],
            "quote": q["text"], "citation": quote_citation(q, lang),
            "speaker": role or "", "source": source or "",
        }
        for key, _mode, _ in facets:
            row[key] = ";".join(coded.get(key, []))
        row.update({"coder": layer.name, "memo": "; ".join(memos.get(q["id"], [])),
                    "codebook_version": version})
        if open_facets is not None:
            row["unresolved"] = ";".join(open_facets.get(q["id"], []))
        if wide:
            for key, _, codes in facets:
                for code in codes:
                    row[f"{key}:{code}"] = int(code in coded.get(key, []))
        table.rows.append(row)
    return table


def _unresolved(db: sqlite_utils.Database) -> dict[int, list[str]]:
    from coder.reliability.adjudication import unresolved

    return unresolved(db)


def unresolved_count(table: QuoteTable) -> int:
    """How many rows still have undecided facets (0 for a coder's own layer)."""
    return sum(1 for row in table.rows if row.get("unresolved"))


def _keep(coded: dict[str, list[str]], doc: dict[str, Any], f: Filters) -> bool:
    if f.goal and f.goal not in coded.get(GOAL_FACET, []):
        return False
    if f.valence and f.valence not in coded.get(VALENCE_FACET, []):
        return False
    if f.code and not any(f.code in codes for codes in coded.values()):
        return False
    return not (f.doc_type and doc["doc_type"] != f.doc_type)
