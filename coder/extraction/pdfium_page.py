"""A page read with pdfium, offered through the part of pdfplumber's page API that
:func:`coder.extraction.words.read_page` uses.

Why: pdfplumber builds every page through pdfminer's Python interpreter, which was 97 % of
an import. pdfium (C++) reads the same page about ten times faster. Everything downstream
was tuned on pdfplumber's numbers (word boxes, type sizes, which runs of characters make a
word), so this page gives the same numbers: characters in pdfplumber's coordinates (see
:mod:`coder.extraction.pdfium_geometry`) with a box one type size tall standing on the
font's descent line, grouped into words by pdfplumber's own
:func:`pdfplumber.utils.extract_words`, and tables found by pdfplumber's own
:class:`pdfplumber.table.TableFinder` over edges read from pdfium's path objects
(:mod:`coder.extraction.pdfium_objects`).
"""

from __future__ import annotations

import ctypes
from functools import cached_property
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils.text import extract_words

from coder.extraction.pdfium_geometry import Geometry
from coder.extraction.pdfium_objects import Blank, Drawing, FontNames, read_drawing

Char = dict[str, Any]
# what pdfium hands back for a line-end hyphen it recognised (FPDFText_IsHyphen) and for a
# glyph it could not map: the text layer held a hyphen, or nothing readable
_PDFIUM_CODES = {0xFFFE: "-", 0x0002: "-", 0: ""}
DESCENT = 0.21  # a usual font descent, in ems: where a restored space's box ends below the baseline


def _returning_address(function: Any) -> Any:
    """``function`` (a pypdfium2 binding returning a handle) returning the handle's address
    as a plain int: the address is all a per-character loop needs, and making a ctypes
    pointer object for every character costs more than the call itself."""
    address_of = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *function.argtypes)(address_of)


_text_object = _returning_address(raw.FPDFText_GetTextObject)


class TextObjects:
    """Font name, type size, orientation and place in the stream per text object: all
    the characters of one object share them."""

    def __init__(self, geometry: Geometry, fonts: FontNames, order: dict[int, int]) -> None:
        self.geometry = geometry
        self.fonts = fonts
        self.order = order
        self.known: dict[int | None, tuple[str, float, bool, bool, int]] = {}
        self._matrix = raw.FS_MATRIX()
        self._size = ctypes.c_float()

    def get(self, textpage: Any, index: int) -> tuple[str, float, bool, bool, int]:
        """(font name, type size, upright, axis-aligned, place in the stream) for character ``index``."""
        key = _text_object(textpage, index)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._read(textpage, index, key)
        return found

    def _read(self, textpage: Any, index: int, key: int | None) -> tuple[str, float, bool, bool, int]:
        order = self.order.get(key or 0, -1)
        obj = raw.FPDFText_GetTextObject(textpage, index)
        if not obj:
            return "", 0.0, True, False, order
        m = self._matrix  # the character's matrix: its object's, inside any form XObject
        raw.FPDFText_GetMatrix(textpage, index, m)
        a, b, c, d, _, _ = self.geometry.scale((m.a, m.b, m.c, m.d, m.e, m.f))
        raw.FPDFTextObj_GetFontSize(obj, self._size)
        # pdfminer: upright when the text runs left to right along x; the size is the
        # height of the box, the type size times the vertical scale when the text is level
        upright = a * d > 0 and b * c <= 0
        level = m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0
        return self.fonts.name(raw.FPDFTextObj_GetFont(obj)), abs(d) * self._size.value, upright, level, order


def _char(text: str, box: tuple[float, float, float, float], font: str, size: float, upright: bool) -> Char:
    x0, top, x1, bottom = box
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "upright": upright, "fontname": font, "size": size}


