"""The study's reliability check on a project: two or more coders, the quotes all of them coded.

Turns codings into reliability data and hands them to `coder.agreement`:
- a single facet is one nominal variable per quote; a coder who coded the quote but left
  the facet empty gets the category "-" (so "A chose a goal, B chose none" counts as a
  disagreement rather than vanishing as missing data);
- a multi facet gives one present/absent variable per code;
- the study's own table: per transformation goal, how many quotes each coder coded
  positive, negative and mixed/neutral, with a total row, and beside it the agreement on
  "this quote has this goal" at quote level, so two quotes whose goals were swapped
  between the coders show up even when the totals match;
- a candidate a coder dismissed as "not a quote" (coder/quotes/dismiss.py) is a unit too,
  where that coder's value is the extra category "not a quote" on every facet and every
  code: two coders who both dismiss it agree, one who codes it disagrees with one who
  dismissed it. (Adjudication works on codings only and does not see dismissals.)
Every coefficient comes with a reading (`coder.agreement.interpret.verdict`). With three
or more coders the units are the quotes all of them coded, and `pairs` gives each pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt

from coder.agreement import agreement, ratings_from_codes
from coder.agreement.interpret import paradox, verdict
from coder.codebook.facets import FacetCodes, facet_codes
from coder.coding.coders import Coder
from coder.errors import InputError
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET, NEGATIVE, NEUTRAL, POSITIVE, VALENCE_FACET

NONE = "-"
NOT_A_QUOTE = "not a quote"
DISMISSED = "\0dismissed"  # pseudo-facet key marking a quote the coder dismissed
Codings = dict[int, dict[str, set[str]]]
VALENCES = (("positive", POSITIVE), ("negative", NEGATIVE), ("neutral", NEUTRAL))
#: The coefficients each table shows: two coders, or three and more.
SHOWN = {2: ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "gwet_ac"),
         3: ("percent_agreement", "fleiss_kappa", "conger_kappa", "krippendorff_alpha", "gwet_ac")}


def shown_metrics(n_coders: int) -> tuple[str, ...]:
    return SHOWN[2] if n_coders == 2 else SHOWN[3]


def coder_codings(db: sqlite_utils.Database, coder: Coder, *, with_dismissed: bool = False) -> Codings:
    by_quote: Codings = defaultdict(lambda: defaultdict(set))
    for quote_id, facet, code in db.execute(
            "SELECT quote_id, facet, code FROM codings WHERE coder_id = ?", [coder.id]):
        by_quote[quote_id][facet].add(code)
    if with_dismissed:
        for (quote_id,) in db.execute("SELECT quote_id FROM dismissals WHERE coder_id = ?", [coder.id]):
            by_quote[quote_id][DISMISSED] = {NOT_A_QUOTE}
    return by_quote


def _dismissed(codings: Codings, quote: int) -> bool:
    return DISMISSED in codings[quote]


def _with_not_a_quote(categories: list[str], values: list[list[str]]) -> list[str]:
    """The category "not a quote" only when someone used it: the number of categories
    changes chance agreement (Gwet's AC1), so an unused one must not be listed."""
    used = any(NOT_A_QUOTE in row for row in values)
    return [*categories, NOT_A_QUOTE] if used else categories


def shared_units(codings_a: dict[int, Any], codings_b: dict[int, Any],
                 quotes: list[int] | None = None) -> list[int]:
    """The quotes both coders coded (within `quotes` when given): the units of agreement."""
    return common_units([codings_a, codings_b], quotes)


def common_units(sets: list[dict[int, Any]], quotes: list[int] | None = None) -> list[int]:
    """The quotes every coder coded (within `quotes` when given)."""
    units = set(sets[0]).intersection(*sets[1:])
    return sorted(units if quotes is None else units & set(quotes))


def _coders(db: sqlite_utils.Database, coders: Sequence[Coder]) -> dict[str, Codings]:
    """Each coder's codings (and dismissals) by name, once the coders are two or more
    different ones. Callers resolve names first (`get_coder`), so an unknown name is
    reported before these checks, as it always was."""
    if len(coders) < 2:
        raise InputError("choose at least two coders")
    if len({c.id for c in coders}) != len(coders):
        raise InputError("choose different coders")
    return {c.name: coder_codings(db, c, with_dismissed=True) for c in coders}


def project_agreement(db: sqlite_utils.Database, coder_a: Coder, coder_b: Coder, *,
                      facet: str | None = None, ci: str = "analytic",
                      quotes: list[int] | None = None) -> dict[str, Any]:
    """Everything `coder agree --coders A,B` shows, as one JSON-ready dict."""
    return coders_agreement(db, [coder_a, coder_b], facet=facet, ci=ci, quotes=quotes)


def coders_agreement(db: sqlite_utils.Database, coders: Sequence[Coder], *, facet: str | None = None,
                     ci: str = "analytic", quotes: list[int] | None = None,
                     with_pairs: bool = True) -> dict[str, Any]:
    """Agreement of two or more coders over the quotes all of them coded (or dismissed)."""
    sets = _coders(db, coders)
    units = common_units(list(sets.values()), quotes)
    if not units:
        raise InputError(f"{' and '.join(sets)} have no coded quote in common")
    all_facets = facet_codes(db)
    if facet is not None and facet not in all_facets:
        raise InputError(f"unknown facet {facet!r} (facets: {', '.join(all_facets)})")
    chosen = [all_facets[facet]] if facet else list(all_facets.values())
    labels = _labels(db)
    result: dict[str, Any] = {"coders": list(sets), "units": len(units), "facets": {}, "codes": {},
                              "labels": labels}
    for f in chosen:
        if f.mode == "single":
            result["facets"][f.key] = {"label": labels.get(f.key, f.key),
                                       **_single_facet(f, units, sets, ci)}
            continue
        for code in f.codes:
            entry = _binary(f.key, code, units, sets, ci)
            if entry is not None:
                result["codes"][code] = {"facet": f.key, "label": labels.get(code, code), **entry}
    result["goals"] = goal_table(all_facets, units, sets, labels, ci)
    result["goal_totals"] = _totals(result["goals"], list(sets))
    result["disagreements"] = disagreements(db, chosen, units, sets)
    if with_pairs and len(sets) > 2:
        result["pairs"] = _pairs(db, coders, facet, ci, quotes)
    return result


def _labels(db: sqlite_utils.Database) -> dict[str, str]:
    labels = dict(db.execute("SELECT key, label FROM codes"))
    labels.update(dict(db.execute("SELECT key, label FROM facets")))
    return labels


def single_facet_value(codings: Codings, quote: int, facet: str) -> str:
    """The code a coder gave a single facet on a quote, "-" when they left it empty, or
    "not a quote" when they dismissed the quote."""
    if _dismissed(codings, quote):
        return NOT_A_QUOTE
    chosen = codings[quote].get(facet, set())
    return min(chosen) if chosen else NONE


def _entry(codes: npt.NDArray[np.int_], categories: list[str], names: list[str], ci: str) -> dict[str, Any]:
    res = agreement(ratings_from_codes(codes, categories, names), ci=ci)
    metrics = {k: (v.as_dict() if v else None) for k, v in res.metrics.items()}
    n = len(codes)
    return {"units": n, "metrics": metrics, "diagnostics": res.diagnostics,
            "reading": {k: verdict(k, m["value"] if m else None, m["ci95"] if m else None, n)
                        for k, m in metrics.items()},
            "paradox": paradox(res.diagnostics, metrics)}


def _coded(values: list[list[str]], categories: list[str]) -> npt.NDArray[np.int_]:
    index = {c: i for i, c in enumerate(categories)}
    return np.array([[index[v] for v in row] for row in values])


def _single_facet(f: FacetCodes, units: list[int], sets: dict[str, Codings], ci: str) -> dict[str, Any]:
    values = [[single_facet_value(s, u, f.key) for s in sets.values()] for u in units]
    categories = _with_not_a_quote([*f.codes, NONE], values)
    codes = _coded(values, categories)
    unused = all(v == NONE for row in values for v in row)
    return {**_entry(codes, categories, list(sets), ci), "unused": unused}


def binary_value(codings: Codings, quote: int, facet: str, code: str) -> str:
    """"present", "absent", or "not a quote" when the coder dismissed the quote."""
    if _dismissed(codings, quote):
        return NOT_A_QUOTE
    return "present" if code in codings[quote].get(facet, ()) else "absent"


def _binary(facet: str, code: str, units: list[int], sets: dict[str, Codings],
            ci: str) -> dict[str, Any] | None:
    """A present/absent variable (a code, or "this quote has this goal"); None if never present."""
    values = [[binary_value(s, u, facet, code) for s in sets.values()] for u in units]
    if not any(v == "present" for row in values for v in row):
        return None
    categories = _with_not_a_quote(["absent", "present"], values)
    return _entry(_coded(values, categories), categories, list(sets), ci)


def goal_table(all_facets: dict[str, FacetCodes], units: list[int], sets: dict[str, Codings],
               labels: dict[str, str], ci: str = "analytic") -> list[dict[str, Any]]:
    """Per goal: each coder's positive/negative/neutral/total quote counts, and the
    quote-level agreement on "this quote has this goal" (None when no coder chose it).

    Two-coder results keep the older flat keys (a_positive, diff_positive, ...) too.
    """
    goal = all_facets.get(GOAL_FACET)
    if goal is None or VALENCE_FACET not in all_facets:
        return []
    rows = []
    names = list(sets)
    for key in goal.codes:
        counts = {}
        for name, codings in sets.items():
            has = [u for u in units if key in codings[u].get(GOAL_FACET, ())]
            counts[name] = {label: sum(1 for u in has if valence in codings[u].get(VALENCE_FACET, ()))
                            for label, valence in VALENCES}
            counts[name]["total"] = len(has)
        row: dict[str, Any] = {"goal": key, "label": labels.get(key, key), "counts": counts,
                               "agreement": _binary(GOAL_FACET, key, units, sets, ci)}
        if len(names) == 2:
            a, b = counts[names[0]], counts[names[1]]
            for label in ("positive", "negative"):
                row[f"a_{label}"], row[f"b_{label}"] = a[label], b[label]
                row[f"diff_{label}"] = a[label] - b[label]
        rows.append(row)
    return rows


def _totals(goals: list[dict[str, Any]], names: list[str]) -> dict[str, dict[str, int]]:
    keys = ("positive", "negative", "neutral", "total")
    return {n: {k: sum(g["counts"][n][k] for g in goals) for k in keys} for n in names}


def _pairs(db: sqlite_utils.Database, coders: Sequence[Coder], facet: str | None, ci: str,
           quotes: list[int] | None) -> list[dict[str, Any]]:
    """Two-coder summaries for each pair: who agrees with whom (pa, Cohen's kappa, alpha)."""
    out = []
    for a, b in combinations(coders, 2):
        try:
            res = coders_agreement(db, [a, b], facet=facet, ci=ci, quotes=quotes, with_pairs=False)
        except InputError:
            out.append({"coders": [a.name, b.name], "units": 0, "variables": {}})
            continue
        variables = {}
        for key, entry in list(res["facets"].items()) + list(res["codes"].items()):
            variables[key] = {m: (entry["metrics"][m] or {}).get("value")
                              for m in ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "gwet_ac")}
        out.append({"coders": [a.name, b.name], "units": res["units"], "variables": variables})
    return out


