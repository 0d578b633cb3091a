"""Rendering the report as one self-contained HTML file (inline CSS and SVG, no scripts).

Every section renders for any project: what is not there yet (codings, indicators, a
second coder) is said in a sentence with the command that adds it, rather than the
whole report being refused. Labels come from `coder.export.labels`, fixed words from
`coder.report.text` and every figure from `coder.export.numbers`, in one language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Any

from coder.coding.coders import Coder
from coder.export.labels import VALUE_LABELS, Labels
from coder.export.numbers import long_date, number, percent
from coder.ingest.indicator_names import KNOWN
from coder.ingest.indicators import pooled_indicators
from coder.report import data, svg
from coder.report.text import text
from coder.store.sqlite import sqlite_utils
from coder.study import GOAL_FACET

CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.6rem 0 1.2rem}th,td{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #eee}td.n,th.n{text-align:right}
blockquote{margin:.4rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #999}
.cite{color:#555;font-size:.9em}.muted{color:#666}
"""
RANKED_FACETS = ("werkzame_elementen", "belemmeringen", "drie_vs")


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, caption: str = "",
          numeric: Sequence[int] = ()) -> str:
    head = "".join(f'<th{" class=n" if i in numeric else ""} scope="col">{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{escape(str(c))}</td>'
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def note(message: str) -> str:
    """A sentence saying what is missing (``message`` is trusted report text)."""
    return f"<p class=muted>{message}</p>"


def composition_section(db: sqlite_utils.Database, labels: Labels) -> str:
    lang = labels.lang
    parts = [f"<h2>{escape(text(lang, 'corpus'))}</h2>"]
    counts = data.composition(db)
    if not any(counts.values()):
        return parts[0] + note(text(lang, "no_documents"))
    for column, rows in counts.items():
        order = list(VALUE_LABELS.get(column, {}).get("nl", {}))
        rows = sorted(rows, key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[0]))
        shown = [(labels.phrase("unknown") if key == "onbekend" else labels.value(column, key),
                  number(n, 0, lang)) for key, n in rows]
        parts.append(table([labels.title(column), text(lang, "documents")], shown,
                           caption=labels.title(column), numeric=(1,)))
    return "".join(parts)


def goals_section(db: sqlite_utils.Database, coder: Coder, labels: Labels) -> str:
    lang = labels.lang
    rows = data.goals(db, coder, lang=lang)
    chart = svg.grouped_bars(text(lang, "goals_chart"), [labels.code(r.key) for r in rows],
                             [(text(lang, "positive"), [r.positive for r in rows]),
                              (text(lang, "negative"), [r.negative for r in rows])], lang=lang)
    parts = [f"<h2>{escape(text(lang, 'goals'))}</h2>", chart,
             table([labels.facet(GOAL_FACET), text(lang, "positive").capitalize(),
                    text(lang, "negative").capitalize(), text(lang, "mixed").capitalize()],
                   [(labels.code(r.key), number(r.positive, 0, lang), number(r.negative, 0, lang),
                     number(r.mixed, 0, lang)) for r in rows],
                   caption=text(lang, "goals_caption"), numeric=(1, 2, 3))]
    for r in rows:
        if not r.examples:
            continue
        parts.append(f"<h3>{escape(labels.code(r.key))}</h3>")
        for ex in r.examples:
            sign = text(lang, "positive" if ex["valence"] == "positive" else "negative")
            parts.append(f"<blockquote>„{escape(ex['text'])}” <span class=cite>{escape(ex['citation'])}"
                         f" — {escape(sign)}</span></blockquote>")
    return "".join(parts)


def ranked_section(db: sqlite_utils.Database, coder: Coder, facet: str, labels: Labels, *,
                   top: int = 15) -> str:
    lang = labels.lang
    rows = data.ranked(db, coder, facet)
    label = labels.facet(facet)
    shown = [r for r in rows if r.quotes][:top]
    chart = svg.grouped_bars(text(lang, "ranked_chart", facet=label), [labels.code(r.key) for r in shown],
                             [(text(lang, "quotes").lower(), [r.quotes for r in shown]),
                              (text(lang, "documents").lower(), [r.documents for r in shown])],
                             lang=lang) if shown else ""
    return (f"<h2>{escape(label)}</h2>" + chart +
            table([text(lang, "code"), text(lang, "group"), text(lang, "quotes"), text(lang, "documents")],
                  [(labels.code(r.key), r.group or "", number(r.quotes, 0, lang),
                    number(r.documents, 0, lang))
                   for r in rows],
                  caption=text(lang, "ranked_caption", facet=label), numeric=(2, 3)))


def indicators_section(db: sqlite_utils.Database, labels: Labels) -> str:
    lang = labels.lang
    heading = f"<h2>{escape(text(lang, 'indicators'))}</h2>"
    pooled = pooled_indicators(db)
    if not pooled:
        return heading + note(text(lang, "no_indicators"))
    rows = []
    for p in pooled:
        label, unit = KNOWN.get(p.indicator, (p.indicator, "%"))
        value = number(p.pooled, 1, lang) if unit == "mark" else percent(p.pooled, 0, lang)
        team = labels.value("team_type", p.team_type) if p.team_type else text(lang, "all")
        rows.append((label, team, value, number(p.n, 0, lang), number(p.surveys, 0, lang)))
    return (heading + note(escape(text(lang, "pooled_how")))
            + table([text(lang, "indicator"), text(lang, "team_type"), text(lang, "pooled"), "n",
                     text(lang, "surveys")], rows, caption=text(lang, "indicators_caption"),
                    numeric=(2, 3, 4)))


def coding_sections(db: sqlite_utils.Database, layer: Coder | None, labels: Labels,
                    missing: str = "") -> list[str]:
    """Goals and the ranked facets for one coding layer, or the sentence saying why not."""
    if layer is None:
        return [f"<h2>{escape(text(labels.lang, 'goals'))}</h2>"
                + note(missing or text(labels.lang, "no_codings"))]
    present = {row[0] for row in db.execute("SELECT key FROM facets")}
    return [goals_section(db, layer, labels),
            *(ranked_section(db, layer, facet, labels) for facet in RANKED_FACETS if facet in present)]


def render(db: sqlite_utils.Database, layer: Coder | None, labels: Labels, *, missing: str = "",
           extra_sections: Sequence[str] = (), today: date | None = None) -> str:
    """The whole report; ``layer`` None (nothing coded yet) keeps corpus and indicators."""
    lang = labels.lang
    docs = number(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0], 0, lang)
    day = long_date(today or date.today(), lang)
    if layer is not None:
        meta = text(lang, "meta_coded", coder=escape(layer.name), docs=docs, date=day,
                    quotes=number(data.coded_quote_count(db, layer), 0, lang))
    else:
        meta = text(lang, "meta_uncoded", docs=docs, date=day)
    body = [f"<h1>{escape(text(lang, 'title'))}</h1><p class=muted>{meta}</p>",
            composition_section(db, labels),
            *coding_sections(db, layer, labels, missing),
            indicators_section(db, labels),
            *extra_sections]
    return (f"<!doctype html><html lang={lang}><head><meta charset=utf-8><title>"
            f"{escape(text(lang, 'title'))}</title><style>{CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>")
