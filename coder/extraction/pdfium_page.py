"""A page read with pdfium, offered through the part of pdfplumber's page API that
:func:`coder.extraction.words.read_page` uses.

Why: pdfplumber builds every page through pdfminer's Python interpreter, which was 97 % of
an import; pdfium (C++) parses the page, and the whole read of a page here costs a third
to a fifth of pdfplumber's. Everything downstream was tuned on pdfplumber's numbers (word
boxes, type sizes, which runs of characters make a word), so this page gives the same
numbers: characters in pdfplumber's coordinates (see :mod:`coder.extraction.pdfium_geometry`)
with pdfminer's box (one type size tall, standing on the font's descent line, as wide as
the advance), grouped into words by pdfplumber's rules (:mod:`coder.extraction.pdfium_words`;
pdfplumber's own ``extract_words`` for any other settings), and tables found by
pdfplumber's own :class:`pdfplumber.table.TableFinder` over edges read from pdfium's path
objects (:mod:`coder.extraction.pdfium_objects`).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
from functools import cached_property
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils.text import extract_words

from coder.extraction.pdfium_geometry import Geometry
from coder.extraction.pdfium_objects import Blank, Drawing, read_drawing
from coder.extraction.pdfium_words import BOTTOM, FONT, SIZE, TEXT, TOP, UPRIGHT, X0, X1, Glyph, words_of

Char = dict[str, Any]
# what pdfium hands back for a line-end hyphen it recognised (FPDFText_IsHyphen) and for a
# glyph it could not map: the text layer held a hyphen, or nothing readable
_PDFIUM_CODES = {"\ufffe": "-", "\x02": "-", "\x00": ""}
# the word settings words_of follows (pdfplumber's defaults, words split by font and size)
FAST_WORDS = ({"extra_attrs": ["fontname", "size"]},
              {"extra_attrs": ["fontname", "size"], "keep_blank_chars": False})
ADVANCE_SLACK = 0.05  # points: a next character that starts this near the advance's end follows it
DESCENT = 0.21  # a usual font descent, in ems: where a restored space's box ends below the baseline


def _returning_address(function: Any) -> Any:
    """``function`` (a pypdfium2 binding returning a handle) returning the handle's address
    as a plain int: the address is all a per-character loop needs, and making a ctypes
    pointer object for every character costs more than the call itself."""
    address_of = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *function.argtypes)(address_of)


_text_object = _returning_address(raw.FPDFText_GetTextObject)


class Style(NamedTuple):
    """What the characters of one text object share, as shown (page turned by /Rotate)."""

    font: str
    size: float  # pdfminer's size: the type size times the vertical scale (the box's height)
    upright: bool  # pdfminer's test: the text runs left to right
    flat: bool  # on a level baseline, glyphs standing up (maybe slanted): the box's height is known
    plain: bool  # flat and not slanted: the box runs from the origin over the advance
    below: float | None = None  # how far the box reaches below the baseline, when flat and known
    widths: dict[str, int] | None = None  # a standard font's advance widths (em/1000), when plain
    scale: float = 0.0  # from those widths (or the font's own, see Advances) to points, when plain
    face: tuple[Any, int] | None = None  # the font's handle and address, when plain and not a standard font


class Styles:
    """Font name, type size and orientation per text object (all its characters share them)."""

    def __init__(self, geometry: Geometry) -> None:
        self.geometry = geometry
        self.known: dict[int | None, Style] = {}
        self._matrix = raw.FS_MATRIX()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._descent = ctypes.c_float()

    def read(self, textpage: Any, index: int) -> Style:
        """The style of character ``index``, whose text object is new."""
        m = self._matrix  # the character's matrix: its object's, inside any form XObject
        raw.FPDFText_GetMatrix(textpage, index, m)
        # as shown: pdfplumber's top grows downwards, so a glyph standing up has d < 0 here
        a, b, c, d, _, _ = self.geometry.shown((m.a, m.b, m.c, m.d, m.e, m.f))
        size = raw.FPDFText_GetFontSize(textpage, index)
        # the /BaseFont (pdfium leaves out a subset prefix such as "ABCDEF+")
        length = raw.FPDFText_GetFontInfo(textpage, index, self._name, len(self._name), self._flags)
        name = self._name.value.decode("utf-8", "replace") if length else ""
        upright = a * d < 0 and b * c >= 0  # pdfminer's test, with y pointing down
        flat = a > 0 and b == 0 and d < 0
        plain = flat and c == 0
        if not flat:
            return Style(name, abs(d) * size, upright, flat, plain)
        font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textpage, index))
        if font and name in FONT_METRICS and not raw.FPDFFont_GetIsEmbedded(font):
            # a standard font: pdfminer takes its published metrics (pdfium its own
            # stand-in's): descent, and the advance that ends the box
            descriptor, widths = FONT_METRICS[name]
            descent = float(descriptor["Descent"]) / 1000  # type: ignore[arg-type]
            return Style(name, -d * size, upright, flat, plain, -descent * -d * size,
                         widths if plain else None, a * size / 1000)
        below = None
        if font and raw.FPDFFont_GetDescent(font, 1.0, self._descent):
            below = -self._descent.value * -d * size  # the descriptor's, as pdfminer takes it
        face = (font, ctypes.cast(font, ctypes.c_void_p).value or 0) if font and plain else None
        return Style(name, -d * size, upright, flat, plain, below, None, a * size / 1000, face)


class Advances:
    """A character's advance width in a font (em/1000, from the font's /Widths), per font
    and character, asked once.

    Why: pdfium's loose box reaches to the glyph's ink where that is wider than the advance
    (an f in Computer Modern overhangs its advance by a tenth of an em); pdfminer's ends at
    the advance. The wider box narrows the gap to the next word under pdfplumber's 3 pt and
    ran words together ("of rules" read as "ofrules")."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, str], float] = {}
        self._width = ctypes.c_float()

    def get(self, face: tuple[Any, int], text: str) -> float:
        key = (face[1], text)
        advance = self.known.get(key)
        if advance is None:
            # pdfium maps the character back to its code in the font; 0 when it cannot
            found = len(text) == 1 and raw.FPDFFont_GetGlyphWidth(face[0], ord(text), 1000.0, self._width)
            advance = self.known[key] = self._width.value if found else 0.0
        return advance