def disagreements(db: sqlite_utils.Database, chosen: list[FacetCodes], units: list[int],
                  sets: dict[str, Codings]) -> list[dict[str, Any]]:
    """Every (quote, facet) where the coders' code sets differ, with where to find it."""
    out = []
    info = {row[0]: row[1:] for row in db.execute(
        "SELECT quotes.id, documents.title, quotes.page, quotes.text FROM quotes "
        "JOIN documents ON documents.id = quotes.doc_id")}
    names = list(sets)
    for u in units:
        for f in chosen:
            values = {n: [NOT_A_QUOTE] if _dismissed(sets[n], u) else sorted(sets[n][u].get(f.key, set()))
                      for n in names}
            if len({tuple(v) for v in values.values()}) > 1:
                title, page, text = info.get(u, ("", None, ""))
                out.append({"quote": u, "document": title, "page": page, "facet": f.key,
                            "a": values[names[0]], "b": values[names[1]], "codes": values,
                            "text": text[:100]})
    return out


def ratings_rows(db: sqlite_utils.Database, coders: Sequence[Coder], variable: str,
                 quotes: list[int] | None = None) -> list[tuple[str, str, str]]:
    """Long-format rows (unit, coder, value) for one facet or one code, as `agree` uses them.

    Exported so that the same data can be checked in `coder agree --table` or elsewhere.
    """
    sets = _coders(db, coders)
    units = common_units(list(sets.values()), quotes)
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