def read_chars(textpage: Any, geometry: Geometry, fonts: FontNames, drawing: Drawing) -> list[Char]:
    """Every character of the text layer as a pdfplumber char dict, in stream order.

    pdfium's own line breaks and made-up spaces are left out; blank text objects come
    back as spaces (see :mod:`coder.extraction.pdfium_objects`)."""
    objects = TextObjects(geometry, fonts, drawing.order)
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    chars: list[Char] = []
    orders: list[int] = []
    origins: list[Origin | None] = []
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        text = _PDFIUM_CODES[code] if code in _PDFIUM_CODES else chr(code)
        if not text or (text in " \r\n" and raw.FPDFText_IsGenerated(textpage, i)):
            continue
        raw.FPDFText_GetLooseCharBox(textpage, i, rect)
        name, size, upright, level, order = objects.get(textpage, i)
        left, right = rect.left, rect.right
        if level:
            # pdfium widens the box to the glyph's ink (an italic f reaches back over the
            # letter before); pdfminer's box is the advance: it starts at the origin
            raw.FPDFText_GetCharOrigin(textpage, i, ox, oy)
            left = ox.value
            origins.append((ox.value, oy.value, i))
        else:
            origins.append(None)
        x0, top, x1, bottom = geometry.box(left, rect.bottom, right, rect.top)
        if upright and level:
            top = bottom - size  # pdfminer's box is one type size tall above the descent line
        else:
            size = bottom - top
        chars.append(_char(text, (x0, top, x1, bottom), name, size, upright))
        orders.append(order)
    _trim_ink(textpage, geometry, chars, origins)
    return _restore(chars, orders, drawing.blanks) if drawing.blanks else chars


Origin = tuple[float, float, int]  # x, y in page space, index in the text page


def _trim_ink(textpage: Any, geometry: Geometry, chars: list[Char], origins: list[Origin | None]) -> None:
    """A box that reaches past the next character's origin because pdfium widened it to the
    glyph's ink ends at that origin instead (where the advance ends, kerning aside)."""
    box = None
    for k in range(len(chars) - 1):
        here, there = origins[k], origins[k + 1]
        if here is None or there is None or there[1] != here[1] or not here[0] < there[0]:
            continue
        right = geometry.point(there[0], there[1])[0]
        if chars[k]["x1"] > right + 0.01:
            box = box or (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
            raw.FPDFText_GetCharBox(textpage, here[2], *box)
            ink = geometry.box(box[0].value, box[2].value, box[1].value, box[3].value)[2]
            if abs(ink - chars[k]["x1"]) < 0.01:
                chars[k]["x1"] = right
                chars[k]["width"] = right - chars[k]["x0"]


def _restore(chars: list[Char], orders: list[int], blanks: list[Blank]) -> list[Char]:
    """Each blank text object as a space, where it stood in the stream: before the first
    character of a later text object."""
    for blank in sorted(blanks, key=lambda b: -b.order):
        at = next((i for i, o in enumerate(orders) if o > blank.order), len(chars))
        bottom = blank.baseline + DESCENT * blank.size
        chars.insert(at, _char(" ", (blank.x, bottom - blank.size, blank.x + 0.25 * blank.size, bottom),
                               blank.font, blank.size, True))
        orders.insert(at, blank.order)
    return chars


class PdfiumPage:
    """One page of a :class:`pypdfium2.PdfDocument` seen as a pdfplumber page would be."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.page = page
        self.geometry = Geometry(page.get_mediabox(), page.get_rotation())
        self.width = self.geometry.width
        self.height = self.geometry.height
        self.bbox = self.geometry.bbox
        self.fonts = FontNames()
        self.textpage = page.get_textpage()

    @cached_property
    def drawing(self) -> Drawing:
        return read_drawing(self.page.raw, self.textpage.raw, self.geometry, self.fonts)

    @cached_property
    def chars(self) -> list[Char]:
        return read_chars(self.textpage.raw, self.geometry, self.fonts, self.drawing)

    @property
    def images(self) -> list[int]:
        return list(range(self.drawing.images))

    @property
    def rects(self) -> list[dict[str, Any]]:
        return self.drawing.rects

    @property
    def edges(self) -> list[dict[str, Any]]:
        return self.drawing.edges

    @property
    def horizontal_edges(self) -> list[dict[str, Any]]:
        return [e for e in self.drawing.edges if e["orientation"] == "h"]

    def extract_words(self, **settings: Any) -> list[dict[str, Any]]:
        return extract_words(self.chars, **settings)

    def find_tables(self, settings: dict[str, Any] | None = None) -> list[Any]:
        return TableFinder(self, TableSettings.resolve(settings)).tables  # type: ignore[arg-type]

    def close(self) -> None:
        self.__dict__.pop("chars", None)
        self.__dict__.pop("drawing", None)
        self.textpage.close()
        self.page.close()
