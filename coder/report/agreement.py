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
    """The newest locked round (else the newest round made without named coders), and its
    coders: its members, or the two human coders who coded most of its quotes."""
    row = db.execute("SELECT id, name FROM rounds WHERE locked_at IS NOT NULL"
                     " OR id NOT IN (SELECT round_id FROM round_members)"
                     " ORDER BY locked_at IS NULL, id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    round_id, name = row
    quotes = [r[0] for r in db.execute("SELECT quote_id FROM round_quotes WHERE round_id = ?", [round_id])]
    coders = [r[0] for r in db.execute(
        "SELECT c.name FROM round_members m JOIN coders c ON c.id = m.coder_id WHERE m.round_id = ?"
        " ORDER BY c.name", [round_id])]
    if not coders:
        coders = [r[0] for r in db.execute(
            "SELECT c.name FROM coders c JOIN codings k ON k.coder_id = c.id"
            " WHERE c.kind = 'human' AND k.quote_id IN (SELECT quote_id FROM round_quotes WHERE round_id = ?)"
            " GROUP BY c.id ORDER BY COUNT(DISTINCT k.quote_id) DESC, c.name LIMIT 2", [round_id])]
    return (name, quotes, coders) if len(coders) >= 2 else None


def agreement_sections(db: sqlite_utils.Database) -> list[str]:
    """HTML sections for the report; empty when there is nothing to compare."""
    from coder.reliability import methods
    from coder.reliability.compare import coders_agreement

    found = _round_and_coders(db)
    if found is None:
        return []
    name, quotes, coders = found
    try:
        result = coders_agreement(db, coders, quotes=quotes)
    except InputError:
        return []
    labels = result["labels"]
    who = ", ".join(coders[:-1]) + f" en {coders[-1]}"
    parts = [f"<h2>Betrouwbaarheid (ronde {escape(name)})</h2>",
             f"<p>{escape(who)} codeerden alle {result['units']} quotes van de ronde.</p>"]
    if result["goals"]:
        headers = methods.goal_headers(result)
        parts.append(table(headers, methods.goal_rows(result),
                           caption="Quotes per transformatiedoel per codeur (+ positief, − negatief, "
                           "± gemengd/neutraal, Σ totaal) en overeenstemming op 'deze quote heeft dit doel'",
                           numeric=tuple(range(1, len(headers) - 1))))
    headers = methods.coefficient_headers(result)
    parts.append(table(headers, [cells for _, cells in methods.coefficient_rows(result)],
                       caption="Overeenstemming per facet en code, met 95%-interval en lezing",
                       numeric=tuple(range(1, len(headers) - 1))))
    parts += [f"<p class=muted>{escape(w)}</p>" for w in methods.warnings(result)]
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
    parts.append(f"<p>{escape(methods.ADVICE_NL)}</p>")
    parts.append(f"<p class=muted>{len(result['disagreements'])} verschillen tussen de codeurs "
                 "(zie <code>coder adjudicate queue</code>).</p>")
    return ["".join(parts)]


def open_decisions(db: sqlite_utils.Database, layer_kind: str) -> list[str]:
    """A warning section when the report's consensus layer still has undecided facets."""
    if layer_kind != "consensus":
        return []
    from coder.reliability.adjudication import unresolved

    pending = unresolved(db)
    if not pending:
        return []
    facets = sum(len(f) for f in pending.values())
    return [f"<h2>Nog niet beslist</h2><p><strong>{len(pending)} quotes</strong> hebben nog {facets} "
            "facet(ten) zonder consensusbeslissing (<code>coder adjudicate queue</code>); in de tabellen "
            "hierboven tellen zij voor die facetten niet mee.</p>"]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
