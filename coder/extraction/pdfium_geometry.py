"""From pdfium's page space to pdfplumber's coordinates.

pdfium gives positions in the PDF's own user space (origin bottom-left, /Rotate not
applied). pdfplumber, whose numbers the layout analysis was tuned on, gives them the way
pdfminer computes them: the media box's corner moved to the origin, the page turned by
/Rotate, then flipped so that ``top`` grows downwards (and, for a media box that does not
start at 0, pdfplumber's own shift of x and top; see its ``Page.process_object``).
"""

from __future__ import annotations

import struct

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: a point times m, then times n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def page_ctm(mediabox: tuple[float, float, float, float], rotation: int) -> Matrix:
    """pdfminer's device matrix for a page: the media box's corner to the origin, /Rotate applied."""
    x0, y0, x1, y1 = mediabox
    if rotation == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotation == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def _single(value: float) -> float:
    return float(struct.unpack("f", struct.pack("f", value))[0])


def as_written(value: float) -> float:
    """The shortest decimal that reads back as ``value``, a 32-bit float: pdfium reads the
    media box as such (595.22 comes back as 595.21997...), pdfplumber as written."""
    single = _single(value)
    for digits in range(7):
        if _single(round(value, digits)) == single:
            return round(value, digits)
    return value


class Geometry:
    """The coordinate change for one page, given its media box and /Rotate."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int) -> None:
        x0, x1 = sorted((as_written(mediabox[0]), as_written(mediabox[2])))
        y0, y1 = sorted((as_written(mediabox[1]), as_written(mediabox[3])))
        self.ctm = page_ctm((x0, y0, x1, y1), rotation)
        nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        self.width = nx1 - nx0
        self.height = ny1 - ny0
        self.left = nx0
        self.offset = -ny0
        a, b, c, d, e, f = self.ctm
        # x = xx * px + xy * py + xe and top = tx * px + ty * py + te, for a page-space point
        self.affine = (a, c, e + self.left, -b, -d, self.height + self.offset - f)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.left, self.offset, self.left + self.width, self.offset + self.height)

    def scale(self, matrix: Matrix) -> Matrix:
        """The linear part of ``matrix`` as the page is shown (rotation applied), no offset."""
        return multiply((*matrix[:4], 0, 0), (*self.ctm[:4], 0, 0))

    def shown(self, matrix: Matrix) -> Matrix:
        """The linear part of ``matrix`` in pdfplumber's coordinates (x right, top down)."""
        xx, xy, _, tx, ty, _ = self.affine
        return multiply((*matrix[:4], 0, 0), (xx, tx, xy, ty, 0, 0))

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A page-space point as (x, top)."""
        xx, xy, xe, tx, ty, te = self.affine
        return xx * x + xy * y + xe, tx * x + ty * y + te

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A page-space rectangle as (x0, top, x1, bottom)."""
        xa, ta = self.point(left, bottom)
        xb, tb = self.point(right, top)
        return min(xa, xb), min(ta, tb), max(xa, xb), max(ta, tb)