def _glyph(text: str, box: tuple[float, float, float, float], font: str, size: float, upright: bool) -> Glyph:
    x0, top, x1, bottom = box
    return [text, x0, x1, top, bottom, upright, font, size]


def _char(g: Glyph) -> Char:
    """A character as pdfplumber's dict."""
    return {"text": g[TEXT], "x0": g[X0], "x1": g[X1], "top": g[TOP], "bottom": g[BOTTOM], "doctop": g[TOP],
            "width": g[X1] - g[X0], "height": g[BOTTOM] - g[TOP], "upright": g[UPRIGHT],
            "fontname": g[FONT], "size": g[SIZE]}


Origin = tuple[float, float, int]  # the origin as shown (x, top) and the index in the text page
End = tuple[int, float, int]  # a character, where its advance ends, its font (address)
Reach = tuple[int, int, float]  # a character, its index in the text page, the next character's origin x


def _page_text(textpage: Any) -> str:
    """One character per character of the text page, read in one call (one call per
    character costs more than the rest of the reading), unless the page holds characters
    beyond 16 bits, which the one call writes as two."""
    count = raw.FPDFText_CountChars(textpage)
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) == count:
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))


def read_chars(textpage: Any, geometry: Geometry) -> tuple[list[Glyph], list[int]]:
    """Every character of the text layer (see :mod:`coder.extraction.pdfium_words`), in stream order, and
    the text object (its address) each comes from. pdfium's own line breaks and made-up
    spaces are left out."""
    styles = Styles(geometry)
    known = styles.known
    advances = Advances()
    advance_of = advances.known
    to_advance: list[End] = []  # a character in a font with widths, where its advance ends
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    xx, xy, xe, tx, ty, te = geometry.affine
    chars: list[Glyph] = []
    owners: list[int] = []
    previous: Origin | None = None  # the last character's, when it was plain
    reaching: list[Reach] = []
    for i, code in enumerate(_page_text(textpage)):
        text = _PDFIUM_CODES.get(code, code)
        if not text or (text in " \r\n" and raw.FPDFText_IsGenerated(textpage, i)):
            continue
        owner = _text_object(textpage, i)
        style = known.get(owner)
        if style is None:
            style = known[owner] = styles.read(textpage, i)
        name, size, upright, flat, plain, below, widths, scale, face = style
        if widths is None or below is None or text not in widths:
            raw.FPDFText_GetLooseCharBox(textpage, i, rect)
            left, right, low, high = rect.left, rect.right, rect.bottom, rect.top
            xa, xb = xx * left + xy * low + xe, xx * right + xy * high + xe
            ta, tb = tx * left + ty * low + te, tx * right + ty * high + te
            x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
            top, bottom = (ta, tb) if ta <= tb else (tb, ta)
        if flat:
            # pdfminer's box is one type size tall, standing on the font's descent line;
            # pdfium's is as tall as the font program's ascent and descent
            raw.FPDFText_GetCharOrigin(textpage, i, ox, oy)
            x, baseline = xx * ox.value + xy * oy.value + xe, tx * ox.value + ty * oy.value + te
            if below is not None:
                bottom = baseline + below
            top = bottom - size
            if plain:
                # pdfium widens the box to the glyph's ink (an italic f reaches back over
                # the letter before); pdfminer's is the advance, from the origin on
                x0 = x
                if widths is not None and text in widths:
                    x1 = x + widths[text] * scale
                elif face:
                    advance = advance_of.get((face[1], text))
                    if advance is None:
                        advance = advances.get(face, text)
                    to_advance.append((len(chars), x + advance * scale, face[1]))
                if previous and previous[1] == baseline and previous[0] < x < chars[-1][X1] - 0.01:
                    reaching.append((len(chars) - 1, previous[2], x))
                previous = (x, baseline, i)
            else:
                previous = None
        else:
            size = bottom - top  # pdfminer's size is the box's height as shown
            previous = None
        chars.append([text, x0, x1, top, bottom, upright, name, size])  # see pdfium_words.Glyph
        owners.append(owner or 0)
    _trim_ink(textpage, geometry, chars, reaching)
    _to_advance(chars, owners, to_advance)
    return chars, owners


