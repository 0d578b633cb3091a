"""Small, dependency-free SVG charts for the report.

Hand-written SVG keeps the report one self-contained file that opens offline, with text
a screen reader and a search box can find. Every chart has a ``<title>`` and the report
places the same numbers in a table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from coder.export.numbers import number

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 260
PLOT_WIDTH = 360
COLOURS = ("#3b6ea5", "#c8553d", "#8a8a8a", "#5b9c5b")


def _figure(value: float, lang: str) -> str:
    """A bar's or mark's number in the report's language (whole numbers without decimals)."""
    return number(value, 0 if float(value).is_integer() else 3, lang)


def grouped_bars(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
                 *, unit: str = "", lang: str = "nl") -> str:
    """Horizontal bars: one group per label, one bar per series (e.g. positief/negatief)."""
    peak = max((v for _, values in series for v in values), default=0) or 1
    group_height = len(series) * BAR_HEIGHT + GAP * 2
    height = len(labels) * group_height + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{LABEL_WIDTH + PLOT_WIDTH + 60}"'
             f' height="{height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(title)}</title>"]
    for i, label in enumerate(labels):
        top = i * group_height
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{top + group_height / 2 + 4}"'
                     f' text-anchor="end">{escape(label)}</text>')
        for j, (name, values) in enumerate(series):
            value = values[i]
            y = top + GAP + j * BAR_HEIGHT
            width = PLOT_WIDTH * value / peak
            colour = COLOURS[j % len(COLOURS)]
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT - 3}"'
                         f' fill="{colour}"><title>{escape(name)}: {_figure(value, lang)}{unit}'
                         "</title></rect>")
            parts.append(f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + BAR_HEIGHT - 6}">'
                         f"{_figure(value, lang)}{unit}</text>")
    legend_y = height - 10
    for j, (name, _) in enumerate(series):
        x = LABEL_WIDTH + j * 120
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10"'
                     f' fill="{COLOURS[j % len(COLOURS)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{legend_y}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def intervals(title: str, rows: Sequence[tuple[str, float | None, float | None, float | None]],
              *, low: float = -0.2, high: float = 1.0, marks: Sequence[float] = (0.667, 0.8),
              lang: str = "nl", missing: str = "n.v.t.") -> str:
    """Point estimates with 95% intervals on a common axis (agreement per code)."""
    span = high - low

    def x(value: float) -> float:
        return LABEL_WIDTH + PLOT_WIDTH * (min(max(value, low), high) - low) / span

    height = len(rows) * (BAR_HEIGHT + GAP) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{LABEL_WIDTH + PLOT_WIDTH + 80}"'
             f' height="{height}" font-family="sans-serif" font-size="12">',
             f"<title>{escape(title)}</title>"]
    for mark in marks:
        parts.append(f'<line x1="{x(mark):.1f}" x2="{x(mark):.1f}" y1="0" y2="{height - 30}"'
                     f' stroke="#bbb" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x(mark):.1f}" y="{height - 16}" text-anchor="middle">'
                     f"{_figure(mark, lang)}</text>")
    for i, (label, value, lo, hi) in enumerate(rows):
        y = i * (BAR_HEIGHT + GAP) + BAR_HEIGHT / 2 + 4
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 4}" text-anchor="end">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{LABEL_WIDTH}" y="{y + 4}">{escape(missing)}</text>')
            continue
        if lo is not None and hi is not None:
            parts.append(f'<line x1="{x(lo):.1f}" x2="{x(hi):.1f}" y1="{y}" y2="{y}" stroke="#333"/>')
        parts.append(f'<circle cx="{x(value):.1f}" cy="{y}" r="4" fill="{COLOURS[0]}">'
                     f"<title>{escape(label)}: {number(value, 3, lang)}</title></circle>")
    parts.append("</svg>")
    return "".join(parts)
