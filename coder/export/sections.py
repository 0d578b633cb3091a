"""Quotes grouped as the report uses them: goal, then positive/negative, then active element.

This is the appendix a researcher pastes into a report: each quote with its citation,
and the number of quotes in every group.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from coder.store.sqlite import sqlite_utils

from coder.errors import InputError
from coder.export.rows import QuoteTable
from coder.study import ACTIVE_FACET, GOAL_FACET, VALENCE_FACET

FORMATS = ("md", "html", "docx")
NO_ELEMENT = "(geen werkzaam element gecodeerd)"


@dataclass
class Group:
    label: str
    quotes: list[dict] = field(default_factory=list)
    children: list["Group"] = field(default_factory=list)

    @property
    def count(self) -> int:
        if self.children:
            return len({q["quote_id"] for c in self.children for q in c.all_quotes()})
        return len(self.quotes)

    def all_quotes(self) -> list[dict]:
        return self.quotes + [q for c in self.children for q in c.all_quotes()]


def build_sections(db: sqlite_utils.Database, table: QuoteTable) -> list[Group]:
    labels = dict(db.execute("SELECT key, label FROM codes"))
    codes = {key: codes for key, _, codes in table.facets}
    goals = []
    for goal in codes.get(GOAL_FACET, []):
        in_goal = [r for r in table.rows if goal in r.get(GOAL_FACET, "").split(";")]
        if not in_goal:
            continue
        group = Group(labels.get(goal, goal))
        for valence in [*codes.get(VALENCE_FACET, ()), ""]:
            rows = [r for r in in_goal if (r.get(VALENCE_FACET) or "") == valence]
            if rows:
                group.children.append(_by_element(labels.get(valence, "(geen valentie)") if valence
                                                  else "(geen valentie)", rows, codes, labels))
        goals.append(group)
    return goals


def _by_element(label: str, rows: list[dict], codes: dict, labels: dict) -> Group:
    group = Group(label)
    for element in codes.get(ACTIVE_FACET, []):
        matched = [r for r in rows if element in (r.get(ACTIVE_FACET) or "").split(";")]
        if matched:
            group.children.append(Group(labels.get(element, element), matched))
    rest = [r for r in rows if not r.get(ACTIVE_FACET)]
    if rest:
        group.children.append(Group(NO_ELEMENT, rest))
    return group


def write_sections(groups: list[Group], path: Path, fmt: str, title: str) -> None:
    if fmt == "md":
        path.write_text(to_markdown(groups, title), encoding="utf-8")
    elif fmt == "html":
        path.write_text(to_html(groups, title), encoding="utf-8")
    elif fmt == "docx":
        to_docx(groups, title).save(str(path))
    else:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _quote_line(row: dict) -> str:
    text = row['quote'].strip('„”“"')
    return f"„{text}” {row['citation']}"


def to_markdown(groups: list[Group], title: str) -> str:
    out = [f"# {title}", ""]
    for goal in groups:
        out += [f"## {goal.label} ({goal.count})", ""]
        for valence in goal.children:
            out += [f"### {valence.label} ({valence.count})", ""]
            for element in valence.children:
                out += [f"#### {element.label} ({element.count})", ""]
                out += [f"- {_quote_line(q)}" for q in element.quotes] + [""]
    return "\n".join(out)


def to_html(groups: list[Group], title: str) -> str:
    e = html.escape
    out = [f"<!doctype html>\n<html lang=\"nl\"><meta charset=\"utf-8\"><title>{e(title)}</title>",
           "<style>body{font-family:Georgia,serif;max-width:50em;margin:auto}li{margin:.4em 0}</style>",
           f"<h1>{e(title)}</h1>"]
    for goal in groups:
        out.append(f"<h2>{e(goal.label)} <small>({goal.count})</small></h2>")
        for valence in goal.children:
            out.append(f"<h3>{e(valence.label)} <small>({valence.count})</small></h3>")
            for element in valence.children:
                out.append(f"<h4>{e(element.label)} <small>({element.count})</small></h4><ul>")
                out += [f"<li>{e(_quote_line(q))}</li>" for q in element.quotes]
                out.append("</ul>")
    return "\n".join(out) + "\n</html>\n"


def to_docx(groups: list[Group], title: str):
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=0)
    for goal in groups:
        doc.add_heading(f"{goal.label} ({goal.count})", level=1)
        for valence in goal.children:
            doc.add_heading(f"{valence.label} ({valence.count})", level=2)
            for element in valence.children:
                doc.add_heading(f"{element.label} ({element.count})", level=3)
                for q in element.quotes:
                    doc.add_paragraph(_quote_line(q), style="List Bullet")
    return doc