def _to_advance(chars: list[Glyph], owners: list[int], ends: list[End]) -> None:
    """Each box of ``ends`` (a character, where its advance ends by pdfium's widths, its
    font) ends at its advance, as pdfminer's does, when the page bears the font's widths
    out, and unless the character is part of a ligature pdfium spelled out (its letters
    share one origin and the ligature's box).

    Borne out: most characters followed by another of the same text object start the
    next where their advance ends, or at one distance from there (letter spacing; kerning
    and word spacing make the exceptions). pdfium looks a width up by mapping the
    character back to a code in the font, which goes wrong in composite fonts (it takes
    the Unicode value for the glyph id of an Identity-encoded font, and finds the default
    width or another glyph's); such a font keeps pdfium's boxes."""
    residues: dict[tuple[int, int], int] = {}  # (font, from the advance's end to the next origin): pairs
    pairs: dict[int, int] = {}  # font: pairs of characters following each other in a text object
    for (k, end, face), (n, _, _) in itertools.pairwise(ends):
        if n == k + 1 and owners[n] == owners[k] and end > chars[k][X0]:
            key = (face, round((chars[n][X0] - end) / ADVANCE_SLACK))
            residues[key] = residues.get(key, 0) + 1
            pairs[face] = pairs.get(face, 0) + 1
    most: dict[int, int] = {}
    for (face, _), count in residues.items():
        most[face] = max(most.get(face, 0), count)
    borne = {face for face, count in most.items() if count * 2 > pairs[face]}
    last = len(chars) - 1
    for k, end, face in ends:
        x = chars[k][X0]
        if face not in borne or end <= x:  # not borne out, or no width found
            continue
        if (k < last and chars[k + 1][X0] == x) or (k > 0 and chars[k - 1][X0] == x):
            continue
        chars[k][X1] = end


def _trim_ink(textpage: Any, geometry: Geometry, chars: list[Glyph], reaching: list[Reach]) -> None:
    """A box that reaches past the next character's origin (``reaching``: the character,
    its index in the text page, that origin) because pdfium widened it to the glyph's ink
    ends at that origin instead (where the advance ends, kerning aside)."""
    box = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
    for k, index, x in reaching:
        raw.FPDFText_GetCharBox(textpage, index, *box)  # left, right, bottom, top
        ink = geometry.box(box[0].value, box[2].value, box[1].value, box[3].value)
        if abs(ink[2] - chars[k][X1]) < 0.01:  # the right edge is the ink's
            chars[k][X1] = x


def restore_blanks(chars: list[Glyph], orders: list[int], blanks: list[Blank]) -> list[Glyph]:
    """Each blank text object as a space, where it stood in the stream: before the first
    character of a later text object (see :mod:`coder.extraction.pdfium_objects`)."""
    ordered = all(a <= b for a, b in itertools.pairwise(orders))
    for blank in sorted(blanks, key=lambda b: -b.order):
        if ordered:
            at = bisect.bisect_right(orders, blank.order)
        else:
            at = next((i for i, o in enumerate(orders) if o > blank.order), len(chars))
        bottom = blank.baseline + DESCENT * blank.size
        chars.insert(at, _glyph(" ", (blank.x, bottom - blank.size, blank.x + 0.25 * blank.size, bottom),
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
        self.textpage = page.get_textpage()

    @cached_property
    def _text(self) -> tuple[list[Glyph], list[int]]:
        return read_chars(self.textpage.raw, self.geometry)

    @cached_property
    def drawing(self) -> Drawing:
        seen = set(self._text[1])
        return read_drawing(self.page.raw, self.textpage.raw, self.geometry, seen)

    @cached_property
    def glyphs(self) -> list[Glyph]:
        """The characters, blanks restored, as lists (see :mod:`coder.extraction.pdfium_words`)."""
        chars, owners = self._text
        if not self.drawing.blanks:
            return chars
        order = self.drawing.order
        return restore_blanks(list(chars), [order.get(o, -1) for o in owners], self.drawing.blanks)

    @cached_property
    def chars(self) -> list[Char]:
        return [_char(g) for g in self.glyphs]

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
        if settings in FAST_WORDS:  # what read_page asks for: the same rules, without dicts per character
            return words_of(self.glyphs)
        return extract_words(self.chars, **settings)

    def find_tables(self, settings: dict[str, Any] | None = None) -> list[Any]:
        return TableFinder(self, TableSettings.resolve(settings)).tables  # type: ignore[arg-type]

    def close(self) -> None:
        for cached in ("_text", "drawing", "glyphs", "chars"):
            self.__dict__.pop(cached, None)
        self.textpage.close()
        self.page.close()
