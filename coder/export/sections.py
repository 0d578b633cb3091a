"""Quotes grouped as the report uses them: goal, then positive/negative, then active element.

This is the appendix a researcher pastes into a report: each quote with its citation,
and the number of quotes in every group.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.export.labels import Labels
from coder.export.origin import quote_text
from coder.export.rows import QuoteTable
from coder.export.safe import markdown_text, xml_text
from coder.study import ACTIVE_FACET, GOAL_FACET, VALENCE_FACET

FORMATS = ("md", "html", "docx")


@dataclass
class Group:
    label: str
    quotes: list[dict[str, Any]] = field(default_factory=list)
    children: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        if self.children:
            return len({q["quote_id"] for c in self.children for q in c.all_quotes()})
        return len(self.quotes)

    def all_quotes(self) -> list[dict[str, Any]]:
        return self.quotes + [q for c in self.children for q in c.all_quotes()]


def build_sections(table: QuoteTable, labels: Labels) -> list[Group]:
    """Goal → valence → active element, each group named by its label (or key)."""
    codes = {key: codes for key, _, codes in table.facets}
    goals = []
    for goal in codes.get(GOAL_FACET, []):
        in_goal = [r for r in table.rows if goal in r.get(GOAL_FACET, "").split(";")]
        if not in_goal:
            continue
        group = Group(labels.code(goal))
        for valence in [*codes.get(VALENCE_FACET, ()), ""]:
            rows = [r for r in in_goal if (r.get(VALENCE_FACET) or "") == valence]
            if rows:
                name = labels.code(valence) if valence else labels.phrase("no_valence")
                group.children.append(_by_element(name, rows, codes, labels))
        goals.append(group)
    return goals


def _by_element(label: str, rows: list[dict[str, Any]], codes: dict[str, tuple[str, ...]],
                labels: Labels) -> Group:
    group = Group(label)
    for element in codes.get(ACTIVE_FACET, []):
        matched = [r for r in rows if element in (r.get(ACTIVE_FACET) or "").split(";")]
        if matched:
            group.children.append(Group(labels.code(element), matched))
    rest = [r for r in rows if not r.get(ACTIVE_FACET)]
    if rest:
        group.children.append(Group(labels.phrase("no_element"), rest))
    return group


def write_sections(groups: list[Group], path: Path, fmt: str, title: str, lang: str = "nl") -> None:
    if fmt == "md":
        path.write_text(to_markdown(groups, title), encoding="utf-8")
    elif fmt == "html":
        path.write_text(to_html(groups, title, lang), encoding="utf-8")
    elif fmt == "docx":
        to_docx(groups, title).save(str(path))
    else:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _quote_line(row: dict[str, Any]) -> str:
    """„Quote” (citation): the citation is the only attribution, even when the quote's
    text ends with its own source in parentheses."""
    return f"„{quote_text(row['quote'])}” {row['citation']}"


def to_markdown(groups: list[Group], title: str) -> str:
    md = markdown_text
    out = [f"# {md(title)}", ""]
    for goal in groups:
        out += [f"## {md(goal.label)} ({goal.count})", ""]
        for valence in goal.children:
            out += [f"### {md(valence.label)} ({valence.count})", ""]
            for element in valence.children:
                out += [f"#### {md(element.label)} ({element.count})", ""]
                out += [f"- {md(_quote_line(q))}" for q in element.quotes] + [""]
    return "\n".join(out)


def to_html(groups: list[Group], title: str, lang: str = "nl") -> str:
    e = html.escape
    out = [f"<!doctype html>\n<html lang=\"{e(lang)}\"><meta charset=\"utf-8\"><title>{e(title)}</title>",
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


def to_docx(groups: list[Group], title: str) -> Any:
    from docx import Document

    doc = Document()
    doc.add_heading(xml_text(title), level=0)
    for goal in groups:
        doc.add_heading(xml_text(f"{goal.label} ({goal.count})"), level=1)
        for valence in goal.children:
            doc.add_heading(xml_text(f"{valence.label} ({valence.count})"), level=2)
            for element in valence.children:
                doc.add_heading(xml_text(f"{element.label} ({element.count})"), level=3)
                for q in element.quotes:
                    doc.add_paragraph(xml_text(_quote_line(q)), style="List Bullet")
    return doc
