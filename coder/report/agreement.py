"""The agreement section of the report.

Uses the newest locked round (else the newest round) and the two human coders who coded
most of its quotes; without a round, the two human coders who share most coded quotes.
It shows the study's side-by-side table per transformation goal, a chart of
Krippendorff's alpha with 95% intervals, and `reliability_table`: percent agreement,
Cohen's κ, Gwet's AC1 and Krippendorff's α per facet and code with a short explanation.
Without double coding the section says so.
"""

from __future__ import annotations

from html import escape
from typing import Any

from coder.errors import InputError
from coder.export.labels import Labels
from coder.export.numbers import number, percent
from coder.report import svg
from coder.report.html import note, table
from coder.report.text import text
from coder.store.sqlite import sqlite_utils

MARKS = (0.667, 0.8)
COEFFICIENTS = ("percent_agreement", "cohen_kappa", "gwet_ac", "krippendorff_alpha")


def _pair(db: sqlite_utils.Database) -> tuple[str | None, list[int] | None, list[str]]:
    """(round name, its quotes, two coders); round and quotes are None without a round."""
    row = db.execute("SELECT id, name FROM rounds ORDER BY locked_at IS NULL, id DESC LIMIT 1").fetchone()
    scope = "k.quote_id IN (SELECT quote_id FROM round_quotes WHERE round_id = ?)" if row else "1"
    coders = [r[0] for r in db.execute(
        "SELECT c.name FROM coders c JOIN codings k ON k.coder_id = c.id"
        f" WHERE c.kind = 'human' AND {scope}"
        " GROUP BY c.id ORDER BY COUNT(DISTINCT k.quote_id) DESC, c.name LIMIT 2", [row[0]] if row else [])]
    if row is None:
        return None, None, coders
    quotes = [r[0] for r in db.execute("SELECT quote_id FROM round_quotes WHERE round_id = ?", [row[0]])]
    return row[1], quotes, coders


def agreement_sections(db: sqlite_utils.Database, labels: Labels | None = None) -> list[str]:
    """The reliability section; says what is missing when no two coders coded the same quotes."""
    from coder.reliability.compare import project_agreement

    labels = labels or Labels()
    lang = labels.lang
    name, quotes, coders = _pair(db)
    result = None
    if len(coders) == 2:
        try:
            result = project_agreement(db, coders[0], coders[1], quotes=quotes)
        except InputError:
            result = None
    if result is None:
        return [f"<h2>{escape(text(lang, 'reliability'))}</h2>" + note(text(lang, "no_reliability"))]
    a, b = (escape(c) for c in coders)
    heading = text(lang, "reliability_round", round=name) if name else text(lang, "reliability")
    parts = [f"<h2>{escape(heading)}</h2>", f"<p>{text(lang, 'both_coded', a=a, b=b, n=result['units'])}</p>",
             goal_pairs_table(result, coders, labels), reliability_table(result, labels),
             note(text(lang, "disagreements", n=len(result["disagreements"])))]
    return ["".join(parts)]


def goal_pairs_table(result: dict[str, Any], coders: list[str], labels: Labels) -> str:
    """The study's own check: positive and negative quotes per goal, per coder, side by side."""
    if not result["goals"]:
        return ""
    lang, (a, b) = labels.lang, coders
    diff = text(lang, "difference")
    return table(
        [labels.facet("transformatiedoel"), f"{a} +", f"{b} +", f"{diff} +", f"{a} −", f"{b} −", f"{diff} −"],
        [(labels.code(g["goal"]), *(number(g[k], 0, lang) for k in (
            "a_positive", "b_positive", "diff_positive", "a_negative", "b_negative", "diff_negative")))
         for g in result["goals"]],
        caption=text(lang, "goal_pairs_caption"), numeric=(1, 2, 3, 4, 5, 6))


def reliability_table(result: dict[str, Any], labels: Labels) -> str:
    """Percent agreement, κ, AC1 and α (with 95% interval) per facet and code, the alpha
    chart and what the coefficients mean. One function, so a fuller reliability methods
    table can take its place."""
    lang = labels.lang
    low, high = (number(m, 3, lang) for m in MARKS)
    entries = list(result["facets"].items()) + list(result["codes"].items())
    rows, chart = [], []
    for key, entry in entries:
        metrics = entry["metrics"]
        values = [_value(metrics, name) for name in COEFFICIENTS]
        lo, hi = _interval(metrics, "krippendorff_alpha")
        label = labels.facet(key) if key in result["facets"] else labels.code(key)
        chart.append((label, values[3], lo, hi))
        rows.append((label, percent(None if values[0] is None else values[0] * 100, 1, lang),
                     *(number(v, 3, lang) for v in values[1:]), number(lo, 3, lang), number(hi, 3, lang)))
    headers = [text(lang, "variable"), text(lang, "percent"), text(lang, "kappa"), text(lang, "ac1"),
               text(lang, "alpha"), f"α {text(lang, 'lower')}", f"α {text(lang, 'upper')}"]
    return (svg.intervals(text(lang, "alpha_chart"), chart, marks=MARKS, lang=lang,
                          missing=text(lang, "not_applicable"))
            + table(headers, rows, caption=text(lang, "coefficients_caption", low=low, high=high),
                    numeric=(1, 2, 3, 4, 5, 6))
            + f"<p>{escape(text(lang, 'explain', low=low, high=high))}</p>")


def _value(metrics: dict[str, Any], name: str) -> float | None:
    found = metrics.get(name)
    return None if not found else found.get("value")


def _interval(metrics: dict[str, Any], name: str) -> tuple[float | None, float | None]:
    found = metrics.get(name) or {}
    ci = found.get("ci95") or [None, None]
    return ci[0], ci[1]
