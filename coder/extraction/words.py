"""Per-page reading, done in worker processes: words grouped into lines, plus tables.

Everything returned is a plain, picklable record: the parent process needs a view
across pages (running headers and footers) before it can put text in reading order,
and pdfplumber's page objects can neither cross processes nor be kept in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from coder.extraction.normalise import normalise

ITALIC = re.compile(r"italic|oblique|kursiv|slant|[-,](bold)?it$", re.IGNORECASE)
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
CELL_GAP = 8.0
MAX_CELL = 60
TABLE_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "lines",
                  "snap_tolerance": 3, "intersection_tolerance": 5}


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool
    bold: bool


@dataclass
class Line:
    """Words on one baseline, left to right (not changed once grouped: the box is cached)."""

    words: list[Word]
    page: int
    table: str | None = None  # the rendered text when this "line" stands for a table

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class TableRecord:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[str]]


@dataclass
class PageRecord:
    page: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableRecord] = field(default_factory=list)
    image_only: bool = False
    error: str | None = None
    shaded: list[tuple[float, float, float, float]] = field(default_factory=list)  # filled boxes (sidebars)
    removed: list[Line] = field(default_factory=list)  # running headers/footers taken out


def _word(raw: dict[str, Any]) -> Word:
    font = raw.get("fontname") or ""
    return Word(normalise(raw["text"]), raw["x0"], raw["x1"], raw["top"], raw["bottom"],
                round(raw.get("size") or 0, 1), bool(ITALIC.search(font)), bool(BOLD.search(font)))


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words at (nearly) the same height form one line, left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        # the same height, and no word of the line already there: text set over or beside
        # other text (a pull quote across a column) does not merge into its lines
        home = next((line for line in reversed(lines[-4:])
                     if abs(line.words[0].top - word.top) <= max(word.size, 1) * 0.45
                     and (word.size <= 1.3 * max(w.size for w in line.words) or len(line.words) < 3)
                     and not any(w.x0 < word.x1 - 0.5 and word.x0 < w.x1 - 0.5 for w in line.words)), None)
        if home is not None:
            home.words.append(word)
        else:
            lines.append(Line([word], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _row_cells(words: list[Word]) -> list[str]:
    """A table row's words split into cells at wide gaps."""
    cells: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if cells and word.x0 - cells[-1][-1].x1 < CELL_GAP:
            cells[-1].append(word)
        else:
            cells.append([word])
    return [" ".join(w.text for w in cell) for cell in cells]


def _tables(page: Any, words: list[Word]) -> list[TableRecord]:
    """Ruled tables: rows from pdfplumber's table finder, cells from word gaps.

    Only rows that look like table rows are kept (short cells, ordinary height): a rule
    under a running header would otherwise turn the text above a table into a "row".
    """
    found = []
    for table in page.find_tables(TABLE_SETTINGS):
        rows = []
        for row in table.rows:
            x0, top, x1, bottom = row.bbox
            inside = [w for w in words
                      if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
            cells = _row_cells(inside)
            good = inside and bottom - top <= 3.5 * max(w.size for w in inside) \
                and all(len(c) <= MAX_CELL for c in cells)
            rows.append((row.bbox, cells) if good else None)
        for run in _runs(rows):
            if len(run) >= 2 and max(len(cells) for _, cells in run) >= 2:
                x0 = min(b[0] for b, _ in run)
                x1 = max(b[2] for b, _ in run)
                found.append(TableRecord(run[0][0][1], run[-1][0][3], x0, x1, [c for _, c in run]))
    return found


Row = tuple[tuple[float, float, float, float], list[str]]


def _runs(rows: list[Row | None]) -> list[list[Row]]:
    runs: list[list[Row]] = []
    current: list[Row] = []
    for row in rows:
        if row is None:
            runs.append(current)
            current = []
        else:
            current.append(row)
    return [r for r in [*runs, current] if r]


def _has_rules(page: Any) -> bool:
    """Ruled tables need at least two horizontal rules inside the text area; most pages
    have none, and skipping the table finder there halves the cost of a page."""
    top, bottom = page.height * 0.09, page.height * 0.92
    rules = [e for e in page.horizontal_edges if top < e["top"] < bottom and e["x1"] - e["x0"] > 40]
    return len(rules) >= 2


def _inside(word: Word, table: TableRecord) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return table.x0 <= cx <= table.x1 and table.top <= cy <= table.bottom


def _shaded(page: Any) -> list[tuple[float, float, float, float]]:
    """Filled, coloured boxes smaller than half the page: the background of a sidebar."""
    boxes = []
    area = float(page.width) * float(page.height)
    for rect in page.rects:
        color = rect.get("non_stroking_color")
        if not rect.get("fill") or color is None or _white(color):
            continue
        w, h = rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]
        if w >= 40 and h >= 20 and w * h < 0.5 * area:
            boxes.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return boxes


def _white(color: Any) -> bool:
    values = color if isinstance(color, (list, tuple)) else [color]
    try:
        numbers = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(numbers) == 4:  # CMYK: no ink is white
        return all(v <= 0.02 for v in numbers)
    return all(v >= 0.98 for v in numbers)


def read_page(page: Any, number: int) -> PageRecord:
    """One page to a :class:`PageRecord`; never raises (a bad page carries ``error``)."""
    record = PageRecord(number, float(page.width), float(page.height))
    try:
        raw = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        words = [w for w in map(_word, raw) if w.text.strip()]
        if not words:
            record.image_only = bool(page.images)
            return record
        try:
            record.tables = _tables(page, words) if _has_rules(page) else []
        except Exception:  # table finding is a refinement; the text still counts
            record.tables = []
        words = [w for w in words if not any(_inside(w, t) for t in record.tables)]
        record.lines = group_lines(words, number)
        record.shaded = _shaded(page)
    except Exception as exc:  # one bad page must not sink the document
        record.error = f"{type(exc).__name__}: {exc}"
    return record
