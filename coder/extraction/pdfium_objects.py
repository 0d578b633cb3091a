"""Lines, boxes, images and blank text objects of a page, read from pdfium's page objects.

The table finder and the sidebar detection were written against pdfplumber's edges and
rectangles, which pdfminer makes from each painted subpath: two points make a line, a
closed axis-aligned four-cornered path a rectangle (four edges), anything else a curve
(an edge between each pair of consecutive points). The same rules are applied here to
pdfium's path segments, so both readers see the same rules and boxes.

A *blank* is a text object that gave pdfium's text page no character: a space set on its
own, often in another font (Word writes those). pdfium leaves it out, or replaces it by a
space of its own making that cannot be told from those it invents at gaps; pdfplumber
sees a real space there, which ends a word and, being in another font, splits the run of
characters words are made from. :mod:`coder.extraction.pdfium_page` puts blanks back in
their place in the content stream: ``order`` numbers the text objects in stream order.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw

from coder.extraction.pdfium_geometry import IDENTITY, Geometry, Matrix, multiply

Point = tuple[float, float]


class FontNames:
    """Font handle to its /BaseFont name (pdfium leaves out a subset prefix like "ABCDEF+")."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}
        self._buffer = ctypes.create_string_buffer(256)

    def name(self, font: Any) -> str:
        if not font:
            return ""
        key = address(font)
        found = self.names.get(key)
        if found is None:
            length = raw.FPDFFont_GetBaseFontName(font, self._buffer, len(self._buffer))
            found = self.names[key] = self._buffer.value.decode("utf-8", "replace") if length else ""
        return found


@dataclass
class Blank:
    """A text object without characters: its origin (pdfplumber's x and top of the
    baseline), font name and type size."""

    x: float
    baseline: float
    font: str
    size: float
    order: int


@dataclass
class Drawing:
    """pdfplumber-style edge and rectangle dicts, how many images the page shows, its blanks."""

    edges: list[dict[str, Any]] = field(default_factory=list)
    rects: list[dict[str, Any]] = field(default_factory=list)
    images: int = 0
    blanks: list[Blank] = field(default_factory=list)
    order: dict[int, int] = field(default_factory=dict)  # text object (address) -> place in the stream


def address(handle: Any) -> int:
    """A pdfium handle as a number (the same object always gives the same number)."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def read_drawing(page: Any, textpage: Any, geometry: Geometry, seen: set[int]) -> Drawing:
    """Every painted path, image and blank text object of ``page`` (a raw FPDF_PAGE, with
    its raw text page), form XObjects included. ``seen``: the text objects that gave the
    text page characters (the others may be blanks)."""
    drawing = Drawing()
    objects = [raw.FPDFPage_GetObject(page, i) for i in range(raw.FPDFPage_CountObjects(page))]
    _walk(objects, IDENTITY, (geometry, textpage, seen, FontNames()), drawing)
    return drawing


Context = tuple[Geometry, Any, set[int], FontNames]  # the page's geometry, text page, seen objects, fonts


def _walk(objects: list[Any], outer: Matrix, context: Context, drawing: Drawing) -> None:
    geometry, textpage, seen, fonts = context
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            key = address(obj)
            drawing.order[key] = order = len(drawing.order)
            if key not in seen and raw.FPDFTextObj_GetText(obj, textpage, None, 0) <= 2:  # no text
                drawing.blanks.append(_blank(obj, outer, geometry, fonts, order))
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            drawing.images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))]
            _walk(inner, multiply(_matrix(obj), outer), context, drawing)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            _path(obj, outer, geometry, drawing)


def _blank(obj: Any, outer: Matrix, geometry: Geometry, fonts: FontNames, order: int) -> Blank:
    matrix = multiply(_matrix(obj), outer)
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, size)
    x, baseline = geometry.point(matrix[4], matrix[5])
    font = fonts.name(raw.FPDFTextObj_GetFont(obj))
    return Blank(x, baseline, font, abs(geometry.scale(matrix)[3]) * size.value, order)


def _path(obj: Any, outer: Matrix, geometry: Geometry, drawing: Drawing) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    if not fill.value and not stroke.value:
        return  # not painted (pdfminer drops such paths too)
    colour = _fill_colour(obj) if fill.value else None
    for ops, pts in _subpaths(obj, multiply(_matrix(obj), outer), geometry):
        _shape(ops, pts, bool(fill.value), colour, drawing)


def _fill_colour(obj: Any) -> tuple[float, float, float]:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    raw.FPDFPageObj_GetFillColor(obj, r, g, b, a)
    return (r.value / 255, g.value / 255, b.value / 255)


def _subpaths(obj: Any, matrix: Matrix, geometry: Geometry) -> list[tuple[str, list[Point]]]:
    """The path as pdfminer sees it: per subpath the operators (m, l, c, h) and the end
    point of each, in pdfplumber's coordinates; ``h`` closes back to the subpath's start."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    found: list[tuple[str, list[Point]]] = []
    ops, pts = "", list[Point]()
    bezier = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = geometry.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            if ops:
                found.append((ops, pts))
            ops, pts, bezier = "m", [point], 0
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point; pdfminer keeps the curve's end point only
            ops, pts = ops + "c", [*pts, point]
        else:
            ops, pts = ops + "l", [*pts, point]
        if raw.FPDFPathSegment_GetClose(segment) and ops:
            ops, pts = ops + "h", [*pts, pts[0]]
    if ops:
        found.append((ops, pts))
    return found


def _shape(ops: str, pts: list[Point], fill: bool, colour: tuple[float, float, float] | None,
           drawing: Drawing) -> None:
    if len(ops) > 3 and ops.endswith("lh") and pts[-2] == pts[0]:
        ops, pts = ops[:-2] + "h", pts[:-1]  # a redundant line back to the start, then close
    if ops in ("ml", "mlh"):
        (x0, t0), (x1, t1) = pts[0], pts[1]
        drawing.edges.append(_edge("line", x0, t0, x1, t1, "h" if t0 == t1 else "v"))
        return
    if ops in ("mlllh", "mllll") and pts[0] == pts[4] and _square(pts):
        x0, x1 = sorted((pts[0][0], pts[2][0]))
        top, bottom = sorted((pts[0][1], pts[2][1]))
        drawing.rects.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "fill": fill,
                              "non_stroking_color": colour})
        drawing.edges += [_edge("rect_edge", x0, top, x1, top, "h"),
                          _edge("rect_edge", x0, bottom, x1, bottom, "h"),
                          _edge("rect_edge", x0, top, x0, bottom, "v"),
                          _edge("rect_edge", x1, top, x1, bottom, "v")]
        return
    for (x0, t0), (x1, t1) in itertools.pairwise(pts):
        orientation = "v" if x0 == x1 else "h" if t0 == t1 else None
        drawing.edges.append(_edge("curve_edge", x0, t0, x1, t1, orientation))


def _square(pts: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
    return ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
            or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def _edge(kind: str, xa: float, ta: float, xb: float, tb: float, orientation: str | None) -> dict[str, Any]:
    x0, x1 = sorted((xa, xb))
    top, bottom = sorted((ta, tb))
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation}
