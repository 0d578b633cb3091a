"""Page layout: blocks found by whitespace and typography, put in reading order.

1. A landscape page with an empty vertical strip near its middle is a *spread* (two
   printed pages on one sheet); each half is laid out on its own, left half first.
2. Lines are cut into *segments* at gaps wider than a column gutter can be narrow
   (1.2 em), so words of neighbouring columns on the same baseline never share a line.
3. Segments stack into *blocks*: the next segment below, overlapping in x, with the same
   type size and at most about a line of white space between them.
4. Each block gets a *kind* from its typography: ``heading`` (large and short, or bold
   and short), ``pullquote`` (large type with quotation marks or in capitals),
   ``attribution`` (the short line under a pull quote), ``caption`` (small type starting
   with Foto/Tabel/… or in italics), ``footnote`` (small type low on the page),
   ``sidebar`` (small type, or text on a shaded box), ``table``, or ``paragraph``.
5. *Reading order* of the flow blocks (paragraphs, headings) follows Breuel's partial
   order (2003): ``a`` before ``b`` when they overlap in x and ``a`` is above, or when
   ``a`` lies wholly left of ``b`` and no block between them in height overlaps both.
   Unlike a recursive XY-cut this never cuts columns into bands where paragraph gaps
   happen to line up, and a full-width heading still separates the columns above it
   from those below. The other blocks leave the flow (so a paragraph that runs around
   a photo, a pull quote or a table stays one paragraph) and are put after the flow block
   above them; footnotes go to the end of the page.
6. When the order has a cycle (overlapping blocks), the page falls back to plain top-to-
   bottom order of its lines, which is what a plain read gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coder.extraction.words import Line

FLOW = {"paragraph", "heading"}
SEGMENT_GAP_EM = 1.2
CAPTION = re.compile(
    r"^(Foto|Beeld|Illustratie|Tabel|Figuur|Grafiek|Bron|Kaart|Photo|Figure|Table|Source|Chart)\b",
    re.IGNORECASE,
)
QUOTE_MARKS = "„“”‘’\"'«»"
LABEL = re.compile(
    r"^(\d+(\.\d+)*\.|[a-z]\)|[ivx]+\.|[•▪●◦–-])$", re.I
)  # a number or bullet hung before text
FOOTNOTE = re.compile(r"^(\d{1,3}|[*†‡])\s")


@dataclass
class Placed:
    """A line in reading order, with the layout block it belongs to and that block's kind."""

    line: Line
    side: str
    kind: str | None = None


