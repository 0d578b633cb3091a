"""The reliability result as a methods table: rows of text that the CLI, the TUI and the
report all show the same way (labels, not keys; a reading beside every number).

Built from `coders_agreement`'s dict, so the JSON and the tables never disagree.
"""

from __future__ import annotations

from typing import Any

from coder.agreement.interpret import MAX_CI_WIDTH, TOO_FEW_UNITS
from coder.export.labels import Labels
from coder.export.numbers import number, percent
from coder.reliability.compare import shown_metrics
from coder.report.text import text

METRIC_LABELS = {"percent_agreement": "% agreement", "cohen_kappa": "Cohen's κ", "scott_pi": "Scott's π",
                 "fleiss_kappa": "Fleiss' κ", "conger_kappa": "Conger's κ",
                 "krippendorff_alpha": "Krippendorff's α", "gwet_ac": "Gwet's AC1",
                 "brennan_prediger": "Brennan-Prediger"}
SHORT = {"percent_agreement": "%", "cohen_kappa": "κ", "fleiss_kappa": "Fleiss κ", "conger_kappa": "Conger κ",
         "krippendorff_alpha": "α", "gwet_ac": "AC1"}
VALENCE_COLUMNS = (("positive", "+"), ("negative", "−"), ("neutral", "±"), ("total", "Σ"))

ADVICE = (
    "Which coefficient to report: Krippendorff's α per facet and per code, with its 95% interval "
    "and the number of quotes, as the main figure; it takes any number of coders and missing "
    "codings, and unlike Cohen's κ it does not reward coders whose code frequencies differ. "
    "Give percent agreement beside it, so the reader sees the raw level, and Gwet's AC1 where one "
    "category dominates (a rare code, or a goal most quotes lack): there κ and α can be low despite "
    "near-perfect agreement (the kappa paradox), while AC1 stays stable. Cohen's κ (two coders) or "
    "Fleiss' κ (more) is listed for comparison with other studies. Where a row says 'too few quotes' "
    "(fewer than 10, or an interval wider than 0.5), report the numbers but draw no conclusion. "
    "Bands: Krippendorff (α ≥ .800 reliable, ≥ .667 tentative) for α, Landis & Koch for the κ family "
    "and AC1.")

ADVICE_NL = (
    "Welke coëfficiënt te rapporteren: Krippendorffs α per facet en per code, met het "
    "95%-betrouwbaarheidsinterval en het aantal quotes, als hoofdmaat; α werkt voor elk aantal "
    "codeurs en ontbrekende coderingen, en beloont (anders dan Cohens κ) geen codeurs die codes "
    "verschillend vaak gebruiken. Vermeld het percentage overeenstemming ernaast, en Gwets AC1 waar "
    "één categorie overheerst (een zeldzame code, een doel dat de meeste quotes missen): dan kunnen κ "
    "en α laag uitvallen bij vrijwel volledige overeenstemming (de kappaparadox), terwijl AC1 stabiel "
    "blijft. Bij 'te weinig quotes' (minder dan 10, of een interval breder dan 0,5) de cijfers wel "
    "vermelden maar geen conclusie trekken.")

F1_LEGEND = (
    "%: share of quotes on which the coders agree (no chance correction). κ: Cohen's kappa (two "
    "coders) or Fleiss' kappa (more), chance-corrected. α: Krippendorff's alpha with its 95% interval "
    "(≥ .800 reliable, ≥ .667 tentative). AC1: Gwet's AC1, stable when one category dominates. n: "
    "quotes coded by all coders. Reading: the band of each coefficient (Landis & Koch for κ and AC1: "
    "slight, fair, moderate, substantial, almost perfect), 'too few quotes' when n < 10 or an interval "
    "is wider than 0.5, and 'kappa paradox' when one category holds 80% or more of the ratings (read "
    "AC1 there). Goals: + positive, − negative, ± mixed/neutral, Σ all quotes with that goal per coder; "
    "the agreement columns ask 'does this quote have this goal?', so swapped goals show even when the "
    "totals match.")


