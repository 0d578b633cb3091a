"""Writing a `QuoteTable` (or any header + rows table) as CSV, XLSX, JSON, Markdown or HTML."""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coder.errors import InputError
from coder.export.labels import VALUE_LABELS, Labels, sheet_names
from coder.export.rows import QuoteTable
from coder.export.safe import is_formula_like, markdown_text, spreadsheet_text
from coder.study import GOAL_FACET

FORMATS = ("csv", "xlsx", "json", "md", "html")


def write_table(table: QuoteTable, path: Path, fmt: str, *, excel: bool = False,
                goal_sheets: bool = True, labels: Labels | None = None) -> None:
    """Write ``table`` as ``fmt``; every format but JSON shows ``labels`` (default: keys)."""
    labels = labels or Labels(keys=True)
    if fmt == "json":
        path.write_text(json.dumps(table.rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    if fmt == "xlsx":
        write_xlsx(table, path, goal_sheets=goal_sheets, labels=labels)
        return
    shown = present(table, labels)
    writers: dict[str, Callable[[], object]] = {
        "csv": lambda: write_csv(shown.headers, shown.rows, path, excel=excel, titles=shown.titles),
        "md": lambda: path.write_text(markdown_table(shown.header_row(), _cells(shown)), encoding="utf-8"),
        "html": lambda: path.write_text(html_table(shown.header_row(), _cells(shown),
                                                   labels.phrase("coded_quotes"), lang=labels.lang),
                                        encoding="utf-8")}
    if fmt not in writers:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    writers[fmt]()


def present(table: QuoteTable, labels: Labels) -> QuoteTable:
    """The table as people read it: column titles and cell values as labels.

    Rows stay keyed by column key (two facets may share a label); facet cells hold code
    labels, document metadata its labels. With ``labels.keys`` only the titles are set
    (to the keys).
    """
    facets = {key for key, _, _ in table.facets}
    rows = []
    for row in table.rows:
        shown = dict(row)
        for key in facets:
            if isinstance(shown.get(key), str):
                shown[key] = labels.codes_cell(shown[key])
        for column in VALUE_LABELS:
            if column in shown:
                shown[column] = labels.value(column, shown[column])
        if shown.get("unresolved") and not labels.keys:  # the consensus layer's undecided facets
            shown["unresolved"] = "; ".join(labels.facet(k) for k in str(shown["unresolved"]).split(";"))
        rows.append(shown)
    titles = table.titles or unique_titles([labels.title(h) for h in table.headers], table.headers)
    return QuoteTable(list(table.headers), rows, table.facets, titles)


def unique_titles(titles: list[str], keys: list[str]) -> list[str]:
    """A title shared by two columns (a facet labelled like a fixed column) gets its key added."""
    seen = [t.lower() for t in titles]
    return [f"{t} ({k})" if seen.count(t.lower()) > 1 else t for t, k in zip(titles, keys)]


def _cells(table: QuoteTable) -> list[list[object]]:
    return [[row.get(h) for h in table.headers] for row in table.rows]


def write_csv(headers: list[str], rows: list[dict[str, Any]], path: Path, *, excel: bool = False,
              titles: list[str] | None = None) -> None:
    """UTF-8 with a header; `excel` adds a BOM and `;` separators, as Dutch Excel expects.

    Text cells that a spreadsheet would run as a formula get a leading ``'``.
    """
    with path.open("w", newline="", encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=";" if excel else ",")
        writer.writerow([spreadsheet_text(h) for h in titles or headers])
        for row in rows:
            writer.writerow([_csv_cell(row.get(h)) for h in headers])


def _csv_cell(value: object) -> object:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return spreadsheet_text(value)


def write_xlsx(table: QuoteTable, path: Path, *, goal_sheets: bool = True,
               labels: Labels | None = None, sheet: str = "quotes") -> None:
    """Frozen header, filters and sensible widths; one extra sheet per transformation goal,
    named by the goal's label."""
    import xlsxwriter

    labels = labels or Labels(keys=True)
    sheets: list[tuple[str, list[dict[str, Any]]]] = [(labels.phrase(sheet), table.rows)]
    if goal_sheets:
        for goal in next((codes for key, _, codes in table.facets if key == GOAL_FACET), ()):
            rows = [r for r in table.rows if goal in str(r.get(GOAL_FACET, "")).split(";")]
            if rows:
                sheets.append((labels.code(goal), rows))
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_urls": False,
                                           "constant_memory": False})
    try:
        for name, (_, rows) in zip(sheet_names(n for n, _ in sheets), sheets):
            _sheet(book, name, present(QuoteTable(table.headers, rows, table.facets, table.titles), labels))
    finally:
        book.close()


WIDTHS = {"quote": 80, "citation": 40, "document": 35, "memo": 30}


def _sheet(book: Any, name: str, table: QuoteTable) -> None:
    headers, rows = table.headers, table.rows
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#e8eef4"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    # Excel's own "this is text" marker: the cell keeps its exact text and is never a formula.
    literal = book.add_format({"quote_prefix": True})
    literal_wrap = book.add_format({"quote_prefix": True, "text_wrap": True, "valign": "top"})
    literal_bold = book.add_format({"quote_prefix": True, "bold": True, "bg_color": "#e8eef4"})
    for col, (header, title) in enumerate(zip(headers, table.header_row())):
        sheet.write_string(0, col, title, literal_bold if is_formula_like(title) else bold)
        sheet.set_column(col, col, WIDTHS.get(header, max(10, min(24, len(title) + 2))),
                         wrap if header == "quote" else None)
    for r, row in enumerate(rows, start=1):
        for col, header in enumerate(headers):
            value = row.get(header)
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, col, value)
            elif is_formula_like(str(value)):
                sheet.write_string(r, col, str(value), literal_wrap if header == "quote" else literal)
            else:
                sheet.write_string(r, col, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)


def markdown_table(titles: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(markdown_text(h) for h in titles) + " |", "|" + "---|" * len(titles)]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def html_table(titles: list[str], rows: list[list[object]], title: str = "Coded quotes", *,
               lang: str = "nl") -> str:
    def esc(v: object) -> str:
        return "" if v is None else html.escape(str(v))

    head = "".join(f"<th>{esc(h)}</th>" for h in titles)
    body = "\n".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<!doctype html>\n<html lang=\"{esc(lang)}\"><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title>\n"
            "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:4px;vertical-align:top}th{background:#e8eef4}</style>\n"
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table></html>\n")
