"""Writing a `QuoteTable` (or any header + rows table) as CSV, XLSX, JSON, Markdown or HTML."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

from coder.errors import InputError
from coder.export.rows import QuoteTable
from coder.export.safe import is_formula_like, markdown_text, spreadsheet_text
from coder.study import GOAL_FACET

FORMATS = ("csv", "xlsx", "json", "md", "html")


def write_table(table: QuoteTable, path: Path, fmt: str, *, excel: bool = False,
                goal_sheets: bool = True) -> None:
    writers = {"csv": lambda: write_csv(table.headers, table.rows, path, excel=excel),
               "xlsx": lambda: write_xlsx(table, path, goal_sheets=goal_sheets),
               "json": lambda: path.write_text(json.dumps(table.rows, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8"),
               "md": lambda: path.write_text(markdown_table(table.headers, table.rows), encoding="utf-8"),
               "html": lambda: path.write_text(html_table(table.headers, table.rows), encoding="utf-8")}
    if fmt not in writers:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    writers[fmt]()


def write_csv(headers: list[str], rows: list[dict], path: Path, *, excel: bool = False) -> None:
    """UTF-8 with a header; `excel` adds a BOM and `;` separators, as Dutch Excel expects.

    Text cells that a spreadsheet would run as a formula get a leading ``'``.
    """
    with path.open("w", newline="", encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=";" if excel else ",")
        writer.writerow([spreadsheet_text(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(row.get(h)) for h in headers])


def _csv_cell(value: object) -> object:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    return spreadsheet_text(value)


def write_xlsx(table: QuoteTable, path: Path, *, goal_sheets: bool = True) -> None:
    """Frozen header, filters and sensible widths; one extra sheet per transformation goal."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_urls": False,
                                           "constant_memory": False})
    try:
        _sheet(book, "Quotes", table.headers, table.rows)
        if goal_sheets:
            goals = next((codes for key, _, codes in table.facets if key == GOAL_FACET), [])
            for goal in goals:
                rows = [r for r in table.rows if goal in str(r.get(GOAL_FACET, "")).split(";")]
                if rows:
                    _sheet(book, goal[:31], table.headers, rows)
    finally:
        book.close()


WIDTHS = {"quote": 80, "citation": 40, "document": 35, "memo": 30}


def _sheet(book, name: str, headers: list[str], rows: list[dict]) -> None:
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#e8eef4"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    # Excel's own "this is text" marker: the cell keeps its exact text and is never a formula.
    literal = book.add_format({"quote_prefix": True})
    literal_wrap = book.add_format({"quote_prefix": True, "text_wrap": True, "valign": "top"})
    literal_bold = book.add_format({"quote_prefix": True, "bold": True, "bg_color": "#e8eef4"})
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header, literal_bold if is_formula_like(header) else bold)
        sheet.set_column(col, col, WIDTHS.get(header, max(10, min(24, len(header) + 2))),
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


def markdown_table(headers: list[str], rows: list[dict]) -> str:
    lines = ["| " + " | ".join(markdown_text(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(markdown_text(r.get(h)) for h in headers) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def html_table(headers: list[str], rows: list[dict], title: str = "Coded quotes") -> str:
    esc = lambda v: "" if v is None else html.escape(str(v))  # noqa: E731
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{esc(r.get(h))}</td>" for h in headers) + "</tr>" for r in rows)
    return (f"<!doctype html>\n<html lang=\"nl\"><meta charset=\"utf-8\"><title>{esc(title)}</title>\n"
            "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:4px;vertical-align:top}th{background:#e8eef4}</style>\n"
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table></html>\n")
