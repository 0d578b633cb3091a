"""Rendering the report as one self-contained HTML file (inline CSS and SVG, no scripts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Any

from coder.store.sqlite import sqlite_utils

from coder.ingest.indicators import KNOWN, pooled_indicators
from coder.report import data, svg

CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.6rem 0 1.2rem}th,td{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #eee}td.n,th.n{text-align:right}
blockquote{margin:.4rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #999}
.cite{color:#555;font-size:.9em}.muted{color:#666}
"""

LABELS = {"doc_type": "Documenttype", "team_type": "Type team", "size_class": "Gemeentegrootte",
          "year": "Jaar"}


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = "",
          numeric: Sequence[int] = ()) -> str:
    head = "".join(f'<th{" class=n" if i in numeric else ""} scope="col">{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{escape(str(c))}</td>'
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def composition_section(db: sqlite_utils.Database) -> str:
    parts = ["<h2>Samenstelling van het corpus</h2>"]
    for column, rows in data.composition(db).items():
        parts.append(table([LABELS[column], "Documenten"], rows, caption=LABELS[column], numeric=(1,)))
    return "".join(parts)


def goals_section(db: sqlite_utils.Database, coder_id: int) -> str:
    rows = data.goals(db, coder_id)
    chart = svg.grouped_bars("Quotes per transformatiedoel, positief en negatief",
                             [r.label for r in rows],
                             [("positief", [r.positive for r in rows]),
                              ("negatief", [r.negative for r in rows])])
    parts = ["<h2>Transformatiedoelen</h2>", chart,
             table(["Transformatiedoel", "Positief", "Negatief", "Gemengd/neutraal"],
                   [(r.label, r.positive, r.negative, r.mixed) for r in rows],
                   caption="Aantal quotes per transformatiedoel", numeric=(1, 2, 3))]
    for r in rows:
        if not r.examples:
            continue
        parts.append(f"<h3>{escape(r.label)}</h3>")
        for ex in r.examples:
            sign = "positief" if ex["valence"] == "positive" else "negatief"
            parts.append(f"<blockquote>„{escape(ex['text'])}” <span class=cite>{escape(ex['citation'])}"
                         f" — {sign}</span></blockquote>")
    return "".join(parts)


def ranked_section(db: sqlite_utils.Database, coder_id: int, facet: str, *, top: int = 15) -> str:
    rows = data.ranked(db, coder_id, facet)
    label = data.facet_label(db, facet)
    shown = [r for r in rows if r.quotes][:top]
    chart = svg.grouped_bars(f"{label}: aantal quotes en documenten", [r.label for r in shown],
                             [("quotes", [r.quotes for r in shown]),
                              ("documenten", [r.documents for r in shown])]) if shown else ""
    return (f"<h2>{escape(label)}</h2>" + chart +
            table(["Code", "Groep", "Quotes", "Documenten"],
                  [(r.label, r.group or "", r.quotes, r.documents) for r in rows],
                  caption=f"{label}, gerangschikt naar aantal quotes", numeric=(2, 3)))


def indicators_section(db: sqlite_utils.Database) -> str:
    pooled = pooled_indicators(db)
    if not pooled:
        return ""
    rows = []
    for p in pooled:
        label, unit = KNOWN.get(p.indicator, (p.indicator, "%"))
        value = f"{p.pooled:.1f}" if unit == "mark" else f"{p.pooled:.0f}%"
        rows.append((label, p.team_type or "alle", value, f"{p.n:,}".replace(",", "."), p.surveys))
    return ("<h2>Cliëntervaringen</h2><p class=muted>Gepoold als som(waarde × n) / som(n).</p>"
            + table(["Indicator", "Type team", "Gepoold", "n", "Onderzoeken"], rows,
                    caption="Gepoolde indicatoren", numeric=(2, 3, 4)))


def render(db: sqlite_utils.Database, coder_id: int, coder_name: str, *,
           extra_sections: Sequence[str] = ()) -> str:
    """The whole report for one coder's (or the consensus) codings."""
    count = data.coded_quote_count(db, coder_id)
    docs = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    body = [
        f"<h1>Analyse van quotes over wijkteams</h1><p class=muted>Codering: {escape(coder_name)} · "
        f"{count} gecodeerde quotes uit {docs} documenten · {date.today().isoformat()}</p>",
        composition_section(db),
        goals_section(db, coder_id),
        *(ranked_section(db, coder_id, facet) for facet in ("werkzame_elementen", "belemmeringen", "drie_vs")
          if db.execute("SELECT 1 FROM facets WHERE key = ?", [facet]).fetchone()),
        indicators_section(db),
        *extra_sections,
    ]
    return (f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>Rapport coder</title>"
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>")
