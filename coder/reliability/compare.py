"""The study's reliability check on a project: two coders, the quotes both coded.

Turns codings into reliability data and hands them to `coder.agreement`:
- a single facet is one nominal variable per quote; a coder who coded the quote but left
  the facet empty gets the category "-" (so "A chose a goal, B chose none" counts as a
  disagreement rather than vanishing as missing data);
- a multi facet gives one present/absent variable per code;
- a candidate a coder dismissed as "not a quote" (coder/quotes/dismiss.py) is a unit too,
  where that coder's value is the extra category "not a quote" on every facet and every
  code: two coders who both dismiss it agree, one who codes it disagrees with one who
  dismissed it. (Adjudication works on codings only and does not see dismissals.)
- and the study's own table: per transformation goal, how many quotes each coder coded
  positive and negative, side by side with the difference.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from coder.store.sqlite import sqlite_utils

from coder.agreement import agreement, ratings_from_codes
from coder.coding.coders import get_coder
from coder.errors import InputError
from coder.codebook.facets import FacetCodes, facet_codes
from coder.study import GOAL_FACET, NEGATIVE, POSITIVE, VALENCE_FACET

NONE = "-"
NOT_A_QUOTE = "not a quote"
DISMISSED = "\0dismissed"  # pseudo-facet key marking a quote the coder dismissed


def coder_codings(db: sqlite_utils.Database, coder_id: int, *,
                  with_dismissed: bool = False) -> dict[int, dict[str, set[str]]]:
    by_quote: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for quote_id, facet, code in db.execute(
            "SELECT quote_id, facet, code FROM codings WHERE coder_id = ?", [coder_id]):
        by_quote[quote_id][facet].add(code)
    if with_dismissed:
        for (quote_id,) in db.execute("SELECT quote_id FROM dismissals WHERE coder_id = ?", [coder_id]):
            by_quote[quote_id][DISMISSED] = {NOT_A_QUOTE}
    return by_quote


Codings = dict[int, dict[str, set[str]]]


def _dismissed(codings: Codings, quote: int) -> bool:
    return DISMISSED in codings[quote]


def _with_not_a_quote(categories: list[str], values: list[list[str]]) -> list[str]:
    """The category "not a quote" only when someone used it: the number of categories
    changes chance agreement (Gwet's AC1), so an unused one must not be listed."""
    used = any(NOT_A_QUOTE in pair for pair in values)
    return [*categories, NOT_A_QUOTE] if used else categories


def shared_units(codings_a: dict, codings_b: dict, quotes: list[int] | None = None) -> list[int]:
    """The quotes both coders coded (within `quotes` when given): the units of agreement."""
    units = set(codings_a) & set(codings_b)
    return sorted(units if quotes is None else units & set(quotes))


def project_agreement(db: sqlite_utils.Database, coder_a: str, coder_b: str, *,
                      facet: str | None = None, ci: str = "analytic",
                      quotes: list[int] | None = None) -> dict:
    """Everything `coder agree --coders A,B` shows, as one JSON-ready dict."""
    a, b = get_coder(db, coder_a), get_coder(db, coder_b)
    if a.id == b.id:
        raise InputError("choose two different coders")
    codings_a = coder_codings(db, a.id, with_dismissed=True)
    codings_b = coder_codings(db, b.id, with_dismissed=True)
    units = shared_units(codings_a, codings_b, quotes)
    if not units:
        raise InputError(f"{a.name} and {b.name} have no coded quote in common")
    all_facets = facet_codes(db)
    if facet is not None and facet not in all_facets:
        raise InputError(f"unknown facet {facet!r} (facets: {', '.join(all_facets)})")
    chosen = [all_facets[facet]] if facet else list(all_facets.values())
    result = {"coders": [a.name, b.name], "units": len(units), "facets": {}, "codes": {}}
    for f in chosen:
        if f.mode == "single":
            result["facets"][f.key] = _single_facet(f, units, codings_a, codings_b, ci)
        else:
            for code in f.codes:
                entry = _binary_code(f, code, units, codings_a, codings_b, ci)
                if entry is not None:
                    result["codes"][code] = entry
    result["goals"] = goal_table(all_facets, units, codings_a, codings_b)
    result["disagreements"] = disagreements(db, chosen, units, codings_a, codings_b)
    return result


def single_facet_value(codings: dict, quote: int, facet: str) -> str:
    """The code a coder gave a single facet on a quote, "-" when they left it empty, or
    "not a quote" when they dismissed the quote."""
    if _dismissed(codings, quote):
        return NOT_A_QUOTE
    chosen = codings[quote].get(facet, set())
    return sorted(chosen)[0] if chosen else NONE


def _single_facet(f: FacetCodes, units, codings_a, codings_b, ci: str) -> dict:
    values = [[single_facet_value(c, u, f.key) for c in (codings_a, codings_b)] for u in units]
    categories = _with_not_a_quote([*f.codes, NONE], values)
    index = {c: i for i, c in enumerate(categories)}
    codes = np.array([[index[v] for v in pair] for pair in values])
    res = agreement(ratings_from_codes(codes, categories, ["A", "B"]), ci=ci)
    return {"units": len(units), "metrics": _metrics(res), "diagnostics": res.diagnostics}


def binary_value(codings: Codings, quote: int, facet: str, code: str) -> str:
    """"present", "absent", or "not a quote" when the coder dismissed the quote."""
    if _dismissed(codings, quote):
        return NOT_A_QUOTE
    return "present" if code in codings[quote].get(facet, ()) else "absent"


def _binary_code(f: FacetCodes, code: str, units, codings_a, codings_b, ci: str) -> dict | None:
    values = [[binary_value(c, u, f.key, code) for c in (codings_a, codings_b)] for u in units]
    categories = _with_not_a_quote(["absent", "present"], values)
    index = {c: i for i, c in enumerate(categories)}
    codes = np.array([[index[v] for v in pair] for pair in values])
    if not (codes == 1).any():
        return None
    res = agreement(ratings_from_codes(codes, categories, ["A", "B"]), ci=ci)
    return {"facet": f.key, "units": len(units), "metrics": _metrics(res),
            "diagnostics": res.diagnostics}


def _metrics(res) -> dict:
    return {k: (v.as_dict() if v else None) for k, v in res.metrics.items()}


def goal_table(all_facets: dict[str, FacetCodes], units, codings_a, codings_b) -> list[dict]:
    """Per goal: positive and negative quote counts per coder, and A - B."""
    goal = all_facets.get(GOAL_FACET)
    if goal is None or VALENCE_FACET not in all_facets:
        return []
    rows = []
    for key in goal.codes:
        row = {"goal": key}
        for prefix, codings in (("a", codings_a), ("b", codings_b)):
            for valence in (POSITIVE, NEGATIVE):
                label = "positive" if valence == POSITIVE else "negative"
                row[f"{prefix}_{label}"] = sum(
                    1 for u in units
                    if key in codings[u].get(GOAL_FACET, ()) and valence in codings[u].get(VALENCE_FACET, ()))
        row["diff_positive"] = row["a_positive"] - row["b_positive"]
        row["diff_negative"] = row["a_negative"] - row["b_negative"]
        rows.append(row)
    return rows


def disagreements(db: sqlite_utils.Database, chosen: list[FacetCodes], units, codings_a,
                  codings_b) -> list[dict]:
    """Every (quote, facet) where the two coders' code sets differ, with where to find it."""
    out = []
    info = {row[0]: row[1:] for row in db.execute(
        "SELECT quotes.id, documents.title, quotes.page, quotes.text FROM quotes "
        "JOIN documents ON documents.id = quotes.doc_id")}
    for u in units:
        for f in chosen:
            mine, theirs = (codings[u].get(f.key, set()) if not _dismissed(codings, u) else {NOT_A_QUOTE}
                            for codings in (codings_a, codings_b))
            if mine != theirs:
                title, page, text = info.get(u, ("", None, ""))
                out.append({"quote": u, "document": title, "page": page, "facet": f.key,
                            "a": sorted(mine), "b": sorted(theirs), "text": text[:100]})
    return out


def ratings_rows(db: sqlite_utils.Database, coder_a: str, coder_b: str, variable: str,
                 quotes: list[int] | None = None) -> list[tuple[str, str, str]]:
    """Long-format rows (unit, coder, value) for one facet or one code, as `agree` uses them.

    Exported so that the same data can be checked in `coder agree --table` or elsewhere.
    """
    a, b = get_coder(db, coder_a), get_coder(db, coder_b)
    sets = {c.name: coder_codings(db, c.id, with_dismissed=True) for c in (a, b)}
    units = shared_units(sets[a.name], sets[b.name], quotes)
    all_facets = facet_codes(db)
    rows = []
    if variable in all_facets and all_facets[variable].mode == "single":
        for u in units:
            rows += [(str(u), name, single_facet_value(s, u, variable)) for name, s in sets.items()]
        return rows
    owner = next((f for f in all_facets.values() if variable in f.codes), None)
    if owner is None:
        raise InputError(f"{variable!r} is neither a single facet nor a code")
    for u in units:
        rows += [(str(u), name, binary_value(s, u, owner.key, variable)) for name, s in sets.items()]
    return rows