@dataclass
class LBlock:
    """Lines stacked into one block; its box is fixed once the block is complete
    (:meth:`seal`), since the reading order compares boxes many times."""

    lines: list[Line]
    kind: str = "paragraph"
    id: int = 0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0

    def seal(self) -> None:
        self.x0 = min(line.x0 for line in self.lines)
        self.x1 = max(line.x1 for line in self.lines)
        self.top = min(line.top for line in self.lines)
        self.bottom = max(line.bottom for line in self.lines)
        sizes = sorted(line.size for line in self.lines)
        self.size = sizes[len(sizes) // 2]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def segments(lines: list[Line]) -> list[Line]:
    """Lines cut at gaps too wide for a word space."""
    out: list[Line] = []
    for line in lines:
        if line.table is not None:
            out.append(line)
            continue
        current = [line.words[0]]
        for word in line.words[1:]:
            if word.x0 - current[-1].x1 > max(
                SEGMENT_GAP_EM * min(word.size, current[-1].size), 7.0
            ) and not (len(current) == 1 and LABEL.match(current[0].text)):  # "8.   Heading"
                out.append(Line(current, line.page))
                current = []
            current.append(word)
        out.append(Line(current, line.page))
    return out


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def build_blocks(segs: list[Line]) -> list[LBlock]:
    blocks: list[LBlock] = []
    open_blocks: list[LBlock] = []
    for seg in sorted(segs, key=lambda s: (s.top, s.x0)):
        if seg.table is not None:
            blocks.append(LBlock([seg], "table"))
            continue
        best = None
        for block in open_blocks:
            last = block.lines[-1]
            width = min(seg.x1 - seg.x0, last.x1 - last.x0)
            gap = seg.top - last.bottom
            if (
                _overlap(seg.x0, seg.x1, last.x0, last.x1) >= 0.5 * width
                and -1.0 <= gap <= 0.9 * seg.size
                and abs(seg.size - last.size) <= 0.6
                and (best is None or last.bottom > best.lines[-1].bottom)
            ):
                best = block
        if best is None:
            best = LBlock([seg])
            blocks.append(best)
            open_blocks.append(best)
        else:
            best.lines.append(seg)
        open_blocks = [b for b in open_blocks if seg.top - b.lines[-1].bottom <= 3 * seg.size]
    for i, block in enumerate(blocks):
        block.id = i
        block.seal()
    return blocks


def _caps_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / max(1, len(letters))


def classify(
    blocks: list[LBlock], body: float, height: float, shaded: list[tuple[float, float, float, float]]
) -> None:
    for block in sorted(blocks, key=lambda b: b.top):
        if block.kind == "table":
            continue
        text, words, size = block.text, len(block.text.split()), block.size
        bold = sum(w.bold for line in block.lines for w in line.words) >= 0.8 * sum(
            len(l.words) for l in block.lines
        )
        if size >= 1.15 * body:
            quoted = text[:1] in QUOTE_MARKS or text.rstrip()[-1:] in QUOTE_MARKS
            if words >= 4 and (quoted or _caps_share(text) > 0.8):
                block.kind = "pullquote"
            else:
                block.kind = "heading" if len(block.lines) <= 3 else "paragraph"
        elif words <= 12 and len(block.lines) <= 2 and any(_attributes(p, block, blocks) for p in blocks):
            block.kind = "attribution"
        elif any(_inside(block, box) for box in shaded):
            block.kind = "sidebar"
        elif size <= 0.9 * body:
            if FOOTNOTE.match(text) and block.top > 0.55 * height:
                block.kind = "footnote"
            elif CAPTION.match(text) or _italic(block):
                block.kind = "caption"
            else:
                block.kind = "sidebar"
        elif bold and len(block.lines) <= 2 and words <= 14 and not text.rstrip().endswith((".", ",", ";")):
            block.kind = "heading"


def _attributes(quote: LBlock, block: LBlock, blocks: list[LBlock]) -> bool:
    """``block`` is the nearest block under pull quote ``quote``, close and overlapping it."""
    if (
        quote.kind != "pullquote"
        or not 0 <= block.top - quote.bottom <= 3 * quote.size
        or _overlap(quote.x0, quote.x1, block.x0, block.x1) <= 0
    ):
        return False
    return not any(
        0 <= other.top - quote.bottom < block.top - quote.bottom
        and other is not block
        and _overlap(quote.x0, quote.x1, other.x0, other.x1) > 0
        for other in blocks
    )


def _italic(block: LBlock) -> bool:
    words = [w for line in block.lines for w in line.words]
    return sum(w.italic for w in words) >= 0.8 * len(words)


def _inside(block: LBlock, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (block.x0 + block.x1) / 2, (block.top + block.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _before(a: LBlock, b: LBlock, others: list[LBlock]) -> bool:
    if _overlap(a.x0, a.x1, b.x0, b.x1) > 0:
        return a.top < b.top
    if a.x1 <= b.x0:
        lo, hi = min(a.top, b.top), max(a.bottom, b.bottom)
        for c in others:
            if c is a or c is b:
                continue
            if (
                c.bottom > lo
                and c.top < hi
                and c.top > min(a.bottom, b.bottom) - 1
                and _overlap(c.x0, c.x1, a.x0, a.x1) > 0
                and _overlap(c.x0, c.x1, b.x0, b.x1) > 0
            ):
                return False
        return True
    return False


def flow_order(blocks: list[LBlock]) -> list[LBlock] | None:
    """Topological sort of Breuel's partial order; None when it has a cycle."""
    n = len(blocks)
    preds = [0] * n
    succ: list[list[int]] = [[] for _ in range(n)]
    for i, a in enumerate(blocks):
        for j, b in enumerate(blocks):
            if i != j and _before(a, b, blocks):
                succ[i].append(j)
                preds[j] += 1
    ready = [i for i in range(n) if preds[i] == 0]
    order: list[LBlock] = []
    while ready:
        ready.sort(key=lambda i: (blocks[i].x0, blocks[i].top))
        i = ready.pop(0)
        order.append(blocks[i])
        for j in succ[i]:
            preds[j] -= 1
            if preds[j] == 0:
                ready.append(j)
    return order if len(order) == n else None


def order_blocks(blocks: list[LBlock]) -> list[LBlock] | None:
    flow = [b for b in blocks if b.kind in FLOW]
    ordered = flow_order(flow)
    if ordered is None:
        return None
    notes = sorted((b for b in blocks if b.kind == "footnote"), key=lambda b: (b.top, b.x0))
    for block in sorted(
        (b for b in blocks if b.kind not in FLOW and b.kind != "footnote"), key=lambda b: (b.top, b.x0)
    ):
        left = (block.x0, block.x0 + min(block.x1 - block.x0, 30.0))  # the column it starts in
        above = [
            i
            for i, f in enumerate(ordered)
            if f.bottom <= block.top + 2 and _overlap(f.x0, f.x1, *left) > 0 and f.kind in FLOW
        ]
        at = (
            max(above) + 1
            if above
            else next(
                (i for i, f in enumerate(ordered) if _overlap(f.x0, f.x1, block.x0, block.x1) > 0),
                len(ordered),
            )
        )
        # after the flow block above it, and after the other lifted blocks already put there
        while at < len(ordered) and ordered[at].kind not in FLOW:
            at += 1
        ordered.insert(at, block)
    return ordered + notes


def spread_split(segs: list[Line], width: float, height: float) -> float | None:
    """The x of the fold of a two-page spread, or None."""
    if width < 1.2 * height or len(segs) < 4:
        return None
    best: float | None = None
    for x in range(int(width * 0.42), int(width * 0.58), 2):
        if any(s.x0 - 4 < x < s.x1 + 4 for s in segs):
            continue
        left = sum(1 for s in segs if s.x1 <= x)
        if (
            left >= 2
            and len(segs) - left >= 2
            and (best is None or abs(x - width / 2) < abs(best - width / 2))
        ):
            best = float(x)
    return best


def page_layout(
    lines: list[Line],
    width: float,
    height: float,
    body: float,
    shaded: list[tuple[float, float, float, float]] | None = None,
) -> tuple[list[Placed], float | None]:
    """The page's lines in reading order, each with its block; and the fold x of a spread."""
    segs = segments(lines)
    fold = spread_split(segs, width, height)
    halves = [segs] if fold is None else [[s for s in segs if s.x1 <= fold], [s for s in segs if s.x1 > fold]]
    placed: list[Placed] = []
    for h, part in enumerate(halves):
        blocks = build_blocks(part)
        classify(blocks, body, height, shaded or [])
        ordered = order_blocks(blocks)
        if ordered is None:  # unsure: plain top-to-bottom order of whole lines
            return [Placed(line, "full") for line in sorted(lines, key=lambda l: (l.top, l.x0))], fold
        for block in ordered:
            placed += [Placed(line, f"{h}.{block.id}", block.kind) for line in block.lines]
    return placed, fold