def fmt(x: float | None, digits: int = 2, lang: str | None = None) -> str:
    """A coefficient: plain decimals for the terminal (``lang`` None), else the language's
    conventions (decimal commas in Dutch, see `coder.export.numbers`)."""
    if x is None:
        return "—"
    return f"{x:.{digits}f}" if lang is None else number(x, digits, lang)


def with_ci(est: dict[str, Any] | None, lang: str | None = None) -> str:
    """``value [lower, upper]``; three decimals in a document, and ``;`` between the bounds
    in Dutch, where the comma is the decimal sign."""
    digits = 2 if lang is None else 3
    if not est or est.get("value") is None:
        return "—"
    lo, hi = est.get("ci95") or (None, None)
    if lo is None or hi is None:
        return fmt(est["value"], digits, lang)
    sep = "; " if lang == "nl" else ", "
    return f"{fmt(est['value'], digits, lang)} [{fmt(lo, digits, lang)}{sep}{fmt(hi, digits, lang)}]"


def share(est: dict[str, Any] | None, lang: str | None = None) -> str:
    """Percent agreement: a proportion for the terminal, a percentage in a document."""
    value = (est or {}).get("value")
    if lang is None or value is None:
        return fmt(value)
    return percent(value * 100, 1, lang)


def _word(lang: str | None, key: str, **values: object) -> str:
    return text(lang or "en", key, **values)


def relabel(result: dict[str, Any], labels: Labels) -> dict[str, Any]:
    """The result with facet and code names as ``labels`` gives them (a language, or keys
    with ``--keys``); the numbers are untouched."""
    names = {k: labels.facet(k) if k in labels.facets or k in result["facets"] else labels.code(k)
             for k in result["labels"]}
    out = dict(result)
    out["labels"] = names
    out["facets"] = {k: {**e, "label": names.get(k, k)} for k, e in result["facets"].items()}
    out["codes"] = {k: {**e, "label": names.get(k, k)} for k, e in result["codes"].items()}
    out["goals"] = [{**g, "label": names.get(g["goal"], g["goal"])} for g in result["goals"]]
    return out


def reading(entry: dict[str, Any] | None, metrics: tuple[str, ...], lang: str | None = None) -> str:
    """One cell: the band of each coefficient shown, "too few quotes" instead of a band
    where n < 10 or a coefficient's interval is wider than 0.5, and the kappa-paradox
    warning where skewed prevalence pulls κ and α below the agreement actually reached."""
    if entry is None:
        return _word(lang, "m_not_chosen")
    if entry.get("unused"):
        return _word(lang, "m_unused")
    verdicts = {m: entry["reading"][m] for m in metrics if m != "percent_agreement"}
    if entry["units"] < TOO_FEW_UNITS:
        return _word(lang, "m_too_few_n", n=entry["units"])
    few = [SHORT[m] for m, v in verdicts.items() if v.startswith("too few")]
    parts = [f"{SHORT[m]} {_word(lang, 'band:' + v)}" for m, v in verdicts.items()
             if not v.startswith("too few") and v != "not defined"]
    if few:
        parts.append(_word(lang, "m_too_few_ci", which=", ".join(few), width=fmt(MAX_CI_WIDTH, 1, lang)))
    if entry.get("paradox"):
        parts.append(_word(lang, "m_paradox"))
    return " · ".join(parts)


def coefficient_headers(result: dict[str, Any], lang: str | None = None) -> list[str]:
    metrics = shown_metrics(len(result["coders"]))
    return [_word(lang, "m_variable"), "n", *[SHORT[m] for m in metrics], _word(lang, "m_reading")]


