"""See why text came out as it did: a page drawn with its layout blocks and furniture.

``draw_layout`` renders one page (pdfplumber's ``to_image``) and draws every block the
layout analysis found, numbered in reading order and labelled with its kind, the
running headers/footers that were removed (red), and the fold of a spread. It runs the
same steps as the import (furniture needs every page of the document to be judged), so
the picture shows exactly what the import did.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from coder.errors import InputError
from coder.extraction.furniture import strip_furniture
from coder.extraction.layout import page_layout
from coder.extraction.pdf import (
    _open,
    _read_all,
    _table_line,
    body_size,
    check_pdf_header,
    open_reader,
    page_label,
)
from coder.extraction.words import Line

Box = tuple[float, float, float, float]
COLOURS = {
    "paragraph": "#1f77b4",
    "heading": "#2ca02c",
    "pullquote": "#9467bd",
    "attribution": "#8c564b",
    "caption": "#e377c2",
    "footnote": "#7f7f7f",
    "sidebar": "#17becf",
    "table": "#ff7f0e",
    "full": "#bcbd22",
}


@dataclass
class PageView:
    """What the layout analysis made of one page."""

    page: int
    label: str | None
    fold: float | None
    blocks: list[tuple[int, str, Box, str]] = field(default_factory=list)  # (order, kind, bbox, first words)
    removed: list[tuple[Box, str]] = field(default_factory=list)


def analyse_page(
    path: str | Path, page: int, *, password: str | None = None, jobs: int | None = None
) -> PageView:
    """The blocks of ``page`` (1-based) in reading order, and the furniture taken off it."""
    path = Path(path)
    check_pdf_header(path)
    reader, total = open_reader(path, password)
    if not 1 <= page <= total:
        raise InputError(f"{path}: no page {page} (the document has {total})")
    records = _read_all(path, password, total, jobs or os.cpu_count() or 1, None, reader)
    body = body_size(records)
    numbers = strip_furniture(records, body)
    record = records[page - 1]
    lines = record.lines + [_table_line(t, record.page) for t in record.tables]
    placed, fold = page_layout(lines, record.width, record.height, body, record.shaded)
    view = PageView(page, page_label(numbers.get(page, []), fold), fold)
    groups: dict[str, list[Line]] = {}
    kinds: dict[str, str] = {}
    for item in placed:
        groups.setdefault(item.side, []).append(item.line)
        kinds[item.side] = item.kind or "full"
    for n, (side, group) in enumerate(groups.items(), 1):
        box = (
            min(l.x0 for l in group),
            min(l.top for l in group),
            max(l.x1 for l in group),
            max(l.bottom for l in group),
        )
        first = group[0].table.split("\n")[0] if group[0].table else group[0].text
        view.blocks.append((n, kinds[side], box, first[:60]))
    view.removed = [((l.x0, l.top, l.x1, l.bottom), l.text) for l in record.removed]
    return view


def draw_layout(
    path: str | Path,
    page: int,
    out: str | Path,
    *,
    password: str | None = None,
    resolution: int = 100,
    jobs: int | None = None,
) -> PageView:
    """Write a PNG of ``page`` with its blocks, their order and kinds, and the removed furniture."""
    view = analyse_page(path, page, password=password, jobs=jobs)
    with _open(Path(path), password) as pdf:
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        for n, kind, box, _ in view.blocks:
            colour = COLOURS.get(kind, "#000000")
            image.draw_rect(box, fill=(0, 0, 0, 0), stroke=colour, stroke_width=2)
            x, y = image._reproject((box[0], box[1]))
            label = f"{n} {kind}"
            image.draw.rectangle((x, y - 12, x + 7 * len(label), y), fill=colour)
            image.draw.text((x + 2, y - 12), label, fill="#ffffff")
        for box, _text in view.removed:
            image.draw_rect(box, fill=(255, 0, 0, 60), stroke="#d62728", stroke_width=2)
            x, y = image._reproject((box[0], box[3]))
            image.draw.text((x, y + 1), "furniture (removed)", fill="#d62728")
        if view.fold is not None:
            image.draw_vline(view.fold, stroke="#d62728", stroke_width=1)
        image.save(str(out))
    return view
