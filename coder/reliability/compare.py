"""The study's reliability check on a project: two or more coders, the quotes all of them coded.

Turns codings into reliability data and hands them to `coder.agreement`:
- a single facet is one nominal variable per quote; a coder who coded the quote but left
  the facet empty gets the category "-" (so "A chose a goal, B chose none" counts as a
  disagreement rather than vanishing as missing data);
- a multi facet gives one present/absent variable per code;
- the study's own table: per transformation goal, how many quotes each coder coded
  positive, negative and mixed/neutral, with a total row, and beside it the agreement on
  "this quote has this goal" at quote level, so two quotes whose goals were swapped
  between the coders show up even when the totals match.
Every coefficient comes with a reading (`coder.agreement.interpret.verdict`). With three
or more coders the units are the quotes all of them coded, and `pairs` gives each pair.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt

from coder.agreement import agreement, ratings_from_codes
from coder.agreement.interpret import paradox, verdict
from coder.codebook.facets import FacetCodes, facet_codes
from coder.coding.coders import get_coder
from coder.errors import InputError
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET, NEGATIVE, NEUTRAL, POSITIVE, VALENCE_FACET

NONE = "-"
Codings = dict[int, dict[str, set[str]]]
VALENCES = (("positive", POSITIVE), ("negative", NEGATIVE), ("neutral", NEUTRAL))
#: The coefficients each table shows: two coders, or three and more.
SHOWN = {2: ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "gwet_ac"),
         3: ("percent_agreement", "fleiss_kappa", "conger_kappa", "krippendorff_alpha", "gwet_ac")}


def shown_metrics(coders: int) -> tuple[str, ...]:
    return SHOWN[2] if coders == 2 else SHOWN[3]


def coder_codings(db: sqlite_utils.Database, coder_id: int) -> Codings:
    by_quote: Codings = defaultdict(lambda: defaultdict(set))
    for quote_id, facet, code in db.execute(
            "SELECT quote_id, facet, code FROM codings WHERE coder_id = ?", [coder_id]):
        by_quote[quote_id][facet].add(code)
    return by_quote


def shared_units(codings_a: dict[int, Any], codings_b: dict[int, Any],
                 quotes: list[int] | None = None) -> list[int]:
    """The quotes both coders coded (within `quotes` when given): the units of agreement."""
    return common_units([codings_a, codings_b], quotes)


def common_units(sets: list[dict[int, Any]], quotes: list[int] | None = None) -> list[int]:
    """The quotes every coder coded (within `quotes` when given)."""
    units = set(sets[0]).intersection(*sets[1:])
    return sorted(units if quotes is None else units & set(quotes))


def _coders(db: sqlite_utils.Database, names: list[str]) -> dict[str, Codings]:
    coders = [get_coder(db, n) for n in names]
    if len(coders) < 2:
        raise InputError("choose at least two coders")
    if len({c.id for c in coders}) != len(coders):
        raise InputError("choose different coders")
    return {c.name: coder_codings(db, c.id) for c in coders}


def project_agreement(db: sqlite_utils.Database, coder_a: str, coder_b: str, *,
                      facet: str | None = None, ci: str = "analytic",
                      quotes: list[int] | None = None) -> dict[str, Any]:
    """Everything `coder agree --coders A,B` shows, as one JSON-ready dict."""
    return coders_agreement(db, [coder_a, coder_b], facet=facet, ci=ci, quotes=quotes)


def coders_agreement(db: sqlite_utils.Database, names: list[str], *, facet: str | None = None,
                     ci: str = "analytic", quotes: list[int] | None = None,
                     with_pairs: bool = True) -> dict[str, Any]:
    """Agreement of two or more coders over the quotes all of them coded."""
    sets = _coders(db, names)
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
            entry = _binary(lambda u, s, c=code, k=f.key: c in s[u].get(k, ()), units, sets, ci)
            if entry is not None:
                result["codes"][code] = {"facet": f.key, "label": labels.get(code, code), **entry}
    result["goals"] = goal_table(all_facets, units, sets, labels, ci)
    result["goal_totals"] = _totals(result["goals"], list(sets))
    result["disagreements"] = disagreements(db, chosen, units, sets)
    if with_pairs and len(sets) > 2:
        result["pairs"] = _pairs(db, list(sets), facet, ci, quotes)
    return result


def _labels(db: sqlite_utils.Database) -> dict[str, str]:
    labels = dict(db.execute("SELECT key, label FROM codes"))
    labels.update(dict(db.execute("SELECT key, label FROM facets")))
    return labels


def single_facet_value(codings: Codings, quote: int, facet: str) -> str:
    """The code a coder gave a single facet on a quote, or "-" when they left it empty."""
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


def _single_facet(f: FacetCodes, units: list[int], sets: dict[str, Codings], ci: str) -> dict[str, Any]:
    categories = [*f.codes, NONE]
    index = {c: i for i, c in enumerate(categories)}
    codes = np.array([[index[single_facet_value(s, u, f.key)] for s in sets.values()] for u in units])
    return {**_entry(codes, categories, list(sets), ci), "unused": bool((codes == index[NONE]).all())}


def _binary(present: Any, units: list[int], sets: dict[str, Codings], ci: str) -> dict[str, Any] | None:
    """A present/absent variable (a code, or "this quote has this goal"); None if never present."""
    codes = np.array([[int(present(u, s)) for s in sets.values()] for u in units])
    if not codes.any():
        return None
    return _entry(codes, ["absent", "present"], list(sets), ci)


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
                               "agreement": _binary(lambda u, s, k=key: k in s[u].get(GOAL_FACET, ()),
                                                    units, sets, ci)}
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


def _pairs(db: sqlite_utils.Database, names: list[str], facet: str | None, ci: str,
           quotes: list[int] | None) -> list[dict[str, Any]]:
    """Two-coder summaries for each pair: who agrees with whom (pa, Cohen's kappa, alpha)."""
    out = []
    for a, b in combinations(names, 2):
        try:
            res = coders_agreement(db, [a, b], facet=facet, ci=ci, quotes=quotes, with_pairs=False)
        except InputError:
            out.append({"coders": [a, b], "units": 0, "variables": {}})
            continue
        variables = {}
        for key, entry in list(res["facets"].items()) + list(res["codes"].items()):
            variables[key] = {m: (entry["metrics"][m] or {}).get("value")
                              for m in ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "gwet_ac")}
        out.append({"coders": [a, b], "units": res["units"], "variables": variables})
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
            values = {n: sorted(sets[n][u].get(f.key, set())) for n in names}
            if len({tuple(v) for v in values.values()}) > 1:
                title, page, text = info.get(u, ("", None, ""))
                out.append({"quote": u, "document": title, "page": page, "facet": f.key,
                            "a": values[names[0]], "b": values[names[1]], "codes": values,
                            "text": text[:100]})
    return out


def ratings_rows(db: sqlite_utils.Database, names: list[str], variable: str,
                 quotes: list[int] | None = None) -> list[tuple[str, str, str]]:
    """Long-format rows (unit, coder, value) for one facet or one code, as `agree` uses them.

    Exported so that the same data can be checked in `coder agree --table` or elsewhere.
    """
    sets = _coders(db, names)
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
        rows += [(str(u), name, "present" if variable in s[u].get(owner.key, ()) else "absent")
                 for name, s in sets.items()]
    return rows