def coefficient_rows(result: dict[str, Any], lang: str | None = None) -> list[tuple[str, list[str]]]:
    """(key, cells) per single facet, then per code of the multi facets (indented)."""
    metrics = shown_metrics(len(result["coders"]))
    rows = []
    entries = [(k, e["label"], e) for k, e in result["facets"].items()]
    entries += [(k, f"  {e['label']} ({result['labels'].get(e['facet'], e['facet'])})", e)
                for k, e in result["codes"].items()]
    for key, label, entry in entries:
        cells = [label, str(entry["units"])]
        cells += [share(entry["metrics"][m], lang) if m == "percent_agreement"
                  else with_ci(entry["metrics"][m], lang) for m in metrics]
        rows.append((key, [*cells, reading(entry, metrics, lang)]))
    return rows


def _counts(result: dict[str, Any], counts: dict[str, dict[str, int]]) -> list[str]:
    """One cell per count for two coders (the study's side-by-side table); one "+/−/±/Σ"
    cell per coder for three or more, so the table still fits a terminal."""
    names = result["coders"]
    if len(names) == 2:
        return [str(counts[n][k]) for n in names for k, _ in VALENCE_COLUMNS]
    return ["/".join(str(counts[n][k]) for k, _ in VALENCE_COLUMNS) for n in names]


def goal_headers(result: dict[str, Any], lang: str | None = None) -> list[str]:
    names = result["coders"]
    counts = ([f"{name} {sign}" for name in names for _, sign in VALENCE_COLUMNS] if len(names) == 2
              else [f"{name} +/−/±/Σ" for name in names])
    kappa = "κ" if len(result["coders"]) == 2 else "Fleiss κ"
    return [_word(lang, "m_goal"), *counts, "n", "%", kappa, "α", "AC1", _word(lang, "m_reading")]


def goal_rows(result: dict[str, Any], lang: str | None = None) -> list[list[str]]:
    """Per goal: each coder's +/−/±/Σ counts and the quote-level agreement on the goal; a
    total row last."""
    names = result["coders"]
    kappa = "cohen_kappa" if len(names) == 2 else "fleiss_kappa"
    metrics = ("percent_agreement", kappa, "krippendorff_alpha", "gwet_ac")
    rows = []
    for g in result["goals"]:
        cells = [g["label"], *_counts(result, g["counts"])]
        agree = g["agreement"]
        if agree is None:
            cells += [str(result["units"]), "—", "—", "—", "—", reading(None, metrics, lang)]
        else:
            m = agree["metrics"]
            cells += [str(agree["units"]), share(m["percent_agreement"], lang),
                      with_ci(m[kappa], lang), with_ci(m["krippendorff_alpha"], lang),
                      with_ci(m["gwet_ac"], lang), reading(agree, metrics, lang)]
        rows.append(cells)
    if result["goals"]:
        totals = result["goal_totals"]
        rows.append([_word(lang, "m_total"), *_counts(result, totals)] + [""] * 6)
    return rows


def warnings(result: dict[str, Any], lang: str | None = None) -> list[str]:
    """The kappa-paradox notes, by label (one line per variable)."""
    out = []
    for entry in [*result["facets"].values(), *result["codes"].values()]:
        if entry.get("paradox"):
            shares = entry["diagnostics"].get("category_shares", {})
            top = max(shares.items(), key=lambda kv: kv[1]) if shares else ("", 0.0)
            out.append(_word(lang, "m_paradox_note", label=entry["label"], share=f"{top[1]:.0%}",
                             category=repr(top[0])))
    return out


def pair_rows(result: dict[str, Any]) -> list[list[str]]:
    """With three or more coders: per pair and variable, % agreement, κ, α and AC1."""
    rows = []
    for pair in result.get("pairs", []):
        who = " – ".join(pair["coders"])
        for key, values in pair["variables"].items():
            rows.append([who, result["labels"].get(key, key), str(pair["units"]),
                         *[fmt(values.get(m)) for m in ("percent_agreement", "cohen_kappa",
                                                        "krippendorff_alpha", "gwet_ac")]])
    return rows
