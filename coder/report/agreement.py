"""The agreement section of the report.

Uses the newest locked round (else the newest round made without named coders) and its
coders: its members, or the two human coders who coded most of its quotes. A project
without any round compares the two human coders who share most coded quotes. The
section is the methods table of `coder.reliability.methods` (per-goal counts with
quote-level agreement, then percent agreement, κ, α and AC1 with 95% intervals and a
reading per facet and code), a chart of Krippendorff's alpha with its numbers, what the
coefficients mean and which to report. Without double coding the section says so.
"""

from __future__ import annotations

from html import escape
from typing import Any

from coder.coding.coders import Coder
from coder.errors import InputError
from coder.export.labels import Labels, project_labels
from coder.export.numbers import number
from coder.report import svg
from coder.report.html import note, table
from coder.report.text import text
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET

MARKS = (0.667, 0.8)
HEADINGS = {"percent_agreement": "percent", "cohen_kappa": "kappa", "fleiss_kappa": "fleiss",
            "conger_kappa": "conger", "krippendorff_alpha": "alpha", "gwet_ac": "ac1"}


def _round_and_coders(db: sqlite_utils.Database) -> tuple[str | None, list[int] | None, list[Coder]] | None:
    """(round name, its quotes, its coders), or (None, None, two coders) when the project
    has no round at all; None when nothing may be compared (an open round is blind)."""
    if db.execute("SELECT 1 FROM rounds LIMIT 1").fetchone() is None:
        return _busiest_pair(db)
    row = db.execute("SELECT id, name FROM rounds WHERE locked_at IS NOT NULL"
                     " OR id NOT IN (SELECT round_id FROM round_members)"
                     " ORDER BY locked_at IS NULL, id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    round_id, name = row
    quotes = [r[0] for r in db.execute("SELECT quote_id FROM round_quotes WHERE round_id = ?", [round_id])]
    coders = [Coder(*r) for r in db.execute(
        "SELECT c.id, c.name, c.kind FROM round_members m JOIN coders c ON c.id = m.coder_id"
        " WHERE m.round_id = ? ORDER BY c.name", [round_id])]
    if not coders:
        coders = [Coder(*r) for r in db.execute(
            "SELECT c.id, c.name, c.kind FROM coders c JOIN codings k ON k.coder_id = c.id"
            " WHERE c.kind = 'human' AND k.quote_id IN (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
            " GROUP BY c.id ORDER BY COUNT(DISTINCT k.quote_id) DESC, c.name LIMIT 2", [round_id])]
    return (name, quotes, coders) if len(coders) >= 2 else None


def _busiest_pair(db: sqlite_utils.Database) -> tuple[None, None, list[Coder]] | None:
    coders = [Coder(*r) for r in db.execute(
        "SELECT c.id, c.name, c.kind FROM coders c JOIN codings k ON k.coder_id = c.id WHERE c.kind = 'human'"
        " GROUP BY c.id ORDER BY COUNT(DISTINCT k.quote_id) DESC, c.name LIMIT 2")]
    return (None, None, coders) if len(coders) == 2 else None


def agreement_sections(db: sqlite_utils.Database, labels: Labels | None = None) -> list[str]:
    """The reliability section; says what is missing when no two coders coded the same quotes."""
    from coder.reliability.compare import coders_agreement
    from coder.reliability.methods import relabel

    labels = labels or project_labels(db)
    lang = labels.lang
    found = _round_and_coders(db)
    result = None
    if found is not None:
        try:
            result = coders_agreement(db, found[2], quotes=found[1])
        except InputError:
            result = None
    if found is None or result is None:
        return [f"<h2>{escape(text(lang, 'reliability'))}</h2>" + note(text(lang, "no_reliability"))]
    name, _, coders = found
    result = relabel(result, labels)
    heading = text(lang, "reliability_round", round=name) if name else text(lang, "reliability")
    who = [escape(c.name) for c in coders]
    if name:
        joined = ", ".join(who[:-1]) + f" {text(lang, 'and')} {who[-1]}"
        intro = text(lang, "reliability_all", who=joined, n=result["units"])
    else:
        intro = text(lang, "both_coded", a=who[0], b=who[1], n=result["units"])
    parts = [f"<h2>{escape(heading)}</h2>", f"<p>{intro}</p>", goal_table(result, labels),
             methods_table(result, labels), alpha_chart(result, labels),
             note(text(lang, "disagreements", n=len(result["disagreements"])))]
    return ["".join(parts)]


def goal_table(result: dict[str, Any], labels: Labels) -> str:
    """The study's own check, per goal: each coder's +/−/±/Σ counts side by side, and the
    quote-level agreement on 'this quote has this goal' (so swapped goals show)."""
    from coder.reliability import methods

    if not result["goals"]:
        return ""
    lang = labels.lang
    headers = methods.goal_headers(result, lang)
    headers[0] = labels.facet(GOAL_FACET)
    return table(headers, methods.goal_rows(result, lang), caption=text(lang, "goal_table_caption"),
                 numeric=tuple(range(1, len(headers) - 1)))


def methods_table(result: dict[str, Any], labels: Labels) -> str:
    """Per facet and code: n, percent agreement, κ (Cohen; Fleiss and Conger for three or
    more coders), α and AC1 with 95% intervals, and a reading; the kappa-paradox notes."""
    from coder.reliability import methods
    from coder.reliability.compare import shown_metrics

    lang = labels.lang
    metrics = shown_metrics(len(result["coders"]))
    headers = [text(lang, "variable"), "n", *[text(lang, HEADINGS[m]) for m in metrics],
               text(lang, "m_reading").capitalize()]
    rows = [cells for _, cells in methods.coefficient_rows(result, lang)]
    notes = "".join(f"<p class=muted>{escape(w)}</p>" for w in methods.warnings(result, lang))
    return table(headers, rows, caption=text(lang, "methods_caption"),
                 numeric=tuple(range(1, len(headers) - 1))) + notes


def alpha_chart(result: dict[str, Any], labels: Labels) -> str:
    """Krippendorff's alpha with 95% intervals as a chart and its numbers, then what the
    coefficients mean and which one to report."""
    from coder.reliability import methods

    lang = labels.lang
    low, high = (number(m, 3, lang) for m in MARKS)
    rows: list[tuple[str, float | None, float | None, float | None]] = []
    for entry in list(result["facets"].values()) + list(result["codes"].values()):
        alpha = entry["metrics"].get("krippendorff_alpha")
        lo, hi = (alpha.get("ci95") or [None, None]) if alpha else (None, None)
        rows.append((entry["label"], alpha.get("value") if alpha else None, lo, hi))
    chart = svg.intervals(text(lang, "alpha_chart"), rows, marks=MARKS, lang=lang,
                          missing=text(lang, "not_applicable"))
    numbers = table([text(lang, "variable"), "α", text(lang, "lower"), text(lang, "upper")],
                    [(label, *(number(v, 3, lang) for v in values)) for label, *values in rows],
                    caption=text(lang, "alpha_caption", low=low, high=high), numeric=(1, 2, 3))
    advice = methods.ADVICE_NL if lang == "nl" else methods.ADVICE
    return (chart + numbers + f"<p>{escape(text(lang, 'explain', low=low, high=high))}</p>"
            + f"<p>{escape(advice)}</p>")


def open_decisions(db: sqlite_utils.Database, layer_kind: str, lang: str = "nl") -> list[str]:
    """A warning section when the report's consensus layer still has undecided facets."""
    if layer_kind != "consensus":
        return []
    from coder.reliability.adjudication import unresolved

    pending = unresolved(db)
    if not pending:
        return []
    facets = sum(len(f) for f in pending.values())
    return [f"<h2>{escape(text(lang, 'open_decisions'))}</h2>"
            f"<p>{text(lang, 'open_decisions_text', quotes=len(pending), facets=facets)}</p>"]
