"""The agreement section of the report (when a double-coding round exists).

Uses the newest locked round (else the newest round) and the two human coders who coded
most of its quotes: the study's side-by-side table per transformation goal, and a chart
of Krippendorff's alpha with 95% intervals per facet and code, with the chart's numbers
as a table too.
"""

from __future__ import annotations

from html import escape

from coder.store.sqlite import sqlite_utils

from coder.errors import InputError
from coder.report import svg
from coder.report.html import table


def _round_and_coders(db: sqlite_utils.Database) -> tuple[str, list[int], list[str]] | None:
    row = db.execute("SELECT id, name FROM rounds ORDER BY locked_at IS NULL, id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    round_id, name = row
    quotes = [r[0] for r in db.execute("SELECT quote_id FROM round_quotes WHERE round_id = ?", [round_id])]
    coders = [r[0] for r in db.execute(
        "SELECT c.name FROM coders c JOIN codings k ON k.coder_id = c.id"
        " WHERE c.kind = 'human' AND k.quote_id IN (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
        " GROUP BY c.id ORDER BY COUNT(DISTINCT k.quote_id) DESC, c.name LIMIT 2", [round_id])]
    return (name, quotes, coders) if len(coders) == 2 else None


def agreement_sections(db: sqlite_utils.Database) -> list[str]:
    """HTML sections for the report; empty when there is nothing to compare."""
    from coder.reliability.compare import project_agreement

    found = _round_and_coders(db)
    if found is None:
        return []
    name, quotes, (a, b) = found
    try:
        result = project_agreement(db, a, b, quotes=quotes)
    except InputError:
        return []
    labels = dict(db.execute("SELECT key, label FROM codes"))
    labels.update(dict(db.execute("SELECT key, label FROM facets")))
    parts = [f"<h2>Betrouwbaarheid (ronde {escape(name)})</h2>",
             f"<p>{escape(a)} en {escape(b)} codeerden beiden {result['units']} quotes.</p>"]
    if result["goals"]:
        parts.append(table(
            ["Transformatiedoel", f"{a} +", f"{b} +", "verschil +", f"{a} −", f"{b} −", "verschil −"],
            [(labels.get(g["goal"], g["goal"]), g["a_positive"], g["b_positive"], g["diff_positive"],
              g["a_negative"], g["b_negative"], g["diff_negative"]) for g in result["goals"]],
            caption="Positieve en negatieve quotes per transformatiedoel, per codeur", numeric=(1, 2, 3, 4, 5, 6)))
    rows = []
    for key, entry in list(result["facets"].items()) + list(result["codes"].items()):
        alpha = entry["metrics"]["krippendorff_alpha"]
        value = alpha["value"] if alpha else None
        lo, hi = (alpha["ci95"] or [None, None]) if alpha else (None, None)
        rows.append((labels.get(key, key), value, lo, hi))
    parts.append(svg.intervals("Krippendorffs alfa met 95%-betrouwbaarheidsinterval", rows))
    parts.append(table(["Variabele", "alfa", "ondergrens", "bovengrens"],
                       [(label, _fmt(v), _fmt(lo), _fmt(hi)) for label, v, lo, hi in rows],
                       caption="Krippendorffs alfa per facet en code (stippellijnen: 0,667 en 0,8)",
                       numeric=(1, 2, 3)))
    parts.append(f"<p class=muted>{len(result['disagreements'])} verschillen tussen de codeurs "
                 "(zie <code>coder adjudicate queue</code>).</p>")
    return ["".join(parts)]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
